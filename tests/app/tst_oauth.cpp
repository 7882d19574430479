// The app's OAuth sign-in (OAuthSignIn, QtNetworkAuth) end to end against a real `intervoxd` process: the test
// plays the browser — it opens the URL the app hands over, signs in on the server's page API like the page's
// script does, and follows the redirect to the app's loopback listener. Also the failures a person can meet:
// a wrong password, Cancel, a refresh token that expired, was revoked or was used twice, a token endpoint that
// answers 500 or never answers (the app gives up with a message), and a redirect with a foreign state.
#include "oauthsignin.h"
#include "remoteserver.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {
const QString kPassword = RemoteServer::kPassword;
}

class TestOAuth : public QObject
{
    Q_OBJECT
    RemoteServer m_server;
    QUrl m_url;
    QNetworkAccessManager m_nam;

    bool browserSignIn(const QUrl &authorize, const QString &password, int *status = nullptr)
    {
        return m_server.browserSignIn(authorize, password, status);
    }

    // Starts a sign-in and returns the URL the app opens in the browser.
    QUrl startSignIn(OAuthSignIn &signIn, const QUrl &server)
    {
        QUrl opened;
        signIn.setOpenBrowser([&opened](const QUrl &url) { opened = url; });
        signIn.start(server);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(opened.isValid(), 10000); }();
        return opened;
    }

    // A whole successful sign-in: the tokens.
    QPair<QString, QString> signInOk()
    {
        OAuthSignIn signIn;
        QSignalSpy done(&signIn, &OAuthSignIn::signedIn);
        const QUrl page = startSignIn(signIn, m_url);
        if (!browserSignIn(page, kPassword) || !(done.size() || done.wait(20000)))
            return {};
        return {done.at(0).at(0).toString(), done.at(0).at(1).toString()};
    }

    int apiStatus(const QString &accessToken)
    {
        QNetworkRequest request(m_url.resolved(QUrl("/api/v1/me")));
        request.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
        QNetworkReply *reply = m_nam.get(request);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
            return 0;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    ApiError refreshError(const QString &refreshToken, QString *newAccess = nullptr, QString *newRefresh = nullptr)
    {
        OAuthSignIn client;
        QSignalSpy ok(&client, &OAuthSignIn::signedIn), failed(&client, &OAuthSignIn::failed);
        client.refresh(m_url, refreshToken);
        if (!QTest::qWaitFor([&] { return ok.size() + failed.size() > 0; }, 40000))
            return ApiError::badReply(QStringLiteral("no answer within 40 s"));
        if (ok.size()) {
            if (newAccess)
                *newAccess = ok.at(0).at(0).toString();
            if (newRefresh)
                *newRefresh = ok.at(0).at(1).toString();
            return {};
        }
        return failed.isEmpty() ? ApiError::badReply(QStringLiteral("no answer")) : failed.at(0).at(0).value<ApiError>();
    }

private slots:
    void initTestCase()
    {
        const QString error = m_server.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_url = m_server.url();
    }

    void aSignInInTheBrowserGivesTheAppWorkingTokens()
    {
        OAuthSignIn signIn;
        QSignalSpy done(&signIn, &OAuthSignIn::signedIn), failed(&signIn, &OAuthSignIn::failed);
        const QUrl page = startSignIn(signIn, m_url);
        QCOMPARE(page.path(), QStringLiteral("/oauth/authorize"));
        const QUrlQuery q(page);
        QCOMPARE(q.queryItemValue("code_challenge_method"), QStringLiteral("S256"));
        QVERIFY(QUrl(q.queryItemValue("redirect_uri", QUrl::FullyDecoded)).host() == QLatin1String("127.0.0.1"));
        // The page itself is served for this request.
        QCOMPARE(send(m_nam, "GET", page).status, 200);
        QVERIFY(browserSignIn(page, kPassword));
        QVERIFY(done.size() || done.wait(20000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(done.at(0).at(2).toInt(), 3600);
        QCOMPARE(apiStatus(done.at(0).at(0).toString()), 200);
        QVERIFY(!signIn.running());
    }

    void aWrongPasswordStaysOnThePageAndTheRightOneStillWorks()
    {
        OAuthSignIn signIn;
        QSignalSpy done(&signIn, &OAuthSignIn::signedIn), failed(&signIn, &OAuthSignIn::failed);
        const QUrl page = startSignIn(signIn, m_url);
        int status = 0;
        QVERIFY(!browserSignIn(page, QStringLiteral("not the password"), &status));
        QCOMPARE(status, 401);
        QCOMPARE(failed.size(), 0); // the person may try again; the app keeps waiting
        QVERIFY(signIn.running());
        QVERIFY(browserSignIn(page, kPassword));
        QVERIFY(done.size() || done.wait(20000));
    }

    void cancelInTheBrowserEndsTheSignInAsCancelled()
    {
        OAuthSignIn signIn;
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        const QUrl page = startSignIn(signIn, m_url);
        const QByteArray body = QJsonDocument(QJsonObject{{"query", QLatin1Char('?') + page.query(QUrl::FullyEncoded)}}).toJson();
        const Http denied = send(m_nam, "POST", m_url.resolved(QUrl("/api/v1/oauth/deny")), body, "application/json");
        QCOMPARE(denied.status, 200);
        send(m_nam, "GET", QUrl(denied.json().value("redirect").toString()));
        QVERIFY(failed.size() || failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ApiError::SignInCancelled);
        QVERIFY(!signIn.running());
    }

    void aRedirectWithAForeignStateIsRefused()
    {
        OAuthSignIn signIn;
        QSignalSpy done(&signIn, &OAuthSignIn::signedIn), failed(&signIn, &OAuthSignIn::failed);
        const QUrl page = startSignIn(signIn, m_url);
        QUrl forged(QUrlQuery(page).queryItemValue("redirect_uri", QUrl::FullyDecoded));
        forged.setQuery(QStringLiteral("code=%1&state=someone-elses").arg(QString(43, QLatin1Char('A'))));
        send(m_nam, "GET", forged);
        QVERIFY(failed.size() || failed.wait(10000));
        const ApiError e = failed.at(0).at(0).value<ApiError>();
        QCOMPARE(e.kind, ApiError::SignInRefused);
        QVERIFY2(e.message().contains(QStringLiteral("state")), qPrintable(e.message()));
        QCOMPARE(done.size(), 0);
    }

    void refreshRotatesAndARevokedOrReusedRefreshTokenAsksToSignInAgain()
    {
        const auto [access, refresh] = signInOk();
        QVERIFY(!refresh.isEmpty());
        QString access2, refresh2;
        QCOMPARE(refreshError(refresh, &access2, &refresh2).kind, ApiError::None);
        QVERIFY(refresh2 != refresh);
        QCOMPARE(apiStatus(access2), 200);
        // Used twice: the server ends the whole sign-in, the app is told it is signed out.
        const ApiError reused = refreshError(refresh);
        QCOMPARE(reused.kind, ApiError::SignedOut);
        QVERIFY2(reused.detail.contains(QStringLiteral("already used")), qPrintable(reused.detail));
        QCOMPARE(apiStatus(access2), 401);

        // Sign-out revokes: the refresh token is refused afterwards.
        const auto [access3, refresh3] = signInOk();
        OAuthSignIn client;
        client.revoke(m_url, refresh3);
        QTRY_COMPARE_WITH_TIMEOUT(apiStatus(access3), 401, 10000);
        const ApiError revoked = refreshError(refresh3);
        QCOMPARE(revoked.kind, ApiError::SignedOut);
        QVERIFY2(revoked.detail.contains(QStringLiteral("revoked")), qPrintable(revoked.detail));
    }

    void anExpiredOrUnknownRefreshTokenAsksToSignInAgain()
    {
        const auto [access, refresh] = signInOk();
        QVERIFY(!refresh.isEmpty());
        // Thirty days pass (the server's clock is not ours to move): the token's expiry is set in the past.
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(refresh.toLatin1(), QCryptographicHash::Sha256).toHex());
        QVERIFY(m_server.sql(QStringLiteral("UPDATE refresh_tokens SET expires_at = 1 WHERE token_hash = '%1'").arg(hash)));
        const ApiError expired = refreshError(refresh);
        QCOMPARE(expired.kind, ApiError::SignedOut);
        QVERIFY2(expired.detail.contains(QStringLiteral("expired")), qPrintable(expired.detail));
        QVERIFY(!expired.message().isEmpty());
        QCOMPARE(refreshError(QString(43, QLatin1Char('B'))).kind, ApiError::SignedOut); // unknown
    }

    void aTokenEndpointThatFailsOrNeverAnswersEndsWithAMessage_data()
    {
        QTest::addColumn<bool>("answer");
        QTest::newRow("HTTP 500") << true;
        QTest::newRow("no answer") << false;
    }

    void aTokenEndpointThatFailsOrNeverAnswersEndsWithAMessage()
    {
        QFETCH(bool, answer);
        // A token endpoint that answers 500, or reads the request and says nothing.
        QTcpServer broken;
        QVERIFY(broken.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&broken, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *s = broken.nextPendingConnection();
            held.append(s);
            connect(s, &QTcpSocket::readyRead, s, [s, answer] {
                s->readAll();
                if (answer)
                    s->write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            });
        });
        OAuthSignIn signIn;
        signIn.setTokenUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/token").arg(broken.serverPort())));
        signIn.setTimeouts(3000, 60000); // the real bound is 30 s; the test need not wait that long
        QSignalSpy done(&signIn, &OAuthSignIn::signedIn), failed(&signIn, &OAuthSignIn::failed);
        QElapsedTimer clock;
        const QUrl page = startSignIn(signIn, m_url);
        QVERIFY(browserSignIn(page, kPassword));
        clock.start();
        QVERIFY(failed.size() || failed.wait(20000));
        const ApiError e = failed.at(0).at(0).value<ApiError>();
        QCOMPARE(e.kind, answer ? ApiError::ServerFault : ApiError::Timeout);
        QVERIFY(!e.message().isEmpty());
        if (!answer)
            QVERIFY2(clock.elapsed() >= 2500, "gave up before its deadline");
        QCOMPARE(done.size(), 0);
        QVERIFY(!signIn.running());
        qDeleteAll(held);
    }
};

QTEST_GUILESS_MAIN(TestOAuth)
#include "tst_oauth.moc"
