#pragma once
// Retention: what is deleted when, and the daily job that deletes it (docs/privacy.md).
//
// Two periods, in days, set per organization and overridden per interview (an interview's NULL: the
// organization's; the organization's NULL: kept until erased on request):
// - recordings: a session's audio is deleted this long after the latest decision on its invite other than
//   "hold" (advance, reject), once the session is over (finished or refused). The answers' rows stay (duration,
//   times), marked media "deleted"; playing them answers 410 gone.
// - candidate: everything about a candidate (the row, CV, invites, sessions, answers, recordings, ratings,
//   notes, decisions) is erased this long after the last thing that happened to them: created, invited, an
//   invite's expiry, a session started or finished, a rating, note or decision. With invites to several
//   interviews, each invite's own period counts and the latest end wins; any invite kept forever keeps them.
// - previews (the recruiter's own run-through of the candidate page) go two days after they were made.
//
// The `retention` job runs once a day per server (idempotency key: the UTC date; several processes on one
// database run it once) and on an administrator's request for their organization. Every deletion is a
// transaction of its own that also queues the `erase_files` job for its files, so a run killed at any point
// leaves nothing half-deleted and the next run (the same job, taken over when its lease expires) goes on.

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

class QTimer;

namespace intervox {

class Database;
class JobQueue;

inline constexpr char kRetentionJob[] = "retention";
inline constexpr int kPreviewKeptDays = 2;
inline constexpr int kMaxRetentionDays = 3650;
// What a new organization starts with (an administrator changes it; organizations made before retention existed
// keep everything until one does).
inline constexpr int kDefaultRecordingsDays = 90;
inline constexpr int kDefaultCandidateDays = 365;

struct RetentionPolicy
{
    std::optional<int> recordingsDays;
    std::optional<int> candidateDays;
};

// {"recordingsDays": n|null, "candidateDays": n|null}, from a policy or from two nullable columns.
QJsonObject retentionJson(const RetentionPolicy &policy);
QJsonObject retentionJson(const QVariant &recordingsDays, const QVariant &candidateDays);
// A period as a bindable value (NULL when there is none).
QVariant retentionDaysValue(const std::optional<int> &days);

// The organization's periods; with `interview`, the periods that apply to it (its own, else the organization's).
RetentionPolicy retentionPolicy(Database &db, qint64 org, qint64 interview = 0);

// What is due by `asOf` (ms since the epoch) in `org`: sessions whose recordings go, candidates who are erased.
struct RetentionPlan
{
    struct Item
    {
        qint64 id = 0;          // session or candidate
        qint64 candidateId = 0;
        qint64 dueAt = 0;
    };
    QList<Item> recordings; // sessions
    QList<Item> candidates; // not previews
    QList<qint64> previews; // preview candidates
};
RetentionPlan planRetention(Database &db, qint64 org, qint64 asOf);

// Erases a candidate and everything of theirs in the caller's transaction; queues the `erase_files` job for
// their recordings and CV (idempotency key "candidate:<id>"). Returns the invites and sessions that went.
struct ErasedCandidate
{
    QList<qint64> invites;
    QList<qint64> sessions;
    qint64 filesJob = 0;
};
ErasedCandidate eraseCandidateRows(Database &db, JobQueue &jobs, qint64 org, qint64 candidate);

// Deletes a session's recordings in the caller's transaction (answers marked media "deleted", their segments'
// rows gone, the session's recordings_deleted_at set) and queues `erase_files` for its folder.
void deleteSessionRecordings(Database &db, JobQueue &jobs, qint64 org, qint64 session);

// `exportsDir`: candidates' export archives, removed by the daily run once older than kExportKeptDays.
void registerRetentionJob(JobQueue &queue, const QString &exportsDir);

// Queues the day's retention run when the server starts and then every hour (a day's run is queued once).
class RetentionSchedule : public QObject
{
    Q_OBJECT
public:
    RetentionSchedule(Database *db, JobQueue *queue, QObject *parent = nullptr);
    void enqueueToday();

private:
    Database *m_db;
    JobQueue *m_queue;
    QTimer *m_timer;
};

} // namespace intervox
