// Sign-in of the program that embeds the server (the desktop app on a laptop): no password to type, no secret
// on disk. The embedding program puts a random secret into the server's Config in memory and sends it back
// through this route, like any other API client. Only a server started that way has the route.

#include "apicontext.h"
#include "jobs/retention.h"

#include "auth/accesstokens.h"
#include "auth/secrets.h"
#include "core/config.h"
#include "core/log.h"
#include "core/workerthreads.h"
#include "storage/database.h"
#include "validate.h"

#include <QJsonObject>

namespace intervox {

using namespace validate;

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

// The local owner's address: `.invalid` is reserved (RFC 2606), so it can never be a real mailbox.
const char *kLocalOwnerEmail = "owner@this-computer.invalid";

// The local owner, created with its organization on the first call. Runs on the writer thread.
Principal localOwner(Database *db, const QString &organization, const QString &name)
{
    Principal p;
    db->transaction([&] {
        if (const auto existing = AccessTokens::userByEmail(db, s(kLocalOwnerEmail))) {
            p = *existing;
            return;
        }
        const qint64 now = nowMs();
        p.orgId = db->insert(s("INSERT INTO organizations (name, created_at, retention_recordings_days, retention_candidate_days) VALUES (?, ?, ?, ?)"),
                             {organization, now, kDefaultRecordingsDays, kDefaultCandidateDays});
        // No password can sign this account in: the hash is of a random secret that is thrown away.
        p.userId = db->insert(s("INSERT INTO users (org_id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'owner', ?, ?)"),
                              {p.orgId, s(kLocalOwnerEmail), name, secrets::hashPassword(secrets::newToken()), now});
        p.role = s("owner");
        p.email = s(kLocalOwnerEmail);
        p.name = name;
        qCInfo(lcAuth) << "created the local owner (user" << p.userId << ") and its organization";
    });
    return p;
}

} // namespace

void registerLocalSignIn(HttpServer &http, ApiContext &ctx)
{
    if (ctx.config->localSignInSecret.isEmpty())
        return;
    http.route("POST", s("/api/v1/auth/local"), [&ctx](HttpRequest &r, const HttpReplier &reply) {
        const QJsonObject o = r.jsonObject();
        const QString secret = text(o, s("secret"), 1, 200);
        const QString organization = optionalText(o, s("organization"), 200).value_or(s("This computer"));
        const QString name = optionalText(o, s("name"), 200).value_or(s("Owner"));
        // The embedding program runs on this machine: a request from elsewhere is refused whatever it sends.
        if (!r.peer.isLoopback()
            || !secrets::equalConstantTime(secret.toUtf8(), ctx.config->localSignInSecret.toUtf8())) {
            qCInfo(lcAuth) << "refused a local sign-in from" << r.peer.toString();
            fail(ApiError::unauthorized(s("this server signs in only the program that started it")));
        }
        Database *db = ctx.db;
        QObject *home = ctx.home;
        const bool queued = ctx.writers->post([db, home, organization, name, reply] {
            HttpResponse response;
            try {
                Principal p = localOwner(db, organization.isEmpty() ? s("This computer") : organization, name.isEmpty() ? s("Owner") : name);
                const QString token = AccessTokens::issue(db, p);
                response = signedInReply(p, token);
            } catch (const ApiException &e) {
                response = HttpResponse::error(e.error);
            }
            QMetaObject::invokeMethod(home, [reply, response = std::move(response)]() mutable { reply.send(std::move(response)); },
                                      Qt::QueuedConnection);
        });
        if (!queued)
            fail(ApiError{ErrorCode::Unavailable, s("the server is busy; try again in a moment"), {}});
    }, BodyKind::Json);
}

} // namespace intervox
