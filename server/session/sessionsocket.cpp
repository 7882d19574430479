#include "sessionsocket.h"

#include <QRegularExpression>

#include "answerupload.h"
#include "chunkframe.h"
#include "core/error.h"
#include "core/log.h"
#include "events/eventhub.h"
#include "recording/recordingstore.h"
#include "recording/segmentfile.h"
#include "sessiondb.h"
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
constexpr size_t kMaxWaitingText = 32;             // text frames held while a database step is out

QString s(const char *latin1) { return QString::fromLatin1(latin1); }
} // namespace

SessionSocket::SessionSocket(SessionHub *hub, std::unique_ptr<SessionTransport> transport)
    : QObject(hub), m_hub(hub), m_transport(std::move(transport))
{
    m_connectedAt = m_lastFrame = m_hub->coarseNow();
}

void SessionSocket::onClosed()
{
    m_closed = true;
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
    m_closed = true;
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
    if (m_busy) {
        // A database step of this socket is out: the frame waits its turn (a page sends a few at most).
        if (m_waitingText.size() >= kMaxWaitingText) {
            countViolation();
            return;
        }
        m_waitingText.emplace_back(text.data(), text.size());
        return;
    }
    handleText(text);
}

void SessionSocket::handleText(QByteArrayView text)
{
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
            if (type != QLatin1String("hello") || saidHello()) {
                sendError(s("protocol"), s("the first frame must be {\"type\":\"hello\",…}"));
                closeWith(CloseCode::Protocol, s("protocol"));
                return;
            }
            hello(m);
            return;
        }
        if (type == QLatin1String("ping")) {
            m_transport->sendText("{\"type\":\"pong\"}");
            return;
        }
        applyClock();
        if (m_busy) { // the clock started a step: the message follows it
            m_waitingText.emplace_front(text.data(), text.size());
            return;
        }
        dispatch(type, m);
    } catch (const ApiException &e) {
        sendError(e.error.codeName(), e.error.message);
    }
}

void SessionSocket::dispatch(const QString &type, const QJsonObject &m)
{
    if (type == QLatin1String("consent"))
        consent(m);
    else if (type == QLatin1String("begin"))
        begin();
    else if (type == QLatin1String("start_answer")) {
        if (m_phase != Phase::Thinking)
            return sendError(s("wrong_phase"), QStringLiteral("start_answer is only possible while thinking (now: %1)").arg(phaseName(m_phase)));
        startAnswer(nowMs(), m_question);
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
}

void SessionSocket::withDb(std::function<void(Database &)> work, std::function<void()> then)
{
    m_busy = true;
    m_hub->sessionDb()->run(m_lane, this, std::move(work), [this, then = std::move(then)](const ApiError *error) {
        if (!error) {
            then();
        } else if (!authenticated()) {
            // The hello could not be looked up (the database is away): the page reconnects with backoff.
            sendError(error->codeName(), error->message);
            closeWith(CloseCode::GoingAway, s("the server cannot read the invitation right now"));
        } else {
            sendError(error->codeName(), error->message);
        }
        resume();
    });
}

void SessionSocket::resume()
{
    m_busy = false;
    while (!m_busy && !m_closed) {
        if (m_clockDue) {
            m_clockDue = false;
            applyClock();
            continue;
        }
        if (m_waitingText.empty())
            break;
        const QByteArray text = std::move(m_waitingText.front());
        m_waitingText.pop_front();
        handleText(text);
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
        // This session's answers are known since hello: no database lookup on the chunk path.
        const bool ours = rowOf(qint64(c.answer)) >= 0;
        sendNack(c.answer, c.segment, c.seq, 0, ours ? "answer_closed" : "unknown_answer");
        if (!ours)
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

void SessionSocket::publish(const QString &event, QJsonObject fields)
{
    fields.insert(s("sessionId"), m_session);
    fields.insert(s("interviewId"), m_interview);
    fields.insert(s("candidateId"), m_candidate);
    m_hub->events()->publish(m_org, event, fields);
}

// ---------------------------------------------------------------- state machine

void SessionSocket::writePhase(Database &db, qint64 session, Phase phase, qint64 deadlineAt, int question)
{
    const QVariant deadline = deadlineAt > 0 ? QVariant(deadlineAt) : QVariant(QMetaType(QMetaType::LongLong));
    if (isClosed(phase))
        db.exec(s("UPDATE sessions SET phase = ?, deadline_at = ?, question_index = ?, finished_at = ? WHERE id = ?"),
                {phaseName(phase), deadline, question, nowMs(), session});
    else
        db.exec(s("UPDATE sessions SET phase = ?, deadline_at = ?, question_index = ? WHERE id = ?"),
                {phaseName(phase), deadline, question, session});
}

void SessionSocket::applyPhase(Phase phase, qint64 deadlineAt, int question)
{
    m_phase = phase;
    m_deadlineAt = deadlineAt;
    m_question = question;
    armDeadline();
}

void SessionSocket::moveTo(Phase phase, qint64 deadlineAt, int question, std::function<void(Database &)> extra, std::function<void()> after)
{
    withDb(
        [extra = std::move(extra), session = m_session, phase, deadlineAt, question](Database &db) {
            if (!extra)
                return writePhase(db, session, phase, deadlineAt, question);
            db.transaction([&] {
                extra(db);
                writePhase(db, session, phase, deadlineAt, question);
            });
        },
        [this, after = std::move(after), phase, deadlineAt, question] {
            const bool newQuestion = phase == Phase::Thinking && (m_phase != Phase::Thinking || m_question != question);
            applyPhase(phase, deadlineAt, question);
            if (newQuestion)
                publish(s("question"), QJsonObject{{s("question"), question}});
            if (after)
                after();
            sendState();
        });
}

namespace {
constexpr int kMaxNoticeChars = 6000; // (text frames are at most 8 KiB)
}

void SessionSocket::consent(const QJsonObject &m)
{
    if (m_phase != Phase::Consent)
        return sendError(s("wrong_phase"), s("consent was already given or refused"));
    const QJsonValue accepted = m.value(QLatin1String("accepted"));
    if (!accepted.isBool())
        return sendError(s("validation"), s("accepted: must be true or false"));
    // The notice as the page showed it, kept with the answer (optional: pages before it was sent send none).
    QVariant noticeText{QMetaType(QMetaType::QString)}, noticeLanguage{QMetaType(QMetaType::QString)};
    const QJsonValue notice = m.value(QLatin1String("notice"));
    if (!notice.isUndefined()) {
        const QJsonValue text = notice.toObject().value(QLatin1String("text"));
        const QJsonValue language = notice.toObject().value(QLatin1String("language"));
        if (!notice.isObject() || !text.isString() || text.toString().trimmed().isEmpty() || text.toString().size() > kMaxNoticeChars)
            return sendError(s("validation"), QStringLiteral("notice.text: must be the notice shown, 1 to %1 characters").arg(kMaxNoticeChars));
        static const QRegularExpression tag(s("^[a-z]{2}(-[A-Z]{2})?$"));
        if (!language.isString() || !tag.match(language.toString()).hasMatch())
            return sendError(s("validation"), s("notice.language: must be a language tag like en or de"));
        noticeText = text.toString();
        noticeLanguage = language.toString();
    }
    const bool yes = accepted.toBool();
    const QString consent = yes ? s("given") : s("refused");
    moveTo(
        yes ? Phase::Intro : Phase::Refused, 0, 0,
        [consent, session = m_session, noticeText, noticeLanguage](Database &db) {
            db.exec(s("UPDATE sessions SET consent = ?, consent_at = ?, consent_notice = ?, consent_language = ? WHERE id = ?"),
                    {consent, nowMs(), noticeText, noticeLanguage, session});
        },
        [this, consent, yes] {
            m_consent = consent;
            if (!yes)
                publish(s("consent_refused"));
        });
}

void SessionSocket::begin()
{
    if (m_phase != Phase::Intro)
        return sendError(s("wrong_phase"), QStringLiteral("begin is only possible after consent (now: %1)").arg(phaseName(m_phase)));
    if (m_questions.isEmpty())
        return moveTo(Phase::Finished, 0, 0, {}, [this] { publish(s("finished")); });
    const qint64 now = nowMs();
    if (m_questions.first().thinkSeconds == 0)
        return startAnswer(now, 0); // no think time: straight to answering
    moveTo(Phase::Thinking, now + scaled(m_questions.first().thinkSeconds), 0);
}

void SessionSocket::startAnswer(qint64 at, int question)
{
    const QuestionInfo q = m_questions.at(question);
    const qint64 deadline = at + scaled(q.answerSeconds);
    const int take = takesOf(question) + 1;
    const qint64 budget = AnswerUpload::budgetFor(scaled(q.answerSeconds));
    struct Started { qint64 id = 0; };
    auto r = std::make_shared<Started>();
    withDb(
        [r, org = m_org, session = m_session, mime = m_mime, q, question, take, at, deadline](Database &db) {
            db.transaction([&] {
                r->id = db.insert(s("INSERT INTO answers (org_id, session_id, question_id, question_index, take, status, mime, started_at, deadline_at)"
                                    " VALUES (?, ?, ?, ?, ?, 'recording', ?, ?, ?)"),
                                  {org, session, q.id, question, take, mime, at, deadline});
                writePhase(db, session, Phase::Answering, deadline, question);
            });
        },
        [this, r, question, take, deadline, budget] {
            applyPhase(Phase::Answering, deadline, question);
            m_rows.append(QJsonObject{{s("answer"), r->id}, {s("question"), question}, {s("take"), take},
                                      {s("status"), answerStatusName(AnswerStatus::Recording)}, {s("segments"), QJsonArray()}});
            m_answer = std::make_shared<AnswerUpload>(r->id, question, AnswerStatus::Recording, deadline,
                                                      m_hub->store()->answerDir(m_org, m_session, r->id), budget);
            m_answer->lane = m_lane;
            m_hub->keepAnswer(m_answer);
            QDir().mkpath(m_answer->dir);
            send(QStringLiteral("{\"type\":\"answer_started\",\"answer\":%1,\"question\":%2,\"take\":%3,\"deadlineIn\":%4}")
                     .arg(r->id).arg(question).arg(take).arg(qMax<qint64>(0, deadline - nowMs())));
            sendState();
            publish(s("answer_started"), QJsonObject{{s("answerId"), r->id}, {s("question"), question}, {s("take"), take}});
        });
}

void SessionSocket::applyClock()
{
    if (m_busy) {
        m_clockDue = true; // after the step that is out
        return;
    }
    const qint64 now = nowMs();
    if (m_phase == Phase::Thinking && m_deadlineAt > 0 && now >= m_deadlineAt) {
        // Think time is over: the answer starts now (only while a page is connected to record it).
        startAnswer(now, m_question);
    } else if (m_phase == Phase::Answering && m_deadlineAt > 0 && now >= m_deadlineAt && m_answer) {
        const std::shared_ptr<AnswerUpload> answer = m_answer;
        moveTo(
            Phase::Uploading, 0, m_question,
            [id = answer->id](Database &db) { db.exec(s("UPDATE answers SET status = 'closing' WHERE id = ? AND status = 'recording'"), {id}); },
            [this, answer] {
                if (answer->status == AnswerStatus::Recording)
                    answer->status = AnswerStatus::Closing;
                updateRow(answer->id, {{s("status"), answerStatusName(AnswerStatus::Closing)}});
                send(QStringLiteral("{\"type\":\"time_up\",\"answer\":%1}").arg(answer->id));
            });
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
    applyClock();
}

void SessionSocket::finishAnswer(const QJsonObject &m)
{
    const qint64 id = m.value(QLatin1String("answer")).toInteger();
    if (!m_answer || m_answer->id != id) {
        if (rowOf(id) < 0)
            return sendError(s("unknown_answer"), s("answer: not an open answer of this session"));
        // An answer of this session that is not open here: a repeat after reconnect confirms the save again.
        struct Saved { bool saved = false; qint64 chunks = 0, bytes = 0, durationMs = 0; };
        auto r = std::make_shared<Saved>();
        return withDb(
            [r, id](Database &db) {
                QSqlQuery a = db.exec(s("SELECT status, chunks, bytes, duration_ms FROM answers WHERE id = ?"), {id});
                if (a.next() && a.value(0).toString() == answerStatusName(AnswerStatus::Saved))
                    *r = Saved{true, a.value(1).toLongLong(), a.value(2).toLongLong(), a.value(3).toLongLong()};
            },
            [this, r, id] {
                if (!r->saved)
                    return sendError(s("unknown_answer"), s("answer: not an open answer of this session"));
                send(QStringLiteral("{\"type\":\"answer_saved\",\"answer\":%1,\"chunks\":%2,\"bytes\":%3,\"durationMs\":%4}")
                         .arg(id).arg(r->chunks).arg(r->bytes).arg(r->durationMs));
            });
    }
    const QJsonValue segs = m.value(QLatin1String("segments"));
    const QString invalid = m_answer->checkFinish(segs);
    if (!invalid.isEmpty())
        return sendError(s("validation"), invalid);
    m_answer->expected = segs.toArray();
    // Memory first: the answer completes even if the database is away for a moment. The rows below only
    // mirror it, on the session's lane ahead of the save that checkComplete() may start.
    const bool wasRecording = m_answer->status == AnswerStatus::Recording;
    const bool wasAnswering = m_phase == Phase::Answering;
    m_answer->status = AnswerStatus::Closing;
    updateRow(id, {{s("status"), answerStatusName(AnswerStatus::Closing)}});
    if (m_answer->finishedAt == 0)
        m_answer->finishedAt = nowMs();
    if (wasAnswering)
        applyPhase(Phase::Uploading, 0, m_question);
    withDb(
        [id, wasRecording, wasAnswering, session = m_session, question = m_question](Database &db) {
            try {
                db.transaction([&] {
                    if (wasRecording)
                        db.exec(s("UPDATE answers SET status = 'closing' WHERE id = ? AND status = 'recording'"), {id});
                    if (wasAnswering)
                        writePhase(db, session, Phase::Uploading, 0, question);
                });
            } catch (const ApiException &) {
                qCWarning(lcSession).noquote() << QStringLiteral("answer %1: could not record 'closing' in the database; saving goes on").arg(id);
            }
        },
        [this] { sendState(); }); // the page's view follows the server's: uploading, with the stored counts
    checkComplete();
    if (m_answer) {
        const QJsonObject waiting = m_answer->waitingFor();
        if (waiting.value(QLatin1String("what")) == QLatin1String("chunks"))
            qCInfo(lcSession).noquote() << QStringLiteral("answer %1 finished; waiting for chunks from the page: %2")
                                               .arg(m_answer->id).arg(QString::fromUtf8(QJsonDocument(waiting.value(QLatin1String("segments")).toArray()).toJson(QJsonDocument::Compact)));
    }
}

void SessionSocket::checkComplete()
{
    if (!m_answer || m_answer->finalizing || m_answer->expected.isEmpty() || !m_answer->complete())
        return;
    m_hub->finalize(m_session, m_answer);
}

void SessionSocket::answerSaved(qint64 answerId, quint64 chunks, quint64 bytes, qint64 durationMs, const QJsonArray &segments)
{
    m_answer.reset();
    updateRow(answerId, {{s("status"), answerStatusName(AnswerStatus::Saved)}, {s("durationMs"), durationMs}, {s("segments"), segments}});
    send(QStringLiteral("{\"type\":\"answer_saved\",\"answer\":%1,\"chunks\":%2,\"bytes\":%3,\"durationMs\":%4}")
             .arg(answerId).arg(chunks).arg(bytes).arg(durationMs));
    applyPhase(Phase::Review, 0, m_question); // the hub wrote it with the save
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
    if (q.thinkSeconds == 0)
        return startAnswer(now, m_question);
    moveTo(Phase::Thinking, now + scaled(q.thinkSeconds), m_question);
}

void SessionSocket::next()
{
    if (m_phase != Phase::Review)
        return sendError(s("wrong_phase"), s("next is only possible after an answer was saved"));
    const int nextIndex = m_question + 1;
    if (nextIndex >= m_questions.size())
        return moveTo(Phase::Finished, 0, m_question, {}, [this] { publish(s("finished")); });
    const qint64 now = nowMs();
    if (m_questions.at(nextIndex).thinkSeconds == 0)
        return startAnswer(now, nextIndex);
    moveTo(Phase::Thinking, now + scaled(m_questions.at(nextIndex).thinkSeconds), nextIndex);
}

} // namespace intervox
