// The job queue as recruiters see it: their organization's jobs, newest first (pages), with every run.

#include "apicontext.h"

#include "jobs/jobqueue.h"
#include "storage/database.h"
#include "listquery.h"
#include "validate.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace intervox {

using namespace validate;

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

const char *kJobColumns = "id, kind, state, attempts, max_attempts, run_after, last_error, result, payload, created_at, updated_at, finished_at, interruptions";

QJsonValue textOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.toString());
}

QJsonObject jobJson(const QSqlQuery &q)
{
    const QString state = q.value(2).toString();
    return QJsonObject{{s("id"), q.value(0).toLongLong()}, {s("kind"), q.value(1).toString()}, {s("state"), state},
                       {s("attempts"), q.value(3).toInt()}, {s("maxAttempts"), q.value(4).toInt()},
                       {s("runAfter"), state == QLatin1String("queued") ? QJsonValue(iso(q.value(5).toLongLong())) : QJsonValue(QJsonValue::Null)},
                       {s("lastError"), textOrNull(q.value(6))},
                       {s("result"), q.value(7).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object())},
                       {s("payload"), QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object()},
                       {s("createdAt"), iso(q.value(9).toLongLong())}, {s("updatedAt"), iso(q.value(10).toLongLong())},
                       {s("finishedAt"), isoOrNull(q.value(11))}, {s("interruptions"), q.value(12).toInt()}};
}

QString oneOf(const HttpRequest &r, const QString &name, const QStringList &allowed)
{
    const QString v = r.query.queryItemValue(name);
    if (!v.isEmpty() && !allowed.contains(v))
        fail(ApiError::badRequest(QStringLiteral("%1 must be one of %2").arg(name, allowed.join(QLatin1String(", ")))));
    return v;
}

} // namespace

void registerJobsApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;
    http.route("GET", s("/api/v1/jobs"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireNotReviewer(p, "the job queue");
        const QString state = oneOf(r, s("state"), {s("queued"), s("running"), s("done"), s("failed")});
        const QString kind = r.query.queryItemValue(s("kind"));
        if (kind.size() > 40)
            fail(ApiError::badRequest(s("kind must be at most 40 characters")));
        QString where = s("org_id = ?");
        QVariantList params{p.orgId};
        for (const auto &[column, value] : {std::pair{"state", state}, std::pair{"kind", kind}}) {
            if (!value.isEmpty()) {
                where += QStringLiteral(" AND %1 = ?").arg(QLatin1String(column));
                params << value;
            }
        }
        const PageRequest page = PageRequest::fromQuery(r.query);
        QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM jobs WHERE %2").arg(QLatin1String(kJobColumns), where) + page.clause(), params + page.binds());
        QJsonArray items;
        while (q.next())
            items.append(jobJson(q));
        return HttpResponse::json(200, page.reply(items));
    }));
    http.route("GET", s("/api/v1/jobs/{id}"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireNotReviewer(p, "the job queue");
        QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM jobs WHERE id = ? AND org_id = ?").arg(QLatin1String(kJobColumns)), {r.ids.at(0), p.orgId});
        if (!q.next())
            fail(ApiError::notFound(s("no such job")));
        QJsonObject job = jobJson(q);
        q.finish();
        QJsonArray runs;
        QSqlQuery rq = db->exec(s("SELECT attempt, outcome, started_at, ended_at, error FROM job_runs WHERE job_id = ? ORDER BY id"), {r.ids.at(0)});
        while (rq.next())
            runs.append(QJsonObject{{s("attempt"), rq.value(0).toInt()}, {s("outcome"), rq.value(1).toString()},
                                    {s("startedAt"), iso(rq.value(2).toLongLong())}, {s("endedAt"), isoOrNull(rq.value(3))},
                                    {s("error"), textOrNull(rq.value(4))}});
        job.insert(s("runs"), runs);
        return HttpResponse::json(200, job);
    }));
}

} // namespace intervox
