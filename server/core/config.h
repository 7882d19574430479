#pragma once
// Server configuration: one loader for INI file, INTERVOX_* environment variables and command-line overrides
// (in increasing priority). A bad value fails fast with the key named.

#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QUrl>
#include <optional>

namespace intervox {

struct Config
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    QString dataDir;            // recordings, CVs, SQLite database
    QString database;           // empty: SQLite in dataDir; else postgres://user:pass@host:port/name
    QUrl publicUrl;             // base of invite links; default http://<listen>
    qint64 cvMaxBytes = 10 * 1024 * 1024;
    int maxConnections = 20000;
    int maxConnectionsPerAddress = 100; // HTTP and WebSocket; trusted proxies are not counted
    int publicRequestsPerMinute = 60;   // API requests without a token (OAuth token/revoke, setup links) per client address
    int sessionIdleSeconds = 90;
    QString ffmpeg = QStringLiteral("ffmpeg");
    QString pdfinfo = QStringLiteral("pdfinfo"); // poppler's, parses uploaded CVs in a child process
    int sessionDbThreads = 0;   // threads (each with a database connection) running the candidate sessions' SQL; 0: 1 on SQLite, 8 on PostgreSQL
    int jobWorkers = 2;         // threads (each with a database connection) running queued jobs
    int jobLeaseSeconds = 60;   // a job whose worker stops renewing its lease this long is taken over
    // Reverse proxies whose X-Forwarded-For is believed (address, prefix length). Empty: none, the peer
    // address is the client (the desktop app's embedded server shares loopback with every local process).
    QList<QPair<QHostAddress, int>> trustedProxies;
    // Bearer token a Prometheus scraper sends for /metrics; empty: /metrics answers direct loopback requests only.
    QString metricsToken;
    // Set only by a program that embeds the server (the desktop app), never from a file or the environment:
    // with it, POST /api/v1/auth/local signs the embedding program in as the local owner. Empty: no such route.
    QString localSignInSecret;

    bool isTrustedProxy(const QHostAddress &peer) const;

    // Loads `iniPath` (may be empty), then applies env (INTERVOX_<KEY>), then `overrides` (key → value).
    // On error returns nullopt and sets `error` to a message naming the key.
    static std::optional<Config> load(const QString &iniPath, const QMap<QString, QString> &overrides, QString *error);

    QString databaseDescription() const; // without password, for logs
};

} // namespace intervox
