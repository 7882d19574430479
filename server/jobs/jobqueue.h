#pragma once
// One durable job queue for work that must not run on the event loop and must survive a restart (joining
// recordings today; transcription, email, retention and backups next). Jobs are rows in the database:
//
//   queued ──claim──▶ running ──▶ done | failed        (retry: back to queued with run_after in the future)
//                       │
//                       └─ lease expires (process killed) ──▶ claimable again, the run is recorded as lost
//
// - A worker claims a job with a lease (lease_token, lease_until) and renews it while the handler runs; a
//   process that dies simply stops renewing, so any worker of any process takes the job over once the lease
//   has expired. A lost run does not use up an attempt, but a job whose runs are lost 5 times (one that takes
//   its process down) gives up. A graceful stop puts running jobs back at once.
// - A terminal state is written only under the worker's own lease token, in the same transaction as the
//   handler's database effects (JobOutcome::commit): a job's effects are recorded exactly once even when it
//   ran twice (effects outside the database must be idempotent: write to a temporary name and rename).
// - (kind, key) is unique: enqueueing the same work twice returns the existing job (idempotency key).
// - Retries back off exponentially with jitter (or as the handler says, e.g. Retry-After), up to max_attempts.
// - Every run is kept in job_runs (attempt, worker, outcome, error) for operators and the API.
// - Workers are threads with database connections of their own.

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace intervox {

class Database;
struct Config;

enum class JobState { Queued, Running, Done, Failed };
QString jobStateName(JobState state);

struct JobSpec
{
    QString kind;
    QString key;        // idempotency key, unique per kind
    qint64 orgId = 0;   // 0: server-wide work
    QJsonObject payload;
    int maxAttempts = 5;
    int priority = 0;   // higher first
};

// What a handler decided. `commit` runs inside the transaction that records a terminal state (done, or failed
// after the last attempt) — only if this worker still holds the lease.
struct JobOutcome
{
    enum class Kind { Done, Retry, Fail };
    Kind kind = Kind::Done;
    QJsonObject result;
    QString error;
    qint64 retryAfterMs = -1; // -1: exponential backoff
    std::function<void(Database &)> commit;

    static JobOutcome done(QJsonObject result = {}, std::function<void(Database &)> commit = {});
    static JobOutcome retry(QString error, qint64 afterMs = -1, std::function<void(Database &)> commitIfLast = {});
    static JobOutcome fail(QString error, std::function<void(Database &)> commit = {});
};

class JobQueue;

// What a handler gets. It runs on a worker thread and may use `db` (that worker's connection) freely.
class JobContext
{
public:
    Database &db;
    const qint64 id;
    const QString kind;
    const QString key;
    const qint64 orgId;
    const QJsonObject payload;
    const int attempt;      // 1-based
    const int maxAttempts;

    // Renews the lease when a third of it has passed. False when the handler must stop at once: the server is
    // shutting down, or the lease was lost (another worker has the job now).
    bool keepAlive();
    bool lastAttempt() const { return attempt >= maxAttempts; }

private:
    friend class JobQueue;
    JobContext(JobQueue *queue, Database &db, qint64 id, QString kind, QString key, qint64 orgId, QJsonObject payload,
               int attempt, int maxAttempts, QString token);
    JobQueue *m_queue;
    QString m_token;
    qint64 m_renewedAt;
    bool m_lost = false;
};

using JobHandler = std::function<JobOutcome(JobContext &)>;

class JobQueue : public QObject
{
    Q_OBJECT
public:
    // Workers open their own connections from `config`. Handlers are registered before start().
    JobQueue(const Config &config, int workers, int leaseSeconds, QObject *parent = nullptr);
    ~JobQueue() override;

    void registerHandler(const QString &kind, JobHandler handler);
    // Starts the worker threads; each opens its connection (and retries while the database is away).
    void start();
    // Lets running handlers stop (keepAlive() turns false), puts their jobs back as queued and joins the
    // threads. Called by the destructor too.
    void stop();

    // Adds a job unless (kind, key) exists already; raises the priority of a still-queued one. Returns the
    // job's id (and its state in `state`). Runs on the caller's connection (inside its transaction if it has
    // one); wakes a worker.
    qint64 enqueue(Database &db, const JobSpec &spec, JobState *state = nullptr);
    // Wakes idle workers (after a transaction that enqueued has committed).
    void wake();

    // Jobs per state (for /metrics), on the caller's connection.
    static QHash<QString, qint64> countByState(Database &db);

signals:
    // A job of this process changed state (running, queued again for a retry, done, failed); emitted on the
    // queue's thread.
    void jobChanged(qint64 jobId, const QString &kind, qint64 orgId, const QString &state, const QJsonObject &payload);

private:
    friend class JobContext;
    struct Claimed;
    void work(int index);
    bool runOne(Database &db, const QString &worker);
    void record(Database &db, const Claimed &job, JobOutcome outcome);
    bool renew(Database &db, qint64 id, const QString &token);
    void waitForWork(int ms);
    void removeOldJobs(Database &db);
    void notify(qint64 id, const QString &kind, qint64 org, JobState state, const QJsonObject &payload);

    const Config &m_config;
    const int m_workerCount;
    const qint64 m_leaseMs;
    std::vector<std::unique_ptr<QThread>> m_threads;
    QHash<QString, JobHandler> m_handlers;
    QMutex m_lock;
    QWaitCondition m_wake;
    quint64 m_generation = 0; // bumped by wake(): a worker never sleeps through a wake-up
    std::atomic<bool> m_stopping{false};
    qint64 m_lastCleanup = 0;
};

} // namespace intervox
