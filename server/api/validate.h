#pragma once
// Edge validation of JSON request fields: each failure names the field and the limit (422).

#include "core/error.h"

#include <QJsonObject>
#include <QString>
#include <QUrlQuery>
#include <optional>

namespace intervox::validate {

// A trimmed string of min..max characters without control characters (newlines allowed if `multiline`).
QString text(const QJsonObject &o, const QString &field, int min, int max, bool multiline = false);
std::optional<QString> optionalText(const QJsonObject &o, const QString &field, int max, bool multiline = false);
QString email(const QJsonObject &o, const QString &field);
int integer(const QJsonObject &o, const QString &field, int min, int max, std::optional<int> fallback = std::nullopt);
qint64 id(const QJsonObject &o, const QString &field);
// ISO 8601 date-time with zone (e.g. 2026-12-01T17:00:00Z) → ms since epoch; nullopt if absent or null.
std::optional<qint64> timestamp(const QJsonObject &o, const QString &field);
// A query parameter as an ISO 8601 time (a date alone is its midnight UTC); 0 when absent; else a 400 naming it.
qint64 queryTime(const QUrlQuery &query, const QString &name);
QString iso(qint64 ms);
QJsonValue isoOrNull(const QVariant &ms);

} // namespace intervox::validate
