#include "appsession.h"

#include "embeddedserver.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QQmlEngine>
#include <QSettings>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcAppSession, "intervox.app.session")

AppSession::AppSession(QObject *parent)
    : QObject(parent)
    , m_server(new EmbeddedServer(this))
    , m_client(new ApiClient(this))
    , m_events(new EventStream(m_client, this))
    , m_translator(new QTranslator(this))
{
    applySavedLanguage();
    connect(m_client, &ApiClient::unauthorized, this, &AppSession::tokenRefused);
    connect(m_events, &EventStream::unauthorized, this, &AppSession::tokenRefused);
}

// A token the server no longer accepts: sign in again (bounded, so a server that refuses every token does not
// loop); the models reload when the session is Ready again.
void AppSession::tokenRefused()
{
    if (m_status != Ready)
        return;
    if (++m_reSignIns > 3) {
        ApiError e;
        e.kind = ApiError::SignedOut;
        m_events->stop();
        setStatus(Failed, e);
        return;
    }
    signInLocally();
}

AppSession::~AppSession() = default;

QUrl AppSession::serverUrl() const
{
    return m_server->url();
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
    if (m_status != Idle && m_status != Failed)
        return;
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
    signInLocally();
}

void AppSession::retry()
{
    m_reSignIns = 0;
    if (m_status == Failed && m_server->running())
        signInLocally();
    else
        start();
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
    m_client->post(QStringLiteral("/auth/local"), body, this, [this](const ApiResult &r) {
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
    m_client->get(QStringLiteral("/me"), this, [this](const ApiResult &r) {
        if (!r.ok()) {
            setStatus(Failed, r.error);
            return;
        }
        const QJsonObject me = r.json.toObject();
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
