#pragma once
// Runs the Intervox server in-process on 127.0.0.1 with SQLite in the app's data folder, so the desktop app
// works with no set-up. The UI reaches it only through its public HTTP API, like any remote server; it signs in
// with a secret made for this run that never leaves the process (POST /api/v1/auth/local).

#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

namespace intervox { class Server; }

class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedServer(QObject *parent = nullptr);
    ~EmbeddedServer() override;

    bool running() const { return m_running; }
    QUrl url() const { return m_url; }
    QString dataDir() const { return m_dataDir; }
    QString error() const { return m_error; }
    QString localSecret() const { return m_secret; }

    // Starts the server (synchronously: opening SQLite and migrating take milliseconds). `dataDir` empty: the
    // app-data folder (or INTERVOX_DATA_DIR); `port` 0: any free one (INTERVOX_LISTEN overrides both).
    bool start(const QString &dataDir = QString(), quint16 port = 0);
    void stop();

signals:
    void changed();

private:
    std::unique_ptr<intervox::Server> m_server;
    bool m_running = false;
    QUrl m_url;
    QString m_dataDir, m_error, m_secret;
};
