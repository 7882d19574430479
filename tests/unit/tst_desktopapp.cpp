// The desktop app, started as a user would (offscreen here), embeds a working server with its own SQLite data.
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestDesktopApp : public QObject
{
    Q_OBJECT
private slots:
    void startsItsEmbeddedServerWithSqliteInItsDataFolder()
    {
        QTemporaryDir data;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("INTERVOX_DATA_DIR", data.path());
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(INTERVOX_APP_BINARY, {});
        QVERIFY(app.waitForStarted(10000));

        const QRegularExpression ready("embedded server listening on (http://127\\.0\\.0\\.1:\\d+)");
        QByteArray output;
        QString url;
        QTRY_VERIFY_WITH_TIMEOUT((output += app.readAll(), url = ready.match(QString::fromUtf8(output)).captured(1), !url.isEmpty()), 30000);

        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url + "/readyz")));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->readAll().contains("ready"));
        QVERIFY(QFile::exists(data.filePath("intervox.db")));

        app.terminate();
        QVERIFY(app.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
