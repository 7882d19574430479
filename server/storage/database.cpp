#include "database.h"

#include <QSqlDriver>
#include <QSqlField>

#include "core/config.h"
#include "core/error.h"
#include "core/log.h"

#include <QDateTime>
#include <QThread>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlRecord>
#include <QUrl>
#include <QUrlQuery>

namespace intervox {

namespace {
// A query that fails at run time is the database's trouble (unreachable, disk full, locked), not the client's:
// 503, and callers that can wait retry.
ApiError unavailable()
{
    return ApiError{ErrorCode::Unavailable, QStringLiteral("the database cannot be used right now; try again shortly"), {}};
}
} // namespace

const QList<QStringList> &schemaMigrations();

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool Database::open(const Config &config, QString *error)
{
    const QString url = config.database;
    if (url.isEmpty() || url.startsWith(QLatin1String("sqlite:"))) {
        const QString path = url.isEmpty() ? QDir(config.dataDir).filePath(QStringLiteral("intervox.db")) : url.mid(7);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            *error = QStringLiteral("database: cannot open SQLite file %1: %2").arg(path, db.lastError().text());
            return false;
        }
        m_postgres = false;
        m_owner = QThread::currentThread();
        return configure(db, error);
    }
    const QUrl u(url);
    if (!u.isValid() || u.host().isEmpty() || u.path().size() < 2) {
        *error = QStringLiteral("database: expected postgres://USER:PASSWORD@HOST:PORT/NAME");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    db.setHostName(u.host());
    db.setPort(u.port(5432));
    db.setDatabaseName(u.path().mid(1));
    db.setUserName(u.userName());
    db.setPassword(u.password());
    QStringList options{QStringLiteral("connect_timeout=10")};
    const QUrlQuery query(u);
    for (const auto &item : query.queryItems())
        if (item.first == QLatin1String("sslmode") || item.first == QLatin1String("application_name"))
            options << item.first + QLatin1Char('=') + item.second;
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        *error = QStringLiteral("database: cannot connect to %1: %2").arg(config.databaseDescription(), db.lastError().text().trimmed());
        return false;
    }
    m_postgres = true;
    m_owner = QThread::currentThread();
    return true;
}

bool Database::configure(QSqlDatabase &db, QString *error) const
{
    if (m_postgres)
        return true;
    // WAL: readers never block the writer; NORMAL: a process crash loses nothing, power loss at most the
    // last transactions, without an fsync per commit on the thread that acks audio. Recordings are synced
    // separately, and a saved answer whose commit is lost is saved again on start from the finish.json
    // synced with its segments (SessionHub::reconcile).
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma))) {
            *error = QStringLiteral("database: %1 failed: %2").arg(QString::fromLatin1(pragma), q.lastError().text());
            return false;
        }
    }
    return true;
}

namespace {
// How deeply each thread is nested in transaction() of each Database (a thread's own connection, its own count).
thread_local QHash<const Database *, int> t_txDepth;
} // namespace

QString Database::threadConnectionName() const
{
    return m_name + QStringLiteral("@%1").arg(quintptr(QThread::currentThread()), 0, 16);
}

QSqlDatabase Database::handle() const
{
    if (QThread::currentThread() == m_owner || !m_owner)
        return QSqlDatabase::database(m_name);
    const QString name = threadConnectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::cloneDatabase(m_name, name);
    QString error;
    if (!db.open())
        qCCritical(lcStorage).noquote() << "cannot open a database connection for a worker thread:" << db.lastError().text();
    else if (!configure(db, &error))
        qCCritical(lcStorage).noquote() << error;
    return db; // a connection that did not open fails its first query: 503, like any outage
}

void Database::releaseThreadConnection() const
{
    if (QThread::currentThread() == m_owner)
        return;
    const QString name = threadConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
    t_txDepth.remove(this);
}


void Database::close()
{
    {
        QSqlDatabase db = handle();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

int Database::latestVersion()
{
    return schemaMigrations().size();
}

int Database::schemaVersion()
{
    const QVariant v = scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    return v.isNull() ? 0 : v.toInt();
}

bool Database::migrate(QString *error)
{
    QSqlDatabase db = handle();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"))) {
        *error = QStringLiteral("database: cannot create schema_migrations: %1").arg(q.lastError().text());
        return false;
    }
    // Several server processes may start at once against one PostgreSQL: serialise migrations.
    if (m_postgres && !q.exec(QStringLiteral("SELECT pg_advisory_lock(7142013)"))) {
        *error = QStringLiteral("database: cannot take the migration lock: %1").arg(q.lastError().text());
        return false;
    }
    bool ok = true;
    try {
        const int current = schemaVersion();
        if (current > latestVersion()) {
            *error = QStringLiteral("database: schema version %1 is newer than this intervoxd (%2); upgrade intervoxd or restore a backup")
                         .arg(current).arg(latestVersion());
            ok = false;
        }
        const auto &all = schemaMigrations();
        for (int v = current + 1; ok && v <= all.size(); ++v) {
            transaction([&] {
                for (QString sql : all.at(v - 1)) {
                    const QString other = m_postgres ? QStringLiteral("{{sqlite}}") : QStringLiteral("{{postgres}}");
                    if (sql.startsWith(other))
                        continue;
                    sql.remove(m_postgres ? QStringLiteral("{{postgres}}") : QStringLiteral("{{sqlite}}"));
                    sql.replace(QStringLiteral("{{pk}}"), m_postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                                                     : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
                    exec(sql);
                }
                exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"), {v, nowMs()});
            });
            qCInfo(lcStorage) << "applied schema migration" << v;
        }
    } catch (const ApiException &) {
        *error = QStringLiteral("database: migration failed (see the log above)");
        ok = false;
    }
    if (m_postgres)
        q.exec(QStringLiteral("SELECT pg_advisory_unlock(7142013)"));
    return ok;
}

QSqlQuery Database::exec(const QString &sql, const QVariantList &params)
{
    QSqlQuery q(handle());
    // QPSQL streams forward-only results row by row, and a nested query on the same connection then discards
    // them ("Query results lost"); SQLite has no such limit and saves the copy.
    q.setForwardOnly(!m_postgres);
    ++m_statements;
    bool ok;
    if (params.isEmpty()) {
        ok = q.exec(sql); // PostgreSQL cannot PREPARE DDL such as CREATE TABLE
    } else if (m_postgres) {
        // Qt's QPSQL "prepares" with PREPARE, runs EXECUTE with the values formatted into its text by the
        // driver, and DEALLOCATEs: three round trips per statement. The same text in one: the values formatted
        // by the same driver function (PQescapeStringConn for text), so nothing changes but the round trips.
        ok = q.exec(inlineParams(q.driver(), sql, params));
    } else {
        ok = q.prepare(sql);
        if (ok) {
            for (const QVariant &p : params)
                q.addBindValue(p);
            ok = q.exec();
        }
    }
    if (!ok) {
        qCCritical(lcStorage).noquote() << "query failed:" << q.lastError().text() << "|" << sql;
        throw ApiException{unavailable()};
    }
    return q;
}

QString Database::inlineParams(const QSqlDriver *driver, const QString &sql, const QVariantList &params)
{
    QString out;
    out.reserve(sql.size() + params.size() * 16);
    qsizetype next = 0;
    bool tooFew = false;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) { // inside '…' or "…": a ? there is text ('' and "" just close and reopen)
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('?')) {
            if (next == params.size()) {
                tooFew = true;
                break;
            }
            const QVariant &v = params.at(next++);
            QSqlField f(QString(), v.metaType());
            if (!v.isValid() || v.isNull())
                f.clear();
            else
                f.setValue(v);
            out += driver->formatValue(f);
            continue;
        }
        out += c;
    }
    if (tooFew || next != params.size()) {
        qCCritical(lcStorage).noquote() << "query has" << sql.count(QLatin1Char('?')) << "placeholders for" << params.size() << "values |" << sql;
        throw ApiException{unavailable()};
    }
    return out;
}

QVariant Database::scalar(const QString &sql, const QVariantList &params)
{
    QSqlQuery q = exec(sql, params);
    return q.next() ? q.value(0) : QVariant();
}

qint64 Database::insert(const QString &sql, const QVariantList &params)
{
    QSqlQuery q = exec(sql + QStringLiteral(" RETURNING id"), params);
    if (!q.next()) {
        qCCritical(lcStorage).noquote() << "insert returned no id |" << sql;
        throw ApiException{unavailable()};
    }
    return q.value(0).toLongLong();
}

QString Database::placeholders(int n)
{
    QString out;
    out.reserve(n * 3);
    for (int i = 0; i < n; ++i)
        out += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return out;
}

void Database::transaction(const std::function<void()> &body)
{
    QSqlDatabase db = handle();
    if (t_txDepth.value(this) > 0) { // nested: part of the outer transaction
        body();
        return;
    }
    const auto control = [this, &db](const char *sqlite) {
        if (m_postgres) {
            const QByteArray what(sqlite);
            return what == "COMMIT" ? db.commit() : what == "ROLLBACK" ? db.rollback() : db.transaction();
        }
        QSqlQuery q(db);
        return q.exec(QString::fromLatin1(sqlite));
    };
    if (!control("BEGIN IMMEDIATE")) {
        qCCritical(lcStorage) << "cannot begin transaction:" << db.lastError().text();
        throw ApiException{unavailable()};
    }
    ++t_txDepth[this];
    try {
        body();
    } catch (...) {
        --t_txDepth[this];
        control("ROLLBACK");
        throw;
    }
    --t_txDepth[this];
    if (!control("COMMIT")) {
        qCCritical(lcStorage) << "cannot commit:" << db.lastError().text();
        control("ROLLBACK");
        throw ApiException{unavailable()};
    }
}

bool Database::ping()
{
    QSqlQuery q(handle());
    ++m_statements;
    return q.exec(QStringLiteral("SELECT 1")) && q.next();
}

} // namespace intervox
