#include "interviewlistmodel.h"

#include <QJsonObject>

InterviewListModel::InterviewListModel(QObject *parent)
    : ApiListModel(parent)
{
}

QVariant InterviewListModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(index))
        return {};
    const Item &item = m_all.at(itemIndex(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return item.title;
    case IdRole: return item.id;
    case LanguageRole: return item.language;
    case QuestionCountRole: return item.questions;
    case DeadlineRole: return item.deadline;
    case CreatedAtRole: return item.createdAt;
    }
    return {};
}

QHash<int, QByteArray> InterviewListModel::roleNames() const
{
    return {{IdRole, "interviewId"}, {TitleRole, "title"}, {LanguageRole, "language"}, {QuestionCountRole, "questionCount"},
            {DeadlineRole, "deadline"}, {CreatedAtRole, "createdAt"}};
}

int InterviewListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (m_all.at(itemIndex(row)).id == id)
            return row;
    }
    return -1;
}

bool InterviewListModel::matches(int index, const QString &needle) const
{
    return m_all.at(index).title.contains(needle, Qt::CaseInsensitive);
}

int InterviewListModel::takeItems(const QJsonArray &items)
{
    m_all.clear();
    m_all.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        Item item;
        item.id = o.value(QStringLiteral("id")).toInteger();
        item.title = o.value(QStringLiteral("title")).toString();
        item.language = o.value(QStringLiteral("language")).toString();
        item.questions = int(o.value(QStringLiteral("questions")).toArray().size());
        item.deadline = QDateTime::fromString(o.value(QStringLiteral("deadline")).toString(), Qt::ISODate);
        item.createdAt = QDateTime::fromString(o.value(QStringLiteral("createdAt")).toString(), Qt::ISODate);
        m_all.append(item);
    }
    return int(m_all.size());
}
