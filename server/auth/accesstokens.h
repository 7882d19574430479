#pragma once
// Recruiter sign-in: password check off the event loop, bearer tokens (stored hashed) and their lookup.

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

class QThreadPool;

namespace intervox {

class Database;
struct HttpRequest;

struct Principal
{
    qint64 userId = 0;
    qint64 orgId = 0;
    QString role;       // owner, admin, recruiter, reviewer
    QString email;
    QString name;
    qint64 tokenId = 0;
    qint64 tokenExpiresAt = 0; // ms since epoch

    // Roles (docs/api.md, "Team"): the owner (the desktop app's local account) and admins manage the team;
    // recruiters run interviews; reviewers read, rate and note the interviews assigned to them, nothing else.
    bool isAdmin() const;
    bool isReviewer() const;
};

class AccessTokens : public QObject
{
    Q_OBJECT
public:
    AccessTokens(Database *db, QObject *parent = nullptr);
    ~AccessTokens() override;

    static constexpr qint64 kLifetimeMs = 12LL * 3600 * 1000;

    // Checks the password on a worker thread; `done` gets the new token and principal, or nullopt.
    // Throws ApiException 429 when `client` failed too often lately or too many checks are queued.
    // With `issueToken` false only the password is checked (`token` empty): the OAuth authorization endpoint.
    void signIn(const QString &client, const QString &email, const QString &password,
                std::function<void(std::optional<Principal>, QString token, qint64 expiresAt)> done, bool issueToken = true);
    // Attempts are counted when they start (so concurrent guesses cannot overtake the count) and refunded
    // only when they succeed; a success never clears earlier failures.
    static constexpr int kMaxFailures = 10;          // per client address …
    static constexpr int kMaxAccountFailures = 20;   // … and per account (whatever the address) …
    static constexpr qint64 kFailureWindowMs = 15 * 60 * 1000; // … in this window
    // Stores a new token for `p` (its user and organization set) and returns it; sets p.tokenId and
    // p.tokenExpiresAt. Throws ApiException when the database fails. Any thread with a database connection.
    static QString issue(Database *db, Principal &p, qint64 lifetimeMs = kLifetimeMs, const QString &family = {});
    // Revokes every token of one OAuth sign-in (refresh and access tokens); returns the access tokens' ids.
    static QList<qint64> revokeFamily(Database *db, const QString &family);
    // The user with this (lower-case) email, and its password hash; nullopt if there is none.
    static std::optional<Principal> userByEmail(Database *db, const QString &email, QString *passwordHash = nullptr);
    std::optional<Principal> lookup(const QString &token);
    // The request's bearer token, or throws ApiException 401.
    Principal require(const HttpRequest &request);
    void revoke(qint64 tokenId);
    // Revokes every token of the user (disabled, or given another role); returns their ids, for revoked() to be
    // emitted on the object's thread. Any thread with a database connection.
    static QList<qint64> revokeAllOf(Database *db, qint64 userId);

signals:
    // A token stopped being valid before its expiry (sign-out, an administrator's action).
    void revoked(qint64 tokenId);

private:
    Database *m_db;
    QThreadPool *m_pool;
    QString m_dummyHash; // verified against for unknown emails, so timing does not reveal which exist
    struct Failures { int count = 0; qint64 since = 0; };
    // The entry of `key`, restarted when its window is over; bounded under a spray of keys.
    static Failures &window(QHash<QString, Failures> &table, const QString &key, qint64 now);
    static void refund(QHash<QString, Failures> &table, const QString &key);
    QHash<QString, Failures> m_failures;        // by client address
    QHash<QString, Failures> m_accountFailures; // by e-mail as typed (lower-case)
    int m_pending = 0;
};

} // namespace intervox
