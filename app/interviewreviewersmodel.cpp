#include "interviewreviewersmodel.h"

#include <QJsonObject>
#include <QSet>

InterviewReviewersModel::InterviewReviewersModel(QObject *parent)
    : ApiListModel(parent)
{
    connect(this, &ApiListModel::countChanged, this, &InterviewReviewersModel::assignedChanged);
}

QVariant InterviewReviewersModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(index))
        return {};
    const Item &item = m_all.at(itemIndex(index.row()));
    switch (role) {
    case IdRole: return item.id;
    case Qt::DisplayRole:
    case NameRole: return item.name;
    case EmailRole: return item.email;
    case AssignedRole: return item.assigned;
    }
    return {};
}

QHash<int, QByteArray> InterviewReviewersModel::roleNames() const
{
    return {{IdRole, "userId"}, {NameRole, "name"}, {EmailRole, "email"}, {AssignedRole, "assigned"}};
}

void InterviewReviewersModel::setInterviewId(qint64 id)
{
    if (id == m_interviewId)
        return;
    m_interviewId = id;
    emit interviewIdChanged();
    reload();
}

int InterviewReviewersModel::takeItems(const QJsonArray &items)
{
    m_all.clear();
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        // Only active reviewers are assigned; administrators and recruiters see every interview anyway.
        if (o.value(QStringLiteral("role")).toString() != QLatin1String("reviewer") || o.value(QStringLiteral("status")).toString() == QLatin1String("disabled"))
            continue;
        bool assigned = false;
        for (const QJsonValue &i : o.value(QStringLiteral("interviews")).toArray())
            assigned = assigned || i.toObject().value(QStringLiteral("id")).toInteger() == m_interviewId;
        m_all.append(Item{o.value(QStringLiteral("id")).toInteger(), o.value(QStringLiteral("name")).toString(),
                          o.value(QStringLiteral("email")).toString(), assigned});
    }
    std::stable_sort(m_all.begin(), m_all.end(), [](const Item &a, const Item &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return int(m_all.size());
}

bool InterviewReviewersModel::matches(int index, const QString &needle) const
{
    const Item &item = m_all.at(index);
    return item.name.contains(needle, Qt::CaseInsensitive) || item.email.contains(needle, Qt::CaseInsensitive);
}

int InterviewReviewersModel::assignedCount() const
{
    return int(std::count_if(m_all.cbegin(), m_all.cend(), [](const Item &i) { return i.assigned; }));
}

QString InterviewReviewersModel::assignedNames() const
{
    QStringList names;
    for (const Item &i : m_all) {
        if (i.assigned)
            names.append(i.name);
    }
    return names.join(QLatin1String(", "));
}

void InterviewReviewersModel::setAssigned(qint64 userId, bool assigned)
{
    if (!client() || m_busy || m_interviewId <= 0)
        return;
    QJsonArray ids;
    for (const Item &i : m_all) {
        if (i.id == userId ? assigned : i.assigned)
            ids.append(i.id);
    }
    m_busy = true;
    emit busyChanged();
    client()->put(QStringLiteral("/interviews/%1/reviewers").arg(m_interviewId), QJsonObject{{QStringLiteral("userIds"), ids}}, this,
                  [this](const ApiResult &r) {
                      if (r.ok()) {
                          // The server's set at once (before `busy` clears), so the next tick builds on it.
                          QSet<qint64> now;
                          for (const QJsonValue &v : r.json.toObject().value(QStringLiteral("userIds")).toArray())
                              now.insert(v.toInteger());
                          for (int i = 0; i < m_all.size(); ++i)
                              m_all[i].assigned = now.contains(m_all.at(i).id);
                          if (rowCount() > 0)
                              emit dataChanged(index(0), index(rowCount() - 1), {AssignedRole});
                          emit assignedChanged();
                      } else {
                          emit changeFailed(r.error);
                          reload(); // what the server holds
                      }
                      m_busy = false;
                      emit busyChanged();
                  });
}
