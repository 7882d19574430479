#include "jobqueue.h"

#include "core/config.h"
#include "core/error.h"
#include "core/log.h"
#include "core/workerthreads.h"
#include "storage/database.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>
#include <optional>


namespace intervox {

namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }

constexpr int kPollMs = 1000;                           // also finds retries that are due and expired leases
constexpr int kMaxInterruptions = 5;                    // runs lost with their process before a job gives up
constexpr qint64 kKeepFinishedMs = 30LL * 24 * 3600 * 1000; // finished jobs and their runs are kept 30 days
constexpr qint64 kCleanupEveryMs = 3600 * 1000;

// A lease given up for a reason the caller must not retry on: the job belongs to another worker now.
struct LeaseLost
{
};

QString toJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

qint64 backoffMs(int attempt)
{
    const qint64 base = qMin<qint64>(5000LL << qMin(attempt - 1, 10), 3600 * 1000); // 5 s, 10 s, 20 s … 1 h
    return base * (80 + QRandomGenerator::global()->bounded(41)) / 100;              // ±20 %: no thundering herd
}

QVariant orgValue(qint64 org)
{
    return org > 0 ? QVariant(org) : QVariant(QMetaType::fromType<qint64>());
}
} // namespace

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued: return s("queued");
    case JobState::Running: return s("running");
    case JobState::Done: return s("done");
    case JobState::Failed: return s("failed");
    }
    return {};
}

JobOutcome JobOutcome::done(QJsonObject result, std::function<void(Database &)> commit)
{
    return JobOutcome{Kind::Done, std::move(result), {}, -1, std::move(commit)};
}

JobOutcome JobOutcome::retry(QString error, qint64 afterMs, std::function<void(Database &)> commitIfLast)
{
    return JobOutcome{Kind::Retry, {}, std::move(error), afterMs, std::move(commitIfLast)};
}

JobOutcome JobOutcome::fail(QString error, std::function<void(Database &)> commit)
{
    return JobOutcome{Kind::Fail, {}, std::move(error), -1, std::move(commit)};
}

struct JobQueue::Claimed
{
    qint64 id = 0;
    qint64 runId = 0;
    QString kind, key, token;
    qint64 orgId = 0;
    QJsonObject payload;
    int attempt = 0, maxAttempts = 0, interruptions = 0;
};

JobContext::JobContext(JobQueue *queue, Database &db, qint64 id, QString kind, QString key, qint64 orgId, QJsonObject payload,
                       int attempt, int maxAttempts, QString token)
    : db(db), id(id), kind(std::move(kind)), key(std::move(key)), orgId(orgId), payload(std::move(payload)), attempt(attempt),
      maxAttempts(maxAttempts), m_queue(queue), m_token(std::move(token)), m_renewedAt(nowMs())
{
}

bool JobContext::keepAlive()
{
    if (m_lost || m_queue->m_stopping.load())
        return false;
    const qint64 now = nowMs();
    if (now - m_renewedAt < m_queue->m_leaseMs / 3)
        return true;
    try {
        m_lost = !m_queue->renew(db, id, m_token);
    } catch (const ApiException &) {
        return true; // the database is away for a moment; the lease may still hold, the next call tries again
    }
    if (m_lost)
        qCWarning(lcJobs) << "job" << id << "lost its lease (another worker took it over); stopping this run";
    else
        m_renewedAt = now;
    return !m_lost;
}

JobQueue::JobQueue(const Config &config, int workers, int leaseSeconds, QObject *parent)
    : QObject(parent), m_config(config), m_workerCount(workers), m_leaseMs(qint64(leaseSeconds) * 1000)
{
}

JobQueue::~JobQueue()
{
    stop();
}

void JobQueue::registerHandler(const QString &kind, JobHandler handler)
{
    Q_ASSERT(m_threads.empty()); // handlers are read by the workers without a lock
    m_handlers.insert(kind, std::move(handler));
}

void JobQueue::start()
{
    for (int i = 0; i < m_workerCount; ++i) {
        std::unique_ptr<QThread> thread(QThread::create([this, i] { work(i); }));
        thread->setObjectName(QStringLiteral("job-worker-%1").arg(i));
        thread->start();
        m_threads.push_back(std::move(thread));
    }
}

void JobQueue::stop()
{
    m_stopping = true;
    wake();
    for (auto &thread : m_threads)
        thread->wait();
    m_threads.clear();
}

void JobQueue::wake()
{
    QMutexLocker lock(&m_lock);
    ++m_generation;
    m_wake.wakeAll();
}

qint64 JobQueue::enqueue(Database &db, const JobSpec &spec, JobState *state)
{
    const qint64 now = nowMs();
    db.exec(s("INSERT INTO jobs (org_id, kind, idem_key, payload, state, priority, attempts, max_attempts, run_after, created_at, updated_at)"
              " VALUES (?, ?, ?, ?, 'queued', ?, 0, ?, ?, ?, ?) ON CONFLICT (kind, idem_key) DO NOTHING"),
            {orgValue(spec.orgId), spec.kind, spec.key, toJson(spec.payload), spec.priority, qMax(1, spec.maxAttempts), now, now, now});
    QSqlQuery q = db.exec(s("SELECT id, state, priority FROM jobs WHERE kind = ? AND idem_key = ?"), {spec.kind, spec.key});
    if (!q.next())
        throw ApiException{ApiError::internal()};
    const qint64 id = q.value(0).toLongLong();
    const QString current = q.value(1).toString();
    const bool raise = current == QLatin1String("queued") && q.value(2).toInt() < spec.priority;
    q.finish();
    if (state) {
        *state = JobState::Queued;
        for (JobState st : {JobState::Running, JobState::Done, JobState::Failed})
            if (current == jobStateName(st))
                *state = st;
    }
    if (raise)
        db.exec(s("UPDATE jobs SET priority = ?, updated_at = ? WHERE id = ? AND state = 'queued'"), {spec.priority, now, id});
    wake();
    return id;
}

QHash<QString, qint64> JobQueue::countByState(Database &db)
{
    QHash<QString, qint64> counts;
    for (JobState st : {JobState::Queued, JobState::Running, JobState::Done, JobState::Failed})
        counts.insert(jobStateName(st), 0);
    QSqlQuery q = db.exec(s("SELECT state, COUNT(*) FROM jobs GROUP BY state"));
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    return counts;
}

void JobQueue::work(int index)
{
    WorkerThreads::yieldToEventLoop(); // the event loop that acks audio comes first
    Database db(QStringLiteral("intervox-jobs-%1").arg(index));
    const QString worker = QStringLiteral("%1/%2").arg(QUuid::createUuid().toString(QUuid::Id128).left(12)).arg(index);
    QString error;
    while (!m_stopping && !db.open(m_config, &error)) {
        qCCritical(lcJobs).noquote() << "job worker" << index << "cannot open the database:" << error << "- retrying in 5 s";
        waitForWork(5000);
    }
    while (!m_stopping) {
        quint64 generation;
        {
            QMutexLocker lock(&m_lock);
            generation = m_generation;
        }
        bool ran = false;
        try {
            if (index == 0 && nowMs() - m_lastCleanup > kCleanupEveryMs)
                removeOldJobs(db);
            ran = runOne(db, worker);
        } catch (const ApiException &) {
            // Logged by Database; the database is away: wait for it like for work.
        }
        if (ran)
            continue;
        QMutexLocker lock(&m_lock);
        if (m_generation == generation && !m_stopping)
            m_wake.wait(&m_lock, kPollMs);
    }
    db.close();
}

void JobQueue::waitForWork(int ms)
{
    QMutexLocker lock(&m_lock);
    if (!m_stopping)
        m_wake.wait(&m_lock, ms);
}

bool JobQueue::runOne(Database &db, const QString &worker)
{
    const qint64 now = nowMs();
    // A plain read first: idle workers poll every second, and that must not take SQLite's write lock each time.
    const char *due = "(state = 'queued' AND run_after <= ?) OR (state = 'running' AND lease_until < ?)";
    if (db.scalar(QStringLiteral("SELECT id FROM jobs WHERE %1 LIMIT 1").arg(QLatin1String(due)), {now, now}).isNull())
        return false;
    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    std::optional<Claimed> job;
    db.transaction([&] {
        // The state test is repeated outside the sub-select: on PostgreSQL a concurrent claim of the same row
        // makes this UPDATE re-check the row it waited for, and SKIP LOCKED lets other workers take the next job.
        QSqlQuery q = db.exec(s("UPDATE jobs SET state = 'running', lease_token = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?"
                                " WHERE id = (SELECT id FROM jobs WHERE %1 ORDER BY priority DESC, id LIMIT 1%2)"
                                " AND (state = 'queued' OR (state = 'running' AND lease_until < ?))"
                                " RETURNING id, kind, idem_key, org_id, payload, attempts, max_attempts, interruptions")
                                  .arg(QLatin1String(due), db.isPostgres() ? s(" FOR UPDATE SKIP LOCKED") : QString()),
                              {token, now + m_leaseMs, now, now, now, now});
        if (!q.next())
            return;
        Claimed c;
        c.id = q.value(0).toLongLong();
        c.kind = q.value(1).toString();
        c.key = q.value(2).toString();
        c.orgId = q.value(3).toLongLong();
        c.payload = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        c.attempt = q.value(5).toInt();
        c.maxAttempts = q.value(6).toInt();
        c.interruptions = q.value(7).toInt();
        c.token = token;
        q.finish();
        // A run still marked running belonged to a process that died (or hung) while holding the lease. That
        // is not the job's failure, so it does not use up an attempt — but a job that takes its process down
        // every time must not do so for ever: it gives up after kMaxInterruptions.
        QSqlQuery lost = db.exec(s("UPDATE job_runs SET outcome = 'lost', ended_at = ?, error = 'the lease expired: the server stopped or hung while this ran'"
                                   " WHERE job_id = ? AND outcome = 'running'"), {now, c.id});
        if (lost.numRowsAffected() > 0) {
            db.exec(s("UPDATE jobs SET attempts = attempts - 1, interruptions = interruptions + 1 WHERE id = ?"), {c.id});
            --c.attempt;
            ++c.interruptions;
        }
        c.runId = db.insert(s("INSERT INTO job_runs (job_id, attempt, worker, started_at, outcome) VALUES (?, ?, ?, ?, 'running')"),
                            {c.id, c.attempt, worker, now});
        job = c;
    });
    if (!job)
        return false;
    notify(job->id, job->kind, job->orgId, JobState::Running, job->payload);

    JobOutcome outcome;
    JobContext ctx(this, db, job->id, job->kind, job->key, job->orgId, job->payload, job->attempt, job->maxAttempts, job->token);
    const JobHandler handler = m_handlers.value(job->kind);
    if (job->interruptions >= kMaxInterruptions) {
        outcome = JobOutcome::fail(QStringLiteral("gave up: the server stopped while this job ran, %1 times").arg(job->interruptions));
    } else if (!handler) {
        outcome = JobOutcome::fail(QStringLiteral("this server has no handler for jobs of kind '%1'").arg(job->kind));
    } else {
        qCDebug(lcJobs) << "job" << job->id << job->kind << "attempt" << job->attempt << "on" << worker;
        try {
            outcome = handler(ctx);
        } catch (const ApiException &) {
            outcome = JobOutcome::retry(s("the database could not be used"));
        } catch (const std::exception &e) {
            outcome = JobOutcome::retry(QString::fromUtf8(e.what()));
        }
    }
    if (ctx.m_lost)
        return true; // another worker has it; this run's result is not ours to record
    record(db, *job, std::move(outcome));
    return true;
}

void JobQueue::record(Database &db, const Claimed &job, JobOutcome outcome)
{
    const qint64 now = nowMs();
    const bool interrupted = m_stopping && outcome.kind != JobOutcome::Kind::Done;
    const bool last = job.attempt >= job.maxAttempts;
    JobState state = JobState::Done;
    QString runOutcome = s("done");
    qint64 runAfter = now;
    if (interrupted) {
        state = JobState::Queued; // not the job's fault: the attempt does not count
        runOutcome = s("interrupted");
    } else if (outcome.kind == JobOutcome::Kind::Fail || (outcome.kind == JobOutcome::Kind::Retry && last)) {
        state = JobState::Failed;
        runOutcome = s("failed");
    } else if (outcome.kind == JobOutcome::Kind::Retry) {
        state = JobState::Queued;
        runOutcome = s("retry");
        runAfter = now + (outcome.retryAfterMs >= 0 ? outcome.retryAfterMs : backoffMs(job.attempt));
    }
    const bool terminal = state == JobState::Done || state == JobState::Failed;
    const QVariant noText(QMetaType::fromType<QString>());
    try {
        db.transaction([&] {
            QSqlQuery q = db.exec(s("UPDATE jobs SET state = ?, run_after = ?, result = ?, last_error = ?, lease_token = NULL, lease_until = NULL,"
                                    " finished_at = ?, updated_at = ?, attempts = attempts - ? WHERE id = ? AND lease_token = ?"),
                                  {jobStateName(state), runAfter, state == JobState::Done ? QVariant(toJson(outcome.result)) : noText,
                                   outcome.error.isEmpty() ? noText : QVariant(outcome.error.left(2000)),
                                   terminal ? QVariant(now) : QVariant(QMetaType::fromType<qint64>()), now, interrupted ? 1 : 0, job.id, job.token});
            if (q.numRowsAffected() != 1)
                throw LeaseLost{};
            if (terminal && outcome.commit)
                outcome.commit(db);
            db.exec(s("UPDATE job_runs SET outcome = ?, ended_at = ?, error = ? WHERE id = ?"),
                    {runOutcome, now, outcome.error.isEmpty() ? noText : QVariant(outcome.error.left(2000)), job.runId});
        });
    } catch (const LeaseLost &) {
        qCWarning(lcJobs) << "job" << job.id << "finished after its lease had passed to another worker; its result is dropped";
        return;
    } catch (const ApiException &) {
        qCWarning(lcJobs) << "job" << job.id << "could not be recorded as" << runOutcome << "(database); it runs again when its lease expires";
        return;
    }
    if (state == JobState::Failed)
        qCWarning(lcJobs).noquote() << QStringLiteral("job %1 (%2) failed after %3 attempt(s): %4").arg(job.id).arg(job.kind).arg(job.attempt).arg(outcome.error);
    else if (runOutcome == QLatin1String("retry"))
        qCInfo(lcJobs).noquote() << QStringLiteral("job %1 (%2) attempt %3 failed, retrying in %4 s: %5").arg(job.id).arg(job.kind).arg(job.attempt)
                                        .arg((runAfter - now) / 1000).arg(outcome.error);
    notify(job.id, job.kind, job.orgId, state, job.payload);
}

bool JobQueue::renew(Database &db, qint64 id, const QString &token)
{
    const qint64 now = nowMs();
    QSqlQuery q = db.exec(s("UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND lease_token = ?"), {now + m_leaseMs, now, id, token});
    return q.numRowsAffected() == 1;
}

void JobQueue::removeOldJobs(Database &db)
{
    m_lastCleanup = nowMs();
    const qint64 before = m_lastCleanup - kKeepFinishedMs;
    db.transaction([&] {
        db.exec(s("DELETE FROM job_runs WHERE job_id IN (SELECT id FROM jobs WHERE state IN ('done', 'failed') AND finished_at < ?)"), {before});
        db.exec(s("DELETE FROM jobs WHERE state IN ('done', 'failed') AND finished_at < ?"), {before});
    });
}

void JobQueue::notify(qint64 id, const QString &kind, qint64 org, JobState state, const QJsonObject &payload)
{
    QMetaObject::invokeMethod(this, [this, id, kind, org, state, payload] {
        emit jobChanged(id, kind, org, jobStateName(state), payload);
    }, Qt::QueuedConnection);
}

} // namespace intervox
