// Sessions, answers and recordings (with HTTP Range, streamed from disk).

#include "apicontext.h"
#include "auditapi.h"

#include "jobs/recordingjobs.h"
#include "recording/recordingstore.h"
#include "recording/segmentfile.h"
#include "session/sessionhub.h"
#include "storage/database.h"
#include "listquery.h"
#include "validate.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace intervox {

using namespace validate;

namespace {

// One entry per playback, not per chunk a player asks for: a request for the start (no Range, or one from byte 0).
void auditView(const ApiContext &ctx, const HttpRequest &r, const Principal &p, const QString &action, const QString &target)
{
    const QByteArray range = r.header("range").trimmed();
    if (range.isEmpty() || range.startsWith("bytes=0-"))
        auditLater(ctx, p.orgId, p.userId, action, target, clientAddress(r, *ctx.config));
}

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

QJsonObject sessionJson(const QSqlQuery &q, const SessionHub *hub)
{
    return QJsonObject{{s("connected"), hub->isConnected(q.value(0).toLongLong())},{s("id"), q.value(0).toLongLong()}, {s("interviewId"), q.value(1).toLongLong()},
                       {s("candidateId"), q.value(2).toLongLong()}, {s("phase"), q.value(3).toString()},
                       {s("question"), q.value(4).toInt()},
                       {s("consent"), q.value(5).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.value(5).toString())},
                       {s("consentAt"), isoOrNull(q.value(6))}, {s("startedAt"), iso(q.value(7).toLongLong())},
                       {s("finishedAt"), isoOrNull(q.value(8))}, {s("inviteId"), q.value(9).toLongLong()},
                       {s("recordingsDeletedAt"), isoOrNull(q.value(10))},
                       {s("consentNotice"), q.value(11).isNull() ? QJsonValue(QJsonValue::Null)
                                                                 : QJsonValue(QJsonObject{{s("language"), q.value(12).toString()}, {s("text"), q.value(11).toString()}})}};
}

const char *kSessionColumns = "id, interview_id, candidate_id, phase, question_index, consent, consent_at, started_at, finished_at, invite_id,"
                              " recordings_deleted_at, consent_notice, consent_language";

// A recording deleted under the retention policy is gone for good: 410, not a 404 that suggests a wrong id.
void requireRecording(const QJsonObject &answer)
{
    if (answer.value(QStringLiteral("media")).toString() == QLatin1String("deleted"))
        fail(ApiError{ErrorCode::Gone, QStringLiteral("the recording was deleted under the organization's retention policy"), {}});
}

// An answer that was finished but is not saved yet says what it waits for (docs/protocol.md, Durability).
QJsonObject withWaiting(QJsonObject answer, const SessionHub *hub)
{
    const QString status = answer.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("saved"))
        return answer;
    const QJsonObject waiting = hub->waitingForFromAnyThread(answer.value(QStringLiteral("id")).toInteger(), status == QLatin1String("closing"));
    if (!waiting.isEmpty())
        answer.insert(QStringLiteral("waitingFor"), waiting);
    return answer;
}

const char *kAnswerColumns = "id, session_id, question_index, take, status, mime, chunks, bytes, duration_ms, media, superseded, started_at, finished_at";

QJsonObject answerRow(const QSqlQuery &q)
{
    return QJsonObject{{s("id"), q.value(0).toLongLong()}, {s("sessionId"), q.value(1).toLongLong()}, {s("question"), q.value(2).toInt()},
                       {s("take"), q.value(3).toInt()}, {s("status"), q.value(4).toString()}, {s("mime"), q.value(5).toString()},
                       {s("chunks"), q.value(6).toLongLong()}, {s("bytes"), q.value(7).toLongLong()},
                       {s("durationMs"), q.value(8).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.value(8).toLongLong())},
                       {s("media"), q.value(9).toString()}, {s("superseded"), q.value(10).toInt() != 0},
                       {s("startedAt"), iso(q.value(11).toLongLong())}, {s("finishedAt"), isoOrNull(q.value(12))}};
}

// Adds "segments" to every answer of `answers` with one query, whatever their number.
void attachSegments(Database *db, qint64 org, QJsonArray &answers)
{
    attachChildren(db, org, answers, s("segments"),
                   s("SELECT answer_id, segment, chunks, bytes, sha256, duration_ms, verified FROM answer_segments"
                     " WHERE org_id = ? AND answer_id IN (%1) ORDER BY answer_id, segment"),
                   [](const QSqlQuery &q) {
                       return QJsonObject{{s("segment"), q.value(1).toInt()}, {s("chunks"), q.value(2).toLongLong()},
                                          {s("bytes"), q.value(3).toLongLong()}, {s("sha256"), q.value(4).toString()},
                                          {s("durationMs"), q.value(5).toLongLong()}, {s("verified"), q.value(6).toInt() != 0}};
                   });
}

QJsonObject answerJson(Database *db, qint64 org, qint64 id)
{
    QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM answers WHERE id = ? AND org_id = ?").arg(QLatin1String(kAnswerColumns)), {id, org});
    if (!q.next())
        fail(ApiError::notFound(s("no such answer")));
    QJsonArray one{answerRow(q)};
    attachSegments(db, org, one);
    return one.at(0).toObject();
}

// Serves `length` bytes of `path` honouring a single "Range: bytes=…" (RFC 9110 §14).
HttpResponse fileResponse(const HttpRequest &r, const QString &path, qint64 length, const QByteArray &type)
{
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        fail(ApiError::notFound(s("the recording file is missing")));
    qint64 first = 0, last = length - 1;
    bool partial = false;
    const QByteArray range = r.header("range").trimmed();
    if (!range.isEmpty()) {
        if (!range.startsWith("bytes=") || range.contains(','))
            fail(ApiError::badRequest(s("Range: only one byte range (bytes=FIRST-LAST) is supported")));
        const QByteArray spec = range.mid(6);
        const int dash = spec.indexOf('-');
        bool ok1 = true, ok2 = true;
        if (dash < 0)
            fail(ApiError::badRequest(s("Range: expected bytes=FIRST-LAST")));
        const QByteArray a = spec.left(dash).trimmed(), b = spec.mid(dash + 1).trimmed();
        if (a.isEmpty()) { // suffix: the last N bytes
            const qint64 n = b.toLongLong(&ok2);
            if (!ok2 || n <= 0)
                fail(ApiError{ErrorCode::RangeNotSatisfiable, s("Range: empty suffix"), {}});
            first = qMax<qint64>(0, length - n);
        } else {
            first = a.toLongLong(&ok1);
            if (!b.isEmpty())
                last = qMin(length - 1, b.toLongLong(&ok2));
        }
        if (!ok1 || !ok2 || first < 0 || last < first) {
            HttpResponse e = HttpResponse::error(ApiError{ErrorCode::RangeNotSatisfiable,
                                                          QStringLiteral("Range: the file has %1 bytes").arg(length), {}});
            e.headers.emplaceBack("content-range", "bytes */" + QByteArray::number(length));
            return e;
        }
        partial = true;
    }
    if (first > 0 && !file->seek(first))
        fail(ApiError::internal());
    HttpResponse resp;
    resp.status = partial ? 206 : 200;
    resp.headers = {{"content-type", type}, {"accept-ranges", "bytes"}, {"cache-control", "private, no-store"}};
    if (partial)
        resp.headers.emplaceBack("content-range", "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/' + QByteArray::number(length));
    resp.stream = file;
    resp.streamLength = length == 0 ? 0 : last - first + 1;
    return resp;
}

QByteArray containerType(const QString &mime)
{
    if (mime.startsWith(QLatin1String("audio/mp4")))
        return "audio/mp4";
    if (mime.startsWith(QLatin1String("audio/ogg")))
        return "audio/ogg";
    return "audio/webm";
}

} // namespace

void registerReviewApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;
    const SessionHub *hub = ctx.sessions;
    http.route("GET", s("/api/v1/sessions"), ctx.reader([db, hub](HttpRequest &r, const Principal &p) {
        const qint64 iv = queryId(r.query, s("interviewId"));
        const PageRequest page = PageRequest::fromQuery(r.query);
        QVariantList binds{p.orgId, iv, iv};
        const QString visible = visibleInterviews(p, s("interview_id"), binds);
        QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM sessions WHERE org_id = ? AND (? = 0 OR interview_id = ?)").arg(QLatin1String(kSessionColumns))
                                   + visible + page.clause(), binds + page.binds());
        QJsonArray items;
        while (q.next())
            items.append(sessionJson(q, hub));
        return HttpResponse::json(200, page.reply(items));
    }));
    http.route("GET", s("/api/v1/sessions/{id}"), ctx.reader([db, hub](HttpRequest &r, const Principal &p) {
        requireAssigned(db, p, Visible::Session, r.ids.at(0));
        QSqlQuery q = db->exec(QStringLiteral("SELECT %1 FROM sessions WHERE id = ? AND org_id = ?").arg(QLatin1String(kSessionColumns)), {r.ids.at(0), p.orgId});
        if (!q.next())
            fail(ApiError::notFound(s("no such session")));
        QJsonObject o = sessionJson(q, hub);
        QSqlQuery a = db->exec(QStringLiteral("SELECT %1 FROM answers WHERE session_id = ? AND org_id = ? ORDER BY id").arg(QLatin1String(kAnswerColumns)),
                               {r.ids.at(0), p.orgId});
        QJsonArray answers;
        while (a.next())
            answers.append(answerRow(a));
        attachSegments(db, p.orgId, answers);
        for (qsizetype i = 0; i < answers.size(); ++i)
            answers.replace(i, withWaiting(answers.at(i).toObject(), hub));
        o.insert(s("answers"), answers);
        return HttpResponse::json(200, o);
    }));
    http.route("GET", s("/api/v1/answers/{id}"), ctx.reader([db, hub](HttpRequest &r, const Principal &p) {
        requireAssigned(db, p, Visible::Answer, r.ids.at(0));
        return HttpResponse::json(200, withWaiting(answerJson(db, p.orgId, r.ids.at(0)), hub));
    }));
    http.route("GET", s("/api/v1/answers/{id}/recording"), [&ctx, db](HttpRequest &r, const HttpReplier &reply) {
        const Principal p = ctx.tokens->require(r);
        const qint64 id = r.ids.at(0);
        requireAssigned(db, p, Visible::Answer, id);
        const QJsonObject answer = answerJson(db, p.orgId, id);
        requireRecording(answer);
        if (answer.value(s("status")).toString() != QLatin1String("saved"))
            fail(ApiError::conflict(s("the answer is still being recorded")));
        // The segments are joined on the first request (a job runs ffmpeg); later requests are served at once.
        ctx.joiner->ensureJoined(p.orgId, id, [&ctx, db, p, id, request = r, reply](const QString &media) {
            try {
                if (media == QLatin1String("pending"))
                    return reply.send(ApiError{ErrorCode::Unavailable, s("the recording is still being prepared; ask again in a few seconds"), {}});
                auditView(ctx, request, p, s("recording.view"), QStringLiteral("answer:%1").arg(id));
                const QJsonObject a = answerJson(db, p.orgId, id);
                const QString mime = a.value(s("mime")).toString();
                const QString dir = ctx.recordings->answerDir(p.orgId, a.value(s("sessionId")).toInteger(), id);
                if (media != QLatin1String("ready")) // could not be joined: the first segment as recorded still plays
                    return reply.send(fileResponse(request, SegmentFile::mediaPath(dir, 0),
                                                   a.value(s("segments")).toArray().at(0).toObject().value(s("bytes")).toInteger(), containerType(mime)));
                const QString path = RecordingStore::joinedPath(dir, mime);
                reply.send(fileResponse(request, path, QFileInfo(path).size(), containerType(mime)));
            } catch (const ApiException &e) {
                reply.send(e.error);
            }
        });
    });
    http.route("GET", s("/api/v1/answers/{id}/segments/{n}"), [&ctx, db](HttpRequest &r, const HttpReplier &reply) {
        const Principal p = ctx.tokens->require(r);
        const qint64 id = r.ids.at(0), n = r.ids.at(1);
        requireAssigned(db, p, Visible::Answer, id);
        const QJsonObject a = answerJson(db, p.orgId, id);
        requireRecording(a);
        const QJsonArray segments = a.value(s("segments")).toArray();
        if (n >= segments.size())
            fail(ApiError::notFound(s("no such segment")));
        // Segments are extracted from their records together with the first join.
        ctx.joiner->ensureJoined(p.orgId, id, [&ctx, a, p, id, n, request = r, reply](const QString &media) {
            try {
                if (media == QLatin1String("pending"))
                    return reply.send(ApiError{ErrorCode::Unavailable, s("the recording is still being prepared; ask again in a few seconds"), {}});
                auditView(ctx, request, p, s("recording.view"), QStringLiteral("answer:%1 segment:%2").arg(id).arg(n));
                const QString dir = ctx.recordings->answerDir(p.orgId, a.value(s("sessionId")).toInteger(), id);
                reply.send(fileResponse(request, SegmentFile::mediaPath(dir, int(n)),
                                        a.value(s("segments")).toArray().at(n).toObject().value(s("bytes")).toInteger(),
                                        containerType(a.value(s("mime")).toString())));
            } catch (const ApiException &e) {
                reply.send(e.error);
            }
        });
    });
}

} // namespace intervox
