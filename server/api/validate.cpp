#include "validate.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QVariant>

#include <cmath>

namespace intervox::validate {

namespace {
bool cleanText(const QString &s, bool multiline)
{
    for (QChar c : s) {
        const ushort u = c.unicode();
        if (u == 0xFFFD)
            return false; // invalid UTF-8 in the body was replaced by the parser
        if (u < 0x20 && !(multiline && (u == '\n' || u == '\r' || u == '\t')))
            return false;
        if (u == 0x7F)
            return false;
    }
    return true;
}
} // namespace

QString text(const QJsonObject &o, const QString &field, int min, int max, bool multiline)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull()) {
        if (min == 0)
            return QStringLiteral(""); // empty, not null: optional columns are NOT NULL with '' as "none"
        fail(ApiError::validation(field, QStringLiteral("is required")));
    }
    if (!v.isString())
        fail(ApiError::validation(field, QStringLiteral("must be a string")));
    const QString s = v.toString().trimmed();
    if (s.size() < min || s.size() > max)
        fail(ApiError::validation(field, min > 0 ? QStringLiteral("must be %1 to %2 characters (got %3)").arg(min).arg(max).arg(s.size())
                                                 : QStringLiteral("must be at most %1 characters (got %2)").arg(max).arg(s.size())));
    if (!cleanText(s, multiline))
        fail(ApiError::validation(field, multiline ? QStringLiteral("must not contain control characters other than newlines")
                                                   : QStringLiteral("must not contain control characters or newlines")));
    return s;
}

std::optional<QString> optionalText(const QJsonObject &o, const QString &field, int max, bool multiline)
{
    if (!o.contains(field) || o.value(field).isNull())
        return std::nullopt;
    return text(o, field, 0, max, multiline);
}

QString email(const QJsonObject &o, const QString &field)
{
    const QString e = text(o, field, 3, 254).toLower();
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!re.match(e).hasMatch())
        fail(ApiError::validation(field, QStringLiteral("must be an email address like name@example.com")));
    return e;
}

int integer(const QJsonObject &o, const QString &field, int min, int max, std::optional<int> fallback)
{
    const QJsonValue v = o.value(field);
    if ((v.isUndefined() || v.isNull()) && fallback)
        return *fallback;
    if (!v.isDouble())
        fail(ApiError::validation(field, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max)));
    const double d = v.toDouble();
    // Range first: converting a double outside the integer's range (1e300) is undefined behaviour.
    if (!(d >= min && d <= max) || d != std::floor(d))
        fail(ApiError::validation(field, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max)));
    return int(d);
}

qint64 id(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    const double d = v.toDouble(-1);
    if (!v.isDouble() || !(d >= 1 && d <= 9e15) || d != std::floor(d))
        fail(ApiError::validation(field, QStringLiteral("must be an id (a positive whole number)")));
    return qint64(d);
}

std::optional<qint64> timestamp(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const QString s = v.toString();
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!v.isString() || !t.isValid() || s.size() > 40 || !(s.endsWith(QLatin1Char('Z')) || s.contains(QLatin1Char('+')) || s.lastIndexOf(QLatin1Char('-')) > 10))
        fail(ApiError::validation(field, QStringLiteral("must be an ISO 8601 time with zone, e.g. 2026-12-01T17:00:00Z")));
    return t.toMSecsSinceEpoch();
}

// A query parameter as an ISO 8601 time (a date alone is its midnight UTC); 0 when absent; else a 400 naming it.
qint64 queryTime(const QUrlQuery &query, const QString &name)
{
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    if (text.isEmpty())
        return 0;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid() || text.size() > 40)
        fail(ApiError{ErrorCode::BadRequest, name + QStringLiteral(": must be a date or time like 2026-12-01 or 2026-12-01T09:30:00Z"), name});
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonValue isoOrNull(const QVariant &ms)
{
    return ms.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(iso(ms.toLongLong()));
}

} // namespace intervox::validate
