#include "auditmodel.h"

#include <QFileDevice>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QUrlQuery>

namespace {

// The families of the page, each the server's `action` filter (exact actions, or families ending in ".").
struct Family
{
    const char *value;
    const char *filter;
};
constexpr Family kFamilies[] = {
    {"signin", "signin,signin."},
    {"views", "cv.view,recording.view"},
    {"changes", "interview.,candidate.,cv.upload,invite.,rating.,decision."},
    {"team", "user."},
    {"exports", "audit."},
};

} // namespace

AuditModel::AuditModel(QObject *parent)
    : ApiListModel(parent)
{
}

void AuditModel::setDays(int days)
{
    days = qBound(1, days, 3660);
    if (days == m_days)
        return;
    m_days = days;
    emit filtersChanged();
    reload();
}

void AuditModel::setFamily(const QString &family)
{
    if (family == m_family)
        return;
    m_family = family;
    emit filtersChanged();
    reload();
}

QString AuditModel::listQuery() const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), QDateTime::currentDateTimeUtc().addDays(-m_days).toString(Qt::ISODate));
    for (const Family &f : kFamilies) {
        if (m_family == QLatin1String(f.value))
            q.addQueryItem(QStringLiteral("action"), QString::fromLatin1(f.filter));
    }
    return q.toString(QUrl::FullyEncoded);
}

QVariantList AuditModel::families() const
{
    return {QVariantMap{{QStringLiteral("value"), QString()}, {QStringLiteral("text"), tr("Everything")}},
            QVariantMap{{QStringLiteral("value"), QStringLiteral("signin")}, {QStringLiteral("text"), tr("Sign-ins")}},
            QVariantMap{{QStringLiteral("value"), QStringLiteral("views")}, {QStringLiteral("text"), tr("Recordings and CVs opened")}},
            QVariantMap{{QStringLiteral("value"), QStringLiteral("changes")}, {QStringLiteral("text"), tr("Changes and decisions")}},
            QVariantMap{{QStringLiteral("value"), QStringLiteral("team")}, {QStringLiteral("text"), tr("Team and roles")}},
            QVariantMap{{QStringLiteral("value"), QStringLiteral("exports")}, {QStringLiteral("text"), tr("Exports of this log")}}};
}

QVariantList AuditModel::periods() const
{
    QVariantList out;
    for (int days : {1, 7, 30, 365})
        out.append(QVariantMap{{QStringLiteral("value"), days},
                               {QStringLiteral("text"), days == 1 ? tr("Last 24 hours") : tr("Last %n days", nullptr, days)}});
    return out;
}

QString AuditModel::actionText(const QString &action)
{
    static const QHash<QString, const char *> texts{
        {QStringLiteral("signin"), QT_TR_NOOP("Signed in")},
        {QStringLiteral("signin.failed"), QT_TR_NOOP("Failed sign-in")},
        {QStringLiteral("interview.create"), QT_TR_NOOP("Created an interview")},
        {QStringLiteral("interview.change"), QT_TR_NOOP("Changed an interview")},
        {QStringLiteral("interview.delete"), QT_TR_NOOP("Deleted an interview")},
        {QStringLiteral("interview.criteria"), QT_TR_NOOP("Changed rating criteria")},
        {QStringLiteral("interview.reviewers"), QT_TR_NOOP("Assigned reviewers")},
        {QStringLiteral("interview.preview"), QT_TR_NOOP("Previewed an interview")},
        {QStringLiteral("candidate.create"), QT_TR_NOOP("Added a candidate")},
        {QStringLiteral("cv.upload"), QT_TR_NOOP("Attached a CV")},
        {QStringLiteral("cv.view"), QT_TR_NOOP("Opened a CV")},
        {QStringLiteral("recording.view"), QT_TR_NOOP("Listened to a recording")},
        {QStringLiteral("invite.create"), QT_TR_NOOP("Made an invite link")},
        {QStringLiteral("invite.batch"), QT_TR_NOOP("Imported candidates")},
        {QStringLiteral("invite.change"), QT_TR_NOOP("Changed a deadline or extra time")},
        {QStringLiteral("invite.revoke"), QT_TR_NOOP("Revoked an invite link")},
        {QStringLiteral("rating.change"), QT_TR_NOOP("Rated answers")},
        {QStringLiteral("decision.advance"), QT_TR_NOOP("Decided: advance")},
        {QStringLiteral("decision.hold"), QT_TR_NOOP("Decided: hold")},
        {QStringLiteral("decision.reject"), QT_TR_NOOP("Decided: reject")},
        {QStringLiteral("user.invite"), QT_TR_NOOP("Invited a team member")},
        {QStringLiteral("user.role"), QT_TR_NOOP("Changed a role")},
        {QStringLiteral("user.disable"), QT_TR_NOOP("Disabled a team member")},
        {QStringLiteral("user.setup_link"), QT_TR_NOOP("Made a new setup link")},
        {QStringLiteral("user.password_set"), QT_TR_NOOP("Set a password")},
        {QStringLiteral("audit.export"), QT_TR_NOOP("Exported this log")},
    };
    const auto it = texts.constFind(action);
    return it == texts.cend() ? action : tr(it.value());
}

int AuditModel::takeItems(const QJsonArray &items)
{
    m_all.clear();
    m_all.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        Item item;
        item.id = o.value(QStringLiteral("id")).toInteger();
        item.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODate);
        const QJsonValue user = o.value(QStringLiteral("user"));
        item.who = user.isObject() ? user.toObject().value(QStringLiteral("name")).toString() : QString();
        item.action = o.value(QStringLiteral("action")).toString();
        item.target = o.value(QStringLiteral("target")).toString();
        item.address = o.value(QStringLiteral("address")).toString();
        m_all.append(item);
    }
    return int(m_all.size());
}

bool AuditModel::matches(int index, const QString &needle) const
{
    const Item &item = m_all.at(index);
    return item.who.contains(needle, Qt::CaseInsensitive) || actionText(item.action).contains(needle, Qt::CaseInsensitive)
           || item.action.contains(needle, Qt::CaseInsensitive) || item.target.contains(needle, Qt::CaseInsensitive)
           || item.address.contains(needle, Qt::CaseInsensitive);
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(index))
        return {};
    const Item &item = m_all.at(itemIndex(index.row()));
    switch (role) {
    case IdRole: return item.id;
    case AtRole: return item.at;
    case AtTextRole: return QLocale().toString(item.at.toLocalTime(), QLocale::ShortFormat);
    case WhoRole: return item.who.isEmpty() ? tr("Nobody signed in") : item.who;
    case Qt::DisplayRole:
    case ActionTextRole: return actionText(item.action);
    case ActionRole: return item.action;
    case TargetRole: return item.target;
    case AddressRole: return item.address;
    case FailedRole: return item.action.endsWith(QLatin1String(".failed"));
    }
    return {};
}

QHash<int, QByteArray> AuditModel::roleNames() const
{
    return {{IdRole, "entryId"}, {AtRole, "at"}, {AtTextRole, "atText"}, {WhoRole, "who"}, {ActionRole, "action"},
            {ActionTextRole, "actionText"}, {TargetRole, "target"}, {AddressRole, "address"}, {FailedRole, "failed"}};
}

void AuditModel::exportTo(const QUrl &file)
{
    if (!client() || m_exporting || !file.isLocalFile())
        return;
    m_exporting = true;
    emit exportingChanged();
    const QString path = file.toLocalFile();
    client()->get(QStringLiteral("/audit/export?") + listQuery(), this, [this, path](const ApiResult &r) {
        m_exporting = false;
        emit exportingChanged();
        if (!r.ok())
            return emit exportFailed(r.error);
        QSaveFile out(path);
        // Names of colleagues and where they signed in from: for the user's eyes only.
        if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || out.write(r.body) != r.body.size() || !out.commit()) {
            ApiError error;
            error.kind = ApiError::LocalFile;
            error.detail = out.errorString();
            return emit exportFailed(error);
        }
        emit exported(path);
        reload(); // the export is an entry of the log too
    });
}
