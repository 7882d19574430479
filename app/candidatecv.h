#pragma once
// One candidate's CV: whether the server holds one (GET /candidates/{id}), the PDF fetched through the API into
// a folder only this user can read (removed with this object) for QtPdf to show, and attaching a new one
// (PUT /candidates/{id}/cv) after checking on this computer that it is a PDF of acceptable size.

#include "apiclient.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <memory>

class CandidateCv : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(qint64 candidateId READ candidateId WRITE setCandidateId NOTIFY candidateIdChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool hasCv READ hasCv NOTIFY changed)
    Q_PROPERTY(qint64 size READ size NOTIFY changed)
    // The PDF on this computer, for PdfDocument.source; empty until fetched.
    Q_PROPERTY(QUrl source READ source NOTIFY changed)
    Q_PROPERTY(ApiError error READ error NOTIFY changed)
public:
    static constexpr qint64 kMaxBytes = 100LL * 1024 * 1024; // never read more into memory (the server's limit is lower, 10 MiB by default)

    explicit CandidateCv(QObject *parent = nullptr);
    ~CandidateCv() override;

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    qint64 candidateId() const { return m_candidateId; }
    void setCandidateId(qint64 id);
    bool busy() const { return m_busy; }
    bool loaded() const { return m_loaded; }
    bool hasCv() const { return m_hasCv; }
    qint64 size() const { return m_size; }
    QUrl source() const { return m_source; }
    ApiError error() const { return m_error; }
    // Where the fetched PDF is kept (tests); default: the system's temporary folder.
    void setScratchDir(const QString &dir) { m_scratch = dir; }

    // Reads whether there is a CV and fetches it.
    Q_INVOKABLE void reload();
    // Sends the PDF at `file` (a local file URL) as the candidate's CV, replacing any earlier one, then shows it.
    Q_INVOKABLE void attach(const QUrl &file);

signals:
    void clientChanged();
    void candidateIdChanged();
    void changed();
    // The server took the new CV.
    void attached();

private:
    void fetch();
    void finish(const ApiError &error);

    QPointer<ApiClient> m_client;
    qint64 m_candidateId = 0;
    bool m_busy = false, m_loaded = false, m_hasCv = false;
    qint64 m_size = 0;
    QUrl m_source;
    ApiError m_error;
    QString m_scratch;
    std::unique_ptr<QTemporaryDir> m_dir; // this CV only, owner-only, removed with this object
    quint64 m_generation = 0;             // bumped when the candidate changes: late answers are dropped
};
