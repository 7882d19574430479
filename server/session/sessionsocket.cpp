#include "sessionsocket.h"

#include "answerupload.h"
#include "chunkframe.h"
#include "core/error.h"
#include "core/log.h"
#include "events/eventhub.h"
#include "recording/recordingstore.h"
#include "recording/segmentfile.h"
#include "sessionhub.h"
#include "storage/database.h"

#include <QDir>
#include <QJsonDocument>
#include <QTimerEvent>

#include <cstdio>

namespace intervox {

namespace {
constexpr int kMaxSegments = AnswerUpload::kMaxSegments;
constexpr int kMaxTextFrame = 8 * 1024;
constexpr int kMaxRefusedFrames = 20;              // client protocol violations …
constexpr qint64 kViolationWindowMs = 60 * 1000;   // … within this window close the socket (4400)

QString s(const char *latin1) { return QString::fromLatin1(latin1); }
} // namespace

SessionSocket::SessionSocket(SessionHub *hub, std::unique_ptr<SessionTransport> transport)
    : QObject(hub), m_hub(hub), m_transport(std::move(transport))
{
    m_connectedAt = m_lastFrame = m_hub->coarseNow();
}

void SessionSocket::onClosed()
{
    m_hub->socketGone(this);
}

void SessionSocket::send(const QString &text)
{
    m_transport->sendText(text.toUtf8());
}

void SessionSocket::send(const QJsonObject &object)
{
    m_transport->sendText(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

SessionSocket::~SessionSocket() = default;

void SessionSocket::closeWith(CloseCode code, const QString &reason)
{
    releaseFiles();
    m_transport->close(code, reason.toUtf8());
}

void SessionSocket::releaseFiles()
{
    // A newer tab of the same session may be using the answer's files now: only their owner closes them.
    if (m_answer && (!authenticated() || m_hub->isCurrent(m_session, this)))
        m_answer->closeFiles();
}

qint64 SessionSocket::scaled(int seconds) const
{
    return qint64(seconds) * 1000 * (100 + m_extraPercent) / 100;
}

// ---------------------------------------------------------------- frames

void SessionSocket::onText(QByteArrayView text)
{
    m_lastFrame = m_hub->coarseNow();
    if (text.size() > kMaxTextFrame) {
        sendError(s("too_large"), s("text frames are limited to 8 KiB"));
        return;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        if (!authenticated()) {
            sendError(s("protocol"), s("the first frame must be a hello JSON object"));
            closeWith(CloseCode::Protocol, s("protocol"));
            return;
        }
        sendError(s("bad_json"), s("text frames must be JSON objects"));
        return;
    }
    const QJsonObject m = doc.object();
    const QString type = m.value(QLatin1String("type")).toString();
    try {
        if (!authenticated()) {
            if (type != QLatin1String("hello")) {
                sendError(s("protocol"), s("the first frame must be {\"type\":\"hello\",…}"));
                closeWith(CloseCode::Protocol, s("protocol"));
                return;
            }
            hello(m);
            return;
        }
        applyClock();
        if (type == QLatin1String("ping"))
            m_transport->sendText("{\"type\":\"pong\"}");
        else if (type == QLatin1String("consent"))
            consent(m);
        else if (type == QLatin1String("begin"))
            begin();
        else if (type == QLatin1String("start_answer")) {
            if (m_phase != Phase::Thinking)
                return sendError(s("wrong_phase"), QStringLiteral("start_answer is only possible while thinking (now: %1)").arg(phaseName(m_phase)));
            startAnswer(nowMs());
        } else if (type == QLatin1String("finish_answer"))
            finishAnswer(m);
        else if (type == QLatin1String("retake"))
            retake();
        else if (type == QLatin1String("next"))
            next();
        else if (type == QLatin1String("hello"))
            sendError(s("protocol"), s("already authenticated"));
        else
            sendError(s("unknown_type"), QStringLiteral("unknown message type '%1'").arg(type.left(40)));
    } catch (const ApiException &e) {
        sendError(e.error.codeName(), e.error.message);
    }
}

void SessionSocket::sendError(const QString &code, const QString &message)
{
    send(QJsonObject{{s("type"), s("error")}, {s("code"), code}, {s("message"), message}});
    // Errors the server caused (its storage or database failing) are not the page's fault and never count.
    if (authenticated() && code != QLatin1String("storage") && code != QLatin1String("internal") && code != QLatin1String("unavailable"))
        countViolation();
}

void SessionSocket::countViolation()
{
    // A sliding-enough window: a long interview with the odd race (a command crossing a timer) never adds up.
    const qint64 now = m_hub->coarseNow();
    if (now - m_violationsSince > kViolationWindowMs) {
        m_violationsSince = now;
        m_refusedFrames = 0;
    }
    if (++m_refusedFrames >= kMaxRefusedFrames)
        closeWith(CloseCode::Protocol, s("too many refused frames"));
}

void SessionSocket::sendAck(quint32 answer, quint16 segment, quint32 seq)
{
    // Hot path: no JSON library, no allocation.
    char buf[96];
    const int n = std::snprintf(buf, sizeof buf, "{\"type\":\"ack\",\"answer\":%u,\"segment\":%u,\"seq\":%u}", answer, unsigned(segment), seq);
    m_transport->sendText(QByteArrayView(buf, n));
}

void SessionSocket::sendNack(quint32 answer, quint16 segment, quint32 seq, quint32 expected, const char *code)
{
    ++m_hub->counters().nacks;
    char buf[160];
    const int n = std::snprintf(buf, sizeof buf, "{\"type\":\"nack\",\"answer\":%u,\"segment\":%u,\"seq\":%u,\"expected\":%u,\"code\":\"%s\"}",
                                answer, unsigned(segment), seq, expected, code);
    m_transport->sendText(QByteArrayView(buf, n));
}

void SessionSocket::onBinary(QByteArrayView frame)
{
    m_lastFrame = m_hub->coarseNow();
    ChunkFrame c;
    if (!authenticated()) {
        sendError(s("protocol"), s("the first frame must be a hello JSON object"));
        closeWith(CloseCode::Protocol, s("protocol"));
        return;
    }
    if (!c.parse(frame)) {
        sendError(s("bad_chunk"), s("a chunk is a 16-byte header (version 1) and 1 to 262144 payload bytes"));
        return;
    }
    if (!m_answer || m_answer->id != qint64(c.answer)) {
        const QVariant status = m_hub->database()->scalar(s("SELECT status FROM answers WHERE id = ? AND session_id = ?"), {qint64(c.answer), m_session});
        sendNack(c.answer, c.segment, c.seq, 0, status.isNull() ? "unknown_answer" : "answer_closed");
        if (status.isNull()) // each costs a lookup: bound a flood
            countViolation();
        return;
    }
    const AnswerUpload::Outcome out = m_answer->store(c);
    if (out.nack) {
        sendNack(c.answer, c.segment, c.seq, out.expected, out.nack);
        return;
    }
    sendAck(c.answer, c.segment, out.ackSeq);
    if (!out.stored)
        return;
    ++m_hub->counters().chunksAcked;
    m_hub->counters().bytesStored += quint64(c.payloadSize);
    if (!m_answer->expected.isEmpty())
        checkComplete();
}

// ---------------------------------------------------------------- hello and state

void SessionSocket::sendState()
{
    QJsonObject st{{s("type"), s("state")}, {s("session"), m_session}, {s("phase"), phaseName(m_phase)}, {s("question"), m_question},
                   {s("interview"), m_interviewInfo}, {s("candidate"), QJsonObject{{s("name"), m_candidateName}}},
                   {s("extraTimePercent"), m_extraPercent}};
    if (!m_consent.isEmpty())
        st.insert(s("consent"), m_consent);
    else
        st.insert(s("consent"), QJsonValue::Null);
    if (m_deadlineAt > 0 && isTimed(m_phase))
        st.insert(s("deadlineIn"), qMax<qint64>(0, m_deadlineAt - nowMs()));
    // A question's text is sent only once it is reached (its think time started): a candidate cannot read
    // ahead. Counts and time limits of all questions are known from the start, to plan.
    const bool atQuestion = isAtQuestion(m_phase);
    QJsonArray questions;
    for (int i = 0; i < m_questions.size(); ++i) {
        const QuestionInfo &q = m_questions.at(i);
        QJsonObject o{{s("index"), i}, {s("thinkSeconds"), q.thinkSeconds}, {s("answerSeconds"), q.answerSeconds}, {s("retakes"), q.retakes}};
        if (i < m_question || (i == m_question && atQuestion))
            o.insert(s("text"), q.text);
        questions.append(o);
    }
    st.insert(s("questions"), questions);

    // Every answer of the session with its segments, in one query (the open answer's segments come from memory).
    QJsonArray answers;
    QSqlQuery q = m_hub->database()->exec(s("SELECT a.id, a.question_index, a.take, a.status, a.duration_ms, g.segment, g.chunks, g.bytes"
                                            " FROM answers a LEFT JOIN answer_segments g ON g.answer_id = a.id"
                                            " WHERE a.session_id = ? ORDER BY a.id, g.segment"), {m_session});
    QJsonObject answer;
    QJsonArray segments;
    const auto flush = [&] {
        if (answer.isEmpty())
            return;
        const bool open = m_answer && m_answer->id == answer.value(s("answer")).toInteger();
        answer.insert(s("segments"), open ? m_answer->segmentsJson() : segments);
        answers.append(answer);
    };
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (answer.value(s("answer")).toInteger() != id) {
            flush();
            segments = QJsonArray();
            answer = QJsonObject{{s("answer"), id}, {s("question"), q.value(1).toInt()}, {s("take"), q.value(2).toInt()},
                                 {s("status"), q.value(3).toString()}};
            if (!q.value(4).isNull())
                answer.insert(s("durationMs"), q.value(4).toLongLong());
        }
        if (!q.value(5).isNull())
            segments.append(QJsonObject{{s("segment"), q.value(5).toInt()}, {s("chunks"), q.value(6).toLongLong()}, {s("bytes"), q.value(7).toLongLong()}});
    }
    flush();
    st.insert(s("answers"), answers);
    if (m_question < m_questions.size())
        st.insert(s("retakesLeft"), qMax(0, m_questions.at(m_question).retakes + 1 - takesOf(m_question)));
    send(QString::fromUtf8(QJsonDocument(st).toJson(QJsonDocument::Compact)));
}

int SessionSocket::takesOf(int questionIndex)
{
    return m_hub->database()->scalar(s("SELECT COUNT(*) FROM answers WHERE session_id = ? AND question_index = ?"), {m_session, questionIndex}).toInt();
}

void SessionSocket::publish(const QString &event, QJsonObject fields)
{
    fields.insert(s("sessionId"), m_session);
    fields.insert(s("interviewId"), m_interview);
    fields.insert(s("candidateId"), m_candidate);
    m_hub->events()->publish(m_org, event, fields);
}

// ---------------------------------------------------------------- state machine

void SessionSocket::setPhase(Phase phase, qint64 deadlineAt, int question)
{
    const QVariant deadline = deadlineAt > 0 ? QVariant(deadlineAt) : QVariant(QMetaType(QMetaType::LongLong));
    if (isClosed(phase))
        m_hub->database()->exec(s("UPDATE sessions SET phase = ?, deadline_at = ?, question_index = ?, finished_at = ? WHERE id = ?"),
                          {phaseName(phase), deadline, question, nowMs(), m_session});
    else
        m_hub->database()->exec(s("UPDATE sessions SET phase = ?, deadline_at = ?, question_index = ? WHERE id = ?"),
                          {phaseName(phase), deadline, question, m_session});
    m_phase = phase;
    m_deadlineAt = deadlineAt;
    m_question = question;
    armDeadline();
}

void SessionSocket::consent(const QJsonObject &m)
{
    if (m_phase != Phase::Consent)
        return sendError(s("wrong_phase"), s("consent was already given or refused"));
    const QJsonValue accepted = m.value(QLatin1String("accepted"));
    if (!accepted.isBool())
        return sendError(s("validation"), s("accepted: must be true or false"));
    m_consent = accepted.toBool() ? s("given") : s("refused");
    m_hub->database()->transaction([&] {
        m_hub->database()->exec(s("UPDATE sessions SET consent = ?, consent_at = ? WHERE id = ?"), {m_consent, nowMs(), m_session});
        setPhase(accepted.toBool() ? Phase::Intro : Phase::Refused, 0, 0);
    });
    if (!accepted.toBool())
        publish(s("consent_refused"));
    sendState();
}

void SessionSocket::begin()
{
    if (m_phase != Phase::Intro)
        return sendError(s("wrong_phase"), QStringLiteral("begin is only possible after consent (now: %1)").arg(phaseName(m_phase)));
    if (m_questions.isEmpty()) {
        setPhase(Phase::Finished, 0, 0);
        publish(s("finished"));
        return sendState();
    }
    const qint64 now = nowMs();
    if (m_questions.first().thinkSeconds == 0)
        return startAnswer(now); // no think time: straight to answering (m_question is 0 here)
    setPhase(Phase::Thinking, now + scaled(m_questions.first().thinkSeconds), 0);
    sendState();
}

void SessionSocket::startAnswer(qint64 at)
{
    const QuestionInfo &q = m_questions.at(m_question);
    const qint64 deadline = at + scaled(q.answerSeconds);
    const int take = takesOf(m_question) + 1;
    Database *db = m_hub->database();
    qint64 id = 0;
    db->transaction([&] {
        id = db->insert(s("INSERT INTO answers (org_id, session_id, question_id, question_index, take, status, mime, started_at, deadline_at)"
                          " VALUES (?, ?, ?, ?, ?, 'recording', ?, ?, ?)"),
                        {m_org, m_session, q.id, m_question, take, m_mime, at, deadline});
        setPhase(Phase::Answering, deadline, m_question);
    });
    m_answer = std::make_shared<AnswerUpload>(id, m_question, AnswerStatus::Recording, deadline, m_hub->store()->answerDir(m_org, m_session, id),
                                              AnswerUpload::budgetFor(scaled(q.answerSeconds)));
    m_hub->keepAnswer(m_answer);
    QDir().mkpath(m_answer->dir);
    send(QStringLiteral("{\"type\":\"answer_started\",\"answer\":%1,\"question\":%2,\"take\":%3,\"deadlineIn\":%4}")
                              .arg(id).arg(m_question).arg(take).arg(qMax<qint64>(0, deadline - nowMs())));
    sendState();
}

void SessionSocket::applyClock()
{
    const qint64 now = nowMs();
    if (m_phase == Phase::Thinking && m_deadlineAt > 0 && now >= m_deadlineAt) {
        // Think time is over: the answer starts now (only while a page is connected to record it).
        startAnswer(now);
    } else if (m_phase == Phase::Answering && m_deadlineAt > 0 && now >= m_deadlineAt && m_answer) {
        m_hub->database()->exec(s("UPDATE answers SET status = 'closing' WHERE id = ? AND status = 'recording'"), {m_answer->id});
        m_answer->status = AnswerStatus::Closing;
        setPhase(Phase::Uploading, 0, m_question);
        send(QStringLiteral("{\"type\":\"time_up\",\"answer\":%1}").arg(m_answer->id));
        sendState();
    }
}

void SessionSocket::armDeadline()
{
    if (isTimed(m_phase) && m_deadlineAt > 0)
        m_deadline.start(int(qBound<qint64>(0, m_deadlineAt - nowMs() + 5, 24LL * 3600 * 1000)), Qt::PreciseTimer, this);
    else
        m_deadline.stop();
}

void SessionSocket::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_deadline.timerId())
        return QObject::timerEvent(event);
    m_deadline.stop();
    try {
        applyClock();
    } catch (const ApiException &) {
        // logged by the database layer; the next frame retries
    }
}

void SessionSocket::finishAnswer(const QJsonObject &m)
{
    const qint64 id = m.value(QLatin1String("answer")).toInteger();
    if (!m_answer || m_answer->id != id) {
        const QVariant status = m_hub->database()->scalar(s("SELECT status FROM answers WHERE id = ? AND session_id = ?"), {id, m_session});
        if (status.toString() == answerStatusName(AnswerStatus::Saved)) { // a repeat after reconnect: confirm again
            QSqlQuery a = m_hub->database()->exec(s("SELECT chunks, bytes, duration_ms FROM answers WHERE id = ?"), {id});
            if (a.next())
                send(QStringLiteral("{\"type\":\"answer_saved\",\"answer\":%1,\"chunks\":%2,\"bytes\":%3,\"durationMs\":%4}")
                         .arg(id).arg(a.value(0).toLongLong()).arg(a.value(1).toLongLong()).arg(a.value(2).toLongLong()));
            return;
        }
        return sendError(s("unknown_answer"), s("answer: not an open answer of this session"));
    }
    const QJsonValue segs = m.value(QLatin1String("segments"));
    const QString invalid = m_answer->checkFinish(segs);
    if (!invalid.isEmpty())
        return sendError(s("validation"), invalid);
    m_answer->expected = segs.toArray();
    // The answer completes even if the database is away for a moment: these rows only mirror what is in
    // memory (the save itself is retried until it is recorded).
    try {
        if (m_answer->status == AnswerStatus::Recording)
            m_hub->database()->exec(s("UPDATE answers SET status = 'closing' WHERE id = ?"), {m_answer->id});
        if (m_phase == Phase::Answering)
            setPhase(Phase::Uploading, 0, m_question);
    } catch (const ApiException &) {
        qCWarning(lcSession).noquote() << QStringLiteral("answer %1: could not record 'closing' in the database; saving goes on").arg(m_answer->id);
        if (m_phase == Phase::Answering) {
            m_phase = Phase::Uploading;
            m_deadlineAt = 0;
            armDeadline();
        }
    }
    m_answer->status = AnswerStatus::Closing;
    if (m_answer->finishedAt == 0)
        m_answer->finishedAt = nowMs();
    checkComplete();
    if (m_answer) {
        const QJsonObject waiting = m_answer->waitingFor();
        if (waiting.value(QLatin1String("what")) == QLatin1String("chunks"))
            qCInfo(lcSession).noquote() << QStringLiteral("answer %1 finished; waiting for chunks from the page: %2")
                                               .arg(m_answer->id).arg(QString::fromUtf8(QJsonDocument(waiting.value(QLatin1String("segments")).toArray()).toJson(QJsonDocument::Compact)));
    }
    sendState(); // the page's view follows the server's: uploading, with the stored counts
}

void SessionSocket::checkComplete()
{
    if (!m_answer || m_answer->finalizing || m_answer->expected.isEmpty() || !m_answer->complete())
        return;
    m_hub->finalize(m_session, m_answer);
}

void SessionSocket::answerSaved(qint64 answerId, quint64 chunks, quint64 bytes, qint64 durationMs)
{
    m_answer.reset();
    send(QStringLiteral("{\"type\":\"answer_saved\",\"answer\":%1,\"chunks\":%2,\"bytes\":%3,\"durationMs\":%4}")
             .arg(answerId).arg(chunks).arg(bytes).arg(durationMs));
    m_phase = Phase::Review;
    m_deadlineAt = 0;
    armDeadline();
    sendState();
}

void SessionSocket::segmentMismatch(qint64 answerId, int segment)
{
    if (!m_answer || m_answer->id != answerId)
        return;
    sendNack(quint32(answerId), quint16(segment), 0, 0, "checksum");
}

void SessionSocket::retake()
{
    if (m_phase != Phase::Review)
        return sendError(s("wrong_phase"), s("retake is only possible after an answer was saved"));
    const QuestionInfo &q = m_questions.at(m_question);
    if (takesOf(m_question) >= q.retakes + 1)
        return sendError(s("no_retakes_left"), s("no retakes left for this question"));
    const qint64 now = nowMs();
    setPhase(Phase::Thinking, now + scaled(q.thinkSeconds), m_question);
    if (q.thinkSeconds == 0)
        return startAnswer(now);
    sendState();
}

void SessionSocket::next()
{
    if (m_phase != Phase::Review)
        return sendError(s("wrong_phase"), s("next is only possible after an answer was saved"));
    const int nextIndex = m_question + 1;
    if (nextIndex >= m_questions.size()) {
        setPhase(Phase::Finished, 0, m_question);
        publish(s("finished"));
        return sendState();
    }
    const qint64 now = nowMs();
    setPhase(Phase::Thinking, now + scaled(m_questions.at(nextIndex).thinkSeconds), nextIndex);
    if (m_questions.at(nextIndex).thinkSeconds == 0)
        return startAnswer(now);
    sendState();
}

} // namespace intervox
