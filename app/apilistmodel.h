#pragma once
// What every list of the app shares: read a whole list route of the API (page by page), keep the rows in
// memory, filter them as the recruiter types (no request per keystroke), report loading and errors, and read
// again when the client signs in anew. A subclass says which route, how a JSON item becomes a row, and what a
// search matches.

#include "apiclient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class ApiListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(ApiError error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    // The column the rows are sorted by ("" = the API's order, newest first) and its direction.
    Q_PROPERTY(QString sortKey READ sortKey NOTIFY sortChanged)
    Q_PROPERTY(bool sortDescending READ sortDescending NOTIFY sortChanged)
public:
    explicit ApiListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    QString filterText() const { return m_filter; }
    void setFilterText(const QString &text);
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    ApiError error() const { return m_error; }
    int totalCount() const { return m_total; }

    Q_INVOKABLE void reload();
    QString sortKey() const { return m_sortKey; }
    bool sortDescending() const { return m_sortDescending; }
    // Sorts the rows (filtered or not) by `key` (a subclass's column name); rows without a value come last in
    // both directions, equal ones keep the API's order. Kept across reloads and filtering.
    Q_INVOKABLE void sortBy(const QString &key, bool descending);

signals:
    void clientChanged();
    void filterTextChanged();
    void loadingChanged();
    void errorChanged();
    void countChanged();
    void sortChanged();

protected:
    // The list route below /api/v1, or empty when there is nothing to read yet.
    virtual QString listPath() const = 0;
    // The route's filters as a query string ("from=…&action=…"), without paging; empty for none.
    virtual QString listQuery() const { return {}; }
    // Replaces every row with `items` (called between a model reset's begin and end); returns how many rows.
    virtual int takeItems(const QJsonArray &items) = 0;
    // Whether row `index` (of all rows) matches the trimmed, non-empty search text.
    virtual bool matches(int index, const QString &needle) const = 0;
    // What row `index` (of all rows) sorts by under `key`: a number or a string; invalid when it has none.
    virtual QVariant sortValue(int index, const QString &key) const;

    // The index among all rows of visible row `row`.
    int itemIndex(int row) const { return m_visible.at(row); }
    bool validRow(const QModelIndex &index) const;
    // Forgets every row (e.g. a different interview), without reading again.
    void clearItems();
    void setError(const ApiError &error);

private:
    void applyFilter();
    void applySort();

    QPointer<ApiClient> m_client;
    QList<int> m_visible;
    QString m_filter, m_sortKey;
    bool m_sortDescending = false;
    int m_total = 0;
    bool m_loading = false, m_loaded = false;
    ApiError m_error;
    quint64 m_generation = 0; // a reload started while one runs wins
};
