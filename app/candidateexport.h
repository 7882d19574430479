#pragma once
// A candidate's data in one archive, for administrators to hand to them (POST /candidates/{id}/export, then
// GET /exports/{job}; docs/api.md "Candidates"): the server's export job is followed until it is done, and the
// archive saved where the administrator chose, readable only by them.

#include "apiclient.h"
#include "jobwatcher.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class CandidateExport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY changed)
    Q_PROPERTY(ApiError error READ error NOTIFY changed)
public:
    explicit CandidateExport(QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    bool busy() const { return m_busy; }
    QString savedPath() const { return m_saved; }
    ApiError error() const { return m_error; }

    // Asks for a new archive of `candidateId`'s data and saves it as `file` (a local file).
    Q_INVOKABLE void saveTo(qint64 candidateId, const QUrl &file);
    // Forgets the last result (a dialog opened anew).
    Q_INVOKABLE void clear();

signals:
    void clientChanged();
    void changed();
    void saved(const QString &path);

private:
    void end(const ApiError &error, const QString &path = {});

    ApiClient *m_client = nullptr;
    JobWatcher m_job;
    bool m_busy = false;
    QString m_saved;
    ApiError m_error;
};
