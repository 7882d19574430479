#pragma once
// Follows one of the server's durable jobs (GET /jobs/{id}, docs/api.md "Jobs") until it is done or failed, asking
// twice a second for at most a bounded time: for work the recruiter started and waits for (a retention run, a
// candidate's export archive).

#include "apiclient.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class JobWatcher : public QObject
{
    Q_OBJECT
public:
    // `job` is the job's JSON when it ended (state done or failed); empty with `error` set, or when it did not end
    // within the bound (then `error` is empty too).
    using Done = std::function<void(const QJsonObject &job, const ApiError &error)>;

    explicit JobWatcher(QObject *parent = nullptr);
    void watch(ApiClient *client, qint64 jobId, Done done, int maxMs = 120000);
    bool active() const { return m_job != 0; }

private:
    void ask();
    void finish(const QJsonObject &job, const ApiError &error);

    QPointer<ApiClient> m_client;
    qint64 m_job = 0;
    int m_polls = 0;
    int m_maxPolls = 0;
    Done m_done;
    QTimer m_timer;
};
