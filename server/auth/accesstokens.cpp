#include "accesstokens.h"

#include "core/error.h"
#include "core/log.h"
#include "http/httptypes.h"
#include "secrets.h"
#include "storage/database.h"

#include <QPointer>
#include <QThreadPool>

namespace intervox {

AccessTokens::AccessTokens(Database *db, QObject *parent)
    : QObject(parent), m_db(db), m_pool(new QThreadPool(this))
{
    // Argon2id takes 64 MiB per check: at most two at once on a small server.
    m_pool->setMaxThreadCount(2);
}

AccessTokens::~AccessTokens()
{
    m_pool->waitForDone();
}

void AccessTokens::signIn(const QString &client, const QString &email, const QString &password,
                          std::function<void(std::optional<Principal>, QString, qint64)> done)
{
    const qint64 now = nowMs();
    Failures &f = m_failures[client];
    if (now - f.since > kFailureWindowMs)
        f = Failures{0, now};
    if (f.count >= kMaxFailures)
        fail(ApiError{ErrorCode::TooManyRequests, QStringLiteral("too many failed sign-ins from this address; try again in 15 minutes"), {}});
    if (m_pending >= 32)
        fail(ApiError{ErrorCode::TooManyRequests, QStringLiteral("the server is busy checking passwords; try again in a moment"), {}});
    if (m_failures.size() > 100000) // bounded memory under a spray of addresses
        m_failures.clear();
    QSqlQuery q = m_db->exec(QStringLiteral("SELECT id, org_id, role, email, name, password_hash FROM users WHERE email = ?"),
                             {email.trimmed().toLower()});
    Principal p;
    QString hash;
    if (q.next()) {
        p.userId = q.value(0).toLongLong();
        p.orgId = q.value(1).toLongLong();
        p.role = q.value(2).toString();
        p.email = q.value(3).toString();
        p.name = q.value(4).toString();
        hash = q.value(5).toString();
    }
    if (m_dummyHash.isEmpty())
        m_dummyHash = secrets::hashPassword(secrets::newToken());
    const QString checkAgainst = hash.isEmpty() ? m_dummyHash : hash;
    QPointer<AccessTokens> self(this);
    ++m_pending;
    m_pool->start([self, checkAgainst, password, p, client, known = !hash.isEmpty(), done = std::move(done)]() mutable {
        const bool ok = secrets::verifyPassword(checkAgainst, password) && known;
        QMetaObject::invokeMethod(self, [self, ok, p, client, done = std::move(done)]() mutable {
            if (!self)
                return;
            --self->m_pending;
            if (!ok) {
                ++self->m_failures[client].count;
                qCInfo(lcAuth) << "failed sign-in from" << client;
                done(std::nullopt, {}, 0);
                return;
            }
            const QString token = secrets::newToken();
            const qint64 now = nowMs();
            const qint64 expires = now + kLifetimeMs;
            try {
                p.tokenId = self->m_db->insert(QStringLiteral("INSERT INTO access_tokens (user_id, org_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
                                               {p.userId, p.orgId, secrets::tokenHash(token), now, expires});
            } catch (const ApiException &) {
                done(std::nullopt, {}, 0);
                return;
            }
            self->m_failures.remove(client);
            qCInfo(lcAuth) << "user" << p.userId << "signed in";
            done(p, token, expires);
        }, Qt::QueuedConnection);
    });
}

std::optional<Principal> AccessTokens::lookup(const QString &token)
{
    if (!secrets::looksLikeToken(token))
        return std::nullopt;
    QSqlQuery q = m_db->exec(QStringLiteral("SELECT t.id, u.id, u.org_id, u.role, u.email, u.name FROM access_tokens t"
                                            " JOIN users u ON u.id = t.user_id"
                                            " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?"),
                             {secrets::tokenHash(token), nowMs()});
    if (!q.next())
        return std::nullopt;
    Principal p;
    p.tokenId = q.value(0).toLongLong();
    p.userId = q.value(1).toLongLong();
    p.orgId = q.value(2).toLongLong();
    p.role = q.value(3).toString();
    p.email = q.value(4).toString();
    p.name = q.value(5).toString();
    return p;
}

Principal AccessTokens::require(const HttpRequest &request)
{
    const QByteArray auth = request.header("authorization");
    if (!auth.toLower().startsWith("bearer "))
        fail(ApiError::unauthorized(QStringLiteral("missing Authorization: Bearer token; sign in at POST /api/v1/auth/login")));
    const auto p = lookup(QString::fromLatin1(auth.mid(7).trimmed()));
    if (!p)
        fail(ApiError::unauthorized(QStringLiteral("the access token is unknown, expired or revoked; sign in again")));
    return *p;
}

void AccessTokens::revoke(qint64 tokenId)
{
    m_db->exec(QStringLiteral("UPDATE access_tokens SET revoked_at = ? WHERE id = ?"), {nowMs(), tokenId});
}

} // namespace intervox
