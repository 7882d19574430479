#pragma once
// One candidate tab: authenticates with the invite token, then follows the session state machine and
// stores audio chunks (see docs/protocol.md). Lives as long as its WebSocket.

#include "core/error.h"
#include "phase.h"
#include "sessiontransport.h"

#include <QBasicTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QHash>
#include <QString>
#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace intervox {

class AnswerUpload;
class Database;
class SessionHub;
struct HelloRows;

struct QuestionInfo
{
    qint64 id = 0;
    QString text;
    int thinkSeconds = 0;
    int answerSeconds = 0;
    int retakes = 0;
};

class SessionSocket : public QObject, public WebSocketHandler
{
    Q_OBJECT
public:
    SessionSocket(SessionHub *hub, std::unique_ptr<SessionTransport> transport);
    ~SessionSocket() override;

    qint64 sessionId() const { return m_session; }
    qint64 lastFrameAt() const { return m_lastFrame; }
    bool authenticated() const { return m_session != 0; }
    // A hello arrived (it may still be looked up in the database).
    bool saidHello() const { return m_helloAt != 0; }
    qint64 helloAt() const { return m_helloAt; }
    // The SessionDb lane of this socket's invite (0 before hello).
    quint32 lane() const { return m_lane; }
    qint64 connectedAt() const { return m_connectedAt; }
    void closeWith(CloseCode code, const QString &reason);
    void releaseFiles();

    // After the hub recorded the current answer as saved, with its segments' {segment, chunks, bytes}.
    void answerSaved(qint64 answerId, quint64 chunks, quint64 bytes, qint64 durationMs, const QJsonArray &segments);
    void segmentMismatch(qint64 answerId, int segment);
    Phase phase() const { return m_phase; }
    qint64 inviteId() const { return m_invite; }
    // From the next think or answer period on (the one running keeps its deadline).
    void setExtraTimePercent(int percent) { m_extraPercent = percent; }
    // The answer this page is recording or finishing (shared with the hub), or null.
    const std::shared_ptr<AnswerUpload> &currentAnswer() const { return m_answer; }
    void sendError(const QString &code, const QString &message);
    // Every answer of a session with its segments, in one query (for the state message; any thread), and the
    // latest answer that is not saved (the one a page resumes) if `open` is given.
    struct OpenAnswer
    {
        qint64 id = 0;
        int question = 0;
        QString status;
        qint64 deadlineAt = 0;
    };
    static QJsonArray readAnswers(Database &db, qint64 session, OpenAnswer *open = nullptr);
    // A live event for the organization's recruiters about this session.
    void publish(const QString &event, QJsonObject fields = {});

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onText(QByteArrayView utf8) override;
    void handleText(QByteArrayView utf8);
    void dispatch(const QString &type, const QJsonObject &m);
    // One step of database work for this socket on its lane (SessionDb): `work` there, `then` back here. Until
    // `then` ran, further text frames and a due deadline wait in order (the state machine never sees a half-done
    // step); an error is sent to the page instead of `then`.
    void withDb(std::function<void(Database &)> work, std::function<void()> then);
    void resume();
    // The phase change of a step, in the database (inside the step's work) and then in memory.
    static void writePhase(Database &db, qint64 session, Phase phase, qint64 deadlineAt, int question);
    void applyPhase(Phase phase, qint64 deadlineAt, int question);
    // A step that only moves the phase (plus `extra` writes in the same transaction), then sends the state.
    void moveTo(Phase phase, qint64 deadlineAt, int question, std::function<void(Database &)> extra = {}, std::function<void()> after = {});
    void helloLoaded(const HelloRows &rows, const QString &mime);
    void onBinary(QByteArrayView frame) override;
    void onClosed() override;
    void send(const QString &text);
    void send(const QJsonObject &object);
    void hello(const QJsonObject &m);
    void consent(const QJsonObject &m);
    void begin();
    void startAnswer(qint64 at, int question);
    void finishAnswer(const QJsonObject &m);
    void retake();
    void next();
    void applyClock();
    void armDeadline();
    void openAnswerFrom(const HelloRows &rows);
    void checkComplete();
    void sendState();
    // m_rows: the index of an answer's row (-1 if it is not this session's), and changing some of its fields.
    qsizetype rowOf(qint64 answerId) const;
    void updateRow(qint64 answerId, const QJsonObject &fields);
    void countViolation();
    void sendNack(quint32 answer, quint16 segment, quint32 seq, quint32 expected, const char *code);
    void sendAck(quint32 answer, quint16 segment, quint32 seq);
    int takesOf(int questionIndex) const;
    qint64 scaled(int seconds) const;

    SessionHub *m_hub;
    std::unique_ptr<SessionTransport> m_transport;
    qint64 m_connectedAt = 0;
    qint64 m_lastFrame = 0;
    int m_refusedFrames = 0;      // client protocol violations since m_violationsSince
    qint64 m_violationsSince = 0;
    qint64 m_helloAt = 0;
    quint32 m_lane = 0;
    bool m_closed = false;                // closeWith() or the page closed
    bool m_busy = false;                  // a withDb step is out
    bool m_clockDue = false;              // the deadline passed while it was
    std::deque<QByteArray> m_waitingText; // text frames that arrived meanwhile

    // Session (after hello)
    qint64 m_session = 0;
    qint64 m_org = 0;
    qint64 m_invite = 0;
    qint64 m_interview = 0;
    qint64 m_candidate = 0;
    Phase m_phase = Phase::Consent;
    int m_question = 0;
    qint64 m_deadlineAt = 0;
    QString m_consent;
    QString m_mime;
    int m_extraPercent = 0;
    QJsonObject m_interviewInfo;
    QString m_candidateName;
    QList<QuestionInfo> m_questions;
    // This session's answers as the state message lists them: read at hello, then kept up to date by each step
    // (only this socket and the hub's save change them), so a step costs no read of its own.
    QJsonArray m_rows;
    std::shared_ptr<AnswerUpload> m_answer; // shared with the hub, which keeps it across reconnects
    QBasicTimer m_deadline;
};

} // namespace intervox
