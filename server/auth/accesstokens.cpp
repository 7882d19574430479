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

AccessTokens::Failures &AccessTokens::window(QHash<QString, Failures> &table, const QString &key, qint64 now)
{
    if (table.size() > 100000 && !table.contains(key)) // bounded memory under a spray of addresses or e-mails
        table.clear();
    Failures &f = table[key];
    if (now - f.since > kFailureWindowMs)
        f = Failures{0, now};
    return f;
}

void AccessTokens::refund(QHash<QString, Failures> &table, const QString &key)
{
    auto it = table.find(key);
    if (it != table.end() && it->count > 0)
        --it->count;
}

namespace {
QString minutesLeft(qint64 since, qint64 now, qint64 window)
{
    const qint64 minutes = qMax<qint64>(1, (since + window - now + 59999) / 60000);
    return minutes == 1 ? QStringLiteral("1 minute") : QStringLiteral("%1 minutes").arg(minutes);
}
} // namespace

void AccessTokens::signIn(const QString &client, const QString &email, const QString &password,
                          std::function<void(std::optional<Principal>, QString, qint64)> done, bool issueToken)
{
    const qint64 now = nowMs();
    const QString account = email.trimmed().toLower();
    Failures &byClient = window(m_failures, client, now);
    if (byClient.count >= kMaxFailures)
        fail(ApiError{ErrorCode::TooManyRequests, QStringLiteral("too many failed sign-ins from this address; try again in %1")
                                                      .arg(minutesLeft(byClient.since, now, kFailureWindowMs)), {}});
    Failures &byAccount = window(m_accountFailures, account, now);
    if (byAccount.count >= kMaxAccountFailures)
        fail(ApiError{ErrorCode::TooManyRequests, QStringLiteral("too many failed sign-ins for this account; try again in %1, or ask an "
                                                                 "administrator to reset the password")
                                                      .arg(minutesLeft(byAccount.since, now, kFailureWindowMs)), {}});
    if (m_pending >= 32)
        fail(ApiError{ErrorCode::TooManyRequests, QStringLiteral("the server is busy checking passwords; try again in a moment"), {}});
    // Charged now, refunded on success: a burst of concurrent guesses is cut off at the limit.
    ++byClient.count;
    ++byAccount.count;
    QString hash;
    Principal p = userByEmail(m_db, account, &hash).value_or(Principal());
    if (m_dummyHash.isEmpty())
        m_dummyHash = secrets::hashPassword(secrets::newToken());
    const QString checkAgainst = hash.isEmpty() ? m_dummyHash : hash;
    QPointer<AccessTokens> self(this);
    ++m_pending;
    m_pool->start([self, checkAgainst, password, p, client, account, issueToken, known = !hash.isEmpty(), done = std::move(done)]() mutable {
        const bool ok = secrets::verifyPassword(checkAgainst, password) && known;
        QMetaObject::invokeMethod(self, [self, ok, p, client, account, issueToken, done = std::move(done)]() mutable {
            if (!self)
                return;
            --self->m_pending;
            if (!ok) {
                qCInfo(lcAuth) << "failed sign-in from" << client;
                done(std::nullopt, {}, 0);
                return;
            }
            QString token;
            try {
                if (issueToken)
                    token = issue(self->m_db, p);
            } catch (const ApiException &) {
                done(std::nullopt, {}, 0);
                return;
            }
            refund(self->m_failures, client);
            refund(self->m_accountFailures, account);
            qCInfo(lcAuth) << "user" << p.userId << "signed in";
            done(p, token, p.tokenExpiresAt);
        }, Qt::QueuedConnection);
    });
}

std::optional<Principal> AccessTokens::userByEmail(Database *db, const QString &email, QString *passwordHash)
{
    QSqlQuery q = db->exec(QStringLiteral("SELECT id, org_id, role, email, name, password_hash FROM users WHERE email = ? AND disabled_at IS NULL"), {email});
    if (!q.next())
        return std::nullopt;
    Principal p;
    p.userId = q.value(0).toLongLong();
    p.orgId = q.value(1).toLongLong();
    p.role = q.value(2).toString();
    p.email = q.value(3).toString();
    p.name = q.value(4).toString();
    if (passwordHash)
        *passwordHash = q.value(5).toString();
    return p;
}

QString AccessTokens::issue(Database *db, Principal &p, qint64 lifetimeMs, const QString &family)
{
    const QString token = secrets::newToken();
    const qint64 now = nowMs();
    p.tokenExpiresAt = now + lifetimeMs;
    p.tokenId = db->insert(QStringLiteral("INSERT INTO access_tokens (user_id, org_id, token_hash, created_at, expires_at, family) VALUES (?, ?, ?, ?, ?, ?)"),
                           {p.userId, p.orgId, secrets::tokenHash(token), now, p.tokenExpiresAt,
                            family.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(family)});
    return token;
}

QList<qint64> AccessTokens::revokeFamily(Database *db, const QString &family)
{
    QList<qint64> ids;
    db->transaction([&] {
        const qint64 now = nowMs();
        QSqlQuery q = db->exec(QStringLiteral("SELECT id FROM access_tokens WHERE family = ? AND revoked_at IS NULL AND expires_at > ?"), {family, now});
        while (q.next())
            ids.append(q.value(0).toLongLong());
        db->exec(QStringLiteral("UPDATE access_tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL"), {now, family});
        db->exec(QStringLiteral("UPDATE refresh_tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL"), {now, family});
    });
    return ids;
}

std::optional<Principal> AccessTokens::lookup(const QString &token)
{
    if (!secrets::looksLikeToken(token))
        return std::nullopt;
    QSqlQuery q = m_db->exec(QStringLiteral("SELECT t.id, u.id, u.org_id, u.role, u.email, u.name, t.expires_at FROM access_tokens t"
                                            " JOIN users u ON u.id = t.user_id"
                                            " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.disabled_at IS NULL"),
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
    p.tokenExpiresAt = q.value(6).toLongLong();
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

QList<qint64> AccessTokens::revokeAllOf(Database *db, qint64 userId)
{
    QList<qint64> ids;
    db->transaction([&] {
        QSqlQuery q = db->exec(QStringLiteral("SELECT id FROM access_tokens WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?"), {userId, nowMs()});
        while (q.next())
            ids.append(q.value(0).toLongLong());
        db->exec(QStringLiteral("UPDATE access_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"), {nowMs(), userId});
        db->exec(QStringLiteral("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"), {nowMs(), userId});
    });
    return ids;
}

void AccessTokens::revoke(qint64 tokenId)
{
    m_db->exec(QStringLiteral("UPDATE access_tokens SET revoked_at = ? WHERE id = ?"), {nowMs(), tokenId});
    emit revoked(tokenId);
}

} // namespace intervox
