#include "recordingjobs.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

#include "core/error.h"
#include "candidateexport.h"
#include "jobqueue.h"
#include "recording/recordingstore.h"
#include "session/phase.h"
#include "storage/database.h"

#include <QTimer>

namespace intervox {

namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }

// How long a request for a recording waits for its join before it is told to ask again.
constexpr int kWaitMs = 30000;

std::function<void(Database &)> setMedia(qint64 answerId, const QString &media)
{
    return [answerId, media](Database &db) { db.exec(s("UPDATE answers SET media = ? WHERE id = ? AND media <> 'deleted'"), {media, answerId}); };
}
} // namespace

void registerRecordingJobs(JobQueue &queue, RecordingStore *store, const QString &blobDir, const QString &exportsDir)
{
    queue.registerHandler(s(kEraseFilesJob), [store, blobDir, exportsDir](JobContext &job) {
        int dirs = 0, blobs = 0, exports = 0;
        for (const QJsonValue &v : job.payload.value(s("sessions")).toArray()) {
            QDir dir(store->sessionDir(job.orgId, v.toInteger()));
            if (dir.exists()) {
                if (!dir.removeRecursively())
                    return JobOutcome::retry(QStringLiteral("could not remove %1").arg(dir.path()));
                ++dirs;
            }
            if (!job.keepAlive())
                return JobOutcome::retry(s("interrupted"), 0);
        }
        for (const QJsonValue &v : job.payload.value(s("cvs")).toArray()) {
            const QString sha = v.toString();
            if (sha.size() != 64 || !job.db.scalar(s("SELECT id FROM candidates WHERE cv_sha256 = ? LIMIT 1"), {sha}).isNull())
                continue; // still another candidate's CV (the same file uploaded twice is kept once)
            QFile file(blobDir + QLatin1Char('/') + sha.left(2) + QLatin1Char('/') + sha + s(".pdf"));
            if (file.exists()) {
                if (!file.remove())
                    return JobOutcome::retry(QStringLiteral("could not remove %1").arg(file.fileName()));
                ++blobs;
            }
        }
        if (const qint64 candidate = job.payload.value(s("candidate")).toInteger()) {
            bool ok = true;
            exports = removeCandidateExports(exportsDir, job.orgId, candidate, &ok);
            if (!ok)
                return JobOutcome::retry(s("could not remove an export archive"));
        }
        QJsonObject result{{s("sessionFoldersRemoved"), dirs}, {s("cvFilesRemoved"), blobs}};
        if (exports > 0)
            result.insert(s("exportsRemoved"), exports);
        return JobOutcome::done(result);
    });
    queue.registerHandler(s(kJoinJob), [store](JobContext &job) {
        const qint64 answerId = job.payload.value(s("answerId")).toInteger();
        QSqlQuery q = job.db.exec(s("SELECT a.session_id, a.mime, a.media, a.status, (SELECT COUNT(*) FROM answer_segments g WHERE g.answer_id = a.id)"
                                    " FROM answers a WHERE a.id = ? AND a.org_id = ?"), {answerId, job.orgId});
        if (!q.next())
            return JobOutcome::fail(s("the answer no longer exists"));
        const qint64 session = q.value(0).toLongLong();
        const QString mime = q.value(1).toString(), media = q.value(2).toString(), status = q.value(3).toString();
        const int segments = q.value(4).toInt();
        q.finish();
        if (status != answerStatusName(AnswerStatus::Saved) || segments == 0)
            return JobOutcome::fail(s("the answer is not saved"));
        if (media == QLatin1String("deleted"))
            return JobOutcome::fail(s("the recording was deleted under the retention policy"));
        if (media == QLatin1String("ready"))
            return JobOutcome::done(QJsonObject{{s("media"), media}});
        const QString dir = store->answerDir(job.orgId, session, answerId);
        if (store->joinSegments(dir, segments, mime, [&job] { return job.keepAlive(); }))
            return JobOutcome::done(QJsonObject{{s("media"), s("ready")}}, setMedia(answerId, s("ready")));
        // After the last attempt the recording is served as its first segment, as recorded.
        return JobOutcome::retry(s("ffmpeg could not join the segments (the server log has its output)"), -1, setMedia(answerId, s("failed")));
    });
}

MediaJoiner::MediaJoiner(Database *db, JobQueue *queue, QObject *parent)
    : QObject(parent), m_db(db), m_queue(queue)
{
    connect(queue, &JobQueue::jobChanged, this, [this](qint64, const QString &kind, qint64, const QString &state, const QJsonObject &payload) {
        if (kind == QLatin1String(kJoinJob))
            jobChanged(payload.value(s("answerId")).toInteger(), state);
    });
}

void MediaJoiner::ensureJoined(qint64 orgId, qint64 answerId, std::function<void(const QString &)> done)
{
    const QString media = m_db->scalar(s("SELECT media FROM answers WHERE id = ? AND org_id = ?"), {answerId, orgId}).toString();
    if (media != QLatin1String("pending"))
        return done(media.isEmpty() ? s("failed") : media);
    auto waiting = m_waiting.find(answerId);
    if (waiting != m_waiting.end()) {
        waiting->append(std::move(done));
        return;
    }
    JobState state = JobState::Queued;
    // Someone waits for this one: ahead of joins nobody is waiting for.
    m_queue->enqueue(*m_db, JobSpec{s(kJoinJob), QStringLiteral("answer:%1").arg(answerId), orgId,
                                    QJsonObject{{s("answerId"), answerId}}, 2, 10}, &state);
    if (state == JobState::Failed)
        return done(s("failed"));
    m_waiting.insert(answerId, {std::move(done)});
    QTimer::singleShot(kWaitMs, this, [this, answerId] { answer(answerId); });
}

void MediaJoiner::jobChanged(qint64 answerId, const QString &state)
{
    if (state == jobStateName(JobState::Done) || state == jobStateName(JobState::Failed))
        answer(answerId);
}

void MediaJoiner::answer(qint64 answerId)
{
    const auto callbacks = m_waiting.take(answerId);
    if (callbacks.isEmpty())
        return;
    QString media;
    try {
        media = m_db->scalar(s("SELECT media FROM answers WHERE id = ?"), {answerId}).toString();
    } catch (const ApiException &) {
        media = s("pending");
    }
    for (const auto &callback : callbacks)
        callback(media);
}

} // namespace intervox
