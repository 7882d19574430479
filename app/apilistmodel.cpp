#include "apilistmodel.h"

ApiListModel::ApiListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ApiListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

bool ApiListModel::validRow(const QModelIndex &index) const
{
    return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
}

void ApiListModel::setClient(ApiClient *client)
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

void ApiListModel::setFilterText(const QString &text)
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

void ApiListModel::applyFilter()
{
    m_visible.clear();
    const QString needle = m_filter.trimmed();
    for (int i = 0; i < m_total; ++i) {
        if (needle.isEmpty() || matches(i, needle))
            m_visible.append(i);
    }
}

void ApiListModel::setError(const ApiError &error)
{
    m_error = error;
    emit errorChanged();
}

void ApiListModel::clearItems()
{
    ++m_generation; // a read still on its way is for what was shown before
    beginResetModel();
    takeItems({});
    m_total = 0;
    m_visible.clear();
    m_loaded = false;
    endResetModel();
    emit countChanged();
}

void ApiListModel::reload()
{
    const QString path = listPath();
    if (!m_client || !m_client->signedIn() || path.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    emit loadingChanged();
    m_client->getAll(path, QString(), this, [this, generation](const QJsonArray &items, const ApiError &error) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!error.isError()) {
            beginResetModel();
            m_total = takeItems(items);
            applyFilter();
            endResetModel();
            m_loaded = true;
            emit countChanged();
        }
        setError(error);
        emit loadingChanged();
    });
}
