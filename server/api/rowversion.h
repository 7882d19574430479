#pragma once
// Optimistic concurrency for editable resources: each such row carries a version, its ETag is "<id>-<version>",
// and a write with If-Match goes through only while the row still has a version the header names (else 412).
//
// A version column rather than a hash of the representation: the check and the write become one
// compare-and-swap (UPDATE … SET version = version + 1 WHERE … AND version IN (…)) inside the write's
// transaction, so of two writers holding the same ETag exactly one wins, on SQLite and on PostgreSQL, also with
// several intervoxd processes on one database; and checking needs no representation to be built and hashed.

#include "http/httptypes.h"

#include <QList>

namespace intervox {

class Database;

class IfMatch
{
public:
    // The request's If-Match for the resource `id`: absent or "*" accepts any version of an existing row.
    static IfMatch fromRequest(const HttpRequest &r, qint64 id);

    bool accepts(qint64 version) const { return m_any || m_versions.contains(version); }

    // Without writing: 404 (`what`) if the organization has no such row, 412 if this condition refuses its
    // current version. For failing fast before costly work; the write itself must still claim().
    void check(Database *db, const char *table, qint64 org, qint64 id, const QString &what) const;
    // Inside the write's transaction: moves the row of `table` to its next version if this condition accepts
    // the current one; 412 if not, 404 (`what`) if the organization has no such row.
    void claim(Database *db, const char *table, qint64 org, qint64 id, const QString &what) const;

private:
    bool m_any = true;
    QList<qint64> m_versions;
};

QByteArray etag(qint64 id, qint64 version);
// Sets the ETag header of a reply that carries the representation of row `id` at `version`.
HttpResponse withEtag(HttpResponse response, qint64 id, qint64 version);

} // namespace intervox
