// The team: members of an organization with their roles, the one-time setup links by which invited members set
// their password (and members who forgot it set a new one), and the reviewers assigned to each interview.

#include "apicontext.h"
#include "auditapi.h"

#include "auth/accesstokens.h"
#include "auth/passwordpolicy.h"
#include "auth/secrets.h"
#include "core/log.h"
#include "events/eventhub.h"
#include "storage/database.h"
#include "listquery.h"
#include "validate.h"

#include <QJsonArray>
#include <QSet>

namespace intervox {

using namespace validate;

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

constexpr qint64 kSetupLinkLifetimeMs = 7LL * 24 * 3600 * 1000;
constexpr int kMaxAssigned = 200;

const QStringList &assignableRoles()
{
    static const QStringList roles{s("admin"), s("recruiter"), s("reviewer")};
    return roles;
}

const char *kUserColumns = "id, email, name, role, created_at, disabled_at, password_hash, setup_expires_at";

QJsonObject userRow(const QSqlQuery &q)
{
    // invited: no password yet (the setup link not used); disabled: signed out for good, kept for the history.
    const QString status = !q.value(5).isNull() ? s("disabled") : q.value(6).toString().isEmpty() ? s("invited") : s("active");
    QJsonObject o{{s("id"), q.value(0).toLongLong()}, {s("email"), q.value(1).toString()}, {s("name"), q.value(2).toString()},
                  {s("role"), q.value(3).toString()}, {s("status"), status}, {s("createdAt"), iso(q.value(4).toLongLong())},
                  {s("setupLinkExpiresAt"), isoOrNull(q.value(7))}};
    return o;
}

// Adds "interviews" (the ids assigned to each member as a reviewer) with one query.
void attachAssignments(Database *db, qint64 org, QJsonArray &users)
{
    attachChildren(db, org, users, s("interviews"),
                   s("SELECT user_id, interview_id FROM interview_reviewers WHERE org_id = ? AND user_id IN (%1) ORDER BY user_id, interview_id"),
                   [](const QSqlQuery &q) { return QJsonObject{{s("id"), q.value(1).toLongLong()}}; });
}

QJsonObject userJson(Database *db, qint64 org, qint64 id)
{
    QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM users WHERE id = ? AND org_id = ?").arg(QLatin1String(kUserColumns)), {id, org});
    if (!q.next())
        fail(ApiError::notFound(s("no such team member")));
    QJsonArray one{userRow(q)};
    attachAssignments(db, org, one);
    return one.at(0).toObject();
}

// A new setup link for `user`: only its hash is stored; the link replaces any earlier one.
QJsonObject newSetupLink(const ApiContext &ctx, Database *db, qint64 org, qint64 user)
{
    const QString token = secrets::newToken();
    const qint64 expires = nowMs() + kSetupLinkLifetimeMs;
    db->exec(s("UPDATE users SET setup_token_hash = ?, setup_expires_at = ? WHERE id = ? AND org_id = ?"),
             {secrets::tokenHash(token), expires, user, org});
    QString base = ctx.publicUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    // The token travels in the fragment: browsers never send it, so no access log or proxy sees it.
    return QJsonObject{{s("url"), base + s("/setup#") + token}, {s("expiresAt"), iso(expires)}};
}

// The member `id` of the admin's organization that the admin may change: not themself, not the owner.
void requireChangeable(Database *db, const Principal &p, qint64 id)
{
    const QVariant role = db->scalar(s("SELECT role FROM users WHERE id = ? AND org_id = ?"), {id, p.orgId});
    if (role.isNull())
        fail(ApiError::notFound(s("no such team member")));
    if (id == p.userId)
        fail(ApiError::forbidden(s("you cannot change or disable your own account; ask another administrator")));
    if (role.toString() == QLatin1String("owner"))
        fail(ApiError::forbidden(s("the owner's account cannot be changed")));
}

// Ends every session of `user` (disabled, or given another role: they sign in again and get the new one).
void signOutEverywhere(const ApiContext &ctx, Database *db, qint64 user)
{
    ctx.announceRevoked(AccessTokens::revokeAllOf(db, user));
}

// The member with this setup link, if it is known and not expired: {id, org, email, name, organization, reset}.
std::optional<QJsonObject> setupLinkOwner(Database *db, const QString &token)
{
    if (!secrets::looksLikeToken(token))
        return std::nullopt;
    QSqlQuery q = db->exec(s("SELECT u.id, u.org_id, u.email, u.name, o.name, u.password_hash FROM users u JOIN organizations o ON o.id = u.org_id"
                             " WHERE u.setup_token_hash = ? AND u.setup_expires_at > ? AND u.disabled_at IS NULL"),
                           {secrets::tokenHash(token), nowMs()});
    if (!q.next())
        return std::nullopt;
    return QJsonObject{{s("id"), q.value(0).toLongLong()}, {s("org"), q.value(1).toLongLong()}, {s("email"), q.value(2).toString()},
                       {s("name"), q.value(3).toString()}, {s("organization"), q.value(4).toString()},
                       {s("reset"), !q.value(5).toString().isEmpty()}};
}

ApiError unknownSetupLink()
{
    return ApiError::notFound(s("this setup link is unknown, already used or expired; ask your administrator for a new one"));
}

} // namespace

void registerTeamApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;

    http.route("GET", s("/api/v1/users"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireNotReviewer(p, "the team");
        const PageRequest page = PageRequest::fromQuery(r.query);
        QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM users WHERE org_id = ?").arg(QLatin1String(kUserColumns)) + page.clause(),
                               QVariantList{p.orgId} + page.binds());
        QJsonArray items;
        while (q.next())
            items.append(userRow(q));
        const QJsonValue next = page.cut(items);
        attachAssignments(db, p.orgId, items);
        return HttpResponse::json(200, QJsonObject{{s("items"), items}, {s("next"), next}});
    }));

    // Invites a colleague: {email, name, role}. The reply's setup link is shown once; the colleague opens it,
    // sets a password, and signs in.
    http.route("POST", s("/api/v1/users"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const QJsonObject o = r.jsonObject();
        const QString mail = email(o, s("email")).toLower();
        const QString name = text(o, s("name"), 1, 200);
        const QString role = text(o, s("role"), 1, 20);
        if (!assignableRoles().contains(role))
            fail(ApiError::validation(s("role"), s("must be one of: ") + assignableRoles().join(s(", "))));
        QJsonObject reply;
        db->transaction([&] {
            if (!db->scalar(s("SELECT id FROM users WHERE email = ?"), {mail}).isNull())
                fail(ApiError::conflict(s("this email address already has an account on this server")));
            const qint64 id = db->insert(s("INSERT INTO users (org_id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, '', ?)"),
                                         {p.orgId, mail, name, role, nowMs()});
            const QJsonObject link = newSetupLink(ctx, db, p.orgId, id);
            audit(ctx, r, p, s("user.invite"), QStringLiteral("user:%1 role:%2").arg(id).arg(role));
            reply = userJson(db, p.orgId, id);
            reply.insert(s("setupLink"), link);
        });
        return HttpResponse::json(201, reply);
    }, true), BodyKind::Json);

    http.route("GET", s("/api/v1/users/{id}"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        if (r.ids.at(0) != p.userId)
            requireNotReviewer(p, "the team");
        return HttpResponse::json(200, userJson(db, p.orgId, r.ids.at(0)));
    }));

    // {role}: another role signs the member out everywhere, so every app of theirs starts again with it.
    http.route("PUT", s("/api/v1/users/{id}"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const qint64 id = r.ids.at(0);
        requireChangeable(db, p, id);
        const QJsonObject o = r.jsonObject();
        const QString role = text(o, s("role"), 1, 20);
        if (!assignableRoles().contains(role))
            fail(ApiError::validation(s("role"), s("must be one of: ") + assignableRoles().join(s(", "))));
        db->transaction([&] {
            const QString before = db->scalar(s("SELECT role FROM users WHERE id = ? AND org_id = ?"), {id, p.orgId}).toString();
            if (before == role)
                return;
            db->exec(s("UPDATE users SET role = ? WHERE id = ? AND org_id = ?"), {role, id, p.orgId});
            audit(ctx, r, p, s("user.role"), QStringLiteral("user:%1 %2->%3").arg(id).arg(before, role));
            signOutEverywhere(ctx, db, id);
        });
        return HttpResponse::json(200, userJson(db, p.orgId, id));
    }, true), BodyKind::Json);

    // Disables the member: signed out everywhere, no sign-in, no setup link; their ratings and decisions stay.
    http.route("DELETE", s("/api/v1/users/{id}"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const qint64 id = r.ids.at(0);
        requireChangeable(db, p, id);
        db->transaction([&] {
            db->exec(s("UPDATE users SET disabled_at = ?, setup_token_hash = NULL, setup_expires_at = NULL WHERE id = ? AND org_id = ? AND disabled_at IS NULL"),
                     {nowMs(), id, p.orgId});
            db->exec(s("DELETE FROM interview_reviewers WHERE user_id = ? AND org_id = ?"), {id, p.orgId});
            audit(ctx, r, p, s("user.disable"), QStringLiteral("user:%1").arg(id));
            signOutEverywhere(ctx, db, id);
        });
        return HttpResponse::noContent();
    }, true));

    // Ends every session of a member (a lost laptop, a shared computer): the member themself, or an administrator
    // for a member they may change. Their next request asks them to sign in again.
    http.route("POST", s("/api/v1/users/{id}/signout"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        const qint64 id = r.ids.at(0);
        if (id != p.userId) {
            requireAdmin(p);
            requireChangeable(db, p, id);
        }
        db->transaction([&] {
            audit(ctx, r, p, s("user.signout_everywhere"), QStringLiteral("user:%1").arg(id));
            signOutEverywhere(ctx, db, id);
        });
        return HttpResponse::noContent();
    }));

    // A new setup link: for a member who has not used theirs in time, or who forgot their password (their
    // current password keeps working until the link is used).
    http.route("POST", s("/api/v1/users/{id}/setup-link"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const qint64 id = r.ids.at(0);
        requireChangeable(db, p, id);
        QJsonObject link;
        db->transaction([&] {
            if (!db->scalar(s("SELECT disabled_at FROM users WHERE id = ? AND org_id = ?"), {id, p.orgId}).isNull())
                fail(ApiError::conflict(s("this member is disabled")));
            link = newSetupLink(ctx, db, p.orgId, id);
            audit(ctx, r, p, s("user.setup_link"), QStringLiteral("user:%1").arg(id));
        });
        return HttpResponse::json(200, link);
    }, true));

    // ---- the setup page's two calls (no token: the link is the credential)
    http.route("POST", s("/api/v1/auth/setup/check"), ctx.publicReader([db](HttpRequest &r) {
        const auto owner = setupLinkOwner(db, text(r.jsonObject(), s("token"), 1, 100));
        if (!owner)
            fail(unknownSetupLink());
        return HttpResponse::json(200, QJsonObject{{s("email"), owner->value(s("email"))}, {s("name"), owner->value(s("name"))},
                                                   {s("organization"), owner->value(s("organization"))}, {s("reset"), owner->value(s("reset"))}});
    }), BodyKind::Json);
    http.route("POST", s("/api/v1/auth/setup"), ctx.publicWriter([&ctx, db](HttpRequest &r) {
        const QJsonObject o = r.jsonObject();
        const QString token = text(o, s("token"), 1, 100);
        const QString password = o.value(s("password")).toString();
        if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength)
            fail(ApiError::validation(s("password"), passwordProblem(password, QString())));
        // Checked before the (slow, on purpose) hash, so that unknown links cost nothing.
        const auto owner = setupLinkOwner(db, token);
        if (!owner)
            fail(unknownSetupLink());
        if (const QString problem = passwordProblem(password, owner->value(s("email")).toString()); !problem.isEmpty())
            fail(ApiError::validation(s("password"), problem));
        const QString hash = secrets::hashPassword(password);
        const qint64 user = owner->value(s("id")).toInteger();
        Principal p;
        db->transaction([&] {
            // The link is used once: claimed by the update, which fails if another request used it meanwhile.
            const int changed = db->exec(s("UPDATE users SET password_hash = ?, setup_token_hash = NULL, setup_expires_at = NULL"
                                           " WHERE id = ? AND setup_token_hash = ? AND disabled_at IS NULL"),
                                         {hash, user, secrets::tokenHash(token)}).numRowsAffected();
            if (changed != 1)
                fail(unknownSetupLink());
            signOutEverywhere(ctx, db, user); // a new password ends the sessions of the old one
            p = *AccessTokens::userByEmail(db, owner->value(s("email")).toString());
            audit(ctx, r, p, s("user.password_set"), QStringLiteral("user:%1").arg(p.userId));
        });
        qCInfo(lcAuth) << "user" << p.userId << "set a password through a setup link";
        return signedInReply(p, AccessTokens::issue(db, p));
    }), BodyKind::Json);

    // ---- reviewers of an interview
    http.route("GET", s("/api/v1/interviews/{id}/reviewers"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireNotReviewer(p, "who else reviews an interview");
        requireFound(db, "interviews", p.orgId, r.ids.at(0), "interview");
        QSqlQuery q = db->exec(s("SELECT user_id FROM interview_reviewers WHERE interview_id = ? AND org_id = ? ORDER BY user_id"),
                               {r.ids.at(0), p.orgId});
        QJsonArray ids;
        while (q.next())
            ids.append(q.value(0).toLongLong());
        return HttpResponse::json(200, QJsonObject{{s("userIds"), ids}});
    }));
    // {userIds: [...]}: exactly these reviewers see the interview (its candidates, answers and reviews).
    http.route("PUT", s("/api/v1/interviews/{id}/reviewers"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        const qint64 interview = r.ids.at(0);
        requireFound(db, "interviews", p.orgId, interview, "interview");
        const QJsonValue list = r.jsonObject().value(s("userIds"));
        if (!list.isArray() || list.toArray().size() > kMaxAssigned)
            fail(ApiError::validation(s("userIds"), QStringLiteral("must be a list of up to %1 team member ids").arg(kMaxAssigned)));
        QSet<qint64> wanted;
        const QJsonArray arr = list.toArray();
        for (int i = 0; i < arr.size(); ++i) {
            const QString field = QStringLiteral("userIds[%1]").arg(i);
            const double v = arr.at(i).toDouble(-1);
            if (!arr.at(i).isDouble() || v != qint64(v) || v < 1)
                fail(ApiError::validation(field, s("must be a team member's id")));
            QSqlQuery row = db->exec(s("SELECT role, disabled_at FROM users WHERE id = ? AND org_id = ?"), {qint64(v), p.orgId});
            if (!row.next())
                fail(ApiError::validation(field, s("no such team member in your organization")));
            if (row.value(0).toString() != QLatin1String("reviewer"))
                fail(ApiError::validation(field, s("only reviewers are assigned; admins and recruiters see every interview")));
            if (!row.value(1).isNull())
                fail(ApiError::validation(field, s("this member is disabled")));
            wanted.insert(qint64(v));
        }
        QSet<qint64> before;
        db->transaction([&] {
            QSqlQuery q = db->exec(s("SELECT user_id FROM interview_reviewers WHERE interview_id = ? AND org_id = ?"), {interview, p.orgId});
            while (q.next())
                before.insert(q.value(0).toLongLong());
            const qint64 now = nowMs();
            for (qint64 user : before - wanted)
                db->exec(s("DELETE FROM interview_reviewers WHERE interview_id = ? AND user_id = ? AND org_id = ?"), {interview, user, p.orgId});
            for (qint64 user : wanted - before)
                db->exec(s("INSERT INTO interview_reviewers (org_id, interview_id, user_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)"),
                         {p.orgId, interview, user, p.userId, now});
            if (before != wanted)
                audit(ctx, r, p, s("interview.reviewers"), QStringLiteral("interview:%1").arg(interview));
        });
        QList<qint64> sorted(wanted.begin(), wanted.end());
        std::sort(sorted.begin(), sorted.end());
        QJsonArray ids;
        for (qint64 id : sorted)
            ids.append(id);
        if (before != wanted) {
            // Reviewers' live events follow the assignment at once; everyone's lists reload.
            QMetaObject::invokeMethod(ctx.events, [events = ctx.events, org = p.orgId, interview, sorted] {
                events->reviewersChanged(org, interview, sorted);
            }, Qt::QueuedConnection);
        }
        return HttpResponse::json(200, QJsonObject{{s("userIds"), ids}});
    }, true), BodyKind::Json);
}

} // namespace intervox
