// Who may see what (docs/api.md, "Team"): admins and recruiters see everything of their organization,
// reviewers only what belongs to the interviews assigned to them. Whatever someone may not see does not exist
// for them: the same 404 as another organization's row, so ids reveal nothing.

#include "apicontext.h"

#include "storage/database.h"

namespace intervox {

namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }

// One statement per kind: the row, if it belongs to an interview assigned to the reviewer (`?` org, user, id).
const char *assignedRowSql(Visible kind)
{
    switch (kind) {
    case Visible::Interview:
        return "SELECT interview_id FROM interview_reviewers WHERE org_id = ? AND user_id = ? AND interview_id = ?";
    case Visible::Invite:
        return "SELECT x.id FROM invites x JOIN interview_reviewers r ON r.interview_id = x.interview_id AND r.org_id = x.org_id"
               " WHERE r.org_id = ? AND r.user_id = ? AND x.id = ?";
    case Visible::Session:
        return "SELECT x.id FROM sessions x JOIN interview_reviewers r ON r.interview_id = x.interview_id AND r.org_id = x.org_id"
               " WHERE r.org_id = ? AND r.user_id = ? AND x.id = ?";
    case Visible::Answer:
        return "SELECT a.id FROM answers a JOIN sessions x ON x.id = a.session_id AND x.org_id = a.org_id"
               " JOIN interview_reviewers r ON r.interview_id = x.interview_id AND r.org_id = x.org_id"
               " WHERE r.org_id = ? AND r.user_id = ? AND a.id = ?";
    case Visible::Candidate: // a reviewer sees the candidates invited to an interview assigned to them
        return "SELECT x.id FROM invites x JOIN interview_reviewers r ON r.interview_id = x.interview_id AND r.org_id = x.org_id"
               " WHERE r.org_id = ? AND r.user_id = ? AND x.candidate_id = ? LIMIT 1";
    }
    return nullptr;
}

const char *notFound(Visible kind)
{
    switch (kind) {
    case Visible::Interview: return "no such interview";
    case Visible::Invite: return "no such invite";
    case Visible::Session: return "no such session";
    case Visible::Answer: return "no such answer";
    case Visible::Candidate: return "no such candidate";
    }
    return "not found";
}
} // namespace

bool Principal::isReviewer() const { return role == QLatin1String("reviewer"); }
bool Principal::isAdmin() const { return role == QLatin1String("admin") || role == QLatin1String("owner"); }

QString visibleInterviews(const Principal &p, const QString &column, QVariantList &binds)
{
    if (!p.isReviewer())
        return {};
    binds << p.orgId << p.userId;
    return QStringLiteral(" AND %1 IN (SELECT interview_id FROM interview_reviewers WHERE org_id = ? AND user_id = ?)").arg(column);
}

void requireAssigned(Database *db, const Principal &p, Visible kind, qint64 id)
{
    if (!p.isReviewer())
        return; // the route's own query checks the organization, as for everyone
    if (db->scalar(s(assignedRowSql(kind)), {p.orgId, p.userId, id}).isNull())
        fail(ApiError::notFound(s(notFound(kind))));
}

void requireAdmin(const Principal &p)
{
    if (!p.isAdmin())
        fail(ApiError::forbidden(s("only administrators manage the team")));
}

void requireNotReviewer(const Principal &p, const char *what)
{
    if (p.isReviewer())
        fail(ApiError::forbidden(QStringLiteral("reviewers do not see %1").arg(QLatin1String(what))));
}

} // namespace intervox
