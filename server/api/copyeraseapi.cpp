// Routes that make and unmake whole sets of rows: the recruiter's preview of the candidate page (a hidden copy of
// an interview), and a candidate's rights served by administrators: everything of theirs in one archive (a job),
// and erasing them (every row of theirs, then their files by a job).
#include "apicontext.h"
#include "auditapi.h"
#include "auth/secrets.h"
#include "jobs/jobqueue.h"
#include "jobs/candidateexport.h"
#include "jobs/retention.h"
#include "storage/database.h"
#include <QFile>
#include <QSqlQuery>
#include "session/sessionhub.h"
#include "storage/database.h"
#include "validate.h"
#include <QJsonArray>
#include <QJsonDocument>

namespace intervox {
using namespace validate;
namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }
constexpr qint64 kDay = 24LL * 3600 * 1000;
} // namespace

void registerCopyAndEraseApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;
    // The candidate page as candidates will see it, for the recruiter who builds the interview: a hidden copy of
    // the interview as saved now (later edits do not reach an open preview; a new preview shows them) and an
    // invite for a hidden candidate named after the recruiter. Neither appears in a list, the interview's
    // candidates or its events, and the original stays editable: the copy is what the preview's answers belong to.
    http.route("POST", s("/api/v1/interviews/{id}/preview"), ctx.authed([db, &ctx](HttpRequest &r, const Principal &p) {
        const qint64 original = r.ids.at(0);
        QJsonObject reply;
        db->transaction([&] {
            QSqlQuery q = db->exec(s("SELECT title, intro, language FROM interviews WHERE id = ? AND org_id = ? AND preview_of IS NULL"), {original, p.orgId});
            if (!q.next())
                fail(ApiError::notFound(s("no such interview")));
            const qint64 now = nowMs();
            const QVariantList copy{p.orgId, q.value(0), q.value(1), q.value(2), p.userId, now, now, original};
            q.finish();
            const qint64 id = db->insert(s("INSERT INTO interviews (org_id, title, intro, language, created_by, created_at, updated_at, preview_of)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), copy);
            db->exec(s("INSERT INTO questions (org_id, interview_id, position, body, think_seconds, answer_seconds, retakes)"
                       " SELECT org_id, ?, position, body, think_seconds, answer_seconds, retakes FROM questions"
                       " WHERE interview_id = ? AND org_id = ?"), {id, original, p.orgId});
            const qint64 candidate = db->insert(s("INSERT INTO candidates (org_id, name, email, created_at, preview) VALUES (?, ?, ?, ?, 1)"),
                                                {p.orgId, p.name, p.email, now});
            const QString token = secrets::newToken();
            const qint64 expires = now + kDay;
            db->insert(s("INSERT INTO invites (org_id, interview_id, candidate_id, token_hash, expires_at, max_uses, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)"),
                       {p.orgId, id, candidate, secrets::tokenHash(token), expires, now});
            reply = QJsonObject{{s("url"), ctx.inviteUrl(token)}, {s("expiresAt"), iso(expires)}};
            audit(ctx, r, p, s("interview.preview"), QStringLiteral("interview:%1 copy:%2").arg(original).arg(id));
        });
        return HttpResponse::json(201, reply);
    }, true));

    // Everything held about a candidate, for them (their right of access): an `export` job writes the archive,
    // GET /exports/{job} hands it out once the job is done.
    http.route("POST", s("/api/v1/candidates/{id}/export"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const qint64 candidate = r.ids.at(0);
        requireFound(db, "candidates", p.orgId, candidate, "candidate");
        qint64 job = 0;
        db->transaction([&] {
            job = ctx.jobs->enqueue(*db, JobSpec{s(kExportJob), QStringLiteral("candidate:%1:%2").arg(candidate).arg(nowMs()), p.orgId,
                                                 QJsonObject{{s("candidateId"), candidate}}, 3, 5});
            audit(ctx, r, p, s("candidate.export"), QStringLiteral("candidate:%1 job:%2").arg(candidate).arg(job));
        });
        ctx.jobs->wake();
        return HttpResponse::json(202, QJsonObject{{s("jobId"), job}});
    }, true));
    http.route("GET", s("/api/v1/exports/{id}"), ctx.reader([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const qint64 job = r.ids.at(0);
        QSqlQuery q = db->exec(s("SELECT state, payload, last_error FROM jobs WHERE id = ? AND org_id = ? AND kind = ?"), {job, p.orgId, s(kExportJob)});
        if (!q.next())
            fail(ApiError::notFound(s("no such export")));
        const QString state = q.value(0).toString();
        if (state == QLatin1String("failed"))
            fail(ApiError::conflict(s("the archive could not be made: ") + q.value(2).toString()));
        if (state != QLatin1String("done"))
            fail(ApiError::conflict(s("the archive is still being made; ask again when its job is done")));
        const qint64 candidate = QJsonDocument::fromJson(q.value(1).toByteArray()).object().value(s("candidateId")).toInteger();
        auto file = std::make_shared<QFile>(candidateExportPath(ctx.exportsDir, p.orgId, candidate, job));
        if (!file->open(QIODevice::ReadOnly))
            fail(ApiError{ErrorCode::Gone, QStringLiteral("the archive was removed (archives are kept %1 days, and go when the candidate is erased); make a new one")
                                               .arg(kExportKeptDays), {}});
        audit(ctx, r, p, s("candidate.export_download"), QStringLiteral("candidate:%1 job:%2").arg(candidate).arg(job));
        file->moveToThread(ctx.home->thread()); // opened here, streamed by the event loop
        HttpResponse resp;
        resp.headers = {{"content-type", "application/zip"}, {"cache-control", "no-store"},
                        {"content-disposition", QStringLiteral("attachment; filename=\"candidate-%1-export.zip\"").arg(candidate).toLatin1()}};
        resp.streamLength = file->size();
        resp.stream = file;
        return resp;
    }));

    // Erases a candidate on request (their right to erasure; administrators only): the candidate, their invites,
    // sessions, answers, ratings, notes and decisions go in one transaction, with an audit entry that keeps only
    // ids; their recordings and CV file are removed from disk by a job queued in that same transaction (durable:
    // a crash before it ran or while it runs, and it runs again). Refused while they are connected and answering.
    http.route("DELETE", s("/api/v1/candidates/{id}"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const qint64 candidate = r.ids.at(0);
        requireFound(db, "candidates", p.orgId, candidate, "candidate");
        ErasedCandidate erased;
        db->transaction([&] {
            QSqlQuery q = db->exec(s("SELECT id, phase FROM sessions WHERE candidate_id = ? AND org_id = ?"), {candidate, p.orgId});
            while (q.next()) {
                const bool over = q.value(1).toString() == QLatin1String("finished") || q.value(1).toString() == QLatin1String("refused");
                if (!over && ctx.sessions->isConnected(q.value(0).toLongLong()))
                    fail(ApiError::conflict(s("the candidate is answering right now; revoke their link, then erase")));
            }
            q.finish();
            erased = eraseCandidateRows(*db, *ctx.jobs, p.orgId, candidate);
            audit(ctx, r, p, s("candidate.erase"),
                  QStringLiteral("candidate:%1 invites:%2 sessions:%3").arg(candidate).arg(erased.invites.size()).arg(erased.sessions.size()));
        });
        ctx.jobs->wake();
        // Pages still open on an erased invite are told it is gone (on the event loop, where their sockets live).
        QMetaObject::invokeMethod(ctx.sessions, [sessions = ctx.sessions, invites = erased.invites] {
            for (qint64 invite : invites)
                sessions->inviteRevoked(invite);
        }, Qt::QueuedConnection);
        return HttpResponse::json(202, QJsonObject{{s("jobId"), erased.filesJob}, {s("invites"), erased.invites.size()},
                                                   {s("sessions"), erased.sessions.size()}});
    }, true));
}

} // namespace intervox
