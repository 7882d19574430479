#include "oauthsignin.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDesktopServices>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QTimerEvent>
#include <QUrlQuery>

namespace {

const char *kClientId = "intervox-desktop";

QString base64url(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return base64url(bytes);
}

QUrl under(const QUrl &server, const QString &path)
{
    QUrl url = server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(QString());
    return url;
}

ApiError signInError(ApiError::Kind kind, const QString &detail)
{
    ApiError e;
    e.kind = kind;
    e.detail = detail;
    return e;
}

} // namespace

OAuthSignIn::OAuthSignIn(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    m_openBrowser = [](const QUrl &url) { QDesktopServices::openUrl(url); };
}

OAuthSignIn::~OAuthSignIn()
{
    cleanUp();
}

QUrl OAuthSignIn::tokenUrl(const QUrl &server) const
{
    return m_tokenUrlOverride.isValid() ? m_tokenUrlOverride : under(server, QStringLiteral("/oauth/token"));
}

void OAuthSignIn::start(const QUrl &server)
{
    cleanUp();
    auto *listener = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!listener->isListening()) {
        delete listener;
        return fail(signInError(ApiError::LocalFile, tr("no local port to receive the sign-in on")));
    }
    listener->setCallbackText(tr("Signed in. You can close this tab and return to Intervox."));
    m_listener = listener;
    auto *flow = new QOAuth2AuthorizationCodeFlow(m_nam, this);
    m_flow = flow;
    m_currentTokenUrl = tokenUrl(server);
    flow->setAuthorizationUrl(under(server, QStringLiteral("/oauth/authorize")));
    flow->setAccessTokenUrl(m_currentTokenUrl);
    flow->setClientIdentifier(QString::fromLatin1(kClientId));
    flow->setScope(QStringLiteral("api"));
    m_state = randomToken();
    flow->setState(m_state);

    // PKCE (RFC 7636), which Qt 6.4 lacks: the challenge goes to the browser, the verifier only to the token endpoint.
    const QString verifier = randomToken();
    const QString challenge = base64url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
    flow->setModifyParametersFunction([verifier, challenge](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *params) {
        if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
            params->insert(QStringLiteral("code_challenge"), challenge);
            params->insert(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
            // Qt 6.4 hands the code on percent-encoded twice: once undone here.
            const QString code = params->value(QStringLiteral("code")).toString();
            params->replace(QStringLiteral("code"), QUrl::fromPercentEncoding(code.toLatin1()));
            params->insert(QStringLiteral("code_verifier"), verifier);
        }
    });

    // Seen before the flow sees it (connected first): an error or a foreign state ends the sign-in here, where
    // Qt 6.4 would only log a warning and wait for ever.
    connect(listener, &QAbstractOAuthReplyHandler::callbackReceived, this, [this](const QVariantMap &values) {
        if (!m_flow || m_waitingForToken)
            return;
        const QString error = values.value(QStringLiteral("error")).toString();
        if (!error.isEmpty()) {
            const QString description = QUrl::fromPercentEncoding(values.value(QStringLiteral("error_description")).toByteArray());
            return fail(error == QLatin1String("access_denied") ? signInError(ApiError::SignInCancelled, description)
                                                                 : signInError(ApiError::SignInRefused, description.isEmpty() ? error : description));
        }
        const QString state = QUrl::fromPercentEncoding(values.value(QStringLiteral("state")).toByteArray());
        if (state != m_state) {
            qWarning("OAuth: the sign-in answer carries another state; refused (a forged or stale redirect)");
            return fail(signInError(ApiError::SignInRefused, tr("the answer to this sign-in did not match it (state)")));
        }
        if (values.value(QStringLiteral("code")).toString().isEmpty())
            return fail(signInError(ApiError::SignInRefused, tr("the server sent no authorization code")));
        m_waitingForToken = true;
        m_timeout.start(m_tokenTimeoutMs, this);
    });
    flow->setReplyHandler(listener);
    // Qt 6.4 stays silent when the token endpoint answers with an error: read its reply here.
    connect(m_nam, &QNetworkAccessManager::finished, this, [this](QNetworkReply *reply) {
        if (!m_flow || !m_waitingForToken || reply->url() != m_currentTokenUrl)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 && reply->error() == QNetworkReply::NoError)
            return; // granted() follows
        fail(tokenError(reply, reply->peek(64 * 1024)));
    });
    connect(flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) { m_openBrowser(url); });
    connect(flow, &QAbstractOAuth::granted, this, [this] {
        if (!m_flow)
            return;
        const QString access = m_flow->token(), refresh = m_flow->refreshToken();
        const QDateTime expires = m_flow->expirationAt();
        // The flow turned the reply's expires_in into a time a moment ago: round what is left to whole seconds
        // (secsTo() truncates, so a lifetime of 3600 s came out as 3599 whenever a millisecond had passed).
        const int expiresIn = expires.isValid() ? int(qMax<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(expires) + 500) / 1000)) : 3600;
        cleanUp();
        if (access.isEmpty() || refresh.isEmpty())
            return emit failed(ApiError::badReply(tr("the token endpoint sent no access or refresh token")));
        emit signedIn(access, refresh, expiresIn);
    });
    m_timeout.start(m_browserTimeoutMs, this);
    flow->grant();
}

void OAuthSignIn::cancel()
{
    if (m_flow)
        fail(signInError(ApiError::SignInCancelled, tr("cancelled in the app")));
}

void OAuthSignIn::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timeout.timerId())
        return QObject::timerEvent(event);
    m_timeout.stop();
    if (!m_flow)
        return;
    ApiError e;
    e.kind = ApiError::Timeout;
    e.detail = m_waitingForToken ? tr("the token endpoint did not answer within %1 s").arg(m_tokenTimeoutMs / 1000)
                                 : tr("the sign-in in the browser was not completed in time");
    fail(e);
}

void OAuthSignIn::fail(const ApiError &error)
{
    cleanUp();
    emit failed(error);
}

void OAuthSignIn::cleanUp()
{
    m_timeout.stop();
    m_waitingForToken = false;
    if (m_flow) {
        m_flow->disconnect(this);
        m_flow->deleteLater();
        m_flow = nullptr;
    }
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    m_nam->disconnect(this);
}

ApiError OAuthSignIn::tokenError(QNetworkReply *reply, const QByteArray &body)
{
    // RFC 6749 5.2: {"error", "error_description"}; invalid_grant means: this sign-in is over, sign in again.
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString error = o.value(QStringLiteral("error")).toString();
    if (error == QLatin1String("invalid_grant"))
        return signInError(ApiError::SignedOut, o.value(QStringLiteral("error_description")).toString());
    ApiError e = ApiError::fromReply(reply, body);
    if (!error.isEmpty())
        e.detail = o.value(QStringLiteral("error_description")).toString(error);
    if (e.kind == ApiError::None)
        e = ApiError::badReply(tr("the token endpoint answered with HTTP %1").arg(e.status));
    return e;
}

void OAuthSignIn::refresh(const QUrl &server, const QString &refreshToken)
{
    QNetworkRequest request(tokenUrl(server));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(m_tokenTimeoutMs);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
    form.addQueryItem(QStringLiteral("client_id"), QString::fromLatin1(kClientId));
    QNetworkReply *reply = m_nam->post(request, form.toString(QUrl::FullyEncoded).toLatin1());
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 || reply->error() != QNetworkReply::NoError)
            return emit failed(tokenError(reply, body));
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        const QString access = o.value(QStringLiteral("access_token")).toString(), next = o.value(QStringLiteral("refresh_token")).toString();
        if (access.isEmpty() || next.isEmpty())
            return emit failed(ApiError::badReply(tr("the token endpoint sent no access or refresh token")));
        emit signedIn(access, next, o.value(QStringLiteral("expires_in")).toInt(3600));
    });
}

void OAuthSignIn::revoke(const QUrl &server, const QString &token)
{
    QNetworkRequest request(under(server, QStringLiteral("/oauth/revoke")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(10000);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), token);
    form.addQueryItem(QStringLiteral("token_type_hint"), QStringLiteral("refresh_token"));
    QNetworkReply *reply = m_nam->post(request, form.toString(QUrl::FullyEncoded).toLatin1());
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}
