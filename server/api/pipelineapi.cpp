// The candidates of one interview as a recruiter follows them: one row per invite, with the candidate, the
// latest session and one status word, so a client shows the whole pipeline from one list (no join of its own).

#include "apicontext.h"

#include "session/sessionhub.h"
#include "storage/database.h"
#include "listquery.h"
#include "validate.h"

#include <QJsonArray>

namespace intervox {

using namespace validate;

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

// invited → started → finished, or refused (consent), expired (never started in time), revoked.
QString statusOf(bool revoked, const QVariant &phase, const QVariant &consent, qint64 expiresAt, qint64 now)
{
    if (revoked)
        return s("revoked");
    if (!phase.isNull()) {
        if (consent.toString() == QLatin1String("refused") || phase.toString() == QLatin1String("refused"))
            return s("refused_consent");
        if (phase.toString() == QLatin1String("finished"))
            return s("finished");
        return s("started");
    }
    return expiresAt <= now ? s("expired") : s("invited");
}

} // namespace

bool owns(Database *db, const char *table, qint64 org, qint64 id)
{
    return !db->scalar(QStringLiteral("SELECT id FROM %1 WHERE id = ? AND org_id = ?").arg(QLatin1String(table)), {id, org}).isNull();
}

void requireFound(Database *db, const char *table, qint64 org, qint64 id, const char *what)
{
    if (!owns(db, table, org, id))
        fail(ApiError::notFound(s("no such ") + QLatin1String(what)));
}

void registerPipelineApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;
    const SessionHub *hub = ctx.sessions;
    http.route("GET", s("/api/v1/interviews/{id}/candidates"), ctx.reader([db, hub](HttpRequest &r, const Principal &p) {
        const qint64 interview = r.ids.at(0);
        requireFound(db, "interviews", p.orgId, interview, "interview");
        requireAssigned(db, p, Visible::Interview, interview);
        const PageRequest page = PageRequest::fromQuery(r.query);
        // The latest session of each invite (an invite may allow more than one).
        QSqlQuery q = db->exec(
            s("SELECT i.id, i.candidate_id, c.name, c.email, c.cv_size, i.expires_at, i.max_uses, i.uses, i.revoked_at, i.created_at,"
              " se.id, se.phase, se.question_index, se.consent, se.started_at, se.finished_at, i.extra_time_percent"
              " FROM invites i JOIN candidates c ON c.id = i.candidate_id AND c.org_id = i.org_id"
              " LEFT JOIN sessions se ON se.id = (SELECT MAX(x.id) FROM sessions x WHERE x.invite_id = i.id AND x.org_id = i.org_id)"
              " WHERE i.org_id = ? AND i.interview_id = ? AND i.id < ? ORDER BY i.id DESC LIMIT ?"),
            QVariantList{p.orgId, interview} + page.binds());
        const qint64 now = nowMs();
        QJsonArray items;
        while (q.next()) {
            const bool revoked = !q.value(8).isNull();
            QJsonValue session = QJsonValue::Null;
            if (!q.value(10).isNull()) {
                const qint64 sid = q.value(10).toLongLong();
                session = QJsonObject{{s("id"), sid}, {s("phase"), q.value(11).toString()}, {s("question"), q.value(12).toInt()},
                                      {s("consent"), q.value(13).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.value(13).toString())},
                                      {s("startedAt"), iso(q.value(14).toLongLong())}, {s("finishedAt"), isoOrNull(q.value(15))},
                                      {s("connected"), hub->isConnected(sid)}};
            }
            items.append(QJsonObject{
                {s("id"), q.value(0).toLongLong()},
                {s("candidate"), QJsonObject{{s("id"), q.value(1).toLongLong()}, {s("name"), q.value(2).toString()},
                                             {s("email"), q.value(3).toString()}, {s("hasCv"), !q.value(4).isNull()}}},
                {s("status"), statusOf(revoked, q.value(11), q.value(13), q.value(5).toLongLong(), now)},
                {s("expiresAt"), iso(q.value(5).toLongLong())}, {s("maxUses"), q.value(6).toInt()}, {s("uses"), q.value(7).toInt()},
                {s("revoked"), revoked}, {s("createdAt"), iso(q.value(9).toLongLong())}, {s("extraTimePercent"), q.value(16).toInt()},
                {s("session"), session}});
        }
        const QJsonValue next = page.cut(items);
        attachReviewSummaries(db, p.orgId, items);
        return HttpResponse::json(200, QJsonObject{{s("items"), items}, {s("next"), next}});
    }));
}

} // namespace intervox
