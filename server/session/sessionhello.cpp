// A candidate socket's first frame: hello with the invite token. Resumes the invite's latest session (or starts
// one while the invite has uses left) and the answer it left open; refuses unusable invites with the close code
// that says why (docs/protocol.md).

#include "sessionsocket.h"

#include "answerupload.h"
#include "auth/secrets.h"
#include "core/error.h"
#include "core/log.h"
#include "recording/recordingstore.h"
#include "sessiondb.h"
#include "jobs/retention.h"
#include "sessionhub.h"
#include "storage/database.h"

namespace intervox {

namespace {
const QStringList kMimes = {QStringLiteral("audio/webm;codecs=opus"), QStringLiteral("audio/webm"),
                            QStringLiteral("audio/ogg;codecs=opus"), QStringLiteral("audio/mp4")};

QString s(const char *latin1) { return QString::fromLatin1(latin1); }
} // namespace

// What hello needs from the database, read on the invite's lane (SessionDb) in one step.
struct HelloRows
{
    // A refusal: the error sent to the page and the close code (docs/protocol.md).
    QString errorCode, errorMessage;
    CloseCode close = CloseCode::Unauthorized;

    qint64 invite = 0, org = 0, interview = 0, candidate = 0, session = 0;
    Phase phase = Phase::Consent;
    int question = 0;
    qint64 deadlineAt = 0;
    QString consent;
    int extraPercent = 0;
    bool opened = false; // a new session was started from the invite
    QJsonObject interviewInfo;
    QString candidateName;
    QList<QuestionInfo> questions;
    // The answer the session left open (not saved), if any.
    qint64 openId = 0;
    int openQuestion = 0;
    QString openStatus;
    qint64 openDeadline = 0;
    QJsonArray answers;

    void refuse(const char *code, const char *message, CloseCode c)
    {
        errorCode = s(code);
        errorMessage = QString::fromUtf8(message);
        close = c;
    }
};

namespace {
void loadHello(Database &db, const QString &tokenHash, const QString &mime, qint64 now, HelloRows &r)
{
    // The invite, what the page shows, and the invite's latest session, in one round trip.
    QSqlQuery q = db.exec(s("SELECT i.id, i.org_id, i.interview_id, i.candidate_id, i.expires_at, i.max_uses, i.uses, i.revoked_at,"
                            " v.title, v.intro, v.language, v.deadline_at, c.name, o.name,"
                            " s.id, s.phase, s.question_index, s.deadline_at, s.consent, s.extra_time_percent, i.extra_time_percent, v.preview_of,"
                            " COALESCE(v.retention_recordings_days, o.retention_recordings_days), COALESCE(v.retention_candidate_days, o.retention_candidate_days)"
                            " FROM invites i JOIN interviews v ON v.id = i.interview_id JOIN candidates c ON c.id = i.candidate_id"
                            " JOIN organizations o ON o.id = i.org_id"
                            " LEFT JOIN sessions s ON s.id = (SELECT MAX(id) FROM sessions WHERE invite_id = i.id)"
                            " WHERE i.token_hash = ?"),
                          {tokenHash});
    if (!q.next())
        return r.refuse("invite_invalid", "This invitation link is not valid. Please check the link in your email.", CloseCode::Unauthorized);
    r.invite = q.value(0).toLongLong();
    r.org = q.value(1).toLongLong();
    r.interview = q.value(2).toLongLong();
    r.candidate = q.value(3).toLongLong();
    const qint64 expiresAt = q.value(4).toLongLong();
    const int maxUses = q.value(5).toInt();
    const int uses = q.value(6).toInt();
    const bool revoked = !q.value(7).isNull();
    const int inviteExtraPercent = q.value(20).toInt();
    // No AI processing exists yet; the consent screen must say so rather than ask for it.
    r.interviewInfo = QJsonObject{{s("title"), q.value(8).toString()}, {s("intro"), q.value(9).toString()}, {s("language"), q.value(10).toString()},
                                  {s("organization"), q.value(13).toString()}, {s("aiProcessing"), false}};
    // The periods the consent screen states (null: not deleted on a schedule; jobs/retention.h).
    r.interviewInfo.insert(s("retention"), retentionJson(q.value(22), q.value(23)));
    if (!q.value(21).isNull()) // the recruiter's own preview from the builder: the page says so
        r.interviewInfo.insert(s("preview"), true);
    const qint64 deadline = q.value(11).isNull() ? 0 : q.value(11).toLongLong();
    r.candidateName = q.value(12).toString();
    if (revoked)
        return r.refuse("invite_revoked", "This invitation was withdrawn by the company.", CloseCode::InviteRevoked);
    // Resume the invite's latest session, or start one if allowed.
    if (!q.value(14).isNull()) {
        r.session = q.value(14).toLongLong();
        const QString stored = q.value(15).toString();
        const std::optional<Phase> known = phaseFromName(stored);
        if (!known) { // a database edited by hand, or written by a newer intervoxd
            qCCritical(lcSession).noquote() << QStringLiteral("session %1 has an unknown phase '%2'").arg(r.session).arg(stored);
            return r.refuse("internal", "This interview cannot be continued right now. Please contact the company.", CloseCode::GoingAway);
        }
        r.phase = *known;
        r.question = q.value(16).toInt();
        r.deadlineAt = q.value(17).isNull() ? 0 : q.value(17).toLongLong();
        r.consent = q.value(18).toString();
        r.extraPercent = q.value(19).toInt();
    }
    q.finish();
    if (r.session == 0 || (isClosed(r.phase) && uses < maxUses)) {
        if (now >= expiresAt || (deadline > 0 && now >= deadline))
            return r.refuse("invite_expired", "This invitation has expired. Please contact the company if you still want to take part.", CloseCode::InviteExpired);
        if (uses >= maxUses)
            return r.refuse("invite_used", "This invitation has already been used.", CloseCode::InviteUsed);
        db.transaction([&] {
            db.exec(s("UPDATE invites SET uses = uses + 1 WHERE id = ?"), {r.invite});
            // The invite's extra time as it is when the row is written (a change made meanwhile is not lost).
            r.session = db.insert(s("INSERT INTO sessions (org_id, invite_id, interview_id, candidate_id, phase, question_index, mime, started_at,"
                                    " extra_time_percent) VALUES (?, ?, ?, ?, 'consent', 0, ?, ?, (SELECT extra_time_percent FROM invites WHERE id = ?))"),
                                  {r.org, r.invite, r.interview, r.candidate, mime, now, r.invite});
        });
        r.phase = Phase::Consent;
        r.question = 0;
        r.deadlineAt = 0;
        r.consent.clear();
        r.extraPercent = inviteExtraPercent;
        r.opened = true;
    }

    QSqlQuery qq = db.exec(s("SELECT id, body, think_seconds, answer_seconds, retakes FROM questions WHERE interview_id = ? ORDER BY position"), {r.interview});
    while (qq.next())
        r.questions.append(QuestionInfo{qq.value(0).toLongLong(), qq.value(1).toString(), qq.value(2).toInt(), qq.value(3).toInt(), qq.value(4).toInt()});
    SessionSocket::OpenAnswer open;
    r.answers = SessionSocket::readAnswers(db, r.session, &open);
    r.openId = open.id;
    r.openQuestion = open.question;
    r.openStatus = open.status;
    r.openDeadline = open.deadlineAt;
}
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
    if (!secrets::looksLikeToken(token)) {
        sendError(s("invite_invalid"), s("This invitation link is not valid. Please check the link in your email."));
        closeWith(CloseCode::Unauthorized, s("invite_invalid"));
        return;
    }
    m_helloAt = m_hub->coarseNow();
    const QString tokenHash = secrets::tokenHash(token);
    m_lane = SessionDb::laneKey(tokenHash);
    auto rows = std::make_shared<HelloRows>();
    withDb([rows, tokenHash, mime, now = nowMs()](Database &db) { loadHello(db, tokenHash, mime, now, *rows); },
           [this, rows, mime] { helloLoaded(*rows, mime); });
}

void SessionSocket::helloLoaded(const HelloRows &r, const QString &mime)
{
    if (!r.errorCode.isEmpty()) {
        sendError(r.errorCode, r.errorMessage);
        closeWith(r.close, r.errorCode);
        return;
    }
    if (r.opened)
        ++m_hub->counters().sessionsOpened;
    m_invite = r.invite;
    m_org = r.org;
    m_interview = r.interview;
    m_candidate = r.candidate;
    m_interviewInfo = r.interviewInfo;
    m_candidateName = r.candidateName;
    m_questions = r.questions;
    m_consent = r.consent;
    m_extraPercent = r.extraPercent;
    m_mime = mime;
    m_phase = r.phase;
    m_question = r.question;
    m_deadlineAt = r.deadlineAt;
    m_session = r.session;

    m_hub->claim(m_session, this);
    openAnswerFrom(r);
    qCDebug(lcSession) << "session" << m_session << "connected in phase" << phaseName(m_phase);
    if (!isClosed(m_phase))
        publish(s("candidate_joined"));
    m_rows = r.answers;
    sendState();
    armDeadline();
    applyClock(); // a deadline that passed while the page was away: acted on now (after the step, in resume())
}

void SessionSocket::openAnswerFrom(const HelloRows &r)
{
    m_answer.reset();
    if (r.openId == 0)
        return;
    m_answer = m_hub->openAnswer(r.openId);
    if (m_answer)
        return; // known since an earlier connection: its segments' state is in memory
    const int answerSeconds = r.openQuestion < m_questions.size() ? m_questions.at(r.openQuestion).answerSeconds : 0;
    // Not saved (the query says so): recording, or closing once time was up or the page finished.
    const AnswerStatus status = answerStatusFromName(r.openStatus).value_or(AnswerStatus::Recording);
    m_answer = std::make_shared<AnswerUpload>(r.openId, r.openQuestion, status, r.openDeadline,
                                              m_hub->store()->answerDir(m_org, m_session, r.openId),
                                              AnswerUpload::budgetFor(scaled(answerSeconds)));
    m_answer->lane = m_lane;
    m_hub->keepAnswer(m_answer);
}

} // namespace intervox
