// Config: INI < environment < command line; a bad value fails with its key named.
#include "core/config.h"

#include <QTemporaryDir>
#include <QTest>

using namespace intervox;

class TestConfig : public QObject
{
    Q_OBJECT
    QString writeIni(QTemporaryDir &dir, const QByteArray &text)
    {
        QFile f(dir.filePath("intervoxd.conf"));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return f.fileName();
    }

private slots:
    void init()
    {
        qunsetenv("INTERVOX_LISTEN");
        qunsetenv("INTERVOX_DATABASE");
        qunsetenv("INTERVOX_TRUSTED_PROXIES");
    }

    void defaultsAreLoopbackAndSqlite()
    {
        QString error;
        const auto c = Config::load({}, {{"data_dir", "/tmp/x"}}, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(c->listenPort, quint16(8080));
        QVERIFY(c->database.isEmpty());
        QCOMPARE(c->databaseDescription(), QStringLiteral("sqlite:/tmp/x/intervox.db"));
    }

    void environmentOverridesFileAndCommandLineOverridesEnvironment()
    {
        QTemporaryDir dir;
        const QString ini = writeIni(dir, "listen = 127.0.0.1:7000\ndata_dir = /tmp/y\n");
        qputenv("INTERVOX_LISTEN", "127.0.0.1:7001");
        QString error;
        auto c = Config::load(ini, {}, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->listenPort, quint16(7001));
        c = Config::load(ini, {{"listen", "127.0.0.1:7002"}}, &error);
        QCOMPARE(c->listenPort, quint16(7002));
        QCOMPARE(c->dataDir, QStringLiteral("/tmp/y"));
    }

    void badValueNamesItsKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("listen") << "listen" << "nowhere";
        QTest::newRow("port") << "listen" << "127.0.0.1:99999";
        QTest::newRow("database") << "database" << "mysql://x";
        QTest::newRow("public_url") << "public_url" << "ftp://x";
        QTest::newRow("cv_max_mb") << "cv_max_mb" << "0";
        QTest::newRow("idle") << "session_idle_seconds" << "abc";
        QTest::newRow("job_workers") << "job_workers" << "0";
        QTest::newRow("job_lease_seconds") << "job_lease_seconds" << "1";
        QTest::newRow("max_connections_per_address") << "max_connections_per_address" << "1e3";
        QTest::newRow("trusted_proxies") << "trusted_proxies" << "127.0.0.1, nginx.local";
        QTest::newRow("trusted_proxies prefix") << "trusted_proxies" << "10.0.0.0/99";
    }
    void badValueNamesItsKey()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QString error;
        QVERIFY(!Config::load({}, {{key, value}, {"data_dir", "/tmp/z"}}, &error));
        QVERIFY2(error.startsWith(key + ':'), qPrintable(error));
    }

    void unknownKeyInFileIsRefused()
    {
        QTemporaryDir dir;
        const QString ini = writeIni(dir, "listne = 127.0.0.1:7000\n");
        QString error;
        QVERIFY(!Config::load(ini, {}, &error));
        QVERIFY2(error.contains("listne"), qPrintable(error));
    }

    void noProxyIsTrustedByDefault()
    {
        QString error;
        const auto c = Config::load({}, {{"data_dir", "/tmp/z"}}, &error);
        QVERIFY2(c, qPrintable(error));
        QVERIFY(!c->isTrustedProxy(QHostAddress::LocalHost));
        QVERIFY(!c->isTrustedProxy(QHostAddress::LocalHostIPv6));
    }

    void trustedProxiesFromFileListAddressesAndSubnets()
    {
        QTemporaryDir dir;
        // QSettings reads a comma-separated value as a list: it must still arrive whole.
        const QString ini = writeIni(dir, "data_dir = /tmp/y\ntrusted_proxies = 127.0.0.1, ::1, 10.1.0.0/16\n");
        QString error;
        const auto c = Config::load(ini, {}, &error);
        QVERIFY2(c, qPrintable(error));
        QVERIFY(c->isTrustedProxy(QHostAddress("127.0.0.1")));
        QVERIFY(c->isTrustedProxy(QHostAddress("::ffff:127.0.0.1"))); // IPv4 peer on a dual-stack socket
        QVERIFY(c->isTrustedProxy(QHostAddress("::1")));
        QVERIFY(c->isTrustedProxy(QHostAddress("10.1.200.3")));
        QVERIFY(!c->isTrustedProxy(QHostAddress("10.2.0.1")));
        QVERIFY(!c->isTrustedProxy(QHostAddress("127.0.0.2")));
    }

    void databasePasswordIsNotLogged()
    {
        QString error;
        const auto c = Config::load({}, {{"database", "postgres://ivx:s3cret@db:5432/ivx"}, {"data_dir", "/tmp/z"}}, &error);
        QVERIFY(c);
        QVERIFY(!c->databaseDescription().contains("s3cret"));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
