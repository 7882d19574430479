#pragma once
// What list routes read from the query string: the page (?limit=, ?cursor=) and id filters. Every list is a
// keyset page over id DESC, replied as {"items":[…],"next":cursor|null}; no list is ever cut silently.

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QVariantList>
#include <functional>

namespace intervox {

class Database;

class PageRequest
{
public:
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 200;

    // Reads ?limit= (1–200, default 50) and ?cursor= (from an earlier reply's "next"); a bad value is a 400
    // that names the parameter. An empty value counts as absent.
    static PageRequest fromQuery(const QUrlQuery &query);

    // Appended to a query's WHERE clause, with binds() appended to its parameters: one row more than the page
    // is fetched, to learn whether another page follows.
    static QString clause() { return QStringLiteral(" AND id < ? ORDER BY id DESC LIMIT ?"); }
    QVariantList binds() const { return {m_before, m_limit + 1}; }

    // Drops the extra row from `items` (objects with an "id"); returns the cursor of the next page or null.
    QJsonValue cut(QJsonArray &items) const;
    // {"items", "next"}: `items` as fetched with binds(), cut to the page.
    QJsonObject reply(QJsonArray items) const;

    int limit() const { return m_limit; }

    // The opaque cursor that continues after `id`: base64url of the id, so that clients do not build their own.
    static QString cursorAfter(qint64 id);

private:
    int m_limit = kDefaultLimit;
    qint64 m_before = 0;
};

// Adds `field` (an array) to every object of `parents` with one query, whatever their number: `sql` selects the
// parent's id first, then what `row` turns into one child; it has `?` for the organization and `%1` for the
// parent ids (e.g. "... WHERE org_id = ? AND interview_id IN (%1) ORDER BY interview_id, position").
void attachChildren(Database *db, qint64 org, QJsonArray &parents, const QString &field, const QString &sql,
                    const std::function<QJsonObject(const QSqlQuery &)> &row);

// ?name= as a positive id, 0 when absent or empty; anything else is a 400 naming the parameter.
qint64 queryId(const QUrlQuery &query, const QString &name);

} // namespace intervox
