#pragma once
// What the recruiter API handlers share, and the wrapper that authenticates a request before a handler runs.

#include "auth/accesstokens.h"
#include "http/httpserver.h"

#include <QThreadPool>
#include <QUrl>

namespace intervox {

class Database;
class MediaJoiner;
class RecordingStore;
class SessionHub;
struct Config;

struct ApiContext
{
    Database *db = nullptr;
    AccessTokens *tokens = nullptr;
    SessionHub *sessions = nullptr;
    RecordingStore *recordings = nullptr;
    MediaJoiner *joiner = nullptr;
    const Config *config = nullptr;
    QThreadPool *workers = nullptr; // owned by the Server, which waits for it before anything else goes
    QString blobDir;
    QUrl publicUrl;

    using AuthedHandler = std::function<HttpResponse(HttpRequest &, const Principal &)>;
    // Requires a valid bearer token; `writer` additionally refuses the read-only reviewer role.
    HttpHandler authed(AuthedHandler fn, bool writer = false) const;
    // The request's principal, refusing the read-only reviewer role (403); throws ApiException.
    Principal requireWriter(const HttpRequest &r) const;
    QString inviteUrl(const QString &token) const;
};

void registerRecruiterApi(HttpServer &http, ApiContext &ctx);
void registerReviewApi(HttpServer &http, ApiContext &ctx);
void registerJobsApi(HttpServer &http, ApiContext &ctx);

} // namespace intervox
