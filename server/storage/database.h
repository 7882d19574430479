#pragma once
// A database connection (SQLite by default, PostgreSQL for production) and the one migration runner.
// A connection belongs to the thread that opened it (Qt SQL's rule): the server's event loop has one, each
// job worker (jobs/jobqueue.h) another. Every query is short.

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <atomic>
#include <functional>

namespace intervox {

struct Config;

class Database
{
public:
    // `connectionName` must be unique per open connection in the process.
    explicit Database(QString connectionName = QStringLiteral("intervox")) : m_name(std::move(connectionName)) {}

    // Opens (and creates, for SQLite) the database named by the config. Returns false with `error` set.
    bool open(const Config &config, QString *error);
    void close();
    bool isPostgres() const { return m_postgres; }
    // The calling thread's connection. The thread that opened the database uses that connection; any other
    // thread gets a clone of it, opened on first use (Qt SQL: a connection belongs to one thread), and must
    // call releaseThreadConnection() before it ends.
    QSqlDatabase handle() const;
    void releaseThreadConnection() const;

    // Applies every migration newer than the stored schema version, each in its own transaction.
    bool migrate(QString *error);
    int schemaVersion();
    static int latestVersion();

    // Runs one statement with positional `?` parameters. Failures are logged and thrown as an internal
    // ApiException (a failed query is a bug or an outage, never the client's fault).
    QSqlQuery exec(const QString &sql, const QVariantList &params = {});
    // First column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql, const QVariantList &params = {});
    // INSERT … RETURNING id
    qint64 insert(const QString &sql, const QVariantList &params);
    // "?, ?, …": `n` placeholders for an IN (…) list.
    static QString placeholders(int n);
    // Runs `body` in a transaction; rolls back if it throws. On SQLite the transaction takes the write lock
    // at once (BEGIN IMMEDIATE): with several connections a deferred one could fail half-way with
    // SQLITE_BUSY_SNAPSHOT when another connection wrote since it read, and the busy timeout does not cover that.
    void transaction(const std::function<void()> &body);

    bool ping();

    // SQL statements run since start (not counting BEGIN/COMMIT): a metric, and how tests see that a list
    // page costs a fixed number of queries whatever its size.
    quint64 statementsRun() const { return m_statements; }

private:
    QString threadConnectionName() const;
    // `sql` with each ? replaced by its value as `driver` formats it (PostgreSQL: one round trip per statement).
    static QString inlineParams(const class QSqlDriver *driver, const QString &sql, const QVariantList &params);
    bool configure(QSqlDatabase &db, QString *error) const; // per-connection settings (SQLite pragmas)
    QString m_name;
    bool m_postgres = false;
    class QThread *m_owner = nullptr;
    std::atomic<quint64> m_statements{0}; // every thread's connections
};

qint64 nowMs();

} // namespace intervox
