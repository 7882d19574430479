#pragma once
// Runs the Intervox server in-process on 127.0.0.1 with SQLite in the app's data folder, so the desktop app
// works with no set-up. The UI reaches it only through its public HTTP API, like any remote server.

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace intervox { class Server; }

class EmbeddedServer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ running NOTIFY changed)
    Q_PROPERTY(QString url READ url NOTIFY changed)
    Q_PROPERTY(QString dataDir READ dataDir NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    explicit EmbeddedServer(QObject *parent = nullptr);
    ~EmbeddedServer() override;

    bool running() const { return m_running; }
    QString url() const { return m_url; }
    QString dataDir() const { return m_dataDir; }
    QString error() const { return m_error; }

    Q_INVOKABLE void start();

signals:
    void changed();

private:
    std::unique_ptr<intervox::Server> m_server;
    bool m_running = false;
    QString m_url, m_dataDir, m_error;
};
