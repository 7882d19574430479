#include "teammodel.h"

#include <QDateTime>
#include <QJsonObject>

TeamModel::TeamModel(QObject *parent)
    : ApiListModel(parent)
{
}

QVariant TeamModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(index))
        return {};
    const Item &item = m_all.at(itemIndex(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return item.name;
    case IdRole: return item.id;
    case EmailRole: return item.email;
    case MemberRoleRole: return item.role;
    case RoleTextRole: return roleText(item.role);
    case StatusRole: return item.status;
    case StatusTextRole: return statusText(item.status);
    case AssignedCountRole: return item.assigned;
    }
    return {};
}

QHash<int, QByteArray> TeamModel::roleNames() const
{
    return {{IdRole, "userId"}, {NameRole, "name"}, {EmailRole, "email"}, {MemberRoleRole, "memberRole"}, {RoleTextRole, "roleText"},
            {StatusRole, "status"}, {StatusTextRole, "statusText"}, {AssignedCountRole, "assignedCount"}};
}

QVariantList TeamModel::assignableRoles() const
{
    QVariantList out;
    for (const char *role : {"admin", "recruiter", "reviewer"}) {
        const QString value = QString::fromLatin1(role);
        out.append(QVariantMap{{QStringLiteral("value"), value}, {QStringLiteral("text"), roleText(value)}});
    }
    return out;
}

QString TeamModel::roleText(const QString &role)
{
    if (role == QLatin1String("owner"))
        return tr("Owner");
    if (role == QLatin1String("admin"))
        return tr("Administrator");
    if (role == QLatin1String("recruiter"))
        return tr("Recruiter");
    if (role == QLatin1String("reviewer"))
        return tr("Reviewer");
    return role;
}

QString TeamModel::statusText(const QString &status)
{
    if (status == QLatin1String("invited"))
        return tr("Invited, no password yet");
    if (status == QLatin1String("disabled"))
        return tr("Disabled");
    return tr("Active");
}

bool TeamModel::matches(int index, const QString &needle) const
{
    const Item &item = m_all.at(index);
    return item.name.contains(needle, Qt::CaseInsensitive) || item.email.contains(needle, Qt::CaseInsensitive);
}

int TeamModel::takeItems(const QJsonArray &items)
{
    m_all.clear();
    m_all.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        m_all.append(Item{o.value(QStringLiteral("id")).toInteger(), o.value(QStringLiteral("name")).toString(),
                          o.value(QStringLiteral("email")).toString(), o.value(QStringLiteral("role")).toString(),
                          o.value(QStringLiteral("status")).toString(), int(o.value(QStringLiteral("interviews")).toArray().size())});
    }
    return int(m_all.size());
}

void TeamModel::change(const QByteArray &verb, const QString &path, const QJsonValue &body, qint64 userId, bool expectsLink)
{
    if (!client() || m_busy)
        return;
    m_busy = true;
    emit busyChanged();
    client()->send(verb, path, body, this, [this, userId, expectsLink](const ApiResult &r) {
        m_busy = false;
        emit busyChanged();
        if (!r.ok()) {
            emit changeFailed(r.error);
            return reload(); // what the server holds (a role box shows the role that was kept)
        }
        if (expectsLink) {
            const QJsonObject o = r.json.toObject();
            const QJsonObject link = o.contains(QStringLiteral("setupLink")) ? o.value(QStringLiteral("setupLink")).toObject() : o;
            emit setupLinkReady(userId ? userId : o.value(QStringLiteral("id")).toInteger(), link.value(QStringLiteral("url")).toString(),
                                QDateTime::fromString(link.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate));
        }
        reload();
    });
}

void TeamModel::invite(const QString &name, const QString &email, const QString &role)
{
    change("POST", QStringLiteral("/users"),
           QJsonObject{{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("email"), email.trimmed()}, {QStringLiteral("role"), role}}, 0, true);
}

void TeamModel::setRole(qint64 userId, const QString &role)
{
    change("PUT", QStringLiteral("/users/%1").arg(userId), QJsonObject{{QStringLiteral("role"), role}}, userId, false);
}

void TeamModel::disable(qint64 userId)
{
    change("DELETE", QStringLiteral("/users/%1").arg(userId), QJsonValue(), userId, false);
}

void TeamModel::newSetupLink(qint64 userId)
{
    change("POST", QStringLiteral("/users/%1/setup-link").arg(userId), QJsonValue(), userId, true);
}

void TeamModel::signOutEverywhere(qint64 userId)
{
    if (!client() || m_busy)
        return;
    m_busy = true;
    emit busyChanged();
    client()->post(QStringLiteral("/users/%1/signout").arg(userId), QJsonValue(), this, [this, userId](const ApiResult &r) {
        m_busy = false;
        emit busyChanged();
        if (!r.ok())
            return emit changeFailed(r.error);
        emit signedOutEverywhere(userId);
    });
}
