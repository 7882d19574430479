#pragma once
// The whole Intervox server as one object: database, recordings, recruiter API, candidate sessions and live
// events on one HTTP port. `intervoxd` runs it headless; the desktop app embeds it on 127.0.0.1.

#include "core/config.h"

#include <QObject>
#include <memory>

class QLockFile;

class QThreadPool;

namespace intervox {

class AccessTokens;
class Database;
class EventHub;
class HttpServer;
class JobQueue;
class MediaJoiner;
class RetentionSchedule;
class WorkerThreads;
class RecordingStore;
class SessionHub;
struct ApiContext;

class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(Config config, QObject *parent = nullptr);
    ~Server() override;

    // Opens and migrates the database and starts listening. False with `error` set on failure.
    bool start(QString *error);
    quint16 port() const;
    QString baseUrl() const;
    // What the started server answers (HttpServer::routeTable): `intervoxd routes`, for the isolation test.
    QStringList routeTable() const;
    // Stops accepting, tells candidate pages to reconnect later, closes live-event sockets.
    void drain();

    Database *database() const { return m_db.get(); }

private:
    void registerOpsRoutes();
    void registerWebRoutes();

    Config m_config;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ApiContext> m_api;
    QThreadPool *m_workers = nullptr; // request work too slow for the event loop (CV checks); drained first at shutdown
    RecordingStore *m_recordings = nullptr;
    JobQueue *m_jobs = nullptr;       // stopped first at shutdown: its handlers use the recordings
    std::unique_ptr<WorkerThreads> m_readers; // the API's reads, off the event loop
    std::unique_ptr<WorkerThreads> m_writers; // the API's writes, off the event loop
    MediaJoiner *m_joiner = nullptr;
    RetentionSchedule *m_retention = nullptr; // queues the daily retention run
    AccessTokens *m_tokens = nullptr;
    EventHub *m_events = nullptr;
    SessionHub *m_sessions = nullptr;
    HttpServer *m_http = nullptr;
};

// Creates an organization with its first owner (the CLI's `admin create`). Returns ids as JSON text.
bool createOrganizationAdmin(Database &db, const QString &organization, const QString &email, const QString &name,
                             const QString &password, QString *resultJson, QString *error);

} // namespace intervox
