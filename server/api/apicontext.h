#pragma once
// What the recruiter API handlers share, and the wrapper that authenticates a request before a handler runs.

#include "auth/accesstokens.h"
#include "http/httpserver.h"
#include "interviewinput.h"

#include <QHash>
#include <QThreadPool>
#include <QUrl>
#include <atomic>
#include <memory>

namespace intervox {

class Database;
class EventHub;
class JobQueue;
class MediaJoiner;
class WorkerThreads;
class RecordingStore;
class SessionHub;
struct Config;

struct ApiContext
{
    Database *db = nullptr;
    AccessTokens *tokens = nullptr;
    SessionHub *sessions = nullptr;
    EventHub *events = nullptr;       // recruiters' live events; lives on the event loop's thread
    RecordingStore *recordings = nullptr;
    MediaJoiner *joiner = nullptr;
    JobQueue *jobs = nullptr;
    const Config *config = nullptr;
    QThreadPool *workers = nullptr; // owned by the Server, which waits for it before anything else goes
    WorkerThreads *readers = nullptr; // threads with database connections of their own, for reads (owned by the Server)
    WorkerThreads *writers = nullptr; // one thread with its own database connection, for writes in order (owned by the Server)
    QObject *home = nullptr;        // an object of the event loop's thread: replies are sent from there
    QString blobDir;
    QString exportsDir; // candidates' export archives (jobs/candidateexport.h)
    QUrl publicUrl;

    // What strangers may cost: requests without a token, per client address per minute (config
    // public_requests_per_minute) and queued at once, so they can never fill the queues recruiters' requests wait in.
    struct StrangerLimits
    {
        static constexpr int kMaxQueued = 64;
        QHash<QString, QPair<qint64, int>> perAddress; // address → (window start, requests); the event loop only
        std::atomic<int> queued{0};                     // taken on the event loop, given back on the API threads
    };
    std::shared_ptr<StrangerLimits> strangers = std::make_shared<StrangerLimits>();

    using AuthedHandler = std::function<HttpResponse(HttpRequest &, const Principal &)>;
    // Requires a valid bearer token; `writer` additionally refuses the read-only reviewer role. `fn` runs on the
    // writer thread (with its database connection), one request after another, never on the event loop that
    // acks audio; it may use only the database, values and thread-safe objects. A full queue answers 503.
    HttpHandler authed(AuthedHandler fn, bool writer = false) const;
    // Like authed(), but `fn` runs on a reader thread (with that thread's database connection), never on the
    // event loop that acks audio: for reads that may be large or slow. `fn` may use only the database and
    // values; a full queue answers 503.
    HttpHandler reader(AuthedHandler fn) const;
    // Like authed() for routes that need no token (a setup link, an OAuth token request): `fn` runs on the
    // writer thread.
    HttpHandler publicWriter(std::function<HttpResponse(HttpRequest &)> fn) const;
    // The same for reads that need no token: on a reader thread, so strangers never queue on the writer.
    HttpHandler publicReader(std::function<HttpResponse(HttpRequest &)> fn) const;
    // The request's principal, refusing the read-only reviewer role (403); throws ApiException.
    Principal requireWriter(const HttpRequest &r) const;
    QString inviteUrl(const QString &token) const;
    // After tokens were revoked on an API thread: their live-event streams end (on the event loop).
    void announceRevoked(const QList<qint64> &tokenIds) const;

private:
    enum class Auth { None, Any, Writer };
    HttpHandler onThread(WorkerThreads *threads, AuthedHandler fn, Auth auth) const;
};

// The client's address: the peer, or behind a trusted reverse proxy the address that proxy saw.
QString clientAddress(const HttpRequest &r, const Config &config);
// The reply to a successful sign-in (password, local, setup link): the token, its expiry and the user; never cached.
HttpResponse signedInReply(const Principal &p, const QString &token);

// 404 unless organization `org` has row `id` in `table` (`what` names it in the message).
void requireFound(Database *db, const char *table, qint64 org, qint64 id, const char *what);
bool owns(Database *db, const char *table, qint64 org, qint64 id);

// What a reviewer may see (access.cpp): only the rows of the interviews assigned to them, answering 404 for the
// rest like for another organization's. Everyone's routes check the organization in their own queries as before;
// requireAssigned() adds a statement for reviewers only.
enum class Visible { Interview, Invite, Session, Answer, Candidate };
void requireAssigned(Database *db, const Principal &p, Visible kind, qint64 id);
// For a list query: "" for those who see everything, else " AND <column> IN (the reviewer's interviews)" with its
// binds appended to `binds`.
QString visibleInterviews(const Principal &p, const QString &column, QVariantList &binds);
void requireAdmin(const Principal &p);                    // 403 unless owner or admin
void requireNotReviewer(const Principal &p, const char *what); // 403 for reviewers: "reviewers do not see <what>"

void registerRecruiterApi(HttpServer &http, ApiContext &ctx);
// POST /interviews/{id}/preview and DELETE /candidates/{id} (copyeraseapi.cpp).
void registerCopyAndEraseApi(HttpServer &http, ApiContext &ctx);
void registerRetentionApi(HttpServer &http, ApiContext &ctx);     // retentionapi.cpp
// Team members, their roles and setup links, and reviewers assigned to interviews (teamapi.cpp).
void registerTeamApi(HttpServer &http, ApiContext &ctx);
// OAuth 2.0 authorization code + PKCE for the desktop app: authorize page, token and revocation (oauthapi.cpp).
void registerOAuthApi(HttpServer &http, ApiContext &ctx);
void registerReviewApi(HttpServer &http, ApiContext &ctx);
void registerJobsApi(HttpServer &http, ApiContext &ctx);
// POST /api/v1/auth/local, only when Config::localSignInSecret is set (an embedding program).
void registerLocalSignIn(HttpServer &http, ApiContext &ctx);
// GET /api/v1/interviews/{id}/candidates: one row per invite with its candidate, latest session and status.
void registerPipelineApi(HttpServer &http, ApiContext &ctx);
// Criteria, ratings, private notes and decisions (ratingapi.cpp).
void registerRatingApi(HttpServer &http, ApiContext &ctx);
// Makes `criteria` the interview's criteria (ids kept, new ones added, the rest removed from view); in a transaction.
void writeCriteria(Database *db, qint64 org, qint64 interview, const QList<InterviewInput::Criterion> &criteria);
// Adds "criteria" to every interview of `interviews` with one query.
void attachCriteria(Database *db, qint64 org, QJsonArray &interviews);
// Adds "review" (average score overall and per criterion, raters, current decision) and "answers" (count and
// total duration of the latest session) to every invite row of `rows` with three queries.
void attachReviewSummaries(Database *db, qint64 org, QJsonArray &rows);

} // namespace intervox
