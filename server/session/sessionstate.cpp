// The state message (docs/protocol.md): what the page is shown, built from memory. The session's answers are read
// once at hello (readAnswers, on the session's lane) and kept up to date by every step since.

#include "sessionsocket.h"

#include "answerupload.h"
#include "storage/database.h"

#include <QJsonDocument>

namespace intervox {

namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }
} // namespace

// ---------------------------------------------------------------- state

QJsonArray SessionSocket::readAnswers(Database &db, qint64 session, OpenAnswer *open)
{
    QJsonArray answers;
    QSqlQuery q = db.exec(s("SELECT a.id, a.question_index, a.take, a.status, a.duration_ms, g.segment, g.chunks, g.bytes, a.deadline_at"
                            " FROM answers a LEFT JOIN answer_segments g ON g.answer_id = a.id"
                            " WHERE a.session_id = ? ORDER BY a.id, g.segment"), {session});
    QJsonObject answer;
    QJsonArray segments;
    const auto flush = [&] {
        if (answer.isEmpty())
            return;
        answer.insert(s("segments"), segments);
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
            if (open && q.value(3).toString() != answerStatusName(AnswerStatus::Saved)) // the latest one wins
                *open = OpenAnswer{id, q.value(1).toInt(), q.value(3).toString(), q.value(8).toLongLong()};
        }
        if (!q.value(5).isNull())
            segments.append(QJsonObject{{s("segment"), q.value(5).toInt()}, {s("chunks"), q.value(6).toLongLong()}, {s("bytes"), q.value(7).toLongLong()}});
    }
    flush();
    return answers;
}

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

    // The open answer's segments come from memory (the rows have those of saved answers).
    QJsonArray answers;
    for (const QJsonValue &v : std::as_const(m_rows)) {
        QJsonObject answer = v.toObject();
        const qint64 id = answer.value(QLatin1String("answer")).toInteger();
        if (m_answer && m_answer->id == id)
            answer.insert(s("segments"), m_answer->segmentsJson());
        answers.append(answer);
    }
    st.insert(s("answers"), answers);
    if (m_question < m_questions.size())
        st.insert(s("retakesLeft"), qMax(0, m_questions.at(m_question).retakes + 1 - takesOf(m_question)));
    send(QString::fromUtf8(QJsonDocument(st).toJson(QJsonDocument::Compact)));
}

qsizetype SessionSocket::rowOf(qint64 answerId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).toObject().value(QLatin1String("answer")).toInteger() == answerId)
            return i;
    return -1;
}

void SessionSocket::updateRow(qint64 answerId, const QJsonObject &fields)
{
    const qsizetype i = rowOf(answerId);
    if (i < 0)
        return;
    QJsonObject row = m_rows.at(i).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        row.insert(it.key(), it.value());
    m_rows.replace(i, row);
}

int SessionSocket::takesOf(int questionIndex) const
{
    int takes = 0;
    for (const QJsonValue &v : m_rows)
        takes += v.toObject().value(QLatin1String("question")).toInt() == questionIndex ? 1 : 0;
    return takes;
}

} // namespace intervox
