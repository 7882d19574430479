// Sign-in, interviews, candidates (with CV upload) and invites.

#include "apicontext.h"
#include "jobs/retention.h"
#include "auditapi.h"

#include "auth/secrets.h"
#include "core/config.h"
#include "core/log.h"
#include "core/workerthreads.h"
#include "jobs/jobqueue.h"
#include "jobs/recordingjobs.h"
#include "session/sessionhub.h"
#include "storage/database.h"
#include "cvfile.h"
#include "interviewinput.h"
#include "listquery.h"
#include "rowversion.h"
#include "validate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QThreadPool>

namespace intervox {

using namespace validate;

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }
constexpr qint64 kDay = 24LL * 3600 * 1000;

const char *kInterviewColumns = "id, title, intro, language, deadline_at, created_at, updated_at, version, retention_recordings_days,"
                                " retention_candidate_days";

QJsonObject interviewRow(const QSqlQuery &q)
{
    return QJsonObject{{s("id"), q.value(0).toLongLong()}, {s("title"), q.value(1).toString()}, {s("intro"), q.value(2).toString()},
                       {s("language"), q.value(3).toString()}, {s("deadline"), isoOrNull(q.value(4))},
                       {s("createdAt"), iso(q.value(5).toLongLong())}, {s("updatedAt"), iso(q.value(6).toLongLong())},
                       {s("retention"), retentionJson(q.value(8), q.value(9))}};
}

// Adds "questions" to every interview of `interviews` with one query, whatever their number.
void attachQuestions(Database *db, qint64 org, QJsonArray &interviews)
{
    attachChildren(db, org, interviews, s("questions"),
                   s("SELECT interview_id, id, position, body, think_seconds, answer_seconds, retakes FROM questions"
                     " WHERE org_id = ? AND interview_id IN (%1) ORDER BY interview_id, position"),
                   [](const QSqlQuery &q) {
                       return QJsonObject{{s("id"), q.value(1).toLongLong()}, {s("index"), q.value(2).toInt()}, {s("text"), q.value(3).toString()},
                                          {s("thinkSeconds"), q.value(4).toInt()}, {s("answerSeconds"), q.value(5).toInt()},
                                          {s("retakes"), q.value(6).toInt()}};
                   });
}

// One interview as the API shows it, with its ETag; 404 if the organization has no such one.
HttpResponse interviewReply(Database *db, qint64 org, qint64 id, int status = 200)
{
    QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM interviews WHERE id = ? AND org_id = ?").arg(QLatin1String(kInterviewColumns)), {id, org});
    if (!q.next())
        fail(ApiError::notFound(s("no such interview")));
    QJsonArray one{interviewRow(q)};
    attachQuestions(db, org, one);
    attachCriteria(db, org, one);
    return withEtag(HttpResponse::json(status, one.at(0).toObject()), id, q.value(7).toLongLong());
}

void writeQuestions(Database *db, qint64 org, qint64 interview, const InterviewInput &in)
{
    for (int i = 0; i < in.questions.size(); ++i) {
        const auto &q = in.questions.at(i);
        db->exec(s("INSERT INTO questions (org_id, interview_id, position, body, think_seconds, answer_seconds, retakes) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                 {org, interview, i, q.text, q.think, q.answer, q.retakes});
    }
}

} // namespace

// The client's address: the peer, or behind a configured reverse proxy the address that proxy saw (the
// right-most X-Forwarded-For entry that is not itself a trusted proxy; entries further left are the client's
// own claims).
QString clientAddress(const HttpRequest &r, const Config &config)
{
    if (!config.isTrustedProxy(r.peer))
        return r.peer.toString();
    const QList<QByteArray> hops = r.header("x-forwarded-for").split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed().left(64)));
        if (hop.isNull())
            break; // garbage: do not trust anything left of it
        if (!config.isTrustedProxy(hop))
            return hop.toString();
    }
    return r.peer.toString();
}

namespace {

QVariant nullableMs(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::LongLong));
}

const char *kCandidateColumns = "id, name, email, cv_sha256, cv_size, created_at, version";

QJsonObject candidateRow(const QSqlQuery &q)
{
    return QJsonObject{{s("id"), q.value(0).toLongLong()}, {s("name"), q.value(1).toString()}, {s("email"), q.value(2).toString()},
                       {s("createdAt"), iso(q.value(5).toLongLong())},
                       {s("cv"), q.value(3).isNull() ? QJsonValue(QJsonValue::Null)
                                                    : QJsonValue(QJsonObject{{s("sha256"), q.value(3).toString()}, {s("size"), q.value(4).toLongLong()}})}};
}

// One candidate with its ETag; 404 if the organization has no such one.
HttpResponse candidateReply(Database *db, qint64 org, qint64 id, int status = 200)
{
    QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM candidates WHERE id = ? AND org_id = ?").arg(QLatin1String(kCandidateColumns)), {id, org});
    if (!q.next())
        fail(ApiError::notFound(s("no such candidate")));
    return withEtag(HttpResponse::json(status, candidateRow(q)), id, q.value(6).toLongLong());
}

void requireOwned(Database *db, const char *table, qint64 org, qint64 id, const QString &field)
{
    if (!owns(db, table, org, id))
        fail(ApiError::validation(field, s("no such id in your organization")));
}

QString blobPath(const QString &blobDir, const QString &sha)
{
    return blobDir + QLatin1Char('/') + sha.left(2) + QLatin1Char('/') + sha + QStringLiteral(".pdf");
}

} // namespace

HttpResponse signedInReply(const Principal &p, const QString &token)
{
    HttpResponse ok = HttpResponse::json(200, QJsonObject{{s("accessToken"), token}, {s("expiresAt"), iso(p.tokenExpiresAt)},
                                                          {s("user"), QJsonObject{{s("id"), p.userId}, {s("email"), p.email},
                                                                                  {s("name"), p.name}, {s("role"), p.role}}}});
    ok.setHeader("cache-control", "no-store"); // a token: no cache, proxy or browser may keep it (RFC 6749 5.1)
    ok.setHeader("pragma", "no-cache");
    return ok;
}

Principal ApiContext::requireWriter(const HttpRequest &r) const
{
    const Principal p = tokens->require(r);
    if (p.role == QLatin1String("reviewer"))
        fail(ApiError::forbidden(s("reviewers can read but not change")));
    return p;
}

HttpHandler ApiContext::authed(AuthedHandler fn, bool writer) const
{
    // Writes go to the one writer thread, in the order they arrived: never on the event loop that acks audio.
    return onThread(writers, std::move(fn), writer ? Auth::Writer : Auth::Any);
}

HttpHandler ApiContext::reader(AuthedHandler fn) const
{
    return onThread(readers, std::move(fn), Auth::Any);
}

HttpHandler ApiContext::publicWriter(std::function<HttpResponse(HttpRequest &)> fn) const
{
    return onThread(writers, [fn = std::move(fn)](HttpRequest &r, const Principal &) { return fn(r); }, Auth::None);
}

HttpHandler ApiContext::publicReader(std::function<HttpResponse(HttpRequest &)> fn) const
{
    return onThread(readers, [fn = std::move(fn)](HttpRequest &r, const Principal &) { return fn(r); }, Auth::None);
}

namespace {
constexpr qint64 kStrangerWindowMs = 60000;

// What a client is counted under: its address; an IPv6 one by its /64, since one host may hold all of those.
QString strangerKey(const QString &address)
{
    const QHostAddress a(address);
    if (a.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    bool v4 = false;
    const quint32 mapped = a.toIPv4Address(&v4);
    if (v4)
        return QHostAddress(mapped).toString();
    Q_IPV6ADDR bytes = a.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

// This minute's count for `key` (event loop only). Windows that ended are dropped once the table grows, so a spray
// of addresses cannot make it large, nor reset everyone's counts.
QPair<qint64, int> &strangerWindow(ApiContext::StrangerLimits &limits, const QString &key, qint64 now)
{
    if (limits.perAddress.size() > 10000 && !limits.perAddress.contains(key)) {
        limits.perAddress.removeIf([now](const std::pair<const QString &, QPair<qint64, int> &> &e) {
            return now - e.second.first >= kStrangerWindowMs;
        });
        if (limits.perAddress.size() > 200000) // that many live keys within one minute: start over rather than grow
            limits.perAddress.clear();
    }
    QPair<qint64, int> &w = limits.perAddress[key];
    if (now - w.first >= kStrangerWindowMs)
        w = {now, 0};
    return w;
}

// 429 once `key` made `factor` × config.publicRequestsPerMinute requests without sign-in (or with a token the
// server did not know) this minute, saying when to try again.
void refuseOverLimit(const ApiContext &ctx, const QPair<qint64, int> &w, qint64 now, int factor)
{
    if (w.second < factor * ctx.config->publicRequestsPerMinute)
        return;
    const qint64 seconds = qMax<qint64>(1, (w.first + kStrangerWindowMs - now + 999) / 1000);
    fail(ApiError{ErrorCode::TooManyRequests,
                  QStringLiteral("too many requests without sign-in from this address; try again in %1 s").arg(seconds), {}});
}
} // namespace

HttpHandler ApiContext::onThread(WorkerThreads *threads, AuthedHandler fn, Auth auth) const
{
    return [this, threads, fn = std::move(fn), auth](HttpRequest &r, const HttpReplier &reply) {
        // What strangers may cost (StrangerLimits), decided here on the event loop before anything is queued.
        const qint64 now = nowMs();
        const QString key = strangerKey(clientAddress(r, *config));
        const bool stranger = auth == Auth::None;
        QPair<qint64, int> &window = strangerWindow(*strangers, key, now);
        // Requests that carry a token are refused only at twice the limit: a colleague behind the same address as
        // a stranger keeps working, a flood of made-up tokens does not.
        refuseOverLimit(*this, window, now, stranger ? 1 : 2);
        if (stranger) {
            if (strangers->queued.load() >= StrangerLimits::kMaxQueued)
                fail(ApiError{ErrorCode::Unavailable, s("the server is busy; try again in a moment"), {}});
            ++window.second;
            ++strangers->queued;
        } else if (!r.header("authorization").toLower().startsWith("bearer ")) {
            // No token at all: answered here, nothing queued (a token the server does not know is counted below).
            fail(ApiError::unauthorized(s("missing Authorization: Bearer token; sign in at POST /api/v1/auth/login")));
        }
        const bool queued = threads->post([this, fn, auth, stranger, key, request = r, reply]() mutable {
            HttpResponse response;
            try {
                response = fn(request, auth == Auth::Writer ? requireWriter(request)
                                       : auth == Auth::Any  ? tokens->require(request)
                                                            : Principal());
            } catch (const ApiException &e) {
                response = HttpResponse::error(e.error);
            } catch (const std::exception &e) {
                qCCritical(lcHttp) << "request failed on an API thread:" << e.what();
                response = HttpResponse::error(ApiError::internal());
            }
            if (stranger)
                --strangers->queued;
            QMetaObject::invokeMethod(home, [this, reply, key, charge = !stranger && response.status == 401, response = std::move(response)]() mutable {
                if (charge) // a token the server did not know: counted like a request without sign-in
                    ++strangerWindow(*strangers, key, nowMs()).second;
                reply.send(std::move(response));
            }, Qt::QueuedConnection);
        });
        if (!queued) {
            if (stranger)
                --strangers->queued;
            fail(ApiError{ErrorCode::Unavailable, s("the server is busy; try again in a moment"), {}});
        }
    };
}

void ApiContext::announceRevoked(const QList<qint64> &tokenIds) const
{
    if (tokenIds.isEmpty())
        return;
    QMetaObject::invokeMethod(tokens, [t = tokens, tokenIds] {
        for (qint64 id : tokenIds)
            emit t->revoked(id);
    }, Qt::QueuedConnection);
}

QString ApiContext::inviteUrl(const QString &token) const
{
    QString base = publicUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QStringLiteral("/i/") + token;
}

void registerRecruiterApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;

    // ---- auth
    http.route("POST", s("/api/v1/auth/login"), [&ctx](HttpRequest &r, const HttpReplier &reply) {
        const QJsonObject o = r.jsonObject();
        const QString email = text(o, s("email"), 1, 254).toLower();
        const QString password = text(o, s("password"), 1, 1024);
        const QString address = clientAddress(r, *ctx.config);
        ctx.tokens->signIn(address, email, password, [&ctx, reply, email, address](std::optional<Principal> p, QString token, qint64 expires) {
            auditSignIn(ctx, p, email, s("password"), address);
            if (!p) {
                reply.send(ApiError::unauthorized(s("wrong email or password")));
                return;
            }
            Q_UNUSED(expires);
            reply.send(signedInReply(*p, token));
        });
    }, BodyKind::Json);
    http.route("POST", s("/api/v1/auth/logout"), ctx.authed([&ctx](HttpRequest &, const Principal &p) {
        ctx.tokens->revoke(p.tokenId);
        return HttpResponse::noContent();
    }));
    http.route("GET", s("/api/v1/me"), ctx.reader([db](HttpRequest &, const Principal &p) {
        const QString org = db->scalar(s("SELECT name FROM organizations WHERE id = ?"), {p.orgId}).toString();
        return HttpResponse::json(200, QJsonObject{{s("id"), p.userId}, {s("email"), p.email}, {s("name"), p.name}, {s("role"), p.role},
                                                   {s("organization"), QJsonObject{{s("id"), p.orgId}, {s("name"), org}}}});
    }));

    // ---- interviews
    http.route("GET", s("/api/v1/interviews"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        const PageRequest page = PageRequest::fromQuery(r.query);
        QVariantList binds{p.orgId};
        const QString visible = visibleInterviews(p, s("id"), binds);
        QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM interviews WHERE org_id = ? AND preview_of IS NULL").arg(QLatin1String(kInterviewColumns)) + visible + page.clause(),
                               binds + page.binds());
        QJsonArray items;
        while (q.next())
            items.append(interviewRow(q));
        const QJsonValue next = page.cut(items);
        attachQuestions(db, p.orgId, items);
        attachCriteria(db, p.orgId, items);
        return HttpResponse::json(200, QJsonObject{{s("items"), items}, {s("next"), next}});
    }));
    http.route("POST", s("/api/v1/interviews"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        const InterviewInput in = InterviewInput::parse(r.jsonObject());
        qint64 id = 0;
        db->transaction([&] {
            const qint64 now = nowMs();
            id = db->insert(s("INSERT INTO interviews (org_id, title, intro, language, deadline_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                            {p.orgId, in.title, in.intro, in.language, nullableMs(in.deadline), p.userId, now, now});
            writeQuestions(db, p.orgId, id, in);
            if (in.criteria)
                writeCriteria(db, p.orgId, id, *in.criteria);
            audit(ctx, r, p, s("interview.create"), QStringLiteral("interview:%1").arg(id));
        });
        return interviewReply(db, p.orgId, id, 201);
    }, true), BodyKind::Json);
    http.route("GET", s("/api/v1/interviews/{id}"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireAssigned(db, p, Visible::Interview, r.ids.at(0));
        return interviewReply(db, p.orgId, r.ids.at(0));
    }));
    http.route("PUT", s("/api/v1/interviews/{id}"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        const qint64 id = r.ids.at(0);
        requireFound(db, "interviews", p.orgId, id, "interview"); // 404 before 422
        const InterviewInput in = InterviewInput::parse(r.jsonObject());
        db->transaction([&] {
            IfMatch::fromRequest(r, id).claim(db, "interviews", p.orgId, id, s("interview"));
            if (!db->scalar(s("SELECT id FROM sessions WHERE interview_id = ? AND org_id = ? LIMIT 1"), {id, p.orgId}).isNull())
                fail(ApiError::conflict(s("candidates have started this interview; create a new interview instead of changing its questions")));
            db->exec(s("UPDATE interviews SET title = ?, intro = ?, language = ?, deadline_at = ?, updated_at = ? WHERE id = ? AND org_id = ?"),
                     {in.title, in.intro, in.language, nullableMs(in.deadline), nowMs(), id, p.orgId});
            db->exec(s("DELETE FROM questions WHERE interview_id = ? AND org_id = ?"), {id, p.orgId});
            writeQuestions(db, p.orgId, id, in);
            audit(ctx, r, p, s("interview.change"), QStringLiteral("interview:%1").arg(id));
        });
        return interviewReply(db, p.orgId, id);
    }, true), BodyKind::Json);
    http.route("DELETE", s("/api/v1/interviews/{id}"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        const qint64 id = r.ids.at(0);
        db->transaction([&] {
            IfMatch::fromRequest(r, id).claim(db, "interviews", p.orgId, id, s("interview"));
            if (!db->scalar(s("SELECT id FROM sessions WHERE interview_id = ? AND org_id = ? LIMIT 1"), {id, p.orgId}).isNull())
                fail(ApiError::conflict(s("candidates have started this interview; it cannot be deleted")));
            for (const char *table : {"ratings", "review_notes", "decisions"})
                db->exec(QStringLiteral("DELETE FROM %1 WHERE org_id = ? AND invite_id IN (SELECT id FROM invites WHERE interview_id = ? AND org_id = ?)")
                             .arg(QLatin1String(table)), {p.orgId, id, p.orgId});
            db->exec(s("DELETE FROM invites WHERE interview_id = ? AND org_id = ?"), {id, p.orgId});
            db->exec(s("DELETE FROM criteria WHERE interview_id = ? AND org_id = ?"), {id, p.orgId});
            db->exec(s("DELETE FROM interview_reviewers WHERE interview_id = ? AND org_id = ?"), {id, p.orgId});
            db->exec(s("DELETE FROM questions WHERE interview_id = ? AND org_id = ?"), {id, p.orgId});
            db->exec(s("DELETE FROM interviews WHERE id = ? AND org_id = ?"), {id, p.orgId});
            audit(ctx, r, p, s("interview.delete"), QStringLiteral("interview:%1").arg(id));
        });
        return HttpResponse::noContent();
    }, true));

    // ---- candidates
    http.route("GET", s("/api/v1/candidates"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        const PageRequest page = PageRequest::fromQuery(r.query);
        QVariantList binds{p.orgId};
        QString visible;
        if (p.isReviewer()) { // the candidates invited to the reviewer's interviews
            binds << p.orgId;
            visible = s(" AND id IN (SELECT candidate_id FROM invites WHERE org_id = ?") + visibleInterviews(p, s("interview_id"), binds) + s(")");
        }
        QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM candidates WHERE org_id = ? AND preview = 0").arg(QLatin1String(kCandidateColumns)) + visible + page.clause(),
                               binds + page.binds());
        QJsonArray items;
        while (q.next())
            items.append(candidateRow(q));
        return HttpResponse::json(200, page.reply(items));
    }));
    http.route("POST", s("/api/v1/candidates"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        const QJsonObject o = r.jsonObject();
        const QString name = text(o, s("name"), 1, 200);
        const QString mail = email(o, s("email"));
        qint64 id = 0;
        db->transaction([&] {
            id = db->insert(s("INSERT INTO candidates (org_id, name, email, created_at) VALUES (?, ?, ?, ?)"), {p.orgId, name, mail, nowMs()});
            audit(ctx, r, p, s("candidate.create"), QStringLiteral("candidate:%1").arg(id));
        });
        return candidateReply(db, p.orgId, id, 201);
    }, true), BodyKind::Json);
    http.route("GET", s("/api/v1/candidates/{id}"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireAssigned(db, p, Visible::Candidate, r.ids.at(0));
        return candidateReply(db, p.orgId, r.ids.at(0));
    }));
    http.route("PUT", s("/api/v1/candidates/{id}/cv"), [&ctx, db](HttpRequest &r, const HttpReplier &reply) {
        const Principal p = ctx.requireWriter(r);
        const qint64 candidate = r.ids.at(0);
        const IfMatch condition = IfMatch::fromRequest(r, candidate);
        condition.check(db, "candidates", p.orgId, candidate, s("candidate")); // fail fast; the write claims it again
        if (!r.header("content-type").toLower().startsWith("application/pdf"))
            fail(ApiError{ErrorCode::UnsupportedMediaType, s("a CV must be sent as Content-Type: application/pdf"), {}});
        // Hashing and parsing take a while for a large file: on a worker, then back here for the database.
        const QString upload = r.bodyFile;
        const QString blobs = ctx.blobDir;
        const QString pdfinfo = ctx.config->pdfinfo;
        QObject *home = ctx.tokens;
        const QString address = clientAddress(r, ctx.config ? *ctx.config : Config());
        ctx.workers->start([&ctx, db, reply, upload, blobs, pdfinfo, home, candidate, condition, org = p.orgId, user = p.userId, address] {
            CvCheck check = inspectCv(upload, pdfinfo);
            if (check.ok) {
                const QString dest = blobPath(blobs, check.sha256);
                QDir().mkpath(QFileInfo(dest).absolutePath());
                if (!QFile::exists(dest) && !QFile::rename(upload, dest)) {
                    qCCritical(lcHttp) << "cannot store CV at" << dest;
                    check.ok = false;
                }
            }
            QMetaObject::invokeMethod(home, [&ctx, db, reply, check, candidate, condition, org, user, address] {
                if (!check.ok) {
                    reply.send(check.error.isEmpty() ? ApiError::internal() : ApiError{ErrorCode::UnsupportedMediaType, check.error, {}});
                    return;
                }
                try {
                    db->transaction([&] {
                        condition.claim(db, "candidates", org, candidate, s("candidate"));
                        db->exec(s("UPDATE candidates SET cv_sha256 = ?, cv_size = ? WHERE id = ? AND org_id = ?"),
                                 {check.sha256, check.size, candidate, org});
                        audit(db, org, user, s("cv.upload"), QStringLiteral("candidate:%1").arg(candidate), address);
                    });
                    reply.send(candidateReply(db, org, candidate));
                } catch (const ApiException &e) {
                    reply.send(e.error);
                }
            }, Qt::QueuedConnection);
        });
    }, BodyKind::Stream, ctx.config->cvMaxBytes);
    http.route("GET", s("/api/v1/candidates/{id}/cv"), ctx.reader([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAssigned(db, p, Visible::Candidate, r.ids.at(0));
        const QVariant sha = db->scalar(s("SELECT cv_sha256 FROM candidates WHERE id = ? AND org_id = ?"), {r.ids.at(0), p.orgId});
        if (sha.isNull())
            fail(ApiError::notFound(s("this candidate has no CV")));
        audit(ctx, r, p, s("cv.view"), QStringLiteral("candidate:%1").arg(r.ids.at(0)));
        auto file = std::make_shared<QFile>(blobPath(ctx.blobDir, sha.toString()));
        if (!file->open(QIODevice::ReadOnly))
            fail(ApiError::notFound(s("the CV file is missing")));
        file->moveToThread(ctx.home->thread()); // opened here, streamed by the event loop
        HttpResponse resp;
        resp.headers = {{"content-type", "application/pdf"}, {"content-disposition", "attachment; filename=\"cv.pdf\""}};
        resp.streamLength = file->size();
        resp.stream = file;
        return resp;
    }));

    // ---- invites
    auto createInvite = [db, &ctx](qint64 org, qint64 interview, qint64 candidate, qint64 expires, int maxUses) {
        const QString token = secrets::newToken();
        const qint64 id = db->insert(s("INSERT INTO invites (org_id, interview_id, candidate_id, token_hash, expires_at, max_uses, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                     {org, interview, candidate, secrets::tokenHash(token), expires, maxUses, nowMs()});
        return QJsonObject{{s("id"), id}, {s("candidateId"), candidate}, {s("interviewId"), interview}, {s("token"), token},
                           {s("url"), ctx.inviteUrl(token)}, {s("expiresAt"), iso(expires)}, {s("maxUses"), maxUses}};
    };
    auto inviteTerms = [](const QJsonObject &o, qint64 *expires, int *maxUses) {
        const auto e = timestamp(o, s("expiresAt"));
        if (e && *e <= nowMs())
            fail(ApiError::validation(s("expiresAt"), s("must be in the future")));
        if (e && *e > nowMs() + 366 * kDay)
            fail(ApiError::validation(s("expiresAt"), s("must be within one year")));
        *expires = e ? *e : nowMs() + 14 * kDay;
        *maxUses = integer(o, s("maxUses"), 1, 10, 1);
    };
    http.route("POST", s("/api/v1/invites"), ctx.authed([&ctx, db, createInvite, inviteTerms](HttpRequest &r, const Principal &p) {
        const QJsonObject o = r.jsonObject();
        const qint64 interview = id(o, s("interviewId"));
        const qint64 candidate = id(o, s("candidateId"));
        requireOwned(db, "interviews", p.orgId, interview, s("interviewId"));
        requireOwned(db, "candidates", p.orgId, candidate, s("candidateId"));
        qint64 expires = 0;
        int maxUses = 1;
        inviteTerms(o, &expires, &maxUses);
        QJsonObject created;
        db->transaction([&] {
            created = createInvite(p.orgId, interview, candidate, expires, maxUses);
            audit(ctx, r, p, s("invite.create"), QStringLiteral("invite:%1").arg(created.value(s("id")).toInteger()));
        });
        return HttpResponse::json(201, created);
    }, true), BodyKind::Json);
    http.route("POST", s("/api/v1/invites/batch"), ctx.authed([&ctx, db, createInvite, inviteTerms](HttpRequest &r, const Principal &p) {
        const QJsonObject o = r.jsonObject();
        const qint64 interview = id(o, s("interviewId"));
        requireOwned(db, "interviews", p.orgId, interview, s("interviewId"));
        qint64 expires = 0;
        int maxUses = 1;
        inviteTerms(o, &expires, &maxUses);
        const QJsonValue list = o.value(s("candidates"));
        if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > 5000)
            fail(ApiError::validation(s("candidates"), s("must be a list of 1 to 5000 {name, email} objects")));
        QList<QPair<QString, QString>> people;
        const QJsonArray arr = list.toArray();
        for (int i = 0; i < arr.size(); ++i) {
            try {
                const QJsonObject c = arr.at(i).toObject();
                people.append({text(c, s("name"), 1, 200), email(c, s("email"))});
            } catch (ApiException &e) {
                e.error.message.prepend(QStringLiteral("candidates[%1].").arg(i));
                e.error.field.prepend(QStringLiteral("candidates[%1].").arg(i));
                throw;
            }
        }
        QJsonArray items;
        db->transaction([&] {
            const qint64 now = nowMs();
            for (const auto &person : people) {
                const qint64 cid = db->insert(s("INSERT INTO candidates (org_id, name, email, created_at) VALUES (?, ?, ?, ?)"),
                                              {p.orgId, person.first, person.second, now});
                items.append(createInvite(p.orgId, interview, cid, expires, maxUses));
            }
            audit(ctx, r, p, s("invite.batch"), QStringLiteral("interview:%1 invites:%2").arg(interview).arg(items.size()));
        });
        return HttpResponse::json(201, QJsonObject{{s("items"), items}});
    }, true), BodyKind::Json, 2 * 1024 * 1024);
    http.route("GET", s("/api/v1/invites"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        const qint64 iv = queryId(r.query, s("interviewId"));
        const PageRequest page = PageRequest::fromQuery(r.query);
        QVariantList binds{p.orgId, iv, iv};
        const QString visible = visibleInterviews(p, s("interview_id"), binds);
        QSqlQuery q = db->exec(s("SELECT id, candidate_id, interview_id, expires_at, max_uses, uses, revoked_at FROM invites"
                                 " WHERE org_id = ? AND (? = 0 OR interview_id = ?)"
                                 " AND candidate_id NOT IN (SELECT id FROM candidates WHERE org_id = invites.org_id AND preview = 1)")
                                   + visible + page.clause(), binds + page.binds());
        QJsonArray items;
        while (q.next())
            items.append(QJsonObject{{s("id"), q.value(0).toLongLong()}, {s("candidateId"), q.value(1).toLongLong()},
                                     {s("interviewId"), q.value(2).toLongLong()}, {s("expiresAt"), iso(q.value(3).toLongLong())},
                                     {s("maxUses"), q.value(4).toInt()}, {s("uses"), q.value(5).toInt()}, {s("revoked"), !q.value(6).isNull()}});
        return HttpResponse::json(200, page.reply(items));
    }));
    // A later deadline and/or extra time for one invite (an accommodation): {expiresAt?, extraTimePercent?}.
    http.route("PUT", s("/api/v1/invites/{id}"), ctx.authed([db, &ctx](HttpRequest &r, const Principal &p) {
        const qint64 id = r.ids.at(0);
        const QJsonObject o = r.jsonObject();
        if (!o.contains(s("expiresAt")) && !o.contains(s("extraTimePercent")))
            fail(ApiError::validation(s("expiresAt"), s("give expiresAt, extraTimePercent or both")));
        QSqlQuery row = db->exec(s("SELECT i.expires_at, i.extra_time_percent, i.revoked_at, v.deadline_at FROM invites i"
                                   " JOIN interviews v ON v.id = i.interview_id WHERE i.id = ? AND i.org_id = ?"), {id, p.orgId});
        if (!row.next())
            fail(ApiError::notFound(s("no such invite")));
        if (!row.value(2).isNull())
            fail(ApiError{ErrorCode::Conflict, s("the link was revoked; make a new one"), {}});
        if (!row.value(3).isNull() && row.value(3).toLongLong() <= nowMs())
            fail(ApiError{ErrorCode::Conflict, s("the interview's own deadline has passed: move it first (PUT /interviews/{id})"), {}});
        qint64 expires = row.value(0).toLongLong();
        int extra = row.value(1).toInt();
        row.finish();
        if (o.contains(s("expiresAt"))) {
            const auto e = timestamp(o, s("expiresAt"));
            if (!e)
                fail(ApiError::validation(s("expiresAt"), s("must be a date and time")));
            if (*e <= nowMs())
                fail(ApiError::validation(s("expiresAt"), s("must be in the future")));
            if (*e > nowMs() + 366 * kDay)
                fail(ApiError::validation(s("expiresAt"), s("must be within one year")));
            expires = *e;
        }
        if (o.contains(s("extraTimePercent")))
            extra = integer(o, s("extraTimePercent"), 0, 200, 0);
        db->transaction([&] {
            db->exec(s("UPDATE invites SET expires_at = ?, extra_time_percent = ? WHERE id = ? AND org_id = ?"), {expires, extra, id, p.orgId});
            db->exec(s("UPDATE sessions SET extra_time_percent = ? WHERE invite_id = ? AND org_id = ? AND finished_at IS NULL"), {extra, id, p.orgId});
            audit(ctx, r, p, s("invite.change"), QStringLiteral("invite:%1 extra:%2%").arg(id).arg(extra));
        });
        QMetaObject::invokeMethod(ctx.sessions, [sessions = ctx.sessions, id, extra] { sessions->extraTimeChanged(id, extra); }, Qt::QueuedConnection);
        QSqlQuery q = db->exec(s("SELECT id, candidate_id, interview_id, expires_at, max_uses, uses, revoked_at, extra_time_percent FROM invites WHERE id = ?"), {id});
        q.next();
        return HttpResponse::json(200, QJsonObject{{s("id"), id}, {s("candidateId"), q.value(1).toLongLong()}, {s("interviewId"), q.value(2).toLongLong()},
                                                   {s("expiresAt"), iso(q.value(3).toLongLong())}, {s("maxUses"), q.value(4).toInt()},
                                                   {s("uses"), q.value(5).toInt()}, {s("revoked"), false}, {s("extraTimePercent"), q.value(7).toInt()}});
    }, true), BodyKind::Json);
    http.route("POST", s("/api/v1/invites/{id}/revoke"), ctx.authed([db, &ctx](HttpRequest &r, const Principal &p) {
        const qint64 id = r.ids.at(0);
        requireFound(db, "invites", p.orgId, id, "invite");
        db->exec(s("UPDATE invites SET revoked_at = ? WHERE id = ? AND org_id = ? AND revoked_at IS NULL"), {nowMs(), id, p.orgId});
        audit(ctx, r, p, s("invite.revoke"), QStringLiteral("invite:%1").arg(id));
        // The candidate sockets live on the event loop: closed there.
        QMetaObject::invokeMethod(ctx.sessions, [sessions = ctx.sessions, id] { sessions->inviteRevoked(id); }, Qt::QueuedConnection);
        return HttpResponse::noContent();
    }, true));
}

} // namespace intervox
