// Review: the criteria an interview's candidates are rated on, each reviewer's ratings (1–5 per criterion) and
// private note per invite, and the decision taken on it (advance / hold / reject, with who and when; the earlier
// ones stay as its history). An invite is one candidate in one interview: what a recruiter reviews.

#include "apicontext.h"
#include "auditapi.h"

#include "events/eventhub.h"
#include "storage/database.h"
#include "interviewinput.h"
#include "listquery.h"
#include "validate.h"

#include <QJsonArray>
#include <QMetaObject>
#include <QSet>

namespace intervox {

using namespace validate;

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

constexpr int kMaxNote = 10000;
constexpr int kHistory = 50;

const QStringList &decisionWords()
{
    static const QStringList words{s("advance"), s("hold"), s("reject")};
    return words;
}

// The interview of invite `invite`; 404 unless the organization has that invite.
qint64 interviewOfInvite(Database *db, qint64 org, qint64 invite)
{
    const QVariant iv = db->scalar(s("SELECT interview_id FROM invites WHERE id = ? AND org_id = ?"), {invite, org});
    if (iv.isNull())
        fail(ApiError::notFound(s("no such invite")));
    return iv.toLongLong();
}

QJsonArray criteriaOf(Database *db, qint64 org, qint64 interview)
{
    QSqlQuery q = db->exec(s("SELECT id, name, description FROM criteria WHERE org_id = ? AND interview_id = ? AND removed_at IS NULL"
                             " ORDER BY position"),
                           {org, interview});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{s("id"), q.value(0).toLongLong()}, {s("name"), q.value(1).toString()}, {s("description"), q.value(2).toString()}});
    return out;
}

QJsonObject decisionRow(const QSqlQuery &q, int first)
{
    return QJsonObject{{s("value"), q.value(first).toString()},
                       {s("by"), QJsonObject{{s("id"), q.value(first + 1).toLongLong()}, {s("name"), q.value(first + 2).toString()}}},
                       {s("at"), iso(q.value(first + 3).toLongLong())}};
}

// Everything a reviewer needs for one invite, as `user` sees it (their own ratings and note; everyone's averages).
QJsonObject reviewJson(Database *db, qint64 org, qint64 user, qint64 invite)
{
    QSqlQuery head = db->exec(s("SELECT i.interview_id, c.id, c.name, c.email, c.cv_size, iv.title"
                                " FROM invites i JOIN candidates c ON c.id = i.candidate_id AND c.org_id = i.org_id"
                                " JOIN interviews iv ON iv.id = i.interview_id AND iv.org_id = i.org_id"
                                " WHERE i.id = ? AND i.org_id = ?"),
                              {invite, org});
    if (!head.next())
        fail(ApiError::notFound(s("no such invite")));
    const qint64 interview = head.value(0).toLongLong();

    QJsonArray criteria;
    QSqlQuery c = db->exec(s("SELECT cr.id, cr.name, cr.description,"
                             " (SELECT r.score FROM ratings r WHERE r.invite_id = ? AND r.criterion_id = cr.id AND r.user_id = ?),"
                             " (SELECT AVG(r.score * 1.0) FROM ratings r WHERE r.invite_id = ? AND r.criterion_id = cr.id),"
                             " (SELECT COUNT(*) FROM ratings r WHERE r.invite_id = ? AND r.criterion_id = cr.id)"
                             " FROM criteria cr WHERE cr.org_id = ? AND cr.interview_id = ? AND cr.removed_at IS NULL ORDER BY cr.position"),
                           {invite, user, invite, invite, org, interview});
    while (c.next())
        criteria.append(QJsonObject{{s("id"), c.value(0).toLongLong()}, {s("name"), c.value(1).toString()},
                                    {s("description"), c.value(2).toString()},
                                    {s("mine"), c.value(3).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.value(3).toInt())},
                                    {s("average"), c.value(4).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.value(4).toDouble())},
                                    {s("ratings"), c.value(5).toInt()}});

    // The answers of the invite's latest session, the last take of each question.
    QJsonArray answers;
    QSqlQuery a = db->exec(s("SELECT a.id, a.question_index, q.body, a.take, a.status, a.duration_ms, a.bytes, a.finished_at, a.mime, a.media"
                             " FROM answers a JOIN questions q ON q.id = a.question_id AND q.org_id = a.org_id"
                             " WHERE a.org_id = ? AND a.superseded = 0 AND a.session_id ="
                             " (SELECT MAX(x.id) FROM sessions x WHERE x.invite_id = ? AND x.org_id = ?)"
                             " ORDER BY a.question_index, a.take"),
                           {org, invite, org});
    while (a.next())
        answers.append(QJsonObject{{s("id"), a.value(0).toLongLong()}, {s("question"), a.value(1).toInt()},
                                   {s("questionText"), a.value(2).toString()}, {s("take"), a.value(3).toInt()},
                                   {s("status"), a.value(4).toString()},
                                   {s("durationMs"), a.value(5).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.value(5).toLongLong())},
                                   {s("bytes"), a.value(6).toLongLong()}, {s("finishedAt"), isoOrNull(a.value(7))},
                                   {s("mime"), a.value(8).toString()}, {s("media"), a.value(9).toString()}});

    const QVariant note = db->scalar(s("SELECT body FROM review_notes WHERE invite_id = ? AND user_id = ? AND org_id = ?"), {invite, user, org});
    QJsonArray history;
    QSqlQuery d = db->exec(s("SELECT d.decision, d.user_id, u.name, d.at FROM decisions d JOIN users u ON u.id = d.user_id"
                             " WHERE d.org_id = ? AND d.invite_id = ? ORDER BY d.id DESC LIMIT ?"),
                           {org, invite, kHistory});
    while (d.next())
        history.append(decisionRow(d, 0));

    return QJsonObject{{s("inviteId"), invite},
                       {s("interview"), QJsonObject{{s("id"), interview}, {s("title"), head.value(5).toString()}}},
                       {s("candidate"), QJsonObject{{s("id"), head.value(1).toLongLong()}, {s("name"), head.value(2).toString()},
                                                    {s("email"), head.value(3).toString()}, {s("hasCv"), !head.value(4).isNull()}}},
                       {s("criteria"), criteria},
                       {s("answers"), answers},
                       {s("note"), note.isNull() ? s("") : note.toString()},
                       {s("decision"), history.isEmpty() ? QJsonValue(QJsonValue::Null) : history.at(0)},
                       {s("history"), history}};
}

// Tells the organization's recruiters (GET /api/v1/events) that the review of `invite` changed, from the
// thread the hub lives on.
void announce(const ApiContext &ctx, qint64 org, qint64 interview, qint64 invite, const QString &what)
{
    EventHub *hub = ctx.events;
    if (!hub)
        return;
    QMetaObject::invokeMethod(hub, [hub, org, interview, invite, what] {
        hub->publish(org, s("review"), QJsonObject{{s("interviewId"), interview}, {s("inviteId"), invite}, {s("change"), what}});
    }, Qt::QueuedConnection);
}

} // namespace

void writeCriteria(Database *db, qint64 org, qint64 interview, const QList<InterviewInput::Criterion> &criteria)
{
    const qint64 now = nowMs();
    QSet<qint64> kept;
    for (const auto &c : criteria)
        if (c.id)
            kept.insert(c.id);
    // Criteria left out are removed from view; the ratings given on them stay in the database.
    QSqlQuery current = db->exec(s("SELECT id FROM criteria WHERE org_id = ? AND interview_id = ? AND removed_at IS NULL"), {org, interview});
    QList<qint64> gone;
    QSet<qint64> active;
    while (current.next()) {
        active.insert(current.value(0).toLongLong());
        if (!kept.contains(current.value(0).toLongLong()))
            gone.append(current.value(0).toLongLong());
    }
    for (qint64 id : gone)
        db->exec(s("UPDATE criteria SET removed_at = ? WHERE id = ? AND org_id = ?"), {now, id, org});
    for (int i = 0; i < criteria.size(); ++i) {
        const auto &c = criteria.at(i);
        if (!c.id) {
            db->insert(s("INSERT INTO criteria (org_id, interview_id, position, name, description) VALUES (?, ?, ?, ?, ?)"),
                       {org, interview, i, c.name, c.description});
            continue;
        }
        if (!active.contains(c.id))
            fail(ApiError::validation(QStringLiteral("criteria[%1].id").arg(i), s("no such criterion in this interview")));
        db->exec(s("UPDATE criteria SET position = ?, name = ?, description = ? WHERE id = ? AND org_id = ?"),
                 {i, c.name, c.description, c.id, org});
    }
}

void attachCriteria(Database *db, qint64 org, QJsonArray &interviews)
{
    attachChildren(db, org, interviews, s("criteria"),
                   s("SELECT interview_id, id, name, description FROM criteria"
                     " WHERE org_id = ? AND interview_id IN (%1) AND removed_at IS NULL ORDER BY interview_id, position"),
                   [](const QSqlQuery &q) {
                       return QJsonObject{{s("id"), q.value(1).toLongLong()}, {s("name"), q.value(2).toString()},
                                          {s("description"), q.value(3).toString()}};
                   });
}

void attachReviewSummaries(Database *db, qint64 org, QJsonArray &rows)
{
    if (rows.isEmpty())
        return;
    QVariantList params{org};
    for (const QJsonValue &row : std::as_const(rows))
        params.append(row.toObject().value(s("id")).toInteger());
    const QString in = Database::placeholders(int(rows.size()));
    QHash<qint64, QJsonObject> scores;   // invite → {criterion id: average}
    QHash<qint64, QPair<double, int>> overall; // invite → (sum of averages, criteria rated)
    QHash<qint64, int> raters;
    QSqlQuery r = db->exec(s("SELECT r.invite_id, r.criterion_id, AVG(r.score * 1.0), COUNT(DISTINCT r.user_id) FROM ratings r"
                             " JOIN criteria c ON c.id = r.criterion_id AND c.removed_at IS NULL"
                             " WHERE r.org_id = ? AND r.invite_id IN (%1) GROUP BY r.invite_id, r.criterion_id").arg(in),
                           params);
    while (r.next()) {
        const qint64 invite = r.value(0).toLongLong();
        scores[invite].insert(QString::number(r.value(1).toLongLong()), r.value(2).toDouble());
        overall[invite].first += r.value(2).toDouble();
        overall[invite].second += 1;
        raters[invite] = qMax(raters.value(invite), r.value(3).toInt());
    }
    QHash<qint64, QJsonObject> decisions;
    QSqlQuery d = db->exec(s("SELECT d.invite_id, d.decision, d.user_id, u.name, d.at FROM decisions d JOIN users u ON u.id = d.user_id"
                             " WHERE d.id IN (SELECT MAX(x.id) FROM decisions x WHERE x.org_id = ? AND x.invite_id IN (%1) GROUP BY x.invite_id)").arg(in),
                           params);
    while (d.next())
        decisions.insert(d.value(0).toLongLong(), decisionRow(d, 1));
    QHash<qint64, QPair<int, qint64>> answers; // invite → (answers, total ms) of the latest session
    QSqlQuery a = db->exec(s("SELECT se.invite_id, COUNT(a.id), SUM(COALESCE(a.duration_ms, 0)) FROM sessions se"
                             " JOIN answers a ON a.session_id = se.id AND a.org_id = se.org_id AND a.superseded = 0"
                             " WHERE se.id IN (SELECT MAX(x.id) FROM sessions x WHERE x.org_id = ? AND x.invite_id IN (%1) GROUP BY x.invite_id)"
                             " GROUP BY se.invite_id").arg(in),
                           params);
    while (a.next())
        answers.insert(a.value(0).toLongLong(), {a.value(1).toInt(), a.value(2).toLongLong()});
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject row = rows.at(i).toObject();
        const qint64 invite = row.value(s("id")).toInteger();
        const auto total = overall.value(invite);
        row.insert(s("review"), QJsonObject{{s("score"), total.second ? QJsonValue(total.first / total.second) : QJsonValue(QJsonValue::Null)},
                                            {s("scores"), scores.value(invite)},
                                            {s("raters"), raters.value(invite)},
                                            {s("decision"), decisions.contains(invite) ? QJsonValue(decisions.value(invite)) : QJsonValue(QJsonValue::Null)}});
        const auto counted = answers.value(invite);
        row.insert(s("answers"), QJsonObject{{s("count"), counted.first}, {s("durationMs"), counted.second}});
        rows.replace(i, row);
    }
}

void registerRatingApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;
    http.route("GET", s("/api/v1/interviews/{id}/criteria"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireFound(db, "interviews", p.orgId, r.ids.at(0), "interview");
        requireAssigned(db, p, Visible::Interview, r.ids.at(0));
        return HttpResponse::json(200, QJsonObject{{s("items"), criteriaOf(db, p.orgId, r.ids.at(0))}});
    }));
    // Replaces the interview's criteria; allowed while candidates answer (ratings follow the criterion's id).
    http.route("PUT", s("/api/v1/interviews/{id}/criteria"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        const qint64 interview = r.ids.at(0);
        requireFound(db, "interviews", p.orgId, interview, "interview");
        const QList<InterviewInput::Criterion> criteria = *InterviewInput::parseCriteria(r.jsonObject(), true);
        db->transaction([&] {
            writeCriteria(db, p.orgId, interview, criteria);
            audit(ctx, r, p, s("interview.criteria"), QStringLiteral("interview:%1").arg(interview));
        });
        announce(ctx, p.orgId, interview, 0, s("criteria"));
        return HttpResponse::json(200, QJsonObject{{s("items"), criteriaOf(db, p.orgId, interview)}});
    }, true), BodyKind::Json);

    http.route("GET", s("/api/v1/invites/{id}/review"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireAssigned(db, p, Visible::Invite, r.ids.at(0));
        return HttpResponse::json(200, reviewJson(db, p.orgId, p.userId, r.ids.at(0)));
    }));
    // A reviewer's own ratings: {"ratings": {"<criterion id>": 1–5 or null to clear}}. Reviewers may rate.
    http.route("PUT", s("/api/v1/invites/{id}/review/ratings"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        const qint64 invite = r.ids.at(0);
        requireAssigned(db, p, Visible::Invite, invite);
        const qint64 interview = interviewOfInvite(db, p.orgId, invite);
        const QJsonValue value = r.jsonObject().value(s("ratings"));
        if (!value.isObject() || value.toObject().size() > 12)
            fail(ApiError::validation(s("ratings"), s("must be an object of up to 12 criterion ids, each with a score from 1 to 5 or null")));
        const QJsonObject ratings = value.toObject();
        QSet<qint64> active;
        for (const QJsonValue &c : criteriaOf(db, p.orgId, interview))
            active.insert(c.toObject().value(s("id")).toInteger());
        QList<QPair<qint64, int>> changes;
        for (auto it = ratings.begin(); it != ratings.end(); ++it) {
            const QString field = s("ratings.") + it.key().left(20);
            bool ok = false;
            const qint64 criterion = it.key().toLongLong(&ok);
            if (!ok || !active.contains(criterion))
                fail(ApiError::validation(field, s("no such criterion in this interview")));
            if (it.value().isNull()) {
                changes.append({criterion, 0});
                continue;
            }
            const double score = it.value().toDouble(-1);
            if (!it.value().isDouble() || score != int(score) || score < 1 || score > 5)
                fail(ApiError::validation(field, s("must be a whole number from 1 to 5, or null")));
            changes.append({criterion, int(score)});
        }
        const qint64 now = nowMs();
        db->transaction([&] {
            for (const auto &[criterion, score] : std::as_const(changes)) {
                if (score == 0)
                    db->exec(s("DELETE FROM ratings WHERE invite_id = ? AND criterion_id = ? AND user_id = ? AND org_id = ?"),
                             {invite, criterion, p.userId, p.orgId});
                else
                    db->exec(s("INSERT INTO ratings (org_id, invite_id, criterion_id, user_id, score, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                               " ON CONFLICT (invite_id, criterion_id, user_id) DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at"),
                             {p.orgId, invite, criterion, p.userId, score, now});
            }
            audit(ctx, r, p, s("rating.change"), QStringLiteral("invite:%1").arg(invite));
        });
        announce(ctx, p.orgId, interview, invite, s("ratings"));
        return HttpResponse::json(200, reviewJson(db, p.orgId, p.userId, invite));
    }), BodyKind::Json);
    // A reviewer's private note on the invite: only its author ever reads it.
    http.route("PUT", s("/api/v1/invites/{id}/review/note"), ctx.authed([db](HttpRequest &r, const Principal &p) {
        const qint64 invite = r.ids.at(0);
        interviewOfInvite(db, p.orgId, invite);
        requireAssigned(db, p, Visible::Invite, invite);
        const QString note = optionalText(r.jsonObject(), s("note"), kMaxNote, true).value_or(QString());
        if (note.isEmpty())
            db->exec(s("DELETE FROM review_notes WHERE invite_id = ? AND user_id = ? AND org_id = ?"), {invite, p.userId, p.orgId});
        else
            db->exec(s("INSERT INTO review_notes (org_id, invite_id, user_id, body, updated_at) VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT (invite_id, user_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at"),
                     {p.orgId, invite, p.userId, note, nowMs()});
        return HttpResponse::json(200, reviewJson(db, p.orgId, p.userId, invite));
    }), BodyKind::Json);
    // The decision on the invite; reviewers rate but do not decide.
    http.route("POST", s("/api/v1/invites/{id}/decision"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        const qint64 invite = r.ids.at(0);
        const qint64 interview = interviewOfInvite(db, p.orgId, invite);
        const QString decision = text(r.jsonObject(), s("decision"), 1, 20);
        if (!decisionWords().contains(decision))
            fail(ApiError::validation(s("decision"), s("must be one of: ") + decisionWords().join(s(", "))));
        const qint64 now = nowMs();
        db->transaction([&] {
            db->insert(s("INSERT INTO decisions (org_id, invite_id, decision, user_id, at) VALUES (?, ?, ?, ?, ?)"),
                       {p.orgId, invite, decision, p.userId, now});
            audit(ctx, r, p, s("decision.") + decision, QStringLiteral("invite:%1").arg(invite));
        });
        announce(ctx, p.orgId, interview, invite, s("decision"));
        return HttpResponse::json(200, reviewJson(db, p.orgId, p.userId, invite));
    }, true), BodyKind::Json);
}

} // namespace intervox
