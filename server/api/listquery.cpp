#include "listquery.h"

#include "core/error.h"
#include "storage/database.h"

#include <QRegularExpression>
#include <limits>

namespace intervox {

namespace {

constexpr auto kCursorEncoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

ApiError badParameter(const QString &name, const QString &message)
{
    return ApiError{ErrorCode::BadRequest, name + QStringLiteral(": ") + message, name};
}

// A positive id of at most 15 digits (ids are BIGINT; 15 digits also stay exact in a JSON number).
bool parseId(const QString &text, qint64 *out)
{
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{0,14}$"));
    if (!digits.match(text).hasMatch())
        return false;
    *out = text.toLongLong();
    return true;
}

} // namespace

PageRequest PageRequest::fromQuery(const QUrlQuery &query)
{
    PageRequest page;
    page.m_before = std::numeric_limits<qint64>::max();
    const QString limit = query.queryItemValue(QStringLiteral("limit"), QUrl::FullyDecoded);
    if (!limit.isEmpty()) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,3}$"));
        const int n = digits.match(limit).hasMatch() ? limit.toInt() : 0;
        if (n < 1 || n > kMaxLimit)
            fail(badParameter(QStringLiteral("limit"), QStringLiteral("must be a whole number from 1 to %1 (default %2)").arg(kMaxLimit).arg(kDefaultLimit)));
        page.m_limit = n;
    }
    const QString cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    if (!cursor.isEmpty()) {
        // Strict: only what cursorAfter() produces, byte for byte; anything else was not given out by this server.
        const QByteArray raw = cursor.size() <= 32 ? cursor.toLatin1() : QByteArray();
        const auto decoded = QByteArray::fromBase64Encoding(raw, kCursorEncoding | QByteArray::AbortOnBase64DecodingErrors);
        qint64 id = 0;
        if (raw.isEmpty() || !decoded || !parseId(QString::fromLatin1(*decoded), &id) || cursorAfter(id) != cursor)
            fail(badParameter(QStringLiteral("cursor"), QStringLiteral("not a cursor from this list's \"next\"; start again without one")));
        page.m_before = id;
    }
    return page;
}

QJsonValue PageRequest::cut(QJsonArray &items) const
{
    if (items.size() <= m_limit)
        return QJsonValue::Null;
    while (items.size() > m_limit)
        items.removeLast();
    return cursorAfter(items.last().toObject().value(QLatin1String("id")).toInteger());
}

QJsonObject PageRequest::reply(QJsonArray items) const
{
    const QJsonValue next = cut(items);
    return QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("next"), next}};
}

QString PageRequest::cursorAfter(qint64 id)
{
    return QString::fromLatin1(QByteArray::number(id).toBase64(kCursorEncoding));
}

qint64 queryId(const QUrlQuery &query, const QString &name)
{
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    qint64 id = 0;
    if (!text.isEmpty() && !parseId(text, &id))
        fail(badParameter(name, QStringLiteral("must be an id (a positive whole number)")));
    return id;
}

void attachChildren(Database *db, qint64 org, QJsonArray &parents, const QString &field, const QString &sql,
                    const std::function<QJsonObject(const QSqlQuery &)> &row)
{
    if (parents.isEmpty())
        return;
    QVariantList params{org};
    for (const QJsonValue &v : std::as_const(parents))
        params.append(v.toObject().value(QStringLiteral("id")).toInteger());
    QHash<qint64, QJsonArray> children;
    QSqlQuery q = db->exec(sql.arg(Database::placeholders(int(params.size()) - 1)), params);
    while (q.next())
        children[q.value(0).toLongLong()].append(row(q));
    for (qsizetype i = 0; i < parents.size(); ++i) {
        QJsonObject o = parents.at(i).toObject();
        o.insert(field, children.value(o.value(QStringLiteral("id")).toInteger()));
        parents.replace(i, o);
    }
}

} // namespace intervox
