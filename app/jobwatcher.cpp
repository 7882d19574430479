#include "jobwatcher.h"

namespace {
constexpr int kPollMs = 500;
}

JobWatcher::JobWatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &JobWatcher::ask);
}

void JobWatcher::watch(ApiClient *client, qint64 jobId, Done done, int maxMs)
{
    m_client = client;
    m_job = jobId;
    m_polls = 0;
    m_maxPolls = qMax(1, maxMs / kPollMs);
    m_done = std::move(done);
    m_timer.start();
}

void JobWatcher::ask()
{
    if (!m_client || !m_job)
        return finish({}, ApiError::badReply(tr("not signed in")));
    m_client->get(QStringLiteral("/jobs/%1").arg(m_job), this, [this](const ApiResult &r) {
        if (!r.ok())
            return finish({}, r.error);
        const QJsonObject job = r.json.toObject();
        const QString state = job.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("done") || state == QLatin1String("failed"))
            return finish(job, {});
        if (++m_polls >= m_maxPolls)
            return finish({}, {});
        m_timer.start();
    });
}

void JobWatcher::finish(const QJsonObject &job, const ApiError &error)
{
    m_job = 0;
    const Done done = std::move(m_done);
    m_done = {};
    if (done)
        done(job, error);
}
