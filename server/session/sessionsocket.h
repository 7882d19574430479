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
#include <QString>
#include <map>
#include <memory>

namespace intervox {

class AnswerUpload;
class SessionHub;

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
    qint64 connectedAt() const { return m_connectedAt; }
    void closeWith(CloseCode code, const QString &reason);
    void releaseFiles();

    // After the hub finished (or refused) saving the current answer.
    void answerSaved(qint64 answerId, quint64 chunks, quint64 bytes, qint64 durationMs);
    void segmentMismatch(qint64 answerId, int segment);
    Phase phase() const { return m_phase; }
    qint64 inviteId() const { return m_invite; }
    // The answer this page is recording or finishing (shared with the hub), or null.
    const std::shared_ptr<AnswerUpload> &currentAnswer() const { return m_answer; }
    void sendError(const QString &code, const QString &message);
    // A live event for the organization's recruiters about this session.
    void publish(const QString &event, QJsonObject fields = {});

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onText(QByteArrayView utf8) override;
    void onBinary(QByteArrayView frame) override;
    void onClosed() override;
    void send(const QString &text);
    void send(const QJsonObject &object);
    void hello(const QJsonObject &m);
    void consent(const QJsonObject &m);
    void begin();
    void startAnswer(qint64 at);
    void finishAnswer(const QJsonObject &m);
    void retake();
    void next();
    void applyClock();
    void armDeadline();
    void loadOpenAnswer();
    void checkComplete();
    void sendState();
    void countViolation();
    void sendNack(quint32 answer, quint16 segment, quint32 seq, quint32 expected, const char *code);
    void sendAck(quint32 answer, quint16 segment, quint32 seq);
    void setPhase(Phase phase, qint64 deadlineAt, int question);
    int takesOf(int questionIndex);
    qint64 scaled(int seconds) const;

    SessionHub *m_hub;
    std::unique_ptr<SessionTransport> m_transport;
    qint64 m_connectedAt = 0;
    qint64 m_lastFrame = 0;
    int m_refusedFrames = 0;      // client protocol violations since m_violationsSince
    qint64 m_violationsSince = 0;

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
    std::shared_ptr<AnswerUpload> m_answer; // shared with the hub, which keeps it across reconnects
    QBasicTimer m_deadline;
};

} // namespace intervox
