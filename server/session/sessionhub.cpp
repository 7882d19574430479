#include "sessionhub.h"

#include "core/error.h"
#include "core/log.h"
#include "events/eventhub.h"
#include "recording/recordingstore.h"
#include "answerupload.h"
#include "chunkframe.h"
#include "sessiondb.h"
#include "sessionsocket.h"
#include "storage/database.h"

#include "http/websocket.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSemaphore>
#include <QThread>
#include <QTimer>
#include <QTimerEvent>

namespace intervox {

namespace {
constexpr int kSweepMs = 1000;
constexpr qint64 kHelloTimeoutMs = 10000;       // to send hello …
constexpr qint64 kHelloLookupTimeoutMs = 60000; // … and for it to be looked up (a database that is away)
constexpr qint64 kStallLogMs = 60000;
QString s(const char *latin1) { return QString::fromLatin1(latin1); }
} // namespace

SessionHub::SessionHub(Database *db, RecordingStore *store, EventHub *events, int idleSeconds, int dbLanes, QObject *parent)
    : QObject(parent), m_db(db), m_lanes(std::make_unique<SessionDb>(db, dbLanes, this)), m_store(store), m_events(events),
      m_idleMs(idleSeconds * 1000)
{
    m_now = nowMs();
    m_sweep.start(kSweepMs, Qt::CoarseTimer, this);
}

SessionHub::~SessionHub()
{
    m_lanes->stop(); // queued writes finish while the database is still open
}

void SessionHub::accept(int fd, const QByteArray &initial, std::shared_ptr<void> slot)
{
    auto *ws = new WebSocketConnection(fd, initial, ChunkFrame::kHeaderSize + ChunkFrame::kMaxPayload);
    ws->holdSlot(std::move(slot));
    adopt(std::make_unique<WebSocketTransport>(ws));
}

SessionSocket *SessionHub::adopt(std::unique_ptr<SessionTransport> transport)
{
    SessionTransport *raw = transport.get();
    auto *socket = new SessionSocket(this, std::move(transport));
    m_sockets.insert(socket);
    raw->attach(socket);
    if (m_draining)
        socket->closeWith(CloseCode::GoingAway, s("server restarting; reconnect shortly"));
    return socket;
}

void SessionHub::socketGone(SessionSocket *socket)
{
    if (!m_sockets.remove(socket))
        return;
    socket->releaseFiles();
    const qint64 session = socket->sessionId();
    if (session != 0 && m_bySession.value(session) == socket) {
        m_bySession.remove(session);
        {
            QMutexLocker lock(&m_connectedLock);
            m_connected.remove(session);
        }
        if (!isClosed(socket->phase()))
            socket->publish(s("disconnected"));
    }
    socket->deleteLater();
}

void SessionHub::claim(qint64 sessionId, SessionSocket *socket)
{
    SessionSocket *old = m_bySession.value(sessionId);
    if (old && old != socket) {
        qCInfo(lcSession) << "session" << sessionId << "opened again; closing the older connection";
        m_bySession.remove(sessionId);
        old->closeWith(CloseCode::TakenOver, s("opened in another tab"));
    }
    m_bySession.insert(sessionId, socket);
    QMutexLocker lock(&m_connectedLock);
    m_connected.insert(sessionId);
}

bool SessionHub::isConnected(qint64 sessionId) const
{
    QMutexLocker lock(&m_connectedLock);
    return m_connected.contains(sessionId);
}

QJsonObject SessionHub::waitingForFromAnyThread(qint64 answerId, bool closingInDatabase) const
{
    if (QThread::currentThread() == thread())
        return waitingFor(answerId, closingInDatabase);
    struct Reply { QSemaphore done; QJsonObject value; };
    auto reply = std::make_shared<Reply>();
    QMetaObject::invokeMethod(const_cast<SessionHub *>(this), [this, reply, answerId, closingInDatabase] {
        reply->value = waitingFor(answerId, closingInDatabase);
        reply->done.release();
    }, Qt::QueuedConnection);
    return reply->done.tryAcquire(1, 2000) ? reply->value : QJsonObject();
}

void SessionHub::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_sweep.timerId())
        return QObject::timerEvent(event);
    m_now = nowMs();
    // Close sockets that never said hello, and those silent for longer than the idle limit.
    QList<SessionSocket *> stale;
    for (SessionSocket *socket : std::as_const(m_sockets)) {
        if (!socket->authenticated() && !socket->saidHello() && m_now - socket->connectedAt() > kHelloTimeoutMs)
            stale.append(socket);
        else if (!socket->authenticated() && socket->saidHello() && m_now - socket->helloAt() > kHelloLookupTimeoutMs)
            stale.append(socket);
        else if (m_now - socket->lastFrameAt() > m_idleMs)
            stale.append(socket);
    }
    for (SessionSocket *socket : stale)
        socket->closeWith(CloseCode::Timeout, socket->authenticated() ? s("idle") : s("hello timeout"));
    // A finished answer that has not been saved a minute later is said once in the log, with what it waits for.
    for (const auto &answer : std::as_const(m_answers)) {
        if (answer->finishedAt == 0 || answer->stallLogged || m_now - answer->finishedAt < kStallLogMs)
            continue;
        const QJsonObject waiting = answer->waitingFor();
        if (waiting.isEmpty())
            continue;
        answer->stallLogged = true;
        qCWarning(lcSession).noquote() << QStringLiteral("answer %1 finished %2 s ago and is not saved yet; it waits for: %3")
                                              .arg(answer->id).arg((m_now - answer->finishedAt) / 1000)
                                              .arg(QString::fromUtf8(QJsonDocument(waiting).toJson(QJsonDocument::Compact)));
    }
}

QJsonObject SessionHub::waitingFor(qint64 answerId, bool closingInDatabase) const
{
    const std::shared_ptr<AnswerUpload> answer = m_answers.value(answerId);
    if (!answer)
        return closingInDatabase ? QJsonObject{{s("what"), s("page")}} : QJsonObject();
    // In memory `closing` may be ahead of the database (its update can fail while saving goes on).
    return answer->status == AnswerStatus::Closing ? answer->waitingFor() : QJsonObject();
}

void SessionHub::keepAnswer(const std::shared_ptr<AnswerUpload> &answer)
{
    m_answers.insert(answer->id, answer);
}

int SessionHub::reconcile()
{
    // Answers the page finished (finish.json is written and synced with the segments before answer_saved) but
    // the database does not show as saved: the commit was lost (SQLite's synchronous=NORMAL loses the last
    // transactions on power loss) or never happened (the disk was full until the server stopped). Their
    // segments are hashed and compared again and, if they match, saved as if the page had just finished.
    QSqlQuery q = m_db->exec(s("SELECT a.id, a.session_id, a.org_id, a.question_index, a.deadline_at, q.answer_seconds, s.extra_time_percent, i.token_hash"
                               " FROM answers a JOIN questions q ON q.id = a.question_id JOIN sessions s ON s.id = a.session_id"
                               " JOIN invites i ON i.id = s.invite_id"
                               " WHERE a.status <> 'saved' ORDER BY a.id"));
    struct Pending { qint64 id, session, org; int question; qint64 deadline, answerMs; quint32 lane; };
    QList<Pending> pending;
    while (q.next())
        pending.append(Pending{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toInt(),
                               q.value(4).toLongLong(), q.value(5).toLongLong() * 1000 * (100 + q.value(6).toLongLong()) / 100,
                               SessionDb::laneKey(q.value(7).toString())});
    q.finish();
    int started = 0;
    for (const Pending &p : std::as_const(pending)) {
        const QString dir = m_store->answerDir(p.org, p.session, p.id);
        QFile file(RecordingStore::manifestPath(dir));
        if (!file.open(QIODevice::ReadOnly))
            continue; // never finished by the page: it resumes when the candidate comes back
        const QJsonObject manifest = QJsonDocument::fromJson(file.read(1 << 20)).object();
        auto answer = std::make_shared<AnswerUpload>(p.id, p.question, AnswerStatus::Closing, p.deadline, dir, AnswerUpload::budgetFor(p.answerMs));
        answer->lane = p.lane;
        const QJsonValue segments = manifest.value(s("segments"));
        const QString invalid = manifest.value(s("answer")).toInteger() == p.id ? answer->checkFinish(segments) : s("names another answer");
        if (!invalid.isEmpty()) {
            qCWarning(lcRecording).noquote() << QStringLiteral("answer %1: %2 is unusable (%3); the page re-sends finish_answer").arg(p.id).arg(file.fileName(), invalid);
            continue;
        }
        answer->expected = segments.toArray();
        keepAnswer(answer);
        if (!answer->complete()) {
            qCWarning(lcRecording) << "answer" << p.id << "was finished but misses chunks on disk; waiting for the page to send them";
            continue;
        }
        qCInfo(lcRecording) << "answer" << p.id << "was finished but not recorded as saved; verifying and saving it now";
        finalize(p.session, answer);
        ++started;
    }
    return started;
}

void SessionHub::finalize(qint64 sessionId, const std::shared_ptr<AnswerUpload> &answer)
{
    answer->finalizing = true;
    answer->closeFiles(); // the worker syncs them (and reads them only if a digest is not known here)
    const QJsonArray expected = answer->expected;
    const qint64 answerId = answer->id;
    const QByteArray manifest = QJsonDocument(QJsonObject{{s("answer"), answerId}, {s("session"), sessionId}, {s("segments"), expected}})
                                    .toJson(QJsonDocument::Compact);
    // The running SHA-256 of every segment is known here (kept up to date as chunks were stored, or computed
    // by the scan that found the segment after a restart): the worker then only writes finish.json and syncs.
    QList<SegmentDigest> known;
    for (int i = 0; i < expected.size(); ++i) {
        const SegmentState st = answer->segment(i);
        if (!st.sha)
            break;
        known.append(SegmentDigest{i, st.chunks, st.bytes, st.sha->hex()});
    }
    m_store->finalize(answer->dir, int(expected.size()), manifest, known, [this, sessionId, lane = answer->lane, answerId, expected](QList<SegmentDigest> digests) {
        finalized(sessionId, lane, answerId, expected, digests);
    });
}

void SessionHub::retryFinalizeLater(qint64 sessionId, const std::shared_ptr<AnswerUpload> &answer, const char *what)
{
    // The disk is full or failing, or the database is away: retry by ourselves with backoff (the page keeps
    // every chunk until answer_saved), and meanwhile take no repeated finish_answer as a reason to sync again
    // (`finalizing` stays set until the retry).
    const qint64 answerId = answer->id;
    const int failures = ++answer->finalizeFailures;
    const int delayMs = 1000 << qMin(failures - 1, 5); // 1 s … 32 s
    if (failures == 1 || failures % 10 == 0)
        qCCritical(lcRecording).noquote() << QStringLiteral("answer %1 %2 (attempt %3); retrying in %4 ms").arg(answerId).arg(QLatin1String(what)).arg(failures).arg(delayMs);
    SessionSocket *socket = m_bySession.value(sessionId);
    if (socket && socket->currentAnswer() == answer)
        socket->sendError(s("storage"), QStringLiteral("the server could not save the recording yet; it tries again in %1 s").arg(delayMs / 1000));
    QTimer::singleShot(delayMs, this, [this, sessionId, answerId] {
        const std::shared_ptr<AnswerUpload> again = m_answers.value(answerId);
        if (!again)
            return;
        again->finalizing = false;
        if (again->complete())
            finalize(sessionId, again);
    });
}

void SessionHub::finalized(qint64 sessionId, quint32 lane, qint64 answerId, const QJsonArray &expected, const QList<SegmentDigest> &digests)
{
    SessionSocket *socket = m_bySession.value(sessionId);
    const std::shared_ptr<AnswerUpload> answer = m_answers.value(answerId);
    if (digests.size() != expected.size()) {
        if (!answer)
            return;
        retryFinalizeLater(sessionId, answer, "could not be hashed or synced");
        return;
    }
    if (answer && answer->finalizeFailures > 0)
        qCInfo(lcRecording) << "answer" << answerId << "synced after" << answer->finalizeFailures << "failed attempts";
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject e = expected.at(i).toObject();
        const SegmentDigest &d = digests.at(i);
        // A null sha256: the page lost its copy (another device, cleared storage) and takes what the server has.
        const bool unverified = e.value(QLatin1String("sha256")).isNull();
        // Its counts are not compared either: never empty a segment the page cannot send again.
        const bool same = unverified
                          || (qint64(d.chunks) == e.value(QLatin1String("chunks")).toInteger()
                              && d.bytes == e.value(QLatin1String("bytes")).toInteger()
                              && d.sha256 == e.value(QLatin1String("sha256")).toString());
        if (!same) {
            qCWarning(lcRecording) << "answer" << answerId << "segment" << i << "differs from what the page recorded:"
                                   << d.chunks << d.bytes << "vs" << e;
            if (answer)
                answer->finalizing = false;
            // Empty the segment so the page sends it again — only with the page there to do so. Without it (a
            // save completed on start) the bytes stay as they are until the page comes back and finishes again.
            if (answer && socket && socket->currentAnswer() == answer) {
                answer->resetSegment(i);
                socket->segmentMismatch(answerId, i);
            }
            return;
        }
    }
    recordSaved(sessionId, lane, answerId, expected, digests);
}

void SessionHub::recordSaved(qint64 sessionId, quint32 lane, qint64 answerId, const QJsonArray &expected, const QList<SegmentDigest> &digests)
{
    // On the session's lane, after the writes its page caused before (`closing`, `uploading`); answer_saved
    // goes to the page only once this commit is done.
    struct Saved { quint64 chunks = 0, bytes = 0; qint64 durationMs = 0; QJsonArray segments; };
    auto r = std::make_shared<Saved>();
    const auto work = [r, sessionId, answerId, expected, digests](Database &db) {
        db.transaction([&] {
            QSqlQuery a = db.exec(s("SELECT org_id, question_index, status FROM answers WHERE id = ?"), {answerId});
            if (!a.next() || a.value(2).toString() == QLatin1String("saved"))
                throw ApiException{ApiError::conflict(s("already saved"))};
            const qint64 org = a.value(0).toLongLong();
            const qint64 questionIndex = a.value(1).toLongLong();
            a.finish();
            for (int i = 0; i < expected.size(); ++i) {
                const QJsonObject e = expected.at(i).toObject();
                const SegmentDigest &d = digests.at(i);
                const qint64 dur = e.value(QLatin1String("durationMs")).toInteger();
                db.exec(s("INSERT INTO answer_segments (answer_id, segment, org_id, chunks, bytes, sha256, duration_ms, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                        {answerId, i, org, qint64(d.chunks), d.bytes, d.sha256, dur, e.value(QLatin1String("sha256")).isNull() ? 0 : 1});
                r->segments.append(QJsonObject{{s("segment"), i}, {s("chunks"), qint64(d.chunks)}, {s("bytes"), d.bytes}});
                r->chunks += d.chunks;
                r->bytes += quint64(d.bytes);
                r->durationMs += dur;
            }
            db.exec(s("UPDATE answers SET status = 'saved', finished_at = ?, chunks = ?, bytes = ?, duration_ms = ?, media = 'pending' WHERE id = ?"),
                    {nowMs(), qint64(r->chunks), qint64(r->bytes), r->durationMs, answerId});
            db.exec(s("UPDATE answers SET superseded = 1 WHERE session_id = ? AND question_index = ? AND id <> ?"),
                    {sessionId, questionIndex, answerId});
            db.exec(s("UPDATE sessions SET phase = 'review', deadline_at = NULL WHERE id = ?"), {sessionId});
        });
    };
    m_lanes->run(lane, this, work, [this, r, sessionId, answerId, expected](const ApiError *error) {
        const std::shared_ptr<AnswerUpload> answer = m_answers.value(answerId);
        if (error) {
            if (error->code == ErrorCode::Conflict)
                m_answers.remove(answerId);
            else if (answer)
                retryFinalizeLater(sessionId, answer, "could not be recorded as saved in the database");
            return;
        }
        m_answers.remove(answerId);
        ++m_metrics.answersSaved;
        qCInfo(lcRecording) << "answer" << answerId << "saved:" << r->chunks << "chunks," << r->bytes << "bytes in" << expected.size() << "segment(s)";
        if (SessionSocket *socket = m_bySession.value(sessionId)) {
            socket->publish(s("answer_saved"), QJsonObject{{s("answerId"), answerId}});
            socket->answerSaved(answerId, r->chunks, r->bytes, r->durationMs, r->segments);
        }
    });
}

void SessionHub::inviteRevoked(qint64 inviteId)
{
    for (SessionSocket *socket : std::as_const(m_sockets)) {
        if (socket->inviteId() == inviteId && socket->authenticated()) {
            socket->sendError(s("invite_revoked"), s("This invitation was withdrawn by the company."));
            socket->closeWith(CloseCode::InviteRevoked, s("invite_revoked"));
        }
    }
}

void SessionHub::extraTimeChanged(qint64 inviteId, int percent)
{
    for (SessionSocket *socket : std::as_const(m_sockets)) {
        if (socket->inviteId() == inviteId && socket->authenticated())
            socket->setExtraTimePercent(percent);
    }
}

void SessionHub::drain()
{
    m_draining = true;
    for (SessionSocket *socket : std::as_const(m_sockets))
        socket->closeWith(CloseCode::GoingAway, s("server restarting; reconnect shortly"));
}

} // namespace intervox
