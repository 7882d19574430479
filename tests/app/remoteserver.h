#pragma once
// A real `intervoxd` process for the app's tests of remote servers (tst_oauth, tst_servers): an organization with
// one administrator, the server on a free port of 127.0.0.1, the person in the browser (signing in on the page's
// API like its script does, and following the redirect to the app's loopback listener), and SQL on its database
// for what a test cannot wait for (a token's expiry).
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

struct Http
{
    int status = 0;
    QByteArray body;
    QUrl location;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline Http send(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QByteArray &body = {}, const QByteArray &type = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(20000);
    if (!type.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, type);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    Http out;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 25000))
        return out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.location = QUrl(QString::fromUtf8(reply->rawHeader("Location")));
    reply->deleteLater();
    return out;
}

class RemoteServer
{
public:
    static inline const QString kEmail = QStringLiteral("admin@example.com");
    static inline const QString kPassword = QStringLiteral("a-long-test-password");

    ~RemoteServer() { stop(); }

    // Creates "Acme Hiring" with its administrator "Ada Admin" and starts serving; an empty string, or what failed.
    QString start()
    {
        if (!m_data.isValid())
            return QStringLiteral("no temporary folder");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("INTERVOX_ADMIN_PASSWORD", kPassword);
        QProcess admin;
        admin.setProcessEnvironment(env);
        admin.start(QStringLiteral(INTERVOXD), {"admin", "create", "--data", m_data.path(), "--organization", "Acme Hiring",
                                               "--email", kEmail, "--name", "Ada Admin"});
        if (!admin.waitForFinished(30000) || admin.exitCode() != 0)
            return QStringLiteral("admin create failed: ") + QString::fromUtf8(admin.readAllStandardError());
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(INTERVOXD), {"serve", "--data", m_data.path(), "--listen", "127.0.0.1:0"});
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("intervoxd did not start");
        static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        QByteArray output;
        (void)QTest::qWaitFor([&] {
            output += m_process.readAll();
            const auto m = listening.match(QString::fromUtf8(output));
            if (m.hasMatch())
                m_url = QUrl(m.captured(1));
            return m_url.isValid();
        }, 30000);
        return m_url.isValid() ? QString() : QStringLiteral("intervoxd did not listen: ") + QString::fromUtf8(output);
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            m_process.kill();
    }

    QUrl url() const { return m_url; }
    QNetworkAccessManager &nam() { return m_nam; }

    // The person in the browser: signs in on the page opened at `authorize` and is sent back to the app.
    bool browserSignIn(const QUrl &authorize, const QString &password = kPassword, int *status = nullptr)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{"query", QLatin1Char('?') + authorize.query(QUrl::FullyEncoded)},
                                                          {"email", kEmail}, {"password", password}}).toJson();
        const Http page = send(m_nam, "POST", m_url.resolved(QUrl("/api/v1/oauth/authorize")), body, "application/json");
        if (status)
            *status = page.status;
        if (page.status != 200)
            return false;
        return send(m_nam, "GET", QUrl(page.json().value("redirect").toString())).status == 200;
    }

    // One SQL statement on the server's SQLite database (while it runs: SQLite's own locking).
    bool sql(const QString &statement)
    {
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"), {"-cmd", ".timeout 10000", m_data.filePath("intervox.db"), statement});
        return sqlite.waitForFinished(20000) && sqlite.exitCode() == 0;
    }

    // POST /oauth/token with a refresh token: the HTTP status (200 when the server still takes it).
    int refreshStatus(const QString &refreshToken)
    {
        const QByteArray form = "grant_type=refresh_token&client_id=intervox-desktop&refresh_token=" + QUrl::toPercentEncoding(refreshToken);
        return send(m_nam, "POST", m_url.resolved(QUrl("/oauth/token")), form, "application/x-www-form-urlencoded").status;
    }

private:
    QTemporaryDir m_data;
    QProcess m_process;
    QUrl m_url;
    QNetworkAccessManager m_nam;
};
