#include "interviewlistmodel.h"

#include <QJsonObject>

InterviewListModel::InterviewListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int InterviewListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant InterviewListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_all.at(m_visible.at(index.row()));
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

void InterviewListModel::setClient(ApiClient *client)
{
    if (client == m_client)
        return;
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    // Signed in later (or again, e.g. after the server forgot the token): read the list then.
    if (m_client)
        connect(m_client, &ApiClient::signedInChanged, this, [this] {
            if (m_client->signedIn())
                reload();
        });
    emit clientChanged();
    reload();
}

void InterviewListModel::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    emit filterTextChanged();
    beginResetModel();
    applyFilter();
    endResetModel();
    emit countChanged();
}

void InterviewListModel::applyFilter()
{
    m_visible.clear();
    const QString needle = m_filter.trimmed();
    for (int i = 0; i < m_all.size(); ++i) {
        if (needle.isEmpty() || m_all.at(i).title.contains(needle, Qt::CaseInsensitive))
            m_visible.append(i);
    }
}

int InterviewListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_visible.size(); ++row) {
        if (m_all.at(m_visible.at(row)).id == id)
            return row;
    }
    return -1;
}

void InterviewListModel::reload()
{
    if (!m_client || !m_client->signedIn())
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    emit loadingChanged();
    m_client->getAll(QStringLiteral("/interviews"), QString(), this, [this, generation](const QJsonArray &items, const ApiError &error) {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_error = error;
        if (!error.isError()) {
            QList<Item> all;
            all.reserve(items.size());
            for (const QJsonValue &v : items) {
                const QJsonObject o = v.toObject();
                Item item;
                item.id = o.value(QStringLiteral("id")).toInteger();
                item.title = o.value(QStringLiteral("title")).toString();
                item.language = o.value(QStringLiteral("language")).toString();
                item.questions = int(o.value(QStringLiteral("questions")).toArray().size());
                item.deadline = QDateTime::fromString(o.value(QStringLiteral("deadline")).toString(), Qt::ISODate);
                item.createdAt = QDateTime::fromString(o.value(QStringLiteral("createdAt")).toString(), Qt::ISODate);
                all.append(item);
            }
            beginResetModel();
            m_all = std::move(all);
            applyFilter();
            endResetModel();
            m_loaded = true;
            emit countChanged();
        }
        emit errorChanged();
        emit loadingChanged();
    });
}
