#include "rowversion.h"

#include "storage/database.h"

namespace intervox {

namespace {
ApiError notFound(const QString &what)
{
    return ApiError::notFound(QStringLiteral("no such ") + what);
}

ApiError changedMeanwhile(const QString &what)
{
    return ApiError::preconditionFailed(QStringLiteral("the %1 was changed since you loaded it (If-Match does not match its ETag); "
                                                       "load it again and redo your change").arg(what));
}
} // namespace

QByteArray etag(qint64 id, qint64 version)
{
    return '"' + QByteArray::number(id) + '-' + QByteArray::number(version) + '"';
}

HttpResponse withEtag(HttpResponse response, qint64 id, qint64 version)
{
    response.setHeader("etag", etag(id, version));
    return response;
}

IfMatch IfMatch::fromRequest(const HttpRequest &r, qint64 id)
{
    IfMatch m;
    const QByteArray header = r.header("if-match").trimmed();
    if (header.isEmpty() || header == "*")
        return m;
    m.m_any = false;
    // Strong comparison (RFC 9110 13.1.1): weak tags (W/"…") and tags of other resources match nothing.
    const QByteArray prefix = '"' + QByteArray::number(id) + '-';
    for (QByteArray tag : header.split(',')) {
        tag = tag.trimmed();
        if (!tag.startsWith(prefix) || !tag.endsWith('"') || tag.size() > prefix.size() + 20)
            continue;
        bool ok = false;
        const qint64 version = tag.mid(prefix.size(), tag.size() - prefix.size() - 1).toLongLong(&ok);
        if (ok && version > 0)
            m.m_versions.append(version);
    }
    return m;
}

void IfMatch::claim(Database *db, const char *table, qint64 org, qint64 id, const QString &what) const
{
    QString sql = QStringLiteral("UPDATE %1 SET version = version + 1 WHERE id = ? AND org_id = ?").arg(QLatin1String(table));
    QVariantList params{id, org};
    if (!m_any) {
        sql += QStringLiteral(" AND version IN (%1)").arg(m_versions.isEmpty() ? QStringLiteral("NULL") : Database::placeholders(int(m_versions.size())));
        for (qint64 v : m_versions)
            params.append(v);
    }
    if (db->exec(sql, params).numRowsAffected() > 0)
        return;
    if (db->scalar(QStringLiteral("SELECT id FROM %1 WHERE id = ? AND org_id = ?").arg(QLatin1String(table)), {id, org}).isNull())
        fail(notFound(what));
    fail(changedMeanwhile(what));
}

void IfMatch::check(Database *db, const char *table, qint64 org, qint64 id, const QString &what) const
{
    const QVariant version = db->scalar(QStringLiteral("SELECT version FROM %1 WHERE id = ? AND org_id = ?").arg(QLatin1String(table)), {id, org});
    if (version.isNull())
        fail(notFound(what));
    if (!accepts(version.toLongLong()))
        fail(changedMeanwhile(what));
}

} // namespace intervox
