#include "server.h"

#include "api/apicontext.h"
#include "api/auditapi.h"
#include "auth/accesstokens.h"
#include "auth/secrets.h"
#include "core/log.h"
#include "core/workerthreads.h"
#include "events/eventhub.h"
#include "http/httpserver.h"
#include "jobs/jobqueue.h"
#include "jobs/recordingjobs.h"
#include "auth/passwordpolicy.h"
#include "jobs/candidateexport.h"
#include "jobs/retention.h"
#include "recording/recordingstore.h"
#include "recording/segmentfile.h"
#include "session/sessionhub.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThreadPool>

namespace intervox {

namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }

const QByteArray kCandidateCsp = "default-src 'self'; connect-src 'self'; media-src 'self' blob:; img-src 'self' data:; "
                                 "style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

QByteArray contentTypeFor(const QString &path)
{
    if (path.endsWith(QLatin1String(".html")))
        return "text/html; charset=utf-8";
    if (path.endsWith(QLatin1String(".js")) || path.endsWith(QLatin1String(".mjs")))
        return "text/javascript; charset=utf-8";
    if (path.endsWith(QLatin1String(".css")))
        return "text/css; charset=utf-8";
    if (path.endsWith(QLatin1String(".json")))
        return "application/json";
    if (path.endsWith(QLatin1String(".svg")))
        return "image/svg+xml";
    if (path.endsWith(QLatin1String(".png")))
        return "image/png";
    if (path.endsWith(QLatin1String(".ico")))
        return "image/x-icon";
    return "application/octet-stream";
}

HttpResponse resourceResponse(const HttpRequest &request, const QString &resource, bool noStore)
{
    QFile f(resource);
    if (!f.open(QIODevice::ReadOnly))
        fail(ApiError::notFound(s("no such file")));
    HttpResponse r;
    r.body = f.readAll();
    // Revalidate every time (cheap 304s): after an upgrade a page never mixes old and new scripts.
    static QHash<QString, QByteArray> etags;
    QByteArray &etag = etags[resource];
    if (etag.isEmpty())
        etag = '"' + QCryptographicHash::hash(r.body, QCryptographicHash::Sha1).toHex().left(20) + '"';
    r.headers = {{"content-type", contentTypeFor(resource)}, {"content-security-policy", kCandidateCsp},
                 {"cache-control", noStore ? "no-store" : "no-cache"}, {"etag", etag}};
    if (!noStore && request.header("if-none-match") == etag) {
        r.status = 304;
        r.body.clear();
    }
    return r;
}
} // namespace

Server::Server(Config config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
}

Server::~Server()
{
    // Workers post their results back to objects deleted below: let them finish first.
    if (m_jobs)
        m_jobs->stop();
    if (m_readers)
        m_readers->stop();
    if (m_writers)
        m_writers->stop();
    if (m_workers)
        m_workers->waitForDone();
    if (m_recordings)
        m_recordings->waitForWorkers();
    delete m_retention;
    delete m_http;
    delete m_joiner;
    delete m_jobs;
    delete m_sessions;
    delete m_events;
    delete m_tokens;
    delete m_recordings;
    if (m_db)
        m_db->close();
}

bool Server::start(QString *error)
{
    if (!secrets::init()) {
        *error = s("libsodium could not be initialised");
        return false;
    }
    if (!QDir().mkpath(m_config.dataDir)) {
        *error = QStringLiteral("data_dir: cannot create %1").arg(m_config.dataDir);
        return false;
    }
    // One server per data folder: two would interleave writes to the same recordings.
    m_lock = std::make_unique<QLockFile>(QDir(m_config.dataDir).filePath(s("intervoxd.lock")));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(100)) {
        qint64 pid = 0;
        m_lock->getLockInfo(&pid, nullptr, nullptr);
        *error = QStringLiteral("data_dir: %1 is in use by another intervoxd (pid %2)").arg(m_config.dataDir).arg(pid);
        return false;
    }
    m_db = std::make_unique<Database>();
    if (!m_db->open(m_config, error) || !m_db->migrate(error))
        return false;
    qCInfo(lcStorage).noquote() << "database" << m_config.databaseDescription() << "at schema version" << m_db->schemaVersion();

    m_recordings = new RecordingStore(m_config.dataDir + s("/recordings"), m_config.ffmpeg);
    m_tokens = new AccessTokens(m_db.get());
    m_events = new EventHub(m_tokens, m_db.get());
    // SQLite takes one writer at a time: more lanes would only wait for its lock (measured: saves came later).
    // PostgreSQL serves several; each lane waits out its own round trips.
    const int lanes = m_config.sessionDbThreads > 0 ? m_config.sessionDbThreads : m_db->isPostgres() ? 8 : 1;
    m_sessions = new SessionHub(m_db.get(), m_recordings, m_events, m_config.sessionIdleSeconds, lanes);
    m_jobs = new JobQueue(m_config, m_config.jobWorkers, m_config.jobLeaseSeconds);
    const QString exportsDir = m_config.dataDir + s("/exports");
    registerRecordingJobs(*m_jobs, m_recordings, m_config.dataDir + s("/blobs/sha256"), exportsDir);
    registerRetentionJob(*m_jobs, exportsDir);
    registerExportJob(*m_jobs, m_recordings, m_config.dataDir + s("/blobs/sha256"), exportsDir);
    m_joiner = new MediaJoiner(m_db.get(), m_jobs);
    QObject::connect(m_jobs, &JobQueue::jobChanged, m_events,
                     [events = m_events](qint64 id, const QString &kind, qint64 org, const QString &state, const QJsonObject &) {
                         if (org > 0)
                             events->publish(org, s("job"), QJsonObject{{s("jobId"), id}, {s("kind"), kind}, {s("state"), state}});
                     });
    m_jobs->start();
    m_retention = new RetentionSchedule(m_db.get(), m_jobs, this);
    m_retention->enqueueToday();
    try {
        if (const int n = m_sessions->reconcile())
            qCInfo(lcRecording) << n << "finished answer(s) not recorded as saved are being verified and saved";
    } catch (const ApiException &) {
        *error = s("database: cannot look for unsaved answers (see the log above)");
        return false;
    }
    m_http = new HttpServer(m_config.dataDir + s("/tmp"));
    m_http->setMaxConnections(m_config.maxConnections);
    m_http->setMaxConnectionsPerAddress(m_config.maxConnectionsPerAddress,
                                        [this](const QHostAddress &peer) { return m_config.isTrustedProxy(peer); });
    m_http->setDefaultHeaders({{"x-content-type-options", "nosniff"}, {"referrer-policy", "no-referrer"},
                               {"x-frame-options", "DENY"}});
    m_http->webSocketRoute(s("/ws/session"), [this](int fd, const QByteArray &initial, const HttpRequest &, HttpServer::ConnectionSlot slot) {
        m_sessions->accept(fd, initial, std::move(slot));
    });
    m_http->webSocketRoute(s("/api/v1/events"), [this](int fd, const QByteArray &initial, const HttpRequest &, HttpServer::ConnectionSlot slot) {
        m_events->accept(fd, initial, std::move(slot));
    });

    m_workers = new QThreadPool(this);
    m_workers->setMaxThreadCount(2);
    m_api = std::make_unique<ApiContext>();
    m_api->workers = m_workers;
    // Two reader threads, each with its own database connection; a client that floods the API waits in their
    // queue (at most 1,000 requests, then 503), not the candidates whose audio the event loop acks.
    m_readers = std::make_unique<WorkerThreads>(s("api-reader"), 2, 1000, [db = m_db.get()] { db->releaseThreadConnection(); });
    m_api->readers = m_readers.get();
    // One writer thread: API writes in the order they arrived (SQLite takes one writer at a time anyway).
    m_writers = std::make_unique<WorkerThreads>(s("api-writer"), 1, 1000, [db = m_db.get()] { db->releaseThreadConnection(); });
    m_api->writers = m_writers.get();
    m_api->home = this;
    m_api->db = m_db.get();
    m_api->tokens = m_tokens;
    m_api->sessions = m_sessions;
    m_api->events = m_events;
    m_api->recordings = m_recordings;
    m_api->joiner = m_joiner;
    m_api->jobs = m_jobs;
    m_api->config = &m_config;
    m_api->blobDir = m_config.dataDir + s("/blobs/sha256");
    m_api->exportsDir = exportsDir;
    registerRecruiterApi(*m_http, *m_api);
    registerCopyAndEraseApi(*m_http, *m_api);
    registerRetentionApi(*m_http, *m_api);
    registerReviewApi(*m_http, *m_api);
    registerJobsApi(*m_http, *m_api);
    registerLocalSignIn(*m_http, *m_api);
    registerPipelineApi(*m_http, *m_api);
    registerRatingApi(*m_http, *m_api);
    registerTeamApi(*m_http, *m_api);
    registerOAuthApi(*m_http, *m_api);
    registerAuditApi(*m_http, *m_api);
    registerOpsRoutes();
    registerWebRoutes();

    if (!m_http->listen(m_config.listenAddress, m_config.listenPort)) {
        *error = QStringLiteral("listen: cannot listen on %1:%2 (in use, or no permission)").arg(m_config.listenAddress.toString()).arg(m_config.listenPort);
        return false;
    }
    m_api->publicUrl = m_config.publicUrl.isValid() && !m_config.publicUrl.isEmpty() ? m_config.publicUrl : QUrl(baseUrl());
    return true;
}

QStringList Server::routeTable() const
{
    return m_http ? m_http->routeTable() : QStringList();
}

quint16 Server::port() const
{
    return m_http ? m_http->port() : 0;
}

QString Server::baseUrl() const
{
    const QString host = m_config.listenAddress == QHostAddress::AnyIPv4 || m_config.listenAddress == QHostAddress::Any
                             ? s("127.0.0.1") : m_config.listenAddress.toString();
    return QStringLiteral("http://%1:%2").arg(host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host).arg(port());
}

void Server::drain()
{
    if (m_http)
        m_http->close();
    if (m_sessions)
        m_sessions->drain();
    if (m_events)
        m_events->closeAll();
}

void Server::registerOpsRoutes()
{
    m_http->route("GET", s("/healthz"), [](HttpRequest &, const HttpReplier &reply) {
        reply.send(HttpResponse::json(200, QJsonObject{{s("status"), s("ok")}}));
    });
    m_http->route("GET", s("/readyz"), [this](HttpRequest &, const HttpReplier &reply) {
        const bool ok = m_db->ping();
        reply.send(HttpResponse::json(ok ? 200 : 503, QJsonObject{{s("status"), ok ? s("ready") : s("database unreachable")}}));
    });
    m_http->route("GET", s("/metrics"), [this](HttpRequest &r, const HttpReplier &reply) {
        // Operators' numbers, not the public's: with metrics_token set, that bearer token; without it, only a
        // direct request on loopback (not one forwarded by the reverse proxy). Others see no such resource.
        const QByteArray auth = r.header("authorization");
        const bool allowed = !m_config.metricsToken.isEmpty()
                                 ? auth.startsWith("Bearer ") && secrets::equalConstantTime(auth.mid(7).trimmed(), m_config.metricsToken.toUtf8())
                                 : r.peer.isLoopback() && r.header("x-forwarded-for").isEmpty() && r.header("forwarded").isEmpty();
        if (!allowed)
            return reply.send(ApiError::notFound(s("no such resource")));
        const SessionMetrics &m = m_sessions->metrics();
        QByteArray out;
        auto metric = [&out](const char *name, const char *type, const char *help, quint64 value) {
            out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' + name + ' ' + QByteArray::number(value) + '\n';
        };
        metric("intervox_session_sockets", "gauge", "Candidate WebSockets open.", quint64(m_sessions->connectedSockets()));
        metric("intervox_event_subscribers", "gauge", "Recruiter live-event sockets.", quint64(m_events->subscribers()));
        metric("intervox_http_connections", "gauge", "HTTP connections open (not yet upgraded).", quint64(m_http->openConnections()));
        metric("intervox_sessions_started_total", "counter", "Candidate sessions started.", m.sessionsOpened);
        metric("intervox_chunks_acked_total", "counter", "Audio chunks stored and acknowledged.", m.chunksAcked);
        metric("intervox_chunk_bytes_total", "counter", "Audio bytes stored.", m.bytesStored);
        metric("intervox_chunks_refused_total", "counter", "Audio chunks refused (nack).", m.nacks);
        metric("intervox_answers_saved_total", "counter", "Answers completely saved and synced.", m.answersSaved);
        metric("intervox_segment_scans_total", "counter", "Segment files read record by record to learn their state (once per answer after a restart).",
               SegmentFile::scans());
        metric("intervox_db_statements_total", "counter", "SQL statements run (BEGIN and COMMIT not counted).", m_db->statementsRun());
        try {
            const QHash<QString, qint64> jobs = JobQueue::countByState(*m_db);
            out += "# HELP intervox_jobs Jobs in the queue by state.\n# TYPE intervox_jobs gauge\n";
            for (auto it = jobs.begin(); it != jobs.end(); ++it)
                out += "intervox_jobs{state=\"" + it.key().toLatin1() + "\"} " + QByteArray::number(it.value()) + '\n';
        } catch (const ApiException &) {
            // the database is away: the other numbers still help
        }
        HttpResponse response;
        response.body = out;
        response.headers = {{"content-type", "text/plain; version=0.0.4"}};
        reply.send(response);
    });
}

void Server::registerWebRoutes()
{
    // The candidate page: /i/<token> is the page itself (the token is read by its script, never by the server
    // here); /c/<file> are its assets, compiled into the binary.
    m_http->route("GET", s("/i/*"), [](HttpRequest &r, const HttpReplier &reply) {
        reply.send(resourceResponse(r, s(":/web/candidate/index.html"), true));
    });
    m_http->route("GET", s("/c/*"), [](HttpRequest &r, const HttpReplier &reply) {
        const QString rel = r.path.mid(3);
        static const QRegularExpression safe(s("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]+$"));
        if (!safe.match(rel).hasMatch())
            fail(ApiError::notFound(s("no such file")));
        reply.send(resourceResponse(r, s(":/web/candidate/") + rel, false));
    });
    // Account pages for team members (a setup link's page); their files at /a/.
    m_http->route("GET", s("/setup"), [](HttpRequest &r, const HttpReplier &reply) {
        reply.send(resourceResponse(r, s(":/web/account/setup.html"), true));
    });
    m_http->route("GET", s("/a/*"), [](HttpRequest &r, const HttpReplier &reply) {
        const QString rel = r.path.mid(3);
        static const QRegularExpression safe(s("^[A-Za-z0-9_-]+\\.(css|js)$"));
        if (!safe.match(rel).hasMatch())
            fail(ApiError::notFound(s("no such file")));
        reply.send(resourceResponse(r, s(":/web/account/") + rel, false));
    });
    m_http->route("GET", s("/"), [](HttpRequest &, const HttpReplier &reply) {
        HttpResponse r;
        r.body = "Intervox server. Candidates: open the link from your invitation email.\n";
        r.headers = {{"content-type", "text/plain; charset=utf-8"}};
        reply.send(r);
    });
}

bool createOrganizationAdmin(Database &db, const QString &organization, const QString &email, const QString &name,
                             const QString &password, QString *resultJson, QString *error)
{
    const QString org = organization.trimmed(), mail = email.trimmed().toLower(), person = name.trimmed();
    if (org.isEmpty() || org.size() > 200) {
        *error = s("--organization: must be 1 to 200 characters");
        return false;
    }
    static const QRegularExpression re(s("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!re.match(mail).hasMatch() || mail.size() > 254) {
        *error = s("--email: must be an email address like name@example.com");
        return false;
    }
    if (person.isEmpty() || person.size() > 200) {
        *error = s("--name: must be 1 to 200 characters");
        return false;
    }
    if (const QString problem = passwordProblem(password, mail); !problem.isEmpty()) {
        *error = s("password: ") + problem;
        return false;
    }
    if (!secrets::init()) {
        *error = s("libsodium could not be initialised");
        return false;
    }
    try {
        if (!db.scalar(s("SELECT id FROM users WHERE email = ?"), {mail}).isNull()) {
            *error = QStringLiteral("--email: a user with %1 already exists").arg(mail);
            return false;
        }
        const QString hash = secrets::hashPassword(password);
        qint64 orgId = 0, userId = 0;
        db.transaction([&] {
            orgId = db.insert(s("INSERT INTO organizations (name, created_at, retention_recordings_days, retention_candidate_days) VALUES (?, ?, ?, ?)"),
                              {org, nowMs(), kDefaultRecordingsDays, kDefaultCandidateDays});
            userId = db.insert(s("INSERT INTO users (org_id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'owner', ?, ?)"),
                               {orgId, mail, person, hash, nowMs()});
        });
        *resultJson = QString::fromUtf8(QJsonDocument(QJsonObject{{s("organizationId"), orgId}, {s("userId"), userId}, {s("email"), mail}, {s("role"), s("owner")}})
                                            .toJson(QJsonDocument::Compact));
        return true;
    } catch (const ApiException &) {
        *error = s("database error (see the log)");
        return false;
    }
}

} // namespace intervox
