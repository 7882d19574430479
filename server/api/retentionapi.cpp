// Retention settings, what is due (a dry run) and a run on request (jobs/retention.h has the rules).
#include "apicontext.h"
#include "auditapi.h"
#include "jobs/jobqueue.h"
#include "jobs/retention.h"
#include "storage/database.h"
#include "validate.h"
#include <QJsonArray>
#include <QSqlQuery>

namespace intervox {
using namespace validate;
namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }
constexpr int kMaxDueItems = 1000;

// {"recordingsDays": n|null, "candidateDays": n|null}: both fields required, null meaning "none" (for an
// organization: kept until erased on request; for an interview: the organization's).
RetentionPolicy parsePolicy(const QJsonObject &o)
{
    RetentionPolicy policy;
    for (const char *key : {"recordingsDays", "candidateDays"}) {
        const QString field = s(key);
        if (o.value(field).isUndefined())
            fail(ApiError::validation(field, QStringLiteral("required: a number of days from 1 to %1, or null").arg(kMaxRetentionDays)));
        std::optional<int> days;
        if (!o.value(field).isNull())
            days = integer(o, field, 1, kMaxRetentionDays);
        (field == QLatin1String("recordingsDays") ? policy.recordingsDays : policy.candidateDays) = days;
    }
    return policy;
}

QString policyTarget(const RetentionPolicy &policy)
{
    const auto text = [](const std::optional<int> &d) { return d ? QString::number(*d) : s("none"); };
    return QStringLiteral("recordings:%1 candidate:%2").arg(text(policy.recordingsDays), text(policy.candidateDays));
}
} // namespace

void registerRetentionApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;
    // Every member may read the organization's periods (the builder shows them); administrators change them.
    http.route("GET", s("/api/v1/retention"), ctx.reader([db](HttpRequest &, const Principal &p) {
        QJsonObject o = retentionJson(retentionPolicy(*db, p.orgId));
        o.insert(s("previewDays"), kPreviewKeptDays);
        return HttpResponse::json(200, o);
    }));
    http.route("PUT", s("/api/v1/retention"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const RetentionPolicy policy = parsePolicy(r.jsonObject());
        db->transaction([&] {
            db->exec(s("UPDATE organizations SET retention_recordings_days = ?, retention_candidate_days = ? WHERE id = ?"),
                     {retentionDaysValue(policy.recordingsDays), retentionDaysValue(policy.candidateDays), p.orgId});
            audit(ctx, r, p, s("retention.change"), policyTarget(policy));
        });
        QJsonObject o = retentionJson(policy);
        o.insert(s("previewDays"), kPreviewKeptDays);
        return HttpResponse::json(200, o);
    }, true), BodyKind::Json);
    // An interview's own periods (null: the organization's); `effective` is what applies to its candidates.
    http.route("PUT", s("/api/v1/interviews/{id}/retention"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const qint64 id = r.ids.at(0);
        requireFound(db, "interviews", p.orgId, id, "interview");
        const RetentionPolicy policy = parsePolicy(r.jsonObject());
        db->transaction([&] {
            db->exec(s("UPDATE interviews SET retention_recordings_days = ?, retention_candidate_days = ?, version = version + 1, updated_at = ?"
                       " WHERE id = ? AND org_id = ?"),
                     {retentionDaysValue(policy.recordingsDays), retentionDaysValue(policy.candidateDays), nowMs(), id, p.orgId});
            audit(ctx, r, p, s("interview.retention"), QStringLiteral("interview:%1 ").arg(id) + policyTarget(policy));
        });
        QJsonObject o = retentionJson(policy);
        o.insert(s("effective"), retentionJson(retentionPolicy(*db, p.orgId, id)));
        return HttpResponse::json(200, o);
    }, true), BodyKind::Json);
    // A dry run: what a retention run would delete now, or by ?asOf= (a later date shows what is coming).
    http.route("GET", s("/api/v1/retention/due"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const qint64 asOf = queryTime(r.query, s("asOf"));
        const RetentionPlan plan = planRetention(*db, p.orgId, asOf > 0 ? asOf : nowMs());
        QJsonArray recordings, candidates;
        for (const RetentionPlan::Item &item : plan.recordings.mid(0, kMaxDueItems))
            recordings.append(QJsonObject{{s("sessionId"), item.id}, {s("candidateId"), item.candidateId}, {s("dueAt"), iso(item.dueAt)}});
        for (const RetentionPlan::Item &item : plan.candidates.mid(0, kMaxDueItems))
            candidates.append(QJsonObject{{s("candidateId"), item.id}, {s("dueAt"), iso(item.dueAt)}});
        return HttpResponse::json(200, QJsonObject{{s("asOf"), iso(asOf > 0 ? asOf : nowMs())},
                                                   {s("recordings"), QJsonObject{{s("count"), plan.recordings.size()}, {s("items"), recordings}}},
                                                   {s("candidates"), QJsonObject{{s("count"), plan.candidates.size()}, {s("items"), candidates}}},
                                                   {s("previews"), plan.previews.size()}});
    }));
    // Runs retention for the organization now (the daily run covers every organization anyway).
    http.route("POST", s("/api/v1/retention/run"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        qint64 job = 0;
        db->transaction([&] {
            job = ctx.jobs->enqueue(*db, JobSpec{s(kRetentionJob), QStringLiteral("org:%1:%2").arg(p.orgId).arg(nowMs()), p.orgId, {}, 3});
            audit(ctx, r, p, s("retention.start"), QStringLiteral("job:%1").arg(job));
        });
        ctx.jobs->wake();
        return HttpResponse::json(202, QJsonObject{{s("jobId"), job}});
    }, true));
}

} // namespace intervox
