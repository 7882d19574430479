// Database: migrations apply once, are recorded, and a newer schema than the binary knows is refused.
#include "core/config.h"
#include "core/error.h"
#include "storage/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace intervox;

class TestDatabase : public QObject
{
    Q_OBJECT
    Config configIn(const QTemporaryDir &dir)
    {
        QString error;
        return *Config::load({}, {{"data_dir", dir.path()}}, &error);
    }

private slots:
    void migratesAFreshDatabaseToTheLatestVersion()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY2(db.open(configIn(dir), &error), qPrintable(error));
        QVERIFY2(db.migrate(&error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestVersion());
        QVERIFY(db.migrate(&error)); // idempotent
        QCOMPARE(db.scalar("SELECT COUNT(*) FROM schema_migrations").toInt(), Database::latestVersion());
        db.close();
    }

    void refusesASchemaNewerThanItself()
    {
        QTemporaryDir dir;
        QString error;
        {
            Database db;
            QVERIFY(db.open(configIn(dir), &error) && db.migrate(&error));
            db.exec("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)", {Database::latestVersion() + 1});
            db.close();
        }
        Database db;
        QVERIFY(db.open(configIn(dir), &error));
        QVERIFY(!db.migrate(&error));
        QVERIFY2(error.contains("newer"), qPrintable(error));
        db.close();
    }

    void transactionRollsBackWhenTheBodyThrows()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(db.open(configIn(dir), &error) && db.migrate(&error));
        try {
            db.transaction([&] {
                db.insert("INSERT INTO organizations (name, created_at) VALUES (?, ?)", {"Acme", 1});
                fail(ApiError::conflict("stop"));
            });
            QFAIL("transaction did not rethrow");
        } catch (const ApiException &e) {
            QCOMPARE(e.error.httpStatus(), 409);
        }
        QCOMPARE(db.scalar("SELECT COUNT(*) FROM organizations").toInt(), 0);
        db.close();
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
