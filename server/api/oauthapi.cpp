// The server as its own OAuth 2.0 authorization server for the desktop app (a public native client): the
// authorization code grant with PKCE (RFC 6749, RFC 7636) and a loopback redirect (RFC 8252), rotating refresh
// tokens with reuse detection (OAuth 2.0 Security BCP), and token revocation (RFC 7009).
//
//   GET  /oauth/authorize           the sign-in page (or a redirect back with an error, or a plain error page)
//   POST /api/v1/oauth/authorize    the page sends the password: {query, email, password} → {redirect}
//   POST /api/v1/oauth/deny         the page's "Cancel": {query} → {redirect} with error=access_denied
//   POST /oauth/token               form: authorization_code or refresh_token grant
//   POST /oauth/revoke              form: token (refresh or access); always 200

#include "apicontext.h"
#include "auditapi.h"

#include "auth/accesstokens.h"
#include "auth/secrets.h"
#include "core/config.h"
#include "core/log.h"
#include "core/workerthreads.h"
#include "storage/database.h"
#include "validate.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace intervox {

using namespace validate;

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

const char *kClientId = "intervox-desktop";
constexpr qint64 kCodeLifetimeMs = 2 * 60 * 1000;
constexpr qint64 kAccessLifetimeMs = 60 * 60 * 1000;
constexpr qint64 kRefreshLifetimeMs = 30LL * 24 * 3600 * 1000;

// A validated authorization request (RFC 6749 4.1.1 with RFC 7636's challenge).
struct AuthorizeRequest
{
    QUrl redirect;   // valid once `redirectOk`
    bool redirectOk = false;
    QString state;
    QString challenge;
    QString error;   // RFC 6749 error code, empty when the request is good
    QString description;

    // The redirect back to the app with `params` added (and the state, as the app sent it).
    QString back(QList<QPair<QString, QString>> params) const
    {
        QUrl url = redirect;
        QUrlQuery q(url);
        for (const auto &[k, v] : params)
            q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
        if (!state.isEmpty())
            q.addQueryItem(s("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
        url.setQuery(q);
        return url.toString(QUrl::FullyEncoded);
    }
};

// Only loopback redirects on plain http, any port (RFC 8252 7.3): a native app's own listener, never a web site.
bool isLoopbackRedirect(const QUrl &url)
{
    return url.isValid() && url.scheme() == QLatin1String("http") && url.userInfo().isEmpty() && url.fragment().isEmpty()
           && (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("::1")) && url.port() > 0;
}

AuthorizeRequest parseAuthorize(const QUrlQuery &q)
{
    AuthorizeRequest a;
    const auto value = [&q](const char *key) { return q.queryItemValue(s(key), QUrl::FullyDecoded); };
    // Without a known client and a safe redirect there is nobody to send an error back to: the page says it.
    if (value("client_id") != QLatin1String(kClientId)) {
        a.error = s("invalid_client");
        a.description = s("unknown client_id: only the Intervox desktop app signs in here");
        return a;
    }
    a.redirect = QUrl(value("redirect_uri"), QUrl::StrictMode);
    if (!isLoopbackRedirect(a.redirect)) {
        a.error = s("invalid_request");
        a.description = s("redirect_uri must be http://127.0.0.1:PORT/… or http://[::1]:PORT/… (the app's own listener)");
        return a;
    }
    a.redirectOk = true;
    a.state = value("state");
    a.challenge = value("code_challenge");
    static const QRegularExpression challengeShape(s("^[A-Za-z0-9._~-]{43,128}$"));
    if (a.state.size() > 500) {
        a.state.clear();
        a.error = s("invalid_request");
        a.description = s("state is longer than 500 characters");
    } else if (value("response_type") != QLatin1String("code")) {
        a.error = s("unsupported_response_type");
        a.description = s("response_type must be code");
    } else if (value("code_challenge_method") != QLatin1String("S256") || !challengeShape.match(a.challenge).hasMatch()) {
        a.error = s("invalid_request");
        a.description = s("PKCE is required: code_challenge (43–128 characters) with code_challenge_method=S256");
    }
    return a;
}

// RFC 6749 5.2: {"error", "error_description"}, 400 (401 for invalid_client); never cached.
HttpResponse oauthError(const QString &error, const QString &description, int status = 400)
{
    HttpResponse r = HttpResponse::json(status, QJsonObject{{s("error"), error}, {s("error_description"), description}});
    r.setHeader("cache-control", "no-store");
    r.setHeader("pragma", "no-cache");
    return r;
}

QString challengeOf(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

struct Issued
{
    QString access, refresh;
    Principal p;
};

// A new access token and refresh token of `family` for `p` (RFC 6749 5.1).
Issued issuePair(Database *db, Principal p, const QString &family)
{
    Issued out;
    out.access = AccessTokens::issue(db, p, kAccessLifetimeMs, family);
    out.refresh = secrets::newToken();
    const qint64 now = nowMs();
    db->insert(s("INSERT INTO refresh_tokens (org_id, user_id, token_hash, family, client_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
               {p.orgId, p.userId, secrets::tokenHash(out.refresh), family, s(kClientId), now, now + kRefreshLifetimeMs});
    out.p = p;
    return out;
}

HttpResponse tokenReply(const Issued &t)
{
    HttpResponse r = HttpResponse::json(200, QJsonObject{{s("access_token"), t.access}, {s("token_type"), s("Bearer")},
                                                         {s("expires_in"), int(kAccessLifetimeMs / 1000)}, {s("refresh_token"), t.refresh},
                                                         {s("scope"), s("api")}});
    r.setHeader("cache-control", "no-store");
    r.setHeader("pragma", "no-cache");
    return r;
}

// The active user `id` (not disabled, with a password), or nullopt.
std::optional<Principal> activeUser(Database *db, qint64 id)
{
    QSqlQuery q = db->exec(s("SELECT email FROM users WHERE id = ? AND disabled_at IS NULL"), {id});
    return q.next() ? AccessTokens::userByEmail(db, q.value(0).toString()) : std::nullopt;
}

HttpResponse codeGrant(const ApiContext &ctx, Database *db, const QUrlQuery &form)
{
    const auto value = [&form](const char *key) { return form.queryItemValue(s(key), QUrl::FullyDecoded); };
    const QString code = value("code"), verifier = value("code_verifier");
    static const QRegularExpression verifierShape(s("^[A-Za-z0-9._~-]{43,128}$"));
    if (code.isEmpty() || value("redirect_uri").isEmpty())
        return oauthError(s("invalid_request"), s("code and redirect_uri are required"));
    if (!verifierShape.match(verifier).hasMatch())
        return oauthError(s("invalid_request"), s("code_verifier must be 43–128 characters of A–Z, a–z, 0–9 and -._~"));
    std::optional<HttpResponse> refused;
    Issued issued;
    db->transaction([&] {
        QSqlQuery q = db->exec(s("SELECT id, user_id, client_id, redirect_uri, challenge, family, expires_at, used_at FROM oauth_codes WHERE code_hash = ?"),
                               {secrets::tokenHash(code)});
        if (!q.next()) {
            refused = oauthError(s("invalid_grant"), s("unknown authorization code"));
            return;
        }
        const QString family = q.value(5).toString();
        if (!q.value(7).isNull()) {
            // A code used twice: whoever has it may be an attacker; what the first use gave is revoked (RFC 6749 4.1.2).
            ctx.announceRevoked(AccessTokens::revokeFamily(db, family));
            qCWarning(lcAuth) << "an authorization code was presented twice; its tokens are revoked";
            refused = oauthError(s("invalid_grant"), s("the authorization code was already used"));
            return;
        }
        if (q.value(6).toLongLong() <= nowMs()) {
            refused = oauthError(s("invalid_grant"), s("the authorization code expired; sign in again"));
            return;
        }
        if (q.value(3).toString() != value("redirect_uri")) {
            refused = oauthError(s("invalid_grant"), s("redirect_uri differs from the authorization request's"));
            return;
        }
        if (!secrets::equalConstantTime(challengeOf(verifier).toLatin1(), q.value(4).toString().toLatin1())) {
            refused = oauthError(s("invalid_grant"), s("code_verifier does not match the code_challenge"));
            return;
        }
        db->exec(s("UPDATE oauth_codes SET used_at = ? WHERE id = ?"), {nowMs(), q.value(0)});
        const auto user = activeUser(db, q.value(1).toLongLong());
        if (!user) {
            refused = oauthError(s("invalid_grant"), s("this account is disabled"));
            return;
        }
        issued = issuePair(db, *user, family);
    });
    if (refused)
        return *refused;
    qCInfo(lcAuth) << "user" << issued.p.userId << "signed in through OAuth";
    return tokenReply(issued);
}

HttpResponse refreshGrant(const ApiContext &ctx, Database *db, const QUrlQuery &form)
{
    const QString token = form.queryItemValue(s("refresh_token"), QUrl::FullyDecoded);
    if (token.isEmpty())
        return oauthError(s("invalid_request"), s("refresh_token is required"));
    std::optional<HttpResponse> refused;
    Issued issued;
    db->transaction([&] {
        QSqlQuery q = db->exec(s("SELECT id, user_id, family, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = ?"),
                               {secrets::tokenHash(token)});
        if (!q.next()) {
            refused = oauthError(s("invalid_grant"), s("unknown refresh token; sign in again"));
            return;
        }
        const QString family = q.value(2).toString();
        if (!q.value(5).isNull()) {
            refused = oauthError(s("invalid_grant"), s("the refresh token was revoked (signed out); sign in again"));
            return;
        }
        if (!q.value(4).isNull()) {
            // Rotated already: a second use means a copy exists. The whole sign-in ends (Security BCP 4.14.2).
            ctx.announceRevoked(AccessTokens::revokeFamily(db, family));
            qCWarning(lcAuth) << "a rotated refresh token was used again; its sign-in is revoked";
            refused = oauthError(s("invalid_grant"), s("the refresh token was already used; signed out for safety, sign in again"));
            return;
        }
        if (q.value(3).toLongLong() <= nowMs()) {
            refused = oauthError(s("invalid_grant"), s("the refresh token expired; sign in again"));
            return;
        }
        const auto user = activeUser(db, q.value(1).toLongLong());
        if (!user) {
            refused = oauthError(s("invalid_grant"), s("this account is disabled"));
            return;
        }
        db->exec(s("UPDATE refresh_tokens SET used_at = ? WHERE id = ?"), {nowMs(), q.value(0)});
        issued = issuePair(db, *user, family);
    });
    return refused ? *refused : tokenReply(issued);
}

// The sign-in page's own query string (location.search), as it sends it back.
QUrlQuery pageQuery(const QJsonObject &o)
{
    QString query = text(o, s("query"), 1, 4000);
    if (query.startsWith(QLatin1Char('?')))
        query.remove(0, 1);
    return QUrlQuery(query);
}

HttpResponse htmlPage(int status, const QString &title, const QString &text)
{
    HttpResponse r;
    r.status = status;
    r.body = QStringLiteral("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                            "initial-scale=1\"><title>%1</title><link rel=\"stylesheet\" href=\"/c/style.css\"></head><body><main>"
                            "<section class=\"screen\"><h1>%1</h1><p>%2</p></section></main></body></html>")
                 .arg(title.toHtmlEscaped(), text.toHtmlEscaped()).toUtf8();
    r.headers = {{"content-type", "text/html; charset=utf-8"}, {"cache-control", "no-store"},
                 {"content-security-policy", "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"}};
    return r;
}

} // namespace

void registerOAuthApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;

    http.route("GET", s("/oauth/authorize"), [](HttpRequest &r, const HttpReplier &reply) {
        const AuthorizeRequest a = parseAuthorize(r.query);
        if (!a.redirectOk)
            return reply.send(htmlPage(400, s("This sign-in link is not valid"), a.description));
        if (!a.error.isEmpty()) {
            HttpResponse back;
            back.status = 302;
            back.headers = {{"location", a.back({{s("error"), a.error}, {s("error_description"), a.description}}).toUtf8()},
                            {"cache-control", "no-store"}};
            return reply.send(back);
        }
        QFile page(s(":/web/account/signin.html"));
        if (!page.open(QIODevice::ReadOnly))
            fail(ApiError::internal());
        HttpResponse r2;
        r2.body = page.readAll();
        r2.headers = {{"content-type", "text/html; charset=utf-8"}, {"cache-control", "no-store"}, {"referrer-policy", "no-referrer"},
                      {"content-security-policy", "default-src 'self'; connect-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:;"
                                                  " base-uri 'none'; form-action 'none'; frame-ancestors 'none'"}};
        reply.send(r2);
    });

    // What the sign-in page shows: the organization's name when the server has one (else none).
    http.route("GET", s("/api/v1/oauth/server"), ctx.publicReader([db](HttpRequest &) {
        QSqlQuery q = db->exec(s("SELECT name FROM organizations ORDER BY id LIMIT 2"));
        QStringList names;
        while (q.next())
            names.append(q.value(0).toString());
        return HttpResponse::json(200, QJsonObject{{s("organization"), names.size() == 1 ? QJsonValue(names.first()) : QJsonValue()}});
    }));

    http.route("POST", s("/api/v1/oauth/authorize"), [&ctx, db](HttpRequest &r, const HttpReplier &reply) {
        const QJsonObject o = r.jsonObject();
        const AuthorizeRequest a = parseAuthorize(pageQuery(o));
        if (!a.redirectOk || !a.error.isEmpty())
            fail(ApiError::validation(s("query"), a.description));
        const QString email = text(o, s("email"), 1, 254).toLower();
        const QString password = text(o, s("password"), 1, 1024);
        // The password is checked like POST /auth/login (rate limits, Argon2id off the event loop); the code is
        // written on the writer thread.
        const QString address = clientAddress(r, *ctx.config);
        ctx.tokens->signIn(address, email, password, [&ctx, db, a, reply, email, address](std::optional<Principal> p, QString, qint64) {
            auditSignIn(ctx, p, email, s("oauth"), address);
            if (!p)
                return reply.send(ApiError::unauthorized(s("wrong email or password")));
            const bool queued = ctx.writers->post([&ctx, db, a, p = *p, reply] {
                HttpResponse response;
                try {
                    const QString code = secrets::newToken();
                    const qint64 now = nowMs();
                    db->insert(s("INSERT INTO oauth_codes (org_id, user_id, code_hash, client_id, redirect_uri, challenge, family, created_at, expires_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                               {p.orgId, p.userId, secrets::tokenHash(code), s(kClientId), a.redirect.toString(QUrl::FullyEncoded), a.challenge,
                                secrets::newToken(), now, now + kCodeLifetimeMs});
                    response = HttpResponse::json(200, QJsonObject{{s("redirect"), a.back({{s("code"), code}})}});
                    response.setHeader("cache-control", "no-store");
                } catch (const ApiException &e) {
                    response = HttpResponse::error(e.error);
                }
                QMetaObject::invokeMethod(ctx.home, [reply, response = std::move(response)]() mutable { reply.send(std::move(response)); },
                                          Qt::QueuedConnection);
            });
            if (!queued)
                reply.send(ApiError{ErrorCode::Unavailable, s("the server is busy; try again in a moment"), {}});
        }, false);
    }, BodyKind::Json);

    http.route("POST", s("/api/v1/oauth/deny"), [](HttpRequest &r, const HttpReplier &reply) {
        const QJsonObject o = r.jsonObject();
        const AuthorizeRequest a = parseAuthorize(pageQuery(o));
        if (!a.redirectOk)
            fail(ApiError::validation(s("query"), a.description));
        reply.send(HttpResponse::json(200, QJsonObject{{s("redirect"), a.back({{s("error"), s("access_denied")},
                                                                                 {s("error_description"), s("the user cancelled the sign-in")}})}}));
    }, BodyKind::Json);

    http.route("POST", s("/oauth/token"), ctx.publicWriter([&ctx, db](HttpRequest &r) {
        const QUrlQuery form = r.formFields();
        if (form.queryItemValue(s("client_id"), QUrl::FullyDecoded) != QLatin1String(kClientId))
            return oauthError(s("invalid_client"), s("unknown client_id"), 401);
        const QString grant = form.queryItemValue(s("grant_type"), QUrl::FullyDecoded);
        if (grant == QLatin1String("authorization_code"))
            return codeGrant(ctx, db, form);
        if (grant == QLatin1String("refresh_token"))
            return refreshGrant(ctx, db, form);
        return oauthError(s("unsupported_grant_type"), s("grant_type must be authorization_code or refresh_token"));
    }), BodyKind::Form);

    // RFC 7009: 200 whether or not the token was known, so nothing is learnt from it. A refresh token ends its
    // whole sign-in; an access token ends itself (and its sign-in's other tokens, if it came from one).
    http.route("POST", s("/oauth/revoke"), ctx.publicWriter([&ctx, db](HttpRequest &r) {
        const QString token = r.formFields().queryItemValue(s("token"), QUrl::FullyDecoded);
        if (secrets::looksLikeToken(token)) {
            const QString hash = secrets::tokenHash(token);
            QString family = db->scalar(s("SELECT family FROM refresh_tokens WHERE token_hash = ?"), {hash}).toString();
            if (family.isEmpty()) {
                QSqlQuery q = db->exec(s("SELECT id, family FROM access_tokens WHERE token_hash = ? AND revoked_at IS NULL"), {hash});
                if (q.next()) {
                    family = q.value(1).toString();
                    if (family.isEmpty()) {
                        db->exec(s("UPDATE access_tokens SET revoked_at = ? WHERE id = ?"), {nowMs(), q.value(0)});
                        ctx.announceRevoked({q.value(0).toLongLong()});
                    }
                }
            }
            if (!family.isEmpty())
                ctx.announceRevoked(AccessTokens::revokeFamily(db, family));
        }
        HttpResponse ok;
        ok.status = 200;
        ok.setHeader("cache-control", "no-store");
        return ok;
    }), BodyKind::Form);
}

} // namespace intervox
