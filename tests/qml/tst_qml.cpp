// Qt Quick Test runner for the app's pages (tests/qml/tst_*.qml): the real QML module and a real embedded
// server with its data in a temporary folder.
#include "appstyle.h"
#include "apiclient.h"
#include "apitesting.h"
#include "appsession.h"
#include "candidatepage.h"
#include "remoteserver.h"

#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QUrl>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(IntervoxPlugin)

// What the QML tests cannot do from QML: candidates who answered, through the API and the session protocol.
class TestServer : public QObject
{
    Q_OBJECT
public:
    // An interview of `questions` questions with two criteria, and `names.size()` candidates who answered every
    // question (a 3 s tone each). Returns their invite ids, or an empty list (with a warning) on failure.
    Q_INVOKABLE QVariantList finishedCandidates(ApiClient *client, const QUrl &server, const QStringList &names, int questions)
    {
        QJsonArray qs, criteria{QJsonObject{{"name", "Communication"}, {"description", "Clear and structured"}}, QJsonObject{{"name", "Experience"}}};
        for (int i = 0; i < questions; ++i)
            qs.append(QJsonObject{{"text", QStringLiteral("Tell us about challenge %1").arg(i + 1)}, {"thinkSeconds", 10}, {"answerSeconds", 60}});
        const ApiResult interview = call(client, "POST", "/interviews", QJsonObject{{"title", "Review test"}, {"questions", qs}, {"criteria", criteria}});
        const QByteArray media = CandidatePage::makeWebm(3);
        if (!interview.ok() || media.isEmpty())
            return warn("could not create the interview or the media");
        QVariantList invites;
        for (const QString &name : names) {
            const ApiResult candidate = call(client, "POST", "/candidates", QJsonObject{{"name", name}, {"email", name.split(' ').first().toLower() + "@example.com"}});
            const ApiResult invite = call(client, "POST", "/invites", QJsonObject{{"interviewId", interview.json.toObject().value("id")},
                                                                                   {"candidateId", candidate.json.toObject().value("id")}});
            CandidatePage page;
            if (!invite.ok() || !page.join(server, invite.json.toObject().value("token").toString()) || !page.answerAll(questions, media))
                return warn("a candidate could not answer");
            invites.append(invite.json.toObject().value("id").toInteger());
        }
        return invites;
    }

    // The colour the window shows at a point of an item, from a grab of the whole window as the user sees it
    // (Qt 6.4's software renderer grabs single items blank).
    Q_INVOKABLE QColor windowPixel(QQuickItem *item, qreal x, qreal y)
    {
        if (!item || !item->window())
            return {};
        const QImage image = item->window()->grabWindow();
        const QPointF at = item->mapToScene({x, y}) * item->window()->devicePixelRatio();
        return image.pixelColor(at.toPoint());
    }

    // A real intervoxd process ("Acme Hiring", its administrator Ada Admin), started once: its address, or an
    // empty string (with a warning).
    Q_INVOKABLE QString remoteServer()
    {
        if (!m_remote) {
            m_remote = std::make_unique<RemoteServer>();
            const QString error = m_remote->start();
            if (!error.isEmpty()) {
                qWarning("TestServer: %s", qPrintable(error));
                m_remote.reset();
                return {};
            }
        }
        return m_remote->url().toString();
    }

    // Plays the person in the browser for `session`: signs in on the sign-in page the app opens.
    Q_INVOKABLE bool playBrowser(QObject *session)
    {
        auto *app = qobject_cast<AppSession *>(session);
        if (!app || !m_remote)
            return false;
        app->setOpenBrowser([this](const QUrl &page) {
            QMetaObject::invokeMethod(this, [this, page] {
                if (m_remote)
                    m_remote->browserSignIn(page);
            }, Qt::QueuedConnection);
        });
        return true;
    }

    // Pages the app opens in the browser are recorded in `opened` instead (the session of one test file).
    Q_INVOKABLE void catchBrowser(QObject *session)
    {
        if (auto *app = qobject_cast<AppSession *>(session))
            app->setOpenBrowser([this](const QUrl &page) { m_opened.append(page.toString()); });
    }
    Q_INVOKABLE QStringList opened() const { return m_opened; }

    // What the candidate page at `link` (…/i/<token>) is told about its interview, as the page's own hello
    // gets it: {title, preview, …}, or empty.
    Q_INVOKABLE QVariantMap candidatePageInterview(const QString &link)
    {
        const QUrl url(link);
        CandidatePage page;
        if (!page.join(url.adjusted(QUrl::RemovePath), url.path().section(QLatin1Char('/'), -1))) {
            warn("the candidate page could not join");
            return {};
        }
        return page.last.value("interview").toObject().toVariantMap();
    }

    // A new interview of one question: its id, or 0.
    Q_INVOKABLE qint64 newInterview(ApiClient *client, const QString &title)
    {
        const QJsonArray qs{QJsonObject{{"text", "Why this role?"}, {"thinkSeconds", 10}, {"answerSeconds", 60}}};
        return call(client, "POST", "/interviews", QJsonObject{{"title", title}, {"questions", qs}}).json.toObject().value("id").toInteger();
    }

    // A new candidate: their id, or 0.
    Q_INVOKABLE qint64 newCandidate(ApiClient *client, const QString &name)
    {
        return call(client, "POST", "/candidates", QJsonObject{{"name", name}, {"email", name.split(' ').first().toLower() + "@example.com"}})
            .json.toObject().value("id").toInteger();
    }

    // A new invite's link (…/i/<token>), or empty.
    Q_INVOKABLE QString newInviteLink(ApiClient *client, qint64 interview, qint64 candidate)
    {
        return call(client, "POST", "/invites", QJsonObject{{"interviewId", interview}, {"candidateId", candidate}}).json.toObject().value("url").toString();
    }
    // Sets the password of the member whose setup link is `link` and signs them in: their access token, or empty.
    Q_INVOKABLE QString setUpMember(ApiClient *client, const QString &link, const QString &password)
    {
        ApiClient anonymous;
        anonymous.setBaseUrl(client->baseUrl());
        return call(&anonymous, "POST", "/auth/setup", QJsonObject{{"token", QUrl(link).fragment()}, {"password", password}})
            .json.toObject().value("accessToken").toString();
    }
    // Whether `token` still signs in at the server of `client`.
    Q_INVOKABLE bool tokenWorks(ApiClient *client, const QString &token)
    {
        ApiClient as;
        as.setBaseUrl(client->baseUrl());
        as.setAccessToken(token);
        return call(&as, "GET", "/me").ok();
    }
    // What POST `path` answers, as the server sent it (empty on an error); an empty `body` sends none.
    Q_INVOKABLE QVariantMap apiPost(ApiClient *client, const QString &path, const QVariantMap &body)
    {
        return call(client, "POST", path, body.isEmpty() ? QJsonValue() : QJsonValue(QJsonObject::fromVariantMap(body))).json.toObject().toVariantMap();
    }
    // Moves the decisions on invite `invite` `days` into the past in the embedded server's database, as if the days had
    // gone by (the retention tests' clock).
    Q_INVOKABLE bool ageDecisions(qint64 invite, int days)
    {
        QDirIterator it(qEnvironmentVariable("INTERVOX_DATA_DIR"), {QStringLiteral("intervox.db")}, QDir::Files, QDirIterator::Subdirectories);
        if (!it.hasNext())
            return false;
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("aging"));
            db.setDatabaseName(it.next());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
            QSqlQuery q(db);
            ok = db.open() && q.prepare(QStringLiteral("UPDATE decisions SET at = at - ? WHERE invite_id = ?"));
            if (ok) {
                q.addBindValue(qint64(days) * 24 * 3600 * 1000);
                q.addBindValue(invite);
                ok = q.exec() && q.numRowsAffected() > 0;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("aging"));
        return ok;
    }
    // What GET `path` answers, as the server sent it (empty on an error).
    Q_INVOKABLE QVariantMap apiGet(ApiClient *client, const QString &path) { return call(client, "GET", path).json.toObject().toVariantMap(); }

    // Whether a local file exists, and whether only its owner may read it.
    Q_INVOKABLE bool exists(const QUrl &file) { return QFile::exists(file.toLocalFile()); }
    Q_INVOKABLE bool candidateExists(ApiClient *client, qint64 id)
    {
        return call(client, "GET", QStringLiteral("/candidates/%1").arg(id)).ok();
    }
    Q_INVOKABLE QString readText(const QUrl &file)
    {
        QFile f(file.toLocalFile());
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    Q_INVOKABLE bool ownerOnly(const QUrl &file)
    {
        const QFileDevice::Permissions p = QFile::permissions(file.toLocalFile());
        return (p & (QFileDevice::ReadOwner)) && !(p & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther));
    }

    // The interview of invite `invite`.
    Q_INVOKABLE qint64 interviewOf(ApiClient *client, qint64 invite)
    {
        return call(client, "GET", QStringLiteral("/invites/%1/review").arg(invite)).json.toObject().value("interview").toObject().value("id").toInteger();
    }

private:
    std::unique_ptr<RemoteServer> m_remote;
    QStringList m_opened;
    static QVariantList warn(const char *what)
    {
        qWarning("TestServer: %s", what);
        return {};
    }
};

class Setup : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    TestServer m_server;
    int m_engines = 0;
public slots:
    void applicationAvailable()
    {
        qputenv("INTERVOX_DATA_DIR", m_data.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_data.filePath(QStringLiteral("config")).toUtf8());
        AppStyle::configure();
        // CSV files for the import test (a file dialog cannot be driven offscreen: the test loads them directly).
        write(QStringLiteral("good.csv"), "name,email\nLin Wei,lin@example.com\nOmar Haddad,omar@example.com\n");
        write(QStringLiteral("bad.csv"), "name,email\nLin Wei,lin@example.com\nNo Address,\n");
        // A CV (a real one-page PDF) and a file that only claims to be one.
        write(QStringLiteral("cv.pdf"), makePdf("Lin Wei, support engineer"));
        write(QStringLiteral("not-a-pdf.pdf"), "name,email\n");
    }
    void write(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_data.filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Each test file gets an engine of its own, so an AppSession of its own: with an empty embedded server
        // too, so no file depends on what another left behind.
        qputenv("INTERVOX_DATA_DIR", m_data.filePath(QStringLiteral("server-%1").arg(++m_engines)).toUtf8());
        AppStyle::prepare(engine);
        engine->addImportPath(QStringLiteral("qrc:/")); // the Intervox module is compiled into this binary
        engine->rootContext()->setContextProperty(QStringLiteral("testData"), QUrl::fromLocalFile(m_data.path() + QLatin1Char('/')));
        engine->rootContext()->setContextProperty(QStringLiteral("testServer"), &m_server);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(intervox_qml, Setup)
#include "tst_qml.moc"
