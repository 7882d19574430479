#pragma once
// Candidate sessions: accepts /ws/session sockets, owns the per-session state machine (consent, think and
// answer timers, retakes) and the chunk path. Timing lives here, on the server; the page only displays it.

#include <QBasicTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <functional>
#include <map>
#include <memory>

namespace intervox {

class AnswerUpload;
class Database;
class EventHub;
class RecordingStore;
class SegmentFile;
class SessionDb;
class SessionSocket;
class SessionTransport;
struct SegmentDigest;

struct SessionMetrics
{
    quint64 chunksAcked = 0;
    quint64 bytesStored = 0;
    quint64 nacks = 0;
    quint64 answersSaved = 0;
    quint64 sessionsOpened = 0;
};

class SessionHub : public QObject
{
    Q_OBJECT
public:
    // `dbLanes`: threads with database connections of their own for the sessions' SQL (SessionDb).
    SessionHub(Database *db, RecordingStore *store, EventHub *events, int idleSeconds, int dbLanes = 2, QObject *parent = nullptr);
    ~SessionHub() override;

    // Takes a candidate socket just upgraded at /ws/session.
    void accept(int fd, const QByteArray &initial, std::shared_ptr<void> slot);
    // Starts a candidate session on any transport (accept() uses a WebSocket; tests use their own).
    SessionSocket *adopt(std::unique_ptr<SessionTransport> transport);
    int connectedSockets() const { return int(m_sockets.size()); }
    // What a finished answer that is not saved yet waits for (AnswerUpload::waitingFor), or {"what":"page"} when
    // the database says `closing` and this process holds nothing of it: the page has not been back (with
    // finish_answer) since the server started. Empty while the answer is still being recorded.
    QJsonObject waitingFor(qint64 answerId, bool closingInDatabase) const;
    // The same from any thread: asks this object's thread and waits up to 2 s for it (empty if it did not
    // answer in time, e.g. while the server shuts down).
    QJsonObject waitingForFromAnyThread(qint64 answerId, bool closingInDatabase) const;
    // Whether a page is connected to the session. Callable from any thread (the API's reader threads).
    bool isConnected(qint64 sessionId) const;
    const SessionMetrics &metrics() const { return m_metrics; }

    // On start: completes answers whose finish is on disk but whose save is not in the database. Returns how
    // many it started to verify.
    int reconcile();
    // Closes the sockets of sessions started from an invite that was just revoked.
    void inviteRevoked(qint64 inviteId);
    // The recruiter changed the invite's extra time: its open pages use it from their next timed period on.
    void extraTimeChanged(qint64 inviteId, int percent);
    // Graceful shutdown: tell every page to reconnect later (1001).
    void drain();

    // ---- for the SessionSockets of this hub
    SessionDb *sessionDb() const { return m_lanes.get(); }
    RecordingStore *store() const { return m_store; }
    EventHub *events() const { return m_events; }
    SessionMetrics &counters() { return m_metrics; }
    qint64 coarseNow() const { return m_now; }
    void socketGone(SessionSocket *s);
    void claim(qint64 sessionId, SessionSocket *s); // a newer tab of the same session wins
    // Whether `s` is the socket that currently holds `sessionId`.
    bool isCurrent(qint64 sessionId, const SessionSocket *s) const { return m_bySession.value(sessionId) == s; }
    // The open answer `answerId` as this process knows it (kept across reconnects), or nullptr.
    std::shared_ptr<AnswerUpload> openAnswer(qint64 answerId) const { return m_answers.value(answerId); }
    void keepAnswer(const std::shared_ptr<AnswerUpload> &answer);
    // Hashes and syncs a complete answer on the worker thread; retried with backoff while storage fails.
    void finalize(qint64 sessionId, const std::shared_ptr<AnswerUpload> &answer);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void finalized(qint64 sessionId, quint32 lane, qint64 answerId, const QJsonArray &expected, const QList<SegmentDigest> &digests);
    void recordSaved(qint64 sessionId, quint32 lane, qint64 answerId, const QJsonArray &expected, const QList<SegmentDigest> &digests);
    void retryFinalizeLater(qint64 sessionId, const std::shared_ptr<AnswerUpload> &answer, const char *what);

    Database *m_db;
    std::unique_ptr<SessionDb> m_lanes;
    RecordingStore *m_store;
    EventHub *m_events;
    bool m_draining = false;
    QSet<SessionSocket *> m_sockets;
    QHash<qint64, SessionSocket *> m_bySession;
    mutable QMutex m_connectedLock;
    QSet<qint64> m_connected; // the keys of m_bySession, for other threads
    QHash<qint64, std::shared_ptr<AnswerUpload>> m_answers; // open answers by id, until saved
    SessionMetrics m_metrics;
    QBasicTimer m_sweep;
    qint64 m_now = 0;
    int m_idleMs;
};

} // namespace intervox
