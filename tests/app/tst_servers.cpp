// The app's list of servers and its sign-in to a remote one (AppSession, ServerListModel, CredentialStore)
// against a real `intervoxd` process and the app's own embedded server: adding a server by the address a person
// types, signing in through the browser, the refresh token kept in the keychain (a restart of the app needs no
// new sign-in) or — on a computer without one — a notice and a new sign-in next time, a new access token when the
// server refuses the old one, sign-out revoking on the server, switching to the embedded server and back, and a
// sign-in ended elsewhere asking to sign in again.
//
// ctest runs it twice: plain (no D-Bus session, so no keychain) and under `with-keyring.sh` (a private D-Bus session
// with GNOME Keyring), which sets INTERVOX_TEST_KEYCHAIN=1.
#include "appsession.h"
#include "credentialstore.h"
#include "embeddedserver.h"
#include "remoteserver.h"
#include "serverlistmodel.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>

class TestServers : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    RemoteServer m_remote;
    const bool m_keychain = qEnvironmentVariable("INTERVOX_TEST_KEYCHAIN") == QLatin1String("1");

    // A session as the app makes it at start, its browser played by the test.
    std::unique_ptr<AppSession> newSession()
    {
        auto session = std::make_unique<AppSession>();
        session->setDataDir(m_home.filePath(QStringLiteral("embedded")));
        session->credentials()->setService(QStringLiteral("IntervoxTest"));
        session->setOpenBrowser([this](const QUrl &page) {
            // The person signs in a moment later, in the browser.
            QMetaObject::invokeMethod(this, [this, page] { m_remote.browserSignIn(page); }, Qt::QueuedConnection);
        });
        return session;
    }

    static bool waitFor(AppSession &session, AppSession::Status status)
    {
        return QTest::qWaitFor([&] { return session.status() == status; }, 30000);
    }

    static QString hashOf(const QString &token)
    {
        return QString::fromLatin1(QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
    }

    // The refresh token the keychain holds for the remote server ("" when none, or no keychain).
    QString keptToken()
    {
        CredentialStore store;
        store.setService(QStringLiteral("IntervoxTest"));
        QString kept;
        bool done = false;
        store.read(m_remote.url(), [&](const QString &secret, const ApiError &) { kept = secret; done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            qWarning("the keychain did not answer");
        return kept;
    }

    int apiStatus(AppSession &session)
    {
        ApiResult result;
        bool done = false;
        session.client()->get(QStringLiteral("/interviews"), this, [&](const ApiResult &r) { result = r; done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            return 0;
        return result.ok() ? 200 : result.error.status;
    }

    // As on a computer where the app never ran: no settings, nothing in the keychain.
    void forgetEverything()
    {
        QSettings().clear();
        CredentialStore store;
        store.setService(QStringLiteral("IntervoxTest"));
        bool done = false;
        store.remove(m_remote.url(), [&](const ApiError &) { done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            qWarning("the keychain did not answer");
    }

    // Signs in to the remote server from a fresh start: the session, Ready.
    std::unique_ptr<AppSession> signedInSession()
    {
        forgetEverything();
        auto session = newSession();
        session->start();
        if (!session->addServer(m_remote.url().toString()).isEmpty() || !waitFor(*session, AppSession::SignInNeeded))
            return {};
        session->signIn();
        return waitFor(*session, AppSession::Ready) ? std::move(session) : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("IntervoxTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_servers"));
        const QString error = m_remote.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void addressesAreCheckedBeforeTheyAreAdded_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("url"); // "" = refused
        QTest::newRow("bare host") << " Interviews.Example.com " << "https://interviews.example.com";
        QTest::newRow("https with port") << "https://example.com:8443/" << "https://example.com:8443";
        QTest::newRow("http to this computer") << "http://127.0.0.1:8080" << "http://127.0.0.1:8080";
        QTest::newRow("http localhost") << "http://localhost:9" << "http://localhost:9";
        QTest::newRow("http elsewhere") << "http://example.com" << "";
        QTest::newRow("a path") << "https://example.com/intervox" << "";
        QTest::newRow("user info") << "https://ada:pw@example.com" << "";
        QTest::newRow("empty") << "   " << "";
        QTest::newRow("not a host") << "https://" << "";
    }
    void addressesAreCheckedBeforeTheyAreAdded()
    {
        QFETCH(QString, typed);
        QFETCH(QString, url);
        QString error;
        const QUrl normalized = ServerListModel::normalize(typed, &error);
        QCOMPARE(normalized.toString(), url);
        QCOMPARE(error.isEmpty(), !url.isEmpty());
    }

    void theEmbeddedServerIsFirstAndCurrentOnAFreshStart()
    {
        forgetEverything();
        auto session = newSession();
        QVERIFY(session->embedded());
        QCOMPARE(session->servers()->rowCount(), 1);
        session->start();
        QVERIFY(waitFor(*session, AppSession::Ready));
        QCOMPARE(session->serverUrl(), session->embeddedServer()->url());
        QVERIFY(session->addServer(QStringLiteral("http://example.com")).contains(QStringLiteral("https")));
        QCOMPARE(session->servers()->rowCount(), 1); // nothing added
        QVERIFY(session->embedded());
    }

    void signingInToARemoteServerThroughTheBrowser()
    {
        forgetEverything();
        auto session = newSession();
        session->start();
        QVERIFY(waitFor(*session, AppSession::Ready));
        QSignalSpy serverChanged(session.get(), &AppSession::serverChanged);
        QCOMPARE(session->addServer(m_remote.url().toString()), QString());
        QVERIFY(!session->embedded());
        QVERIFY(serverChanged.size() >= 1);
        QVERIFY(waitFor(*session, AppSession::SignInNeeded)); // nothing kept for it yet
        QTRY_COMPARE_WITH_TIMEOUT(session->serverLabel(), QStringLiteral("Acme Hiring"), 10000);
        QCOMPARE(session->servers()->rowCount(), 2);
        QCOMPARE(session->servers()->data(session->servers()->index(1), ServerListModel::LabelRole).toString(), QStringLiteral("Acme Hiring"));
        QVERIFY(session->servers()->data(session->servers()->index(1), ServerListModel::CurrentRole).toBool());

        session->signIn();
        QVERIFY(waitFor(*session, AppSession::Ready));
        QCOMPARE(session->userName(), QStringLiteral("Ada Admin"));
        QCOMPARE(session->organizationName(), QStringLiteral("Acme Hiring"));
        QCOMPARE(session->client()->baseUrl(), m_remote.url());
        QCOMPARE(apiStatus(*session), 200);
        QTRY_VERIFY_WITH_TIMEOUT(session->events()->live(), 10000); // the event socket signed in with the new token

        if (m_keychain) {
            QTRY_VERIFY_WITH_TIMEOUT(!keptToken().isEmpty(), 10000);
            QCOMPARE(session->notice(), QString());
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(!session->notice().isEmpty(), 10000); // "not remembered": said, not hidden
            QCOMPARE(keptToken(), QString());
        }
    }

    void aRestartOfTheAppSignsInWithTheKeychainOrAsksAgain()
    {
        auto first = signedInSession();
        QVERIFY(first);
        QTRY_VERIFY_WITH_TIMEOUT(m_keychain ? !keptToken().isEmpty() : !first->notice().isEmpty(), 10000);
        first.reset(); // the app quits

        auto second = newSession();
        QVERIFY(!second->embedded()); // the current server is remembered
        second->setOpenBrowser([](const QUrl &) { QFAIL("no browser should open"); });
        second->start();
        if (m_keychain) {
            QVERIFY(waitFor(*second, AppSession::Ready));
            QCOMPARE(second->userName(), QStringLiteral("Ada Admin"));
            QCOMPARE(apiStatus(*second), 200);
        } else {
            QVERIFY(waitFor(*second, AppSession::SignInNeeded));
            QVERIFY(!second->error().isError()); // simply not remembered
        }
    }

    void anAccessTokenTheServerRefusesIsRenewedWithTheRefreshToken()
    {
        auto session = signedInSession();
        QVERIFY(session);
        const QString before = session->client()->accessToken();
        QVERIFY(m_remote.sql(QStringLiteral("UPDATE access_tokens SET expires_at = 1 WHERE token_hash = '%1'").arg(hashOf(before))));
        QCOMPARE(apiStatus(*session), 401); // that request fails; the session renews the token
        QVERIFY(QTest::qWaitFor([&] { return session->status() == AppSession::Ready && session->client()->accessToken() != before; }, 30000));
        QCOMPARE(apiStatus(*session), 200);
    }

    void aRenewalUnderWayIsNeverSentTwiceNorLostBySwitching()
    {
        auto session = signedInSession();
        QVERIFY(session);
        const QString before = session->client()->accessToken();
        QVERIFY(m_remote.sql(QStringLiteral("UPDATE access_tokens SET expires_at = 1 WHERE token_hash = '%1'").arg(hashOf(before))));
        // The moment the server refuses the token (the session starts a renewal), the recruiter switches away and
        // back, before the renewal is answered: the renewal under way finishes the sign-in, and the spent refresh
        // token is not sent again (which would look like a stolen one and end the sign-in). (Qt sends the request
        // only once the event loop runs, so this ordering does not reproduce a renewal the server already answered.)
        bool switched = false;
        connect(session->client(), &ApiClient::unauthorized, this, [&] {
            if (switched)
                return;
            switched = true;
            session->switchTo(QString());
            session->switchTo(m_remote.url().toString());
        });
        QCOMPARE(apiStatus(*session), 401);
        QVERIFY(switched);
        QVERIFY2(waitFor(*session, AppSession::Ready), qPrintable(session->error().detail));
        QCOMPARE(session->serverUrl(), m_remote.url());
        QCOMPARE(apiStatus(*session), 200);
        QVERIFY(!session->error().isError());
    }

    void signingOutRevokesTheSignInOnTheServer()
    {
        auto session = signedInSession();
        QVERIFY(session);
        const QString access = session->client()->accessToken();
        QTRY_VERIFY_WITH_TIMEOUT(!m_keychain || !keptToken().isEmpty(), 10000);
        session->signOut();
        QCOMPARE(session->status(), AppSession::SignInNeeded);
        QVERIFY(!session->client()->signedIn());
        // The server ends the sign-in: the access token stops working (revocation is sent, then the request).
        QNetworkRequest request(m_remote.url().resolved(QUrl("/api/v1/me")));
        request.setRawHeader("Authorization", "Bearer " + access.toLatin1());
        QVERIFY(QTest::qWaitFor([&] {
            QNetworkReply *reply = m_remote.nam().get(request);
            const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
            reply->deleteLater();
            if (!finished)
                return false;
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401;
        }, 20000));
        QTRY_COMPARE_WITH_TIMEOUT(keptToken(), QString(), 10000);
    }

    void switchingToTheEmbeddedServerAndBackKeepsTheSignIn()
    {
        auto session = signedInSession();
        QVERIFY(session);
        session->switchTo(QString());
        QVERIFY(session->embedded());
        QVERIFY(waitFor(*session, AppSession::Ready));
        QCOMPARE(session->client()->baseUrl(), session->embeddedServer()->url());
        QCOMPARE(session->organizationName(), QStringLiteral("This computer"));
        QCOMPARE(apiStatus(*session), 200);

        session->setOpenBrowser([](const QUrl &) { QFAIL("no browser should open"); });
        session->switchTo(m_remote.url().toString());
        QVERIFY(waitFor(*session, AppSession::Ready)); // the sign-in held for this run (and kept in the keychain)
        QCOMPARE(session->organizationName(), QStringLiteral("Acme Hiring"));
        QCOMPARE(apiStatus(*session), 200);
    }

    void aSignInEndedElsewhereAsksToSignInAgain()
    {
        auto session = signedInSession();
        QVERIFY(session);
        // An administrator ends every sign-in of the account (e.g. a role change): refresh tokens and access tokens.
        QVERIFY(m_remote.sql(QStringLiteral("UPDATE refresh_tokens SET revoked_at = 1; UPDATE access_tokens SET revoked_at = 1")));
        QCOMPARE(apiStatus(*session), 401);
        QVERIFY(waitFor(*session, AppSession::SignInNeeded));
        QCOMPARE(session->error().kind, ApiError::SignedOut);
        QVERIFY(!session->error().message().isEmpty());
        QVERIFY(!session->client()->signedIn());
        QTRY_COMPARE_WITH_TIMEOUT(keptToken(), QString(), 10000);
        // Signing in again works.
        session->signIn();
        QVERIFY(waitFor(*session, AppSession::Ready));
        QCOMPARE(apiStatus(*session), 200);
    }

    void cancellingTheSignInInTheAppSaysSo()
    {
        forgetEverything();
        auto session = newSession();
        session->setOpenBrowser([](const QUrl &) {}); // the person never signs in
        session->start();
        QCOMPARE(session->addServer(m_remote.url().toString()), QString());
        QVERIFY(waitFor(*session, AppSession::SignInNeeded));
        session->signIn();
        QCOMPARE(session->status(), AppSession::WaitingForBrowser);
        session->cancelSignIn();
        QVERIFY(waitFor(*session, AppSession::SignInNeeded));
        QCOMPARE(session->error().kind, ApiError::SignInCancelled);
    }

    void removingTheCurrentServerGoesBackToTheEmbeddedOne()
    {
        auto session = signedInSession();
        QVERIFY(session);
        session->removeServer(m_remote.url().toString());
        QVERIFY(session->embedded());
        QCOMPARE(session->servers()->rowCount(), 1);
        QVERIFY(waitFor(*session, AppSession::Ready));
        QCOMPARE(QSettings().value(QStringLiteral("servers/current")).toString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(keptToken(), QString(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestServers)
#include "tst_servers.moc"
