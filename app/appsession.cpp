#include "appsession.h"

#include "credentialstore.h"
#include "embeddedserver.h"
#include "oauthsignin.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QQmlEngine>
#include <QSettings>
#include <QTimerEvent>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcAppSession, "intervox.app.session")

AppSession::AppSession(QObject *parent)
    : QObject(parent)
    , m_server(new EmbeddedServer(this))
    , m_client(new ApiClient(this))
    , m_events(new EventStream(m_client, this))
    , m_servers(new ServerListModel(this))
    , m_credentials(new CredentialStore(this))
    , m_revoker(new OAuthSignIn(this))
    , m_translator(new QTranslator(this))
{
    applySavedLanguage();
    m_servers->load();
    connect(m_client, &ApiClient::unauthorized, this, &AppSession::tokenRefused);
    connect(m_events, &EventStream::unauthorized, this, &AppSession::tokenRefused);
}

// A token the server no longer accepts: sign in again (bounded, so a server that refuses every token does not
// loop); the models reload when the session is Ready again.
void AppSession::tokenRefused()
{
    if (m_status != Ready)
        return;
    // Three refusals close together mean the server refuses every token; one now and then is a token that expired
    // (e.g. while the computer slept).
    if (!m_lastReSignIn.isValid() || m_lastReSignIn.hasExpired(5 * 60 * 1000))
        m_reSignIns = 0;
    m_lastReSignIn.start();
    if (++m_reSignIns > 3) {
        ApiError e;
        e.kind = ApiError::SignedOut;
        m_events->stop();
        setStatus(embedded() ? Failed : SignInNeeded, e);
        return;
    }
    if (embedded())
        signInLocally();
    else
        refreshRemote(false);
}

AppSession::~AppSession() = default;

bool AppSession::embedded() const
{
    return m_servers->currentIsEmbedded();
}

QUrl AppSession::serverUrl() const
{
    return embedded() ? m_server->url() : m_servers->current();
}

QString AppSession::serverLabel() const
{
    return m_servers->label(m_servers->current());
}

void AppSession::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    emit noticeChanged();
}

QString AppSession::dataDir() const
{
    return m_server->dataDir();
}

void AppSession::setStatus(Status status, const ApiError &error)
{
    m_status = status;
    m_error = error;
    emit statusChanged();
}

void AppSession::start()
{
    if (m_status != Idle && m_status != Failed && m_status != SignInNeeded)
        return;
    if (embedded())
        startEmbedded();
    else
        startRemote();
}

void AppSession::startEmbedded()
{
    setStatus(Starting);
    if (!m_server->start(m_dataDirOverride)) {
        ApiError e;
        e.kind = ApiError::Unreachable;
        e.detail = m_server->error();
        qCWarning(lcAppSession).noquote() << "the embedded server did not start:" << e.detail;
        setStatus(Failed, e);
        return;
    }
    m_client->setBaseUrl(m_server->url());
    emit serverChanged(); // its address is known now
    signInLocally();
}

void AppSession::retry()
{
    m_reSignIns = 0;
    if (m_status == Failed && embedded() && m_server->running())
        signInLocally();
    else
        start();
}

// ---- remote servers

void AppSession::startRemote()
{
    const QUrl server = m_servers->current();
    const quint64 generation = m_generation;
    m_client->setBaseUrl(server);
    setStatus(SigningIn);
    loadServerLabel();
    if (m_refreshing.contains(server))
        return; // a renewal started before a switch is still under way: it finishes the sign-in
    const QString held = m_heldTokens.take(server);
    if (!held.isEmpty())
        m_refreshToken = held;
    if (!m_refreshToken.isEmpty()) // held for this run, or kept after a failed attempt ("Try again")
        return refreshRemote(false);
    m_credentials->read(server, [this, generation](const QString &token, const ApiError &error) {
        if (generation != m_generation)
            return;
        if (error.isError())
            setNotice(error.message());
        m_refreshToken = token;
        if (token.isEmpty())
            setStatus(SignInNeeded);
        else
            refreshRemote(false);
    });
}

// The organization's name, for the list and the sign-in screen (GET /api/v1/oauth/server needs no token).
void AppSession::loadServerLabel()
{
    const QUrl server = m_servers->current();
    m_client->get(QStringLiteral("/oauth/server"), this, [this, server](const ApiResult &r) {
        const QString name = r.json.toObject().value(QStringLiteral("organization")).toString();
        if (r.ok() && !name.isEmpty()) {
            m_servers->setLabel(server, name);
            if (server == m_servers->current())
                emit serverChanged();
        }
    });
}

OAuthSignIn *AppSession::newOAuth()
{
    if (m_oauth) {
        m_oauth->disconnect(this);
        m_oauth->cancel();
        m_oauth->deleteLater();
    }
    m_oauth = new OAuthSignIn(this);
    if (m_openBrowser)
        m_oauth->setOpenBrowser(m_openBrowser);
    return m_oauth;
}

void AppSession::openInBrowser(const QUrl &url)
{
    if (!url.isValid())
        return;
    if (m_openBrowser)
        m_openBrowser(url);
    else
        QDesktopServices::openUrl(url);
}

// A new token pair for the refresh token: `quietly` while the app is in use (the access token is about to
// expire), so nothing on screen changes unless it fails. One renewal per server at a time, and none is ever
// abandoned: the server rotates the refresh token when it answers, so sending the old one again (a second renewal,
// or one after a switch and back) would look like a stolen token and end the sign-in. Its answer is kept even if
// another server is current by then.
void AppSession::refreshRemote(bool quietly)
{
    const QUrl server = m_servers->current();
    if (m_refreshing.contains(server)) {
        if (!quietly)
            setStatus(SigningIn); // the renewal under way finishes the sign-in
        return;
    }
    if (m_refreshToken.isEmpty())
        return setStatus(SignInNeeded);
    if (!quietly)
        setStatus(SigningIn);
    const QString sent = m_refreshToken;
    m_refreshing.insert(server, sent);
    auto *oauth = new OAuthSignIn(this);
    connect(oauth, &OAuthSignIn::signedIn, this, [this, oauth, server, sent](const QString &access, const QString &refresh, int expiresIn) {
        oauth->deleteLater();
        if (m_refreshing.value(server) != sent)
            return; // signed out of it or removed meanwhile: the server ends that sign-in anyway
        m_refreshing.remove(server);
        if (server == m_servers->current() && !embedded())
            return remoteSignedIn(access, refresh, expiresIn, m_status == Ready);
        m_heldTokens.insert(server, refresh); // for switching back in this run
        m_credentials->write(server, refresh);
    });
    connect(oauth, &OAuthSignIn::failed, this, [this, oauth, server, sent](const ApiError &error) {
        oauth->deleteLater();
        if (m_refreshing.value(server) != sent)
            return;
        m_refreshing.remove(server);
        if (server == m_servers->current() && !embedded())
            return remoteFailed(error);
        if (error.kind == ApiError::SignedOut) {
            m_heldTokens.remove(server);
            m_credentials->remove(server);
        }
    });
    oauth->refresh(server, sent);
}

void AppSession::signIn()
{
    if (embedded() || (m_status != SignInNeeded && m_status != Failed))
        return;
    setStatus(WaitingForBrowser);
    OAuthSignIn *oauth = newOAuth();
    connect(oauth, &OAuthSignIn::signedIn, this, [this](const QString &access, const QString &refresh, int expiresIn) {
        remoteSignedIn(access, refresh, expiresIn, false);
    });
    connect(oauth, &OAuthSignIn::failed, this, &AppSession::remoteFailed);
    oauth->start(m_servers->current());
}

void AppSession::cancelSignIn()
{
    if (m_status == WaitingForBrowser && m_oauth)
        m_oauth->cancel(); // ends in remoteFailed(SignInCancelled)
}

void AppSession::remoteSignedIn(const QString &access, const QString &refresh, int expiresIn, bool quietly)
{
    m_refreshToken = refresh;
    m_client->setAccessToken(access);
    // Refresh a minute before the access token expires (never sooner than in 30 s), so requests keep working.
    m_refreshTimer.start(std::max(30, expiresIn - 60) * 1000, this);
    const quint64 generation = m_generation;
    m_credentials->write(m_servers->current(), refresh, [this, generation](const ApiError &error) {
        if (generation == m_generation)
            setNotice(error.isError() ? error.message() : QString());
    });
    if (!quietly)
        loadMe();
}

void AppSession::remoteFailed(const ApiError &error)
{
    m_refreshTimer.stop();
    if (error.kind == ApiError::SignedOut || error.kind == ApiError::SignInRefused) {
        // The server no longer accepts the refresh token (expired, revoked, signed out elsewhere): forget it.
        m_refreshToken.clear();
        m_credentials->remove(m_servers->current());
        m_client->setAccessToken(QString());
        m_events->stop();
        return setStatus(SignInNeeded, error);
    }
    if (error.kind == ApiError::SignInCancelled)
        return setStatus(SignInNeeded, error);
    // Unreachable, timeout, a server fault: the refresh token may still be good; "Try again" uses it.
    m_events->stop();
    setStatus(m_refreshToken.isEmpty() ? SignInNeeded : Failed, error);
}

void AppSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_refreshTimer.timerId())
        return QObject::timerEvent(event);
    m_refreshTimer.stop();
    if (m_status == Ready && !embedded())
        refreshRemote(true);
}

void AppSession::signOut()
{
    if (embedded())
        return;
    m_refreshing.remove(m_servers->current()); // a renewal under way is dropped: the revocation ends its sign-in
    if (!m_refreshToken.isEmpty())
        m_revoker->revoke(m_servers->current(), m_refreshToken); // revokes the access tokens of the sign-in too
    m_credentials->remove(m_servers->current());
    disconnectFromServer(false);
    setStatus(SignInNeeded);
}

// Drops the current server's access token and anything in flight for it; `keepSignIn` holds its refresh token
// for switching back in this run (the keychain has it too, where there is one).
void AppSession::disconnectFromServer(bool keepSignIn)
{
    ++m_generation;
    if (keepSignIn && !embedded() && !m_refreshToken.isEmpty())
        m_heldTokens.insert(m_servers->current(), m_refreshToken);
    m_refreshTimer.stop();
    if (m_oauth) {
        m_oauth->disconnect(this);
        m_oauth->cancel();
    }
    m_refreshToken.clear();
    m_events->stop();
    m_client->setAccessToken(QString());
    m_reSignIns = 0;
    m_userId = 0;
    m_userName.clear();
    m_userRole.clear();
    m_organizationName.clear();
}

void AppSession::switchTo(const QString &url)
{
    const QUrl target(url);
    if (target == m_servers->current() || !m_servers->contains(target))
        return;
    disconnectFromServer(true);
    m_servers->setCurrent(target);
    setNotice(QString());
    m_status = Idle;
    emit serverChanged();
    emit switched();
    start();
}

QString AppSession::addServer(const QString &address)
{
    QString error;
    const QUrl url = ServerListModel::normalize(address, &error);
    if (!url.isValid())
        return error;
    m_servers->add(url);
    if (!m_servers->contains(url))
        return tr("The list of servers is full: remove one first.");
    switchTo(url.toString());
    return {};
}

void AppSession::removeServer(const QString &url)
{
    const QUrl target(url);
    if (target.isEmpty() || !m_servers->contains(target))
        return;
    if (target == m_servers->current()) {
        signOut();
        switchTo(QString());
    } else {
        // Its sign-in ends: revoked on the server (the token held by this run or kept in the keychain), then
        // forgotten by the keychain.
        m_refreshing.remove(target);
        const QString held = m_heldTokens.take(target);
        m_credentials->read(target, [this, target, held](const QString &kept, const ApiError &) {
            for (const QString &token : {held, kept}) {
                if (!token.isEmpty())
                    m_revoker->revoke(target, token);
            }
            m_credentials->remove(target);
        });
    }
    m_servers->remove(target);
}

void AppSession::signInLocally()
{
    setStatus(SigningIn);
    m_client->setAccessToken(QString());
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = tr("Owner");
    const QJsonObject body{{QStringLiteral("secret"), m_server->localSecret()},
                           {QStringLiteral("organization"), tr("This computer")},
                           {QStringLiteral("name"), name}};
    const quint64 generation = m_generation;
    m_client->post(QStringLiteral("/auth/local"), body, this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return; // switched to another server meanwhile
        const QString token = r.json.toObject().value(QStringLiteral("accessToken")).toString();
        if (!r.ok() || token.isEmpty()) {
            qCWarning(lcAppSession).noquote() << "local sign-in failed:" << r.error.detail;
            setStatus(Failed, r.ok() ? ApiError::badReply(tr("no access token")) : r.error);
            return;
        }
        m_client->setAccessToken(token);
        loadMe();
    });
}

void AppSession::loadMe()
{
    const quint64 generation = m_generation;
    m_client->get(QStringLiteral("/me"), this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            setStatus(Failed, r.error);
            return;
        }
        const QJsonObject me = r.json.toObject();
        m_userId = me.value(QStringLiteral("id")).toInteger();
        m_userName = me.value(QStringLiteral("name")).toString();
        m_userRole = me.value(QStringLiteral("role")).toString();
        m_organizationName = me.value(QStringLiteral("organization")).toObject().value(QStringLiteral("name")).toString();
        m_events->start(); // with the new token
        setStatus(Ready);
    });
}

void AppSession::applySavedLanguage()
{
    const QString system = QLocale().name().startsWith(QLatin1String("de")) ? QStringLiteral("de") : QStringLiteral("en");
    const QString saved = QSettings().value(QStringLiteral("language"), system).toString();
    m_language.clear(); // so that setLanguage() applies it
    setLanguage(saved == QLatin1String("de") ? saved : QStringLiteral("en"));
}

void AppSession::setLanguage(const QString &code)
{
    if (code == m_language || (code != QLatin1String("en") && code != QLatin1String("de")))
        return;
    QCoreApplication::removeTranslator(m_translator);
    // English has a file too: its plural forms ("1 interview", "2 interviews").
    if (m_translator->load(QStringLiteral(":/i18n/intervox_%1.qm").arg(code)))
        QCoreApplication::installTranslator(m_translator);
    else
        qCWarning(lcAppSession) << "no translation for" << code;
    m_language = code;
    QSettings().setValue(QStringLiteral("language"), code);
    if (QQmlEngine *engine = qmlEngine(this)) {
        engine->retranslate();
    } else {
        // Being created by the engine: the bindings evaluated before this object existed are redone once it is.
        QMetaObject::invokeMethod(this, [this] {
            if (QQmlEngine *engine = qmlEngine(this))
                engine->retranslate();
        }, Qt::QueuedConnection);
    }
    emit languageChanged();
    emit statusChanged(); // strings made in C++ (error messages) are read again
}
