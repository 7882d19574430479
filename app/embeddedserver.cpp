#include "embeddedserver.h"

#include "auth/secrets.h"
#include "server.h"

#include <QDebug>
#include <QStandardPaths>

EmbeddedServer::EmbeddedServer(QObject *parent)
    : QObject(parent)
{
}

EmbeddedServer::~EmbeddedServer()
{
    stop();
}

bool EmbeddedServer::start(const QString &dataDir, quint16 port)
{
    if (m_running)
        return true;
    m_dataDir = !dataDir.isEmpty() ? dataDir
              : qEnvironmentVariable("INTERVOX_DATA_DIR", QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QMap<QString, QString> overrides{{QStringLiteral("data_dir"), m_dataDir}};
    if (!qEnvironmentVariableIsSet("INTERVOX_LISTEN"))
        overrides.insert(QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(port));
    QString error;
    auto config = intervox::Config::load(QString(), overrides, &error);
    if (config && !intervox::secrets::init())
        error = tr("libsodium could not be initialised");
    if (config && error.isEmpty()) {
        m_secret = intervox::secrets::newToken();
        config->localSignInSecret = m_secret;
        m_server = std::make_unique<intervox::Server>(*config);
        if (m_server->start(&error)) {
            m_running = true;
            m_url = QUrl(m_server->baseUrl());
            error.clear();
            qInfo().noquote() << "embedded server listening on" << m_url.toString();
        } else {
            m_server.reset();
        }
    }
    m_error = error;
    emit changed();
    return m_running;
}

void EmbeddedServer::stop()
{
    if (!m_server)
        return;
    m_server.reset();
    m_running = false;
    m_secret.clear();
    emit changed();
}
