// The app's API client, session and models against a real server started in this process (the embedded one,
// with SQLite in a temporary folder), as the app uses them.
#include "apiclient.h"
#include "apitesting.h"
#include "candidatepage.h"
#include "csvimport.h"
#include "embeddedserver.h"
#include "eventstream.h"
#include "appsession.h"
#include "interviewdraft.h"
#include "interviewlistmodel.h"
#include "pipelinemodel.h"
#include "questionlistmodel.h"
#include "teammodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>



class TestAppModels : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    AppSession *m_session = nullptr;

    ApiClient *client() const { return m_session->client(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        qputenv("XDG_CONFIG_HOME", m_data.filePath(QStringLiteral("config")).toUtf8()); // settings of this run only
        m_session = new AppSession(this);
        m_session->setDataDir(m_data.path());
        m_session->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->status(), AppSession::Ready, 30000);
    }

    void cleanupTestCase()
    {
        delete m_session; // the server stops before its data folder goes
    }

    void signsInToItsEmbeddedServerAsTheLocalOwner()
    {
        QCOMPARE(m_session->userRole(), QStringLiteral("owner"));
        QCOMPARE(m_session->organizationName(), QStringLiteral("This computer"));
        QVERIFY(client()->signedIn());
        QCOMPARE(m_session->serverUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(QFile::exists(m_data.filePath("intervox.db")));
    }

    void localSignInNeedsTheSecretOfThisRun()
    {
        ApiClient stranger;
        stranger.setBaseUrl(m_session->serverUrl());
        const ApiResult r = call(&stranger, "POST", "/auth/local", QJsonObject{{"secret", "not-the-secret-of-this-run"}});
        QCOMPARE(r.error.kind, ApiError::SignedOut);
        QCOMPARE(r.error.status, 401);
        QVERIFY(!r.error.message().isEmpty());
    }

    void anExpiredOrRevokedTokenIsReplacedBySigningInAgain()
    {
        // Sign-out revokes the token on the server. The live events are closed with 4401 and the next request
        // is answered 401, whichever comes first: the session signs in again by itself.
        const QString before = client()->accessToken();
        QVERIFY(call(client(), "POST", "/auth/logout").ok());
        QTRY_VERIFY_WITH_TIMEOUT(client()->accessToken() != before && m_session->status() == AppSession::Ready, 30000);
        QVERIFY(call(client(), "GET", "/me").ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_session->events()->live(), 30000);

        // A request with a token the server does not know is answered 401 and reported as such.
        ApiClient stale;
        stale.setBaseUrl(m_session->serverUrl());
        stale.setAccessToken(before);
        QSignalSpy unauthorized(&stale, &ApiClient::unauthorized);
        const ApiResult r = call(&stale, "GET", "/me");
        QCOMPARE(r.error.kind, ApiError::SignedOut);
        QCOMPARE(unauthorized.count(), 1);
    }

    void theTeamIsManagedThroughTheModel()
    {
        TeamModel team;
        team.setClient(client());
        QTRY_VERIFY_WITH_TIMEOUT(team.loaded(), 30000);
        QCOMPARE(team.totalCount(), 1); // the local owner
        QCOMPARE(team.data(team.index(0), TeamModel::RoleTextRole).toString(), QStringLiteral("Owner"));

        // Invited: the setup link is handed over once, the member is listed without a password yet.
        QSignalSpy link(&team, &TeamModel::setupLinkReady), failed(&team, &TeamModel::changeFailed);
        team.invite(QStringLiteral("Rita Reviewer"), QStringLiteral("rita@example.com"), QStringLiteral("reviewer"));
        QVERIFY(link.wait(30000));
        const qint64 rita = link.at(0).at(0).toLongLong();
        QVERIFY(rita > 0);
        QVERIFY2(link.at(0).at(1).toString().contains(QStringLiteral("/setup#")), qPrintable(link.at(0).at(1).toString()));
        QVERIFY(link.at(0).at(2).toDateTime() > QDateTime::currentDateTimeUtc().addDays(6));
        QTRY_COMPARE_WITH_TIMEOUT(team.totalCount(), 2, 30000);
        team.setFilterText(QStringLiteral("rita@"));
        QCOMPARE(team.rowCount(), 1);
        QCOMPARE(team.data(team.index(0), TeamModel::StatusRole).toString(), QStringLiteral("invited"));
        QCOMPARE(team.data(team.index(0), TeamModel::StatusTextRole).toString(), QStringLiteral("Invited, no password yet"));

        // A bad address names the field; nothing is added.
        team.invite(QStringLiteral("Nobody"), QStringLiteral("not an address"), QStringLiteral("recruiter"));
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ApiError::Invalid);
        QCOMPARE(failed.at(0).at(0).value<ApiError>().field, QStringLiteral("email"));

        team.setRole(rita, QStringLiteral("recruiter"));
        QTRY_COMPARE_WITH_TIMEOUT(team.data(team.index(0), TeamModel::MemberRoleRole).toString(), QStringLiteral("recruiter"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!team.busy(), 30000);
        team.newSetupLink(rita);
        QTRY_COMPARE_WITH_TIMEOUT(link.size(), 2, 30000);
        QCOMPARE(link.at(1).at(0).toLongLong(), rita);
        QVERIFY(link.at(1).at(1).toString() != link.at(0).at(1).toString());
        QTRY_VERIFY_WITH_TIMEOUT(!team.busy(), 30000);
        team.disable(rita);
        QTRY_COMPARE_WITH_TIMEOUT(team.data(team.index(0), TeamModel::StatusRole).toString(), QStringLiteral("disabled"), 30000);
        QCOMPARE(team.assignableRoles().size(), 3);
    }

    void theInterviewListReadsEveryPageAndFiltersInMemory()
    {
        InterviewListModel model;
        QSignalSpy loading(&model, &InterviewListModel::loadingChanged);
        model.setClient(client());
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded(), 30000);
        const int before = model.totalCount();
        // More than one page of the API (200 items a page).
        for (int i = 0; i < 205; ++i)
            QVERIFY(call(client(), "POST", "/interviews", interviewBody(i % 2 ? QStringLiteral("Sales %1").arg(i) : QStringLiteral("Support %1").arg(i))).ok());
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 30000);
        QVERIFY(!model.error().isError());
        QCOMPARE(model.totalCount(), before + 205);
        QCOMPARE(model.rowCount(), before + 205);
        // Newest first, as the API lists them.
        QCOMPARE(model.data(model.index(0), InterviewListModel::TitleRole).toString(), QStringLiteral("Support 204"));
        model.setFilterText(QStringLiteral("sUpPoRt 1"));
        // The even numbers that start with 1 (1 is odd, so: 10, 12, …, 198).
        int expected = 0;
        for (int i = 0; i < 205; i += 2)
            expected += QStringLiteral("Support %1").arg(i).contains(QStringLiteral("Support 1")) ? 1 : 0;
        QCOMPARE(model.rowCount(), expected);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.data(model.index(row), InterviewListModel::TitleRole).toString().startsWith(QStringLiteral("Support 1")));
        model.setFilterText(QString());
        QCOMPARE(model.rowCount(), before + 205);
    }

    void aDraftIsCreatedLoadedSavedAndDeleted()
    {
        InterviewDraft draft;
        draft.setClient(client());
        QVERIFY(draft.isNew());
        QVERIFY(!draft.canSave()); // no title, an empty question
        QVERIFY(!draft.titleProblem().isEmpty());
        draft.setTitle(QStringLiteral("Support engineer"));
        draft.questions()->setField(0, QStringLiteral("text"), QStringLiteral("Tell us about yourself."));
        draft.questions()->setField(0, QStringLiteral("answerSeconds"), 90);
        const int second = draft.questions()->add();
        draft.questions()->setField(second, QStringLiteral("text"), QStringLiteral("Why this job?"));
        QVERIFY(draft.canSave());
        QSignalSpy saved(&draft, &InterviewDraft::saved);
        draft.save();
        QVERIFY(saved.wait(30000));
        const qint64 id = draft.interviewId();
        QVERIFY(id > 0);
        QVERIFY(!draft.dirty());

        const ApiResult stored = call(client(), "GET", QStringLiteral("/interviews/%1").arg(id));
        QVERIFY(stored.ok());
        const QJsonArray questions = stored.json.toObject().value("questions").toArray();
        QCOMPARE(questions.size(), 2);
        QCOMPARE(questions.at(0).toObject().value("answerSeconds").toInt(), 90);
        QCOMPARE(questions.at(1).toObject().value("text").toString(), QStringLiteral("Why this job?"));

        // Reordered and saved: the server has the new order.
        InterviewDraft again;
        again.setClient(client());
        QSignalSpy loaded(&again, &InterviewDraft::loaded);
        again.load(id);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(again.title(), QStringLiteral("Support engineer"));
        QVERIFY(again.questions()->move(1, 0));
        QVERIFY(again.dirty());
        QSignalSpy savedAgain(&again, &InterviewDraft::saved);
        again.save();
        QVERIFY(savedAgain.wait(30000));
        const QJsonArray reordered = call(client(), "GET", QStringLiteral("/interviews/%1").arg(id)).json.toObject().value("questions").toArray();
        QCOMPARE(reordered.at(0).toObject().value("text").toString(), QStringLiteral("Why this job?"));

        // `draft` still holds the first version: its save is refused, nothing is overwritten.
        draft.setTitle(QStringLiteral("Support engineer (stale)"));
        QSignalSpy errors(&draft, &InterviewDraft::errorChanged);
        draft.save();
        QVERIFY(errors.wait(30000));
        QCOMPARE(draft.error().kind, ApiError::Changed);
        QCOMPARE(call(client(), "GET", QStringLiteral("/interviews/%1").arg(id)).json.toObject().value("title").toString(), QStringLiteral("Support engineer"));

        // A duplicate is new, titled as a copy, with the same questions.
        InterviewDraft copy;
        copy.setClient(client());
        QSignalSpy copied(&copy, &InterviewDraft::loaded);
        copy.duplicate(id);
        QVERIFY(copied.wait(30000));
        QVERIFY(copy.isNew());
        QCOMPARE(copy.title(), QStringLiteral("Support engineer (copy)"));
        QCOMPARE(copy.questions()->rowCount(), 2);

        QSignalSpy removed(&again, &InterviewDraft::removed);
        again.remove();
        QVERIFY(removed.wait(30000));
        QCOMPARE(call(client(), "GET", QStringLiteral("/interviews/%1").arg(id)).error.kind, ApiError::NotFound);
    }

    void thePipelineAddsCandidatesWithLinksAndRevokes()
    {
        const ApiResult created = call(client(), "POST", "/interviews", interviewBody(QStringLiteral("Pipeline")));
        QVERIFY(created.ok());
        const qint64 interview = created.json.toObject().value("id").toInteger();
        PipelineModel model;
        model.setClient(client());
        model.setInterviewId(interview);
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded(), 30000);
        QCOMPARE(model.rowCount(), 0);

        QSignalSpy done(&model, &PipelineModel::actionDone);
        model.addCandidate(QStringLiteral("  Ada Lovelace "), QStringLiteral("ada@example.com"));
        QVERIFY(done.wait(30000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        // The link is the server's invite URL, with the token that opens the candidate page.
        QVERIFY2(model.lastLink().startsWith(m_session->serverUrl().toString() + QStringLiteral("/i/")), qPrintable(model.lastLink()));
        QCOMPARE(model.lastLinkName(), QStringLiteral("Ada Lovelace"));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 30000);
        const QModelIndex ada = model.index(0);
        QCOMPARE(model.data(ada, PipelineModel::NameRole).toString(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(model.data(ada, PipelineModel::StatusRole).toString(), QStringLiteral("invited"));
        QCOMPARE(model.data(ada, PipelineModel::StatusTextRole).toString(), QStringLiteral("Invited"));
        QVERIFY(model.data(ada, PipelineModel::DetailRole).toString().startsWith(QStringLiteral("link valid until")));

        // A bad address is the server's 422, reported with the field; nothing is added.
        model.addCandidate(QStringLiteral("Nobody"), QStringLiteral("not-an-address"));
        QVERIFY(done.wait(30000));
        QCOMPARE(done.takeFirst().at(0).toBool(), false);
        QCOMPARE(model.error().kind, ApiError::Invalid);
        QCOMPARE(model.error().field, QStringLiteral("email"));

        // A second link for Ada, then the first is revoked: two rows, one revoked.
        const qint64 firstInvite = model.data(ada, PipelineModel::InviteIdRole).toLongLong();
        model.newLink(model.data(ada, PipelineModel::CandidateIdRole).toLongLong(), QStringLiteral("Ada Lovelace"));
        QVERIFY(done.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 30000);
        model.revoke(firstInvite);
        QVERIFY(done.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 30000);
        QStringList statuses;
        for (int row = 0; row < model.rowCount(); ++row)
            statuses << model.data(model.index(row), PipelineModel::StatusRole).toString();
        QCOMPARE(statuses, (QStringList{"invited", "revoked"}));

        // Search looks at names, addresses and the status in words.
        model.setFilterText(QStringLiteral("revoked"));
        QCOMPARE(model.rowCount(), 1);
        model.setFilterText(QStringLiteral("nobody"));
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText(QString());
        QCOMPARE(model.rowCount(), 2);
    }

    void thePipelineFollowsCandidatesLiveFromEvents()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_session->events()->live(), 30000);
        const ApiResult created = call(client(), "POST", "/interviews", interviewBody(QStringLiteral("Live"), 2));
        const qint64 interview = created.json.toObject().value("id").toInteger();
        const ApiResult candidate = call(client(), "POST", "/candidates", QJsonObject{{"name", "Live Candidate"}, {"email", "live@example.com"}});
        const ApiResult invite = call(client(), "POST", "/invites",
                                      QJsonObject{{"interviewId", interview}, {"candidateId", candidate.json.toObject().value("id")}});
        QVERIFY(invite.ok());
        PipelineModel model;
        model.setEvents(m_session->events());
        model.setClient(client());
        model.setInterviewId(interview);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 30000);
        const auto status = [&] { return model.data(model.index(0), PipelineModel::StatusRole).toString(); };
        const auto detail = [&] { return model.data(model.index(0), PipelineModel::DetailRole).toString(); };
        QCOMPARE(status(), QStringLiteral("invited"));
        QSignalSpy loading(&model, &PipelineModel::loadingChanged);

        // Nobody calls reload() from here on: every change comes from the server's events.
        CandidatePage page;
        QVERIFY(page.join(m_session->serverUrl(), invite.json.toObject().value("token").toString()));
        QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("started"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(detail(), QStringLiteral("on question 1 · connected now"), 10000);
        page.send(QJsonObject{{"type", "consent"}, {"accepted", true}});
        QVERIFY(page.waitFor("state", "intro"));
        page.send(QJsonObject{{"type", "begin"}});
        QVERIFY(page.waitFor("state", "thinking"));
        page.socket.close();
        QTRY_COMPARE_WITH_TIMEOUT(detail(), QStringLiteral("on question 1 · not connected"), 10000);
        QVERIFY(loading.count() >= 4); // it did reload, by itself, more than once
    }

    void afterAServerRestartTheEventsComeBackByThemselves()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_session->events()->live(), 30000);
        EventStream *events = m_session->events();
        QSignalSpy resynced(events, &EventStream::resynced);
        const int connectionsBefore = events->connections();
        EmbeddedServer *server = m_session->embeddedServer();
        const quint16 port = quint16(server->url().port());
        server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!events->live(), 10000);
        // The same address again (as a remote server comes back after a restart), the same database.
        QVERIFY(server->start(m_data.path(), port));
        QTRY_VERIFY_WITH_TIMEOUT(events->live(), 30000);
        QVERIFY(events->connections() > connectionsBefore);
        // Another server process: its stream cannot replay the old one's events, so the app reloads.
        QVERIFY(resynced.count() >= 1);
        // The token survived the restart (it is in the database), and the API answers again.
        QVERIFY(call(client(), "GET", "/me").ok());
        InterviewListModel model;
        model.setClient(client());
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded(), 30000);
        QVERIFY(model.totalCount() > 0);
    }

    void csvRecordsFollowRfc4180()
    {
        QString error;
        QCOMPARE(CsvImport::records(QStringLiteral("a,b\r\n\"c, \"\"d\"\"\",e\n\"multi\nline\",f"), QLatin1Char(','), &error),
                 (QList<QStringList>{{"a", "b"}, {"c, \"d\"", "e"}, {"multi\nline", "f"}}));
        QVERIFY(error.isEmpty());
        QCOMPARE(CsvImport::records(QStringLiteral("x;y\n\n;z\n"), QLatin1Char(';'), &error), (QList<QStringList>{{"x", "y"}, {"", "z"}}));
        CsvImport::records(QStringLiteral("a,b\n\"open,c\n"), QLatin1Char(','), &error);
        QCOMPARE(error, QStringLiteral("line 3: a quote is never closed"));
        CsvImport::records(QStringLiteral("a\n\"q\"x,b"), QLatin1Char(','), &error);
        QCOMPARE(error, QStringLiteral("line 2: text after a closing quote"));
    }

    void aCsvFileIsPreviewedWithAProblemPerRow()
    {
        CsvImport csv;
        // A spreadsheet's export: BOM, ';' between fields, CRLF, German header names in another order.
        QVERIFY(csv.parse("\xEF\xBB\xBF" "E-Mail;Name\r\nada@example.com;Ada Lovelace\r\n;No Address\r\nnot-an-address;Bob\r\n"
                          "ADA@example.com;Ada Again\r\ngrace@example.com;\r\n"));
        QCOMPARE(csv.rowCount(), 5);
        const auto at = [&](int row, int role) { return csv.data(csv.index(row), role).toString(); };
        QCOMPARE(at(0, CsvImport::NameRole), QStringLiteral("Ada Lovelace"));
        QCOMPARE(at(0, CsvImport::EmailRole), QStringLiteral("ada@example.com"));
        QCOMPARE(at(0, CsvImport::ProblemRole), QString());
        QCOMPARE(at(1, CsvImport::ProblemRole), QStringLiteral("The email address is missing."));
        QCOMPARE(at(2, CsvImport::ProblemRole), QStringLiteral("“not-an-address” is not an email address."));
        QCOMPARE(at(3, CsvImport::ProblemRole), QStringLiteral("The same address as line 2."));
        QCOMPARE(at(4, CsvImport::ProblemRole), QStringLiteral("The name is missing."));
        QCOMPARE(csv.data(csv.index(4), CsvImport::LineRole).toInt(), 6);
        QCOMPARE(csv.problemCount(), 4);

        // Without a header: name, then address.
        QVERIFY(csv.parse("Ada,ada@example.com\nGrace,grace@example.com"));
        QCOMPARE(csv.rowCount(), 2);
        QCOMPARE(csv.problemCount(), 0);

        // Files that cannot be used at all say why, and show no rows.
        QVERIFY(!csv.parse("name,email\n\"Ada,ada@example.com\n"));
        QVERIFY(csv.fileProblem().contains(QStringLiteral("quote is never closed")));
        QCOMPARE(csv.rowCount(), 0);
        QVERIFY(!csv.parse("name,email\nJos\xE9,jose@example.com\n")); // Latin-1, not UTF-8
        QVERIFY(csv.fileProblem().contains(QStringLiteral("UTF-8")));
        QVERIFY(!csv.parse("name,phone\nAda,123\n"));
        QVERIFY(csv.fileProblem().contains(QStringLiteral("email")));
        QByteArray many("name,email\n");
        for (int i = 0; i <= CsvImport::kMaxRows; ++i)
            many += QByteArray("P,p") + QByteArray::number(i) + "@example.com\n";
        QVERIFY(!csv.parse(many));
        QVERIFY(csv.fileProblem().contains(QStringLiteral("at most 5000")));
        QVERIFY(!csv.parse(""));
    }

    void aCsvImportAddsEveryoneOrNobody()
    {
        const ApiResult created = call(client(), "POST", "/interviews", interviewBody(QStringLiteral("CSV")));
        const qint64 interview = created.json.toObject().value("id").toInteger();
        const auto invites = [&] { return call(client(), "GET", QStringLiteral("/interviews/%1/candidates").arg(interview)).json.toObject().value("items").toArray().size(); };

        // The server refuses a name with a control character (the preview does not check that): nothing is added
        // and the row the server named shows the server's reason.
        CsvImport csv;
        QVERIFY(csv.parse("name,email\nAda,ada@example.com\n\"Bad\tName\",bad@example.com\n"));
        QCOMPARE(csv.problemCount(), 0);
        QSignalSpy sent(&csv, &CsvImport::sent);
        csv.send(client(), interview);
        QVERIFY(sent.wait(30000));
        QCOMPARE(sent.takeFirst().at(0).toBool(), false);
        QCOMPARE(csv.error().kind, ApiError::Invalid);
        QVERIFY(!csv.data(csv.index(1), CsvImport::ProblemRole).toString().isEmpty());
        QCOMPARE(invites(), 0);
        csv.send(client(), interview); // blocked now: a row has a problem
        QVERIFY(!sent.wait(500));

        QVERIFY(csv.parse("name,email\nAda,ada@example.com\n\"=HYPERLINK(\"\"x\"\")\",grace@example.com\n"));
        csv.send(client(), interview);
        QVERIFY(sent.wait(30000));
        QCOMPARE(sent.takeFirst().at(0).toBool(), true);
        QVERIFY(csv.imported());
        QCOMPARE(invites(), 2);
        QVERIFY(csv.data(csv.index(0), CsvImport::LinkRole).toString().contains(QStringLiteral("/i/")));

        const QString file = m_data.filePath(QStringLiteral("links.csv"));
        QVERIFY(csv.saveLinks(QUrl::fromLocalFile(file)));
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        const QList<QByteArray> lines = saved.readAll().split('\n');
        QCOMPARE(lines.at(0), QByteArray("name,email,link\r"));
        QVERIFY(lines.at(1).startsWith("\"Ada\",\"ada@example.com\",\"http://127.0.0.1:"));
        QVERIFY2(lines.at(2).startsWith("\"'=HYPERLINK(\"\"x\"\")\""), lines.at(2).constData()); // never a formula
    }

    void questionsMoveAndSayWhatIsWrong()
    {
        QuestionListModel q;
        QCOMPARE(q.add(), 0);
        QCOMPARE(q.problem(0), QObject::tr("Write the question."));
        q.setField(0, "text", "A");
        q.setField(0, "thinkSeconds", 45);
        QCOMPARE(q.add(0), 1); // after row 0, with its timing
        QCOMPARE(q.data(q.index(1), QuestionListModel::ThinkSecondsRole).toInt(), 45);
        q.setField(1, "text", "B");
        QCOMPARE(q.add(0), 1); // inserted between A and B
        q.setField(1, "text", "C");
        QVERIFY(q.move(2, 0));
        QStringList order;
        for (int row = 0; row < q.rowCount(); ++row)
            order << q.data(q.index(row), QuestionListModel::TextRole).toString();
        QCOMPARE(order, (QStringList{"B", "A", "C"}));
        QVERIFY(!q.move(0, 3));
        QVERIFY(!q.setField(0, "problem", "x"));
        q.setField(0, "answerSeconds", 5); // below the API's minimum: held at it
        QCOMPARE(q.data(q.index(0), QuestionListModel::AnswerSecondsRole).toInt(), QuestionListModel::kMinAnswer);
        q.setField(1, "text", QString(QuestionListModel::kMaxText + 1, QLatin1Char('x')));
        QCOMPARE(q.firstProblem(), 1);
        while (q.rowCount() < QuestionListModel::kMaxQuestions)
            q.add();
        QCOMPARE(q.add(), -1);
    }

    void anUnreachableServerIsReportedAsSuch()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        ApiClient c;
        c.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const ApiResult r = call(&c, "GET", "/me");
        QCOMPARE(r.error.kind, ApiError::Unreachable);
        QCOMPARE(r.error.status, 0);
    }

    void aServerThatNeverAnswersTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] { held << silent.nextPendingConnection(); });
        ApiClient c;
        c.setTimeoutMs(500);
        c.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        const ApiResult r = call(&c, "GET", "/me");
        QCOMPARE(r.error.kind, ApiError::Timeout);
        QVERIFY(!held.isEmpty()); // it did connect: the timeout, not a refusal, ended the request
    }

    void aReplyThatIsNotTheApiIsABadReply()
    {
        QTcpServer wrong;
        QVERIFY(wrong.listen(QHostAddress::LocalHost));
        connect(&wrong, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *s = wrong.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n<html>no!");
                s->disconnectFromHost();
            });
        });
        ApiClient c;
        c.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(wrong.serverPort())));
        const ApiResult r = call(&c, "GET", "/me");
        QCOMPARE(r.error.kind, ApiError::BadReply);
        QVERIFY(r.error.detail.contains("JSON"));
    }

    void theLanguageSwitchesWithoutARestart()
    {
        ApiError e;
        e.kind = ApiError::Unreachable;
        const QString english = e.message();
        QSignalSpy changed(m_session, &AppSession::languageChanged);
        m_session->setLanguage(QStringLiteral("de"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_session->language(), QStringLiteral("de"));
        QVERIFY(e.message().startsWith(QStringLiteral("Der Server ist nicht erreichbar")));
        m_session->setLanguage(QStringLiteral("fr")); // not offered: ignored
        QCOMPARE(m_session->language(), QStringLiteral("de"));
        m_session->setLanguage(QStringLiteral("en"));
        QCOMPARE(e.message(), english);
    }

    void validationErrorsNameTheField()
    {
        const ApiResult r = call(client(), "POST", "/interviews", QJsonObject{{"title", ""}, {"questions", QJsonArray()}});
        QCOMPARE(r.error.kind, ApiError::Invalid);
        QCOMPARE(r.error.field, QStringLiteral("title"));
        QVERIFY(r.error.message().contains(QStringLiteral("title")));
    }
};

QTEST_MAIN(TestAppModels)
#include "tst_appmodels.moc"
