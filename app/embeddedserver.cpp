#include "embeddedserver.h"

#include "server.h"

#include <QDebug>
#include <QStandardPaths>

EmbeddedServer::EmbeddedServer(QObject *parent)
    : QObject(parent)
{
}

EmbeddedServer::~EmbeddedServer() = default;

void EmbeddedServer::start()
{
    if (m_running)
        return;
    m_dataDir = qEnvironmentVariable("INTERVOX_DATA_DIR", QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QMap<QString, QString> overrides{{QStringLiteral("data_dir"), m_dataDir}};
    if (!qEnvironmentVariableIsSet("INTERVOX_LISTEN"))
        overrides.insert(QStringLiteral("listen"), QStringLiteral("127.0.0.1:0"));
    QString error;
    const auto config = intervox::Config::load(QString(), overrides, &error);
    if (config) {
        m_server = std::make_unique<intervox::Server>(*config);
        if (m_server->start(&error)) {
            m_running = true;
            m_url = m_server->baseUrl();
            error.clear();
            qInfo().noquote() << "embedded server listening on" << m_url;
        } else {
            m_server.reset();
        }
    }
    m_error = error;
    emit changed();
}
