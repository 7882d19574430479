#include "apilistmodel.h"

#include <QCollator>
#include <algorithm>

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
    applySort();
}

QVariant ApiListModel::sortValue(int, const QString &) const
{
    return {};
}

void ApiListModel::sortBy(const QString &key, bool descending)
{
    if (key == m_sortKey && descending == m_sortDescending)
        return;
    m_sortKey = key;
    m_sortDescending = descending;
    emit sortChanged();
    beginResetModel();
    applyFilter();
    endResetModel();
}

void ApiListModel::applySort()
{
    if (m_sortKey.isEmpty())
        return;
    // Each row's value once (a string becomes the locale's collation key), then one stable sort of indices.
    struct Keyed { int item; bool has; double number; QCollatorSortKey text; };
    // The "C" locale (no LANG set) would compare code points: "Zoe" before "anna", "10" before "9".
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale());
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::vector<Keyed> keyed;
    keyed.reserve(m_visible.size());
    bool textual = false;
    for (int item : std::as_const(m_visible)) {
        const QVariant v = sortValue(item, m_sortKey);
        if (v.typeId() == QMetaType::QString) {
            textual = true;
            keyed.push_back({item, true, 0, collator.sortKey(v.toString())});
        } else {
            keyed.push_back({item, v.isValid(), v.toDouble(), collator.sortKey(QString())});
        }
    }
    const bool down = m_sortDescending;
    std::stable_sort(keyed.begin(), keyed.end(), [down, textual](const Keyed &a, const Keyed &b) {
        if (a.has != b.has)
            return a.has; // without a value: last, whichever the direction
        if (!a.has)
            return false;
        const int c = textual ? a.text.compare(b.text) : (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
        return down ? c > 0 : c < 0;
    });
    for (qsizetype i = 0; i < qsizetype(keyed.size()); ++i)
        m_visible[i] = keyed[i].item;
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
    m_client->getAll(path, listQuery(), this, [this, generation](const QJsonArray &items, const ApiError &error) {
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
