#include "retention.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTimer>

#include "api/auditapi.h"
#include "core/error.h"
#include "core/log.h"
#include "candidateexport.h"
#include "jobqueue.h"
#include "recordingjobs.h"
#include "storage/database.h"

namespace intervox {

namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

std::optional<int> days(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toInt();
}

qint64 later(qint64 a, const QVariant &b) { return b.isNull() ? a : qMax(a, b.toLongLong()); }
} // namespace

QJsonObject retentionJson(const RetentionPolicy &policy)
{
    const auto value = [](const std::optional<int> &d) { return d ? QJsonValue(*d) : QJsonValue(QJsonValue::Null); };
    return QJsonObject{{s("recordingsDays"), value(policy.recordingsDays)}, {s("candidateDays"), value(policy.candidateDays)}};
}

QJsonObject retentionJson(const QVariant &recordingsDays, const QVariant &candidateDays)
{
    return retentionJson(RetentionPolicy{days(recordingsDays), days(candidateDays)});
}

QVariant retentionDaysValue(const std::optional<int> &d)
{
    return d ? QVariant(*d) : QVariant(QMetaType(QMetaType::Int));
}

RetentionPolicy retentionPolicy(Database &db, qint64 org, qint64 interview)
{
    QSqlQuery q = interview > 0
        ? db.exec(s("SELECT COALESCE(v.retention_recordings_days, o.retention_recordings_days), COALESCE(v.retention_candidate_days, o.retention_candidate_days)"
                    " FROM interviews v JOIN organizations o ON o.id = v.org_id WHERE v.id = ? AND v.org_id = ?"), {interview, org})
        : db.exec(s("SELECT retention_recordings_days, retention_candidate_days FROM organizations WHERE id = ?"), {org});
    if (!q.next())
        return {};
    return RetentionPolicy{days(q.value(0)), days(q.value(1))};
}

RetentionPlan planRetention(Database &db, qint64 org, qint64 asOf)
{
    RetentionPlan plan;
    // Recordings: closed sessions whose invite's latest decision is final (not "hold") and old enough.
    QSqlQuery q = db.exec(s("SELECT s.id, s.candidate_id, d.at, COALESCE(v.retention_recordings_days, o.retention_recordings_days)"
                            " FROM sessions s JOIN interviews v ON v.id = s.interview_id JOIN organizations o ON o.id = s.org_id"
                            " JOIN decisions d ON d.id = (SELECT MAX(x.id) FROM decisions x WHERE x.invite_id = s.invite_id)"
                            " WHERE s.org_id = ? AND s.recordings_deleted_at IS NULL AND s.phase IN ('finished', 'refused')"
                            " AND d.decision <> 'hold' AND COALESCE(v.retention_recordings_days, o.retention_recordings_days) IS NOT NULL"
                            " ORDER BY s.id"),
                          {org});
    while (q.next()) {
        const qint64 due = q.value(2).toLongLong() + q.value(3).toLongLong() * kDayMs;
        if (due <= asOf)
            plan.recordings.append({q.value(0).toLongLong(), q.value(1).toLongLong(), due});
    }
    // Candidates: one row per invite (or one without), with the last thing that happened on it.
    q = db.exec(s("SELECT c.id, c.created_at, c.preview, o.retention_candidate_days, i.id, i.created_at, i.expires_at,"
                  " COALESCE(v.retention_candidate_days, o.retention_candidate_days),"
                  " (SELECT MAX(COALESCE(x.finished_at, x.started_at)) FROM sessions x WHERE x.invite_id = i.id),"
                  " (SELECT MAX(a.started_at) FROM answers a JOIN sessions y ON y.id = a.session_id WHERE y.invite_id = i.id),"
                  " (SELECT MAX(d.at) FROM decisions d WHERE d.invite_id = i.id),"
                  " (SELECT MAX(r.updated_at) FROM ratings r WHERE r.invite_id = i.id),"
                  " (SELECT MAX(n.updated_at) FROM review_notes n WHERE n.invite_id = i.id)"
                  " FROM candidates c JOIN organizations o ON o.id = c.org_id LEFT JOIN invites i ON i.candidate_id = c.id"
                  " LEFT JOIN interviews v ON v.id = i.interview_id WHERE c.org_id = ? ORDER BY c.id"),
                {org});
    struct Due
    {
        bool preview = false;
        bool keptForever = false;
        qint64 at = 0;
    };
    QList<qint64> order;
    QHash<qint64, Due> due;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        auto it = due.find(id);
        if (it == due.end()) {
            order.append(id);
            it = due.insert(id, Due{q.value(2).toInt() != 0, false, 0});
        }
        const qint64 created = q.value(1).toLongLong();
        if (it->preview) {
            it->at = created + kPreviewKeptDays * kDayMs;
            continue;
        }
        // Without invites the organization's period counts from the day the candidate was added.
        const std::optional<int> period = days(q.value(4).isNull() ? q.value(3) : q.value(7));
        if (!period) {
            it->keptForever = true;
            continue;
        }
        qint64 last = created;
        for (int column : {5, 6, 8, 9, 10, 11, 12})
            last = later(last, q.value(column));
        it->at = qMax(it->at, last + qint64(*period) * kDayMs);
    }
    for (qint64 id : order) {
        const Due &d = due.value(id);
        if (d.keptForever || d.at > asOf)
            continue;
        if (d.preview)
            plan.previews.append(id);
        else
            plan.candidates.append({id, id, d.at});
    }
    return plan;
}

ErasedCandidate eraseCandidateRows(Database &db, JobQueue &jobs, qint64 org, qint64 candidate)
{
    ErasedCandidate erased;
    QSqlQuery q = db.exec(s("SELECT id FROM invites WHERE candidate_id = ? AND org_id = ?"), {candidate, org});
    while (q.next())
        erased.invites << q.value(0).toLongLong();
    q = db.exec(s("SELECT id FROM sessions WHERE candidate_id = ? AND org_id = ?"), {candidate, org});
    QJsonArray sessions, cvs;
    while (q.next()) {
        erased.sessions << q.value(0).toLongLong();
        sessions.append(q.value(0).toLongLong());
    }
    const QVariant cv = db.scalar(s("SELECT cv_sha256 FROM candidates WHERE id = ? AND org_id = ?"), {candidate, org});
    if (!cv.isNull())
        cvs.append(cv.toString());
    const QString ofSessions = s("SELECT id FROM sessions WHERE candidate_id = ? AND org_id = ?");
    const QString ofInvites = s("SELECT id FROM invites WHERE candidate_id = ? AND org_id = ?");
    db.exec(s("DELETE FROM answer_segments WHERE answer_id IN (SELECT id FROM answers WHERE session_id IN (") + ofSessions + s("))"), {candidate, org});
    db.exec(s("DELETE FROM answers WHERE session_id IN (") + ofSessions + s(")"), {candidate, org});
    db.exec(s("DELETE FROM sessions WHERE candidate_id = ? AND org_id = ?"), {candidate, org});
    for (const char *table : {"ratings", "review_notes", "decisions"})
        db.exec(QStringLiteral("DELETE FROM %1 WHERE invite_id IN (").arg(QLatin1String(table)) + ofInvites + s(")"), {candidate, org});
    db.exec(s("DELETE FROM invites WHERE candidate_id = ? AND org_id = ?"), {candidate, org});
    db.exec(s("DELETE FROM candidates WHERE id = ? AND org_id = ?"), {candidate, org});
    erased.filesJob = jobs.enqueue(db, JobSpec{s(kEraseFilesJob), QStringLiteral("candidate:%1").arg(candidate), org,
                                               QJsonObject{{s("sessions"), sessions}, {s("cvs"), cvs}, {s("candidate"), candidate}}});
    return erased;
}

void deleteSessionRecordings(Database &db, JobQueue &jobs, qint64 org, qint64 session)
{
    db.exec(s("DELETE FROM answer_segments WHERE answer_id IN (SELECT id FROM answers WHERE session_id = ? AND org_id = ?)"), {session, org});
    db.exec(s("UPDATE answers SET media = 'deleted' WHERE session_id = ? AND org_id = ?"), {session, org});
    db.exec(s("UPDATE sessions SET recordings_deleted_at = ? WHERE id = ? AND org_id = ?"), {nowMs(), session, org});
    jobs.enqueue(db, JobSpec{s(kEraseFilesJob), QStringLiteral("recordings:%1").arg(session), org,
                             QJsonObject{{s("sessions"), QJsonArray{session}}, {s("cvs"), QJsonArray{}}}});
}

void registerRetentionJob(JobQueue &queue, const QString &exportsDir)
{
    queue.registerHandler(s(kRetentionJob), [&queue, exportsDir](JobContext &job) {
        QList<qint64> orgs;
        if (job.orgId > 0) {
            orgs << job.orgId;
        } else {
            QSqlQuery q = job.db.exec(s("SELECT id FROM organizations ORDER BY id"));
            while (q.next())
                orgs << q.value(0).toLongLong();
        }
        int recordings = 0, candidates = 0, previews = 0;
        for (qint64 org : orgs) {
            const RetentionPlan plan = planRetention(job.db, org, nowMs());
            int orgRecordings = 0, orgCandidates = 0;
            // One transaction per deletion: a run stopped anywhere leaves whole deletions behind, and the
            // next run plans again from what is left.
            for (const RetentionPlan::Item &item : plan.recordings) {
                if (!job.keepAlive())
                    return JobOutcome::retry(s("interrupted"), 0);
                job.db.transaction([&] { deleteSessionRecordings(job.db, queue, org, item.id); });
                ++orgRecordings;
            }
            for (const RetentionPlan::Item &item : plan.candidates) {
                if (!job.keepAlive())
                    return JobOutcome::retry(s("interrupted"), 0);
                job.db.transaction([&] {
                    const ErasedCandidate e = eraseCandidateRows(job.db, queue, org, item.id);
                    audit(&job.db, org, 0, s("candidate.erase"),
                          QStringLiteral("candidate:%1 invites:%2 sessions:%3 retention").arg(item.id).arg(e.invites.size()).arg(e.sessions.size()),
                          QString());
                });
                ++orgCandidates;
            }
            for (qint64 id : plan.previews) {
                if (!job.keepAlive())
                    return JobOutcome::retry(s("interrupted"), 0);
                job.db.transaction([&] { eraseCandidateRows(job.db, queue, org, id); });
                ++previews;
            }
            // The hidden interview copies whose previews went.
            job.db.transaction([&] {
                const QString orphans = s("SELECT id FROM interviews WHERE org_id = ? AND preview_of IS NOT NULL AND created_at <= ?"
                                          " AND NOT EXISTS (SELECT 1 FROM invites WHERE interview_id = interviews.id)");
                const QVariantList binds{org, nowMs() - kPreviewKeptDays * kDayMs};
                job.db.exec(s("DELETE FROM questions WHERE interview_id IN (") + orphans + s(")"), binds);
                job.db.exec(s("DELETE FROM interviews WHERE id IN (") + orphans + s(")"), binds);
            });
            if (orgRecordings + orgCandidates > 0)
                audit(&job.db, org, 0, s("retention.run"), QStringLiteral("recordings:%1 candidates:%2").arg(orgRecordings).arg(orgCandidates), QString());
            recordings += orgRecordings;
            candidates += orgCandidates;
        }
        if (recordings + candidates + previews > 0)
            qCInfo(lcJobs).noquote() << QStringLiteral("retention: recordings of %1 session(s) deleted, %2 candidate(s) and %3 preview(s) erased")
                                            .arg(recordings).arg(candidates).arg(previews);
        // Candidates' export archives are kept a week (a daily run covers every organization's).
        if (job.orgId == 0)
            removeOldExports(exportsDir, nowMs());
        queue.wake();
        return JobOutcome::done(QJsonObject{{s("organizations"), orgs.size()}, {s("recordingSessions"), recordings},
                                            {s("candidatesErased"), candidates}, {s("previewsRemoved"), previews}});
    });
}

RetentionSchedule::RetentionSchedule(Database *db, JobQueue *queue, QObject *parent)
    : QObject(parent), m_db(db), m_queue(queue), m_timer(new QTimer(this))
{
    m_timer->setInterval(3600 * 1000);
    connect(m_timer, &QTimer::timeout, this, &RetentionSchedule::enqueueToday);
    m_timer->start();
}

void RetentionSchedule::enqueueToday()
{
    const QString day = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC).date().toString(Qt::ISODate);
    try {
        m_queue->enqueue(*m_db, JobSpec{s(kRetentionJob), s("day:") + day, 0, {}, 3});
    } catch (const ApiException &) {
        // The database is away; the next hour tries again (the error was logged).
    }
}

} // namespace intervox
