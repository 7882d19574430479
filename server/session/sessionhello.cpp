// A candidate socket's first frame: hello with the invite token. Resumes the invite's latest session (or starts
// one while the invite has uses left) and the answer it left open; refuses unusable invites with the close code
// that says why (docs/protocol.md).

#include "sessionsocket.h"

#include "answerupload.h"
#include "auth/secrets.h"
#include "core/error.h"
#include "core/log.h"
#include "recording/recordingstore.h"
#include "sessionhub.h"
#include "storage/database.h"

namespace intervox {

namespace {
const QStringList kMimes = {QStringLiteral("audio/webm;codecs=opus"), QStringLiteral("audio/webm"),
                            QStringLiteral("audio/ogg;codecs=opus"), QStringLiteral("audio/mp4")};

QString s(const char *latin1) { return QString::fromLatin1(latin1); }
} // namespace

void SessionSocket::hello(const QJsonObject &m)
{
    const QString token = m.value(QLatin1String("token")).toString();
    const QString mime = m.value(QLatin1String("mime")).toString(kMimes.first());
    if (m.value(QLatin1String("protocol")).toInt(1) != 1) {
        sendError(s("protocol"), s("this server speaks protocol 1"));
        closeWith(CloseCode::Protocol, s("protocol"));
        return;
    }
    if (!kMimes.contains(mime)) {
        sendError(s("protocol"), QStringLiteral("mime must be one of: %1").arg(kMimes.join(s(", "))));
        closeWith(CloseCode::Protocol, s("protocol"));
        return;
    }
    Database *db = m_hub->database();
    QSqlQuery q;
    if (secrets::looksLikeToken(token))
        q = db->exec(s("SELECT i.id, i.org_id, i.interview_id, i.candidate_id, i.expires_at, i.max_uses, i.uses, i.revoked_at,"
                       " v.title, v.intro, v.language, v.deadline_at, c.name, o.name"
                       " FROM invites i JOIN interviews v ON v.id = i.interview_id JOIN candidates c ON c.id = i.candidate_id"
                       " JOIN organizations o ON o.id = i.org_id"
                       " WHERE i.token_hash = ?"),
                     {secrets::tokenHash(token)});
    if (!q.isActive() || !q.next()) {
        sendError(s("invite_invalid"), s("This invitation link is not valid. Please check the link in your email."));
        closeWith(CloseCode::Unauthorized, s("invite_invalid"));
        return;
    }
    const qint64 now = nowMs();
    m_invite = q.value(0).toLongLong();
    const qint64 org = q.value(1).toLongLong();
    m_interview = q.value(2).toLongLong();
    m_candidate = q.value(3).toLongLong();
    const qint64 expiresAt = q.value(4).toLongLong();
    const int maxUses = q.value(5).toInt();
    const int uses = q.value(6).toInt();
    const bool revoked = !q.value(7).isNull();
    // No AI processing exists yet; the consent screen must say so rather than ask for it.
    m_interviewInfo = QJsonObject{{s("title"), q.value(8).toString()}, {s("intro"), q.value(9).toString()}, {s("language"), q.value(10).toString()},
                                  {s("organization"), q.value(13).toString()}, {s("aiProcessing"), false}};
    const qint64 deadline = q.value(11).isNull() ? 0 : q.value(11).toLongLong();
    m_candidateName = q.value(12).toString();
    if (revoked) {
        sendError(s("invite_revoked"), s("This invitation was withdrawn by the company."));
        closeWith(CloseCode::InviteRevoked, s("invite_revoked"));
        return;
    }

    // Resume the invite's latest session, or start one if allowed.
    QSqlQuery sq = db->exec(s("SELECT id, phase, question_index, deadline_at, consent, extra_time_percent FROM sessions"
                              " WHERE invite_id = ? ORDER BY id DESC LIMIT 1"), {m_invite});
    qint64 session = 0;
    Phase phase = Phase::Consent;
    if (sq.next()) {
        session = sq.value(0).toLongLong();
        const QString stored = sq.value(1).toString();
        const std::optional<Phase> known = phaseFromName(stored);
        if (!known) { // a database edited by hand, or written by a newer intervoxd
            qCCritical(lcSession).noquote() << QStringLiteral("session %1 has an unknown phase '%2'").arg(session).arg(stored);
            sendError(s("internal"), s("This interview cannot be continued right now. Please contact the company."));
            closeWith(CloseCode::GoingAway, s("internal"));
            return;
        }
        phase = *known;
        m_question = sq.value(2).toInt();
        m_deadlineAt = sq.value(3).isNull() ? 0 : sq.value(3).toLongLong();
        m_consent = sq.value(4).toString();
        m_extraPercent = sq.value(5).toInt();
    }
    const bool closed = isClosed(phase);
    if (session == 0 || (closed && uses < maxUses)) {
        if (now >= expiresAt || (deadline > 0 && now >= deadline)) {
            sendError(s("invite_expired"), s("This invitation has expired. Please contact the company if you still want to take part."));
            closeWith(CloseCode::InviteExpired, s("invite_expired"));
            return;
        }
        if (uses >= maxUses) {
            sendError(s("invite_used"), s("This invitation has already been used."));
            closeWith(CloseCode::InviteUsed, s("invite_used"));
            return;
        }
        db->transaction([&] {
            db->exec(s("UPDATE invites SET uses = uses + 1 WHERE id = ?"), {m_invite});
            session = db->insert(s("INSERT INTO sessions (org_id, invite_id, interview_id, candidate_id, phase, question_index, mime, started_at)"
                                   " VALUES (?, ?, ?, ?, 'consent', 0, ?, ?)"),
                                 {org, m_invite, m_interview, m_candidate, mime, now});
        });
        phase = Phase::Consent;
        m_question = 0;
        m_deadlineAt = 0;
        m_consent.clear();
        ++m_hub->counters().sessionsOpened;
    }
    m_org = org;
    m_phase = phase;
    m_mime = mime;
    m_session = session;

    QSqlQuery qq = db->exec(s("SELECT id, body, think_seconds, answer_seconds, retakes FROM questions WHERE interview_id = ? ORDER BY position"), {m_interview});
    while (qq.next())
        m_questions.append(QuestionInfo{qq.value(0).toLongLong(), qq.value(1).toString(), qq.value(2).toInt(), qq.value(3).toInt(), qq.value(4).toInt()});

    m_hub->claim(m_session, this);
    loadOpenAnswer();
    qCDebug(lcSession) << "session" << m_session << "connected in phase" << phaseName(m_phase);
    if (!isClosed(m_phase))
        publish(s("candidate_joined"));
    applyClock();
    sendState();
    armDeadline();
}

void SessionSocket::loadOpenAnswer()
{
    m_answer.reset();
    QSqlQuery q = m_hub->database()->exec(s("SELECT id, question_index, status, deadline_at FROM answers WHERE session_id = ? AND status <> 'saved'"
                                      " ORDER BY id DESC LIMIT 1"), {m_session});
    if (!q.next())
        return;
    const qint64 id = q.value(0).toLongLong();
    m_answer = m_hub->openAnswer(id);
    if (m_answer)
        return; // known since an earlier connection: its segments' state is in memory
    const int question = q.value(1).toInt();
    const int answerSeconds = question < m_questions.size() ? m_questions.at(question).answerSeconds : 0;
    // Not saved (the query says so): recording, or closing once time was up or the page finished.
    const AnswerStatus status = answerStatusFromName(q.value(2).toString()).value_or(AnswerStatus::Recording);
    m_answer = std::make_shared<AnswerUpload>(id, question, status, q.value(3).toLongLong(),
                                              m_hub->store()->answerDir(m_org, m_session, id),
                                              AnswerUpload::budgetFor(scaled(answerSeconds)));
    m_hub->keepAnswer(m_answer);
}

} // namespace intervox
