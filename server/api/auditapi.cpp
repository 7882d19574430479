// The audit log: who did what to which object, when and from where (views of recordings and CVs, changes,
// deletions, exports, sign-ins and their failures, role changes), append-only — no route changes or deletes an
// entry — and read by administrators through GET /api/v1/audit and its CSV export.
#include "auditapi.h"
#include "apicontext.h"
#include "core/config.h"
#include "core/log.h"
#include "core/workerthreads.h"
#include "storage/database.h"
#include "listquery.h"
#include "validate.h"
#include <QDateTime>

namespace intervox {
using validate::iso;
using validate::queryTime;
namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

constexpr int kMaxExportRows = 100000;

// The filters both routes take: ?action= (one or more, comma-separated: exact, or a family ending in "." such as
// "user."), ?userId=, ?from=, ?to=.
QString filters(const QUrlQuery &query, QVariantList &binds)
{
    QString where;
    const QString action = query.queryItemValue(s("action"), QUrl::FullyDecoded);
    const QStringList actions = action.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (action.size() > 300 || actions.size() > 12)
        fail(ApiError{ErrorCode::BadRequest, s("action: at most 12 actions or families, 300 characters"), s("action")});
    QStringList any;
    for (QString a : actions) {
        a = a.trimmed();
        if (a.endsWith(QLatin1Char('.'))) {
            any << s("a.action LIKE ?");
            binds << a.remove(QLatin1Char('%')).remove(QLatin1Char('_')) + QLatin1Char('%');
        } else {
            any << s("a.action = ?");
            binds << a;
        }
    }
    if (!any.isEmpty())
        where += s(" AND (") + any.join(s(" OR ")) + QLatin1Char(')');
    if (const qint64 user = queryId(query, s("userId"))) {
        where += s(" AND a.user_id = ?");
        binds << user;
    }
    if (const qint64 from = queryTime(query, s("from"))) {
        where += s(" AND a.at >= ?");
        binds << from;
    }
    if (const qint64 to = queryTime(query, s("to"))) {
        where += s(" AND a.at < ?");
        binds << to;
    }
    return where;
}

const char *kSelect = "SELECT a.id, a.at, a.user_id, u.name, a.action, a.target, a.address FROM audit_log a"
                      " LEFT JOIN users u ON u.id = a.user_id AND u.org_id = a.org_id WHERE a.org_id = ?";

// A CSV cell: quoted when needed, and never read as a formula by a spreadsheet.
QString csvCell(QString v)
{
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.at(0)))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')))
        v = QLatin1Char('"') + v.replace(QLatin1Char('"'), s("\"\"")) + QLatin1Char('"');
    return v;
}

} // namespace

void audit(Database *db, qint64 org, qint64 user, const QString &action, const QString &target, const QString &address)
{
    db->exec(s("INSERT INTO audit_log (org_id, user_id, action, target, address, at) VALUES (?, ?, ?, ?, ?, ?)"),
             {org, user > 0 ? QVariant(user) : QVariant(QMetaType(QMetaType::LongLong)), action, target,
              address.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(address), nowMs()});
}

void audit(const ApiContext &ctx, const HttpRequest &r, const Principal &p, const QString &action, const QString &target)
{
    audit(ctx.db, p.orgId, p.userId, action, target, clientAddress(r, *ctx.config));
}

void auditLater(const ApiContext &ctx, qint64 org, qint64 user, const QString &action, const QString &target, const QString &address)
{
    Database *db = ctx.db;
    const bool queued = ctx.writers->post([db, org, user, action, target, address] {
        try {
            audit(db, org, user, action, target, address);
        } catch (const ApiException &) {
            qCCritical(lcHttp).noquote() << "could not write the audit entry" << action << target;
        }
    });
    if (!queued)
        qCCritical(lcHttp).noquote() << "audit entry not written (the writer's queue is full):" << action << target;
}

void auditSignIn(const ApiContext &ctx, const std::optional<Principal> &who, const QString &email, const QString &how, const QString &address)
{
    if (who) {
        auditLater(ctx, who->orgId, who->userId, s("signin"), QStringLiteral("user:%1 %2").arg(who->userId).arg(how), address);
        return;
    }
    Database *db = ctx.db;
    const bool queued = ctx.writers->post([db, email, how, address] {
        try {
            if (const auto account = AccessTokens::userByEmail(db, email))
                audit(db, account->orgId, 0, s("signin.failed"), QStringLiteral("user:%1 %2").arg(account->userId).arg(how), address);
        } catch (const ApiException &) {
            qCCritical(lcHttp) << "could not write the audit entry of a failed sign-in";
        }
    });
    if (!queued)
        qCCritical(lcHttp) << "audit entry of a failed sign-in not written (the writer's queue is full)";
}

void registerAuditApi(HttpServer &http, ApiContext &ctx)
{
    Database *db = ctx.db;
    http.route("GET", s("/api/v1/audit"), ctx.reader([db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        const PageRequest page = PageRequest::fromQuery(r.query);
        QVariantList binds{p.orgId};
        const QString where = filters(r.query, binds);
        QSqlQuery q = db->exec(s(kSelect) + where + s(" AND a.id < ? ORDER BY a.id DESC LIMIT ?"), binds + page.binds());
        QJsonArray items;
        while (q.next()) {
            items.append(QJsonObject{
                {s("id"), q.value(0).toLongLong()}, {s("at"), iso(q.value(1).toLongLong())},
                {s("user"), q.value(2).isNull() ? QJsonValue(QJsonValue::Null)
                                                : QJsonValue(QJsonObject{{s("id"), q.value(2).toLongLong()}, {s("name"), q.value(3).toString()}})},
                {s("action"), q.value(4).toString()}, {s("target"), q.value(5).toString()},
                {s("address"), q.value(6).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.value(6).toString())}});
        }
        return HttpResponse::json(200, page.reply(items));
    }));
    // The same entries (oldest first) as a CSV file for an auditor; the export is itself an entry.
    http.route("GET", s("/api/v1/audit/export"), ctx.authed([&ctx, db](HttpRequest &r, const Principal &p) {
        requireAdmin(p);
        QVariantList binds{p.orgId};
        const QString where = filters(r.query, binds);
        const qint64 rows = db->scalar(s("SELECT COUNT(*) FROM audit_log a WHERE a.org_id = ?") + where, binds).toLongLong();
        if (rows > kMaxExportRows)
            fail(ApiError{ErrorCode::Validation, QStringLiteral("%1 entries match; export at most %2 at a time (narrow ?from= and ?to=)")
                                                     .arg(rows).arg(kMaxExportRows), s("to")});
        audit(ctx, r, p, s("audit.export"), r.query.isEmpty() ? s("everything") : r.query.toString(QUrl::FullyEncoded).left(300));
        QSqlQuery q = db->exec(s(kSelect) + where + s(" ORDER BY a.id"), binds);
        QString csv = s("id,at,user_id,user,action,target,address\r\n");
        while (q.next()) {
            const QStringList cells{q.value(0).toString(), iso(q.value(1).toLongLong()), q.value(2).isNull() ? QString() : q.value(2).toString(),
                                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString()};
            QStringList out;
            for (const QString &c : cells)
                out << csvCell(c);
            csv += out.join(QLatin1Char(',')) + s("\r\n");
        }
        HttpResponse resp;
        resp.body = csv.toUtf8();
        resp.headers = {{"content-type", "text/csv; charset=utf-8"},
                        {"content-disposition", "attachment; filename=\"intervox-audit.csv\""}, {"cache-control", "no-store"}};
        return resp;
    }, false));
}

} // namespace intervox
