#pragma once
// The organization's retention periods for administrators (GET/PUT /retention, docs/api.md "Retention"): how
// long recordings and candidates are kept, what a run would delete now (a dry run), and a run on request whose
// result is followed until its job ends. A period of 0 means "not deleted on a schedule" (null in the API).

#include "apiclient.h"
#include "jobwatcher.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

class RetentionSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(ApiError error READ error NOTIFY errorChanged)
    Q_PROPERTY(int recordingsDays READ recordingsDays NOTIFY changed)
    Q_PROPERTY(int candidateDays READ candidateDays NOTIFY changed)
    Q_PROPERTY(int previewDays READ previewDays NOTIFY changed)
    Q_PROPERTY(bool dueKnown READ dueKnown NOTIFY dueChanged)
    Q_PROPERTY(int dueRecordings READ dueRecordings NOTIFY dueChanged)
    Q_PROPERTY(int dueCandidates READ dueCandidates NOTIFY dueChanged)
    Q_PROPERTY(bool running READ running NOTIFY runChanged)
    Q_PROPERTY(QString runResult READ runResult NOTIFY runChanged)
public:
    static constexpr int kMaxDays = 3650;

    explicit RetentionSettings(QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    bool loaded() const { return m_loaded; }
    bool busy() const { return m_busy; }
    ApiError error() const { return m_error; }
    int recordingsDays() const { return m_recordingsDays; }
    int candidateDays() const { return m_candidateDays; }
    int previewDays() const { return m_previewDays; }
    bool dueKnown() const { return m_dueKnown; }
    int dueRecordings() const { return m_dueRecordings; }
    int dueCandidates() const { return m_dueCandidates; }
    bool running() const { return m_run.active(); }
    QString runResult() const { return m_runResult; }

    // Reads the periods and what is due now.
    Q_INVOKABLE void reload();
    // Saves both periods (0: none), then reads what is due under them.
    Q_INVOKABLE void save(int recordingsDays, int candidateDays);
    // Deletes what is due now (a `retention` job), and says what it deleted when the job has ended.
    Q_INVOKABLE void runNow();

signals:
    void clientChanged();
    void changed();
    void busyChanged();
    void errorChanged();
    void dueChanged();
    void runChanged();
    void saved();

private:
    void take(const QJsonObject &o);
    void checkDue();
    void setBusy(bool busy);
    void setError(const ApiError &error);

    ApiClient *m_client = nullptr;
    bool m_loaded = false;
    bool m_busy = false;
    ApiError m_error;
    int m_recordingsDays = 0;
    int m_candidateDays = 0;
    int m_previewDays = 0;
    bool m_dueKnown = false;
    int m_dueRecordings = 0;
    int m_dueCandidates = 0;
    JobWatcher m_run;
    QString m_runResult;
};
