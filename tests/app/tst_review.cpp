// The review side of the app against a real in-process server: rating criteria in the builder, sorting the
// candidate list (the comparison table), the review of one candidate (recordings fetched for playback, ratings,
// note, decision, live changes), and what happens when the server restarts or the local disk fails.
#include "apitesting.h"
#include "appsession.h"
#include "candidatepage.h"
#include "embeddedserver.h"
#include "eventstream.h"
#include "interviewdraft.h"
#include "pipelinemodel.h"
#include "questionlistmodel.h"
#include "reviewsession.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestReview : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    AppSession *m_session = nullptr;

    ApiClient *client() const { return m_session->client(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        qputenv("XDG_CONFIG_HOME", m_data.filePath(QStringLiteral("config")).toUtf8());
        m_session = new AppSession(this);
        m_session->setDataDir(m_data.path());
        m_session->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->status(), AppSession::Ready, 30000);
    }

    void cleanupTestCase()
    {
        delete m_session; // the server stops before its data folder goes
    }

    void theDraftsCriteriaChangeEvenAfterCandidatesStarted()
    {
        InterviewDraft draft;
        draft.setClient(client());
        QCOMPARE(draft.criteria().size(), 3); // a new interview starts with sensible criteria
        draft.setTitle(QStringLiteral("Criteria"));
        draft.questions()->setData(draft.questions()->index(0), QStringLiteral("Why us?"), QuestionListModel::TextRole);
        draft.renameCriterion(2, QStringLiteral("Communication"));
        QVERIFY(!draft.canSave());
        QVERIFY2(draft.criteriaProblem().contains(QStringLiteral("Communication")), qPrintable(draft.criteriaProblem()));
        draft.renameCriterion(2, QStringLiteral("Curiosity"));
        QVERIFY(draft.canSave());
        QSignalSpy saved(&draft, &InterviewDraft::saved);
        draft.save();
        QVERIFY(saved.wait(30000));
        const qint64 id = draft.interviewId();
        QCOMPARE(draft.criteria().size(), 3);
        const qint64 keptId = draft.criteria().at(0).toMap().value("id").toLongLong();
        QVERIFY(keptId > 0);

        // A candidate starts: the questions are fixed from now on, the criteria are not.
        const ApiResult candidate = call(client(), "POST", "/candidates", QJsonObject{{"name", "Early Bird"}, {"email", "early@example.com"}});
        const ApiResult invite = call(client(), "POST", "/invites", QJsonObject{{"interviewId", id}, {"candidateId", candidate.json.toObject().value("id")}});
        CandidatePage page;
        QVERIFY(page.join(m_session->serverUrl(), invite.json.toObject().value("token").toString()));

        InterviewDraft again;
        again.setClient(client());
        again.load(id);
        QTRY_COMPARE_WITH_TIMEOUT(again.interviewId(), id, 30000);
        QCOMPARE(again.criteria().at(2).toMap().value("name").toString(), QStringLiteral("Curiosity"));
        QVERIFY(!again.dirty());
        again.removeCriterion(1);
        again.renameCriterion(0, QStringLiteral("Clarity"));
        again.addCriterion(QStringLiteral("Ownership"));
        QVERIFY(again.dirty());
        QSignalSpy savedAgain(&again, &InterviewDraft::saved);
        again.save();
        QVERIFY2(savedAgain.wait(30000), qPrintable(QStringLiteral("%1 %2 %3").arg(again.error().kind).arg(again.busy()).arg(again.error().detail)));
        QVERIFY(!again.dirty());
        const QJsonArray stored = call(client(), "GET", QStringLiteral("/interviews/%1/criteria").arg(id)).json.toObject().value("items").toArray();
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored.at(0).toObject().value("name").toString(), QStringLiteral("Clarity"));
        QCOMPARE(stored.at(0).toObject().value("id").toInteger(), keptId);
        QCOMPARE(stored.at(1).toObject().value("name").toString(), QStringLiteral("Curiosity"));
        QCOMPARE(stored.at(2).toObject().value("name").toString(), QStringLiteral("Ownership"));

        // Changing a question as well is still refused, and says why.
        again.setTitle(QStringLiteral("Criteria, renamed"));
        again.save();
        QTRY_VERIFY_WITH_TIMEOUT(again.error().isError(), 30000);
        QCOMPARE(again.error().kind, ApiError::Conflict);
    }

    void theCandidateListSortsByAnyColumn()
    {
        QJsonObject body = interviewBody(QStringLiteral("Sorting"));
        body.insert("criteria", QJsonArray{QJsonObject{{"name", "Skill"}}, QJsonObject{{"name", "Care"}}});
        const ApiResult created = call(client(), "POST", "/interviews", body);
        const qint64 interview = created.json.toObject().value("id").toInteger();
        const QJsonArray criteria = created.json.toObject().value("criteria").toArray();
        const QString skill = QString::number(criteria.at(0).toObject().value("id").toInteger());
        const QString care = QString::number(criteria.at(1).toObject().value("id").toInteger());
        QJsonArray people;
        for (const char *name : {"berta", "Anton", "Cäsar", "Dora 10", "Dora 9"})
            people.append(QJsonObject{{"name", QString::fromUtf8(name)}, {"email", QString::fromUtf8(name).section(' ', 0, 0).toLower() + QString::number(people.size()) + "@example.com"}});
        const ApiResult batch = call(client(), "POST", "/invites/batch", QJsonObject{{"interviewId", interview}, {"candidates", people}});
        QVERIFY(batch.ok());
        QHash<QString, qint64> invite;
        const QJsonArray made = batch.json.toObject().value("items").toArray(); // in the order sent
        for (qsizetype i = 0; i < made.size(); ++i)
            invite.insert(people.at(i).toObject().value("name").toString(), made.at(i).toObject().value("id").toInteger());
        QCOMPARE(invite.size(), 5);
        const auto rate = [&](const char *who, int s, int c) {
            QVERIFY(call(client(), "PUT", QStringLiteral("/invites/%1/review/ratings").arg(invite.value(QString::fromUtf8(who))),
                         QJsonObject{{"ratings", QJsonObject{{skill, s}, {care, c}}}}).ok());
        };
        rate("berta", 5, 3);  // 4.0
        rate("Anton", 2, 2);  // 2.0
        rate("Cäsar", 4, 5);  // 4.5
        QVERIFY(call(client(), "POST", QStringLiteral("/invites/%1/decision").arg(invite.value("Anton")), QJsonObject{{"decision", "reject"}}).ok());
        QVERIFY(call(client(), "POST", QStringLiteral("/invites/%1/decision").arg(invite.value("Cäsar")), QJsonObject{{"decision", "advance"}}).ok());

        PipelineModel model;
        model.setClient(client());
        model.setInterviewId(interview);
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded() && model.rowCount() == 5 && model.criteria().size() == 2, 30000);
        const auto names = [&] {
            QStringList out;
            for (int i = 0; i < model.rowCount(); ++i)
                out << model.data(model.index(i), PipelineModel::NameRole).toString();
            return out.join(QLatin1Char('|'));
        };
        QCOMPARE(names(), QStringLiteral("Dora 9|Dora 10|Cäsar|Anton|berta")); // the API's order: newest first
        model.sortBy(QStringLiteral("name"), false); // locale-aware, case-insensitive, numbers as numbers
        QCOMPARE(names(), QStringLiteral("Anton|berta|Cäsar|Dora 9|Dora 10"));
        model.sortBy(QStringLiteral("name"), true);
        QCOMPARE(names(), QStringLiteral("Dora 10|Dora 9|Cäsar|berta|Anton"));
        model.sortBy(QStringLiteral("score"), true); // nobody's ratings: last, in either direction
        QCOMPARE(names(), QStringLiteral("Cäsar|berta|Anton|Dora 9|Dora 10"));
        model.sortBy(QStringLiteral("score"), false);
        QCOMPARE(names(), QStringLiteral("Anton|berta|Cäsar|Dora 9|Dora 10"));
        model.sortBy(QStringLiteral("criterion:") + care, true);
        QCOMPARE(names(), QStringLiteral("Cäsar|berta|Anton|Dora 9|Dora 10"));
        QCOMPARE(model.data(model.index(0), PipelineModel::ScoresRole).toList(), (QVariantList{4.0, 5.0}));
        model.sortBy(QStringLiteral("decision"), true);
        QCOMPARE(names().section(QLatin1Char('|'), 0, 1), QStringLiteral("Cäsar|Anton"));
        // The sort holds while filtering and across a reload.
        model.sortBy(QStringLiteral("score"), true);
        model.setFilterText(QStringLiteral("a"));
        QCOMPARE(names(), QStringLiteral("Cäsar|berta|Anton|Dora 9|Dora 10"));
        model.setFilterText(QStringLiteral("dora"));
        QCOMPARE(names(), QStringLiteral("Dora 9|Dora 10"));
        model.setFilterText(QString());
        rate("Anton", 5, 5);
        model.reload();
        QTRY_COMPARE_WITH_TIMEOUT(names(), QStringLiteral("Anton|Cäsar|berta|Dora 9|Dora 10"), 30000);
    }

    void aReviewPlaysRatesNotesAndDecides()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_session->events()->live(), 30000);
        QJsonObject body = interviewBody(QStringLiteral("Review"), 2);
        body.insert("criteria", QJsonArray{QJsonObject{{"name", "Communication"}}, QJsonObject{{"name", "Experience"}}});
        const ApiResult created = call(client(), "POST", "/interviews", body);
        QVERIFY2(created.ok(), qPrintable(created.error.detail));
        const qint64 interview = created.json.toObject().value("id").toInteger();
        const ApiResult candidate = call(client(), "POST", "/candidates", QJsonObject{{"name", "Rita Review"}, {"email", "rita@example.com"}});
        const ApiResult invite = call(client(), "POST", "/invites",
                                      QJsonObject{{"interviewId", interview}, {"candidateId", candidate.json.toObject().value("id")}});
        QVERIFY(invite.ok());
        const qint64 inviteId = invite.json.toObject().value("id").toInteger();
        const QByteArray media = CandidatePage::makeWebm(3);
        QVERIFY2(!media.isEmpty(), "ffmpeg made no WebM");
        CandidatePage page;
        QVERIFY(page.join(m_session->serverUrl(), invite.json.toObject().value("token").toString()));
        QVERIFY(page.answerAll(2, media));

        ReviewSession review;
        review.setEvents(m_session->events());
        review.setClient(client());
        review.setInviteId(inviteId);
        QTRY_VERIFY_WITH_TIMEOUT(review.loaded(), 30000);
        QCOMPARE(review.candidateName(), QStringLiteral("Rita Review"));
        QCOMPARE(review.answers().size(), 2);
        QCOMPARE(review.answers().at(1).toMap().value("questionText").toString(), QStringLiteral("Question 2"));
        QCOMPARE(review.criteria().size(), 2);
        QCOMPARE(review.currentAnswer(), 0);

        // The recording comes through the API into a file only this user can read; the next one is fetched ahead.
        QTRY_VERIFY_WITH_TIMEOUT(review.audioSource().isLocalFile(), 60000);
        const QString first = review.audioSource().toLocalFile();
        QFile file(first);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(4), QByteArray::fromHex("1a45dfa3")); // a WebM (EBML) file
        QCOMPARE(QFileInfo(first).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(QFileInfo(QFileInfo(first).path()).permissions() & (QFileDevice::ExeOther | QFileDevice::ReadOther), QFileDevice::Permissions());
        review.setCurrentAnswer(1);
        QTRY_VERIFY_WITH_TIMEOUT(review.audioSource().isLocalFile() && review.audioSource().toLocalFile() != first, 60000);
        review.setCurrentAnswer(5); // beyond the end: the last one
        QCOMPARE(review.currentAnswer(), 1);

        const qint64 communication = review.criteria().at(0).toMap().value("id").toLongLong();
        const qint64 experience = review.criteria().at(1).toMap().value("id").toLongLong();
        QSignalSpy saved(&review, &ReviewSession::saved);
        review.rate(communication, 4);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 30000);
        QCOMPARE(saved.at(0).at(1).toBool(), true);
        QCOMPARE(review.criteria().at(0).toMap().value("mine").toInt(), 4);
        review.saveNote(QStringLiteral("Clear, calm answers."));
        review.decide(QStringLiteral("advance"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 3, 30000);
        QCOMPARE(review.note(), QStringLiteral("Clear, calm answers."));
        QCOMPARE(review.decision(), QStringLiteral("advance"));
        QVERIFY2(review.decisionText().startsWith(QStringLiteral("Advanced by ")), qPrintable(review.decisionText()));

        // A change made elsewhere (another window, a colleague) arrives as an event: no reload by hand.
        QVERIFY(call(client(), "PUT", QStringLiteral("/invites/%1/review/ratings").arg(inviteId),
                     QJsonObject{{"ratings", QJsonObject{{QString::number(experience), 2}}}}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(review.criteria().at(1).toMap().value("mine").toInt(), 2, 10000);
        QVERIFY(call(client(), "POST", QStringLiteral("/invites/%1/decision").arg(inviteId), QJsonObject{{"decision", "hold"}}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(review.decision(), QStringLiteral("hold"), 10000);

        // A refused change is reported, and nothing else changes.
        review.decide(QStringLiteral("maybe"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 4, 30000);
        QCOMPARE(saved.at(3).at(1).toBool(), false);
        QCOMPARE(review.error().kind, ApiError::Invalid);
        QCOMPARE(review.decision(), QStringLiteral("hold"));

        // Another candidate: the recordings of this one are gone from the disk.
        review.setInviteId(0);
        QVERIFY(!QFileInfo::exists(first));

        // The pipeline shows the score and the decision, and offers the candidates who answered for review.
        PipelineModel pipeline;
        pipeline.setClient(client());
        pipeline.setInterviewId(interview);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline.rowCount(), 1, 30000);
        QCOMPARE(pipeline.data(pipeline.index(0), PipelineModel::DecisionRole).toString(), QStringLiteral("hold"));
        QCOMPARE(pipeline.data(pipeline.index(0), PipelineModel::ScoreRole).toDouble(), 3.0);
        QCOMPARE(pipeline.data(pipeline.index(0), PipelineModel::AnswerCountRole).toInt(), 2);
        QCOMPARE(pipeline.reviewableInviteIds(), QVariantList{inviteId});
    }

    void aReviewIsRightAfterAServerRestartMidUse()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_session->events()->live(), 30000);
        QJsonObject body = interviewBody(QStringLiteral("Restart review"), 1);
        body.insert("criteria", QJsonArray{QJsonObject{{"name", "Clarity"}}});
        const ApiResult created = call(client(), "POST", "/interviews", body);
        const ApiResult candidate = call(client(), "POST", "/candidates", QJsonObject{{"name", "Rene Restart"}, {"email", "rene@example.com"}});
        const ApiResult invite = call(client(), "POST", "/invites", QJsonObject{{"interviewId", created.json.toObject().value("id")},
                                                                               {"candidateId", candidate.json.toObject().value("id")}});
        CandidatePage page;
        QVERIFY(page.join(m_session->serverUrl(), invite.json.toObject().value("token").toString()));
        QVERIFY(page.answerAll(1, CandidatePage::makeWebm(2)));
        ReviewSession review;
        review.setEvents(m_session->events());
        review.setClient(client());
        review.setInviteId(invite.json.toObject().value("id").toInteger());
        QTRY_VERIFY_WITH_TIMEOUT(review.loaded() && review.audioSource().isLocalFile(), 60000);
        const qint64 clarity = review.criteria().at(0).toMap().value("id").toLongLong();
        QSignalSpy saved(&review, &ReviewSession::saved);

        // The server goes away: a rating is refused in the recruiter's words, nothing is pretended.
        EmbeddedServer *server = m_session->embeddedServer();
        const quint16 port = quint16(server->url().port());
        server->stop();
        review.rate(clarity, 2);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 40000);
        QCOMPARE(saved.at(0).at(1).toBool(), false);
        QCOMPARE(review.error().kind, ApiError::Unreachable);
        QCOMPARE(review.criteria().at(0).toMap().value("mine").toInt(), 0);

        // It comes back (same address, same database): the review reloads by itself and works again.
        QVERIFY(server->start(m_data.path(), port));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->events()->live(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!review.error().isError(), 30000); // reloaded after the events resynced
        review.rate(clarity, 4);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 30000);
        QCOMPARE(saved.at(1).at(1).toBool(), true);
        QCOMPARE(review.criteria().at(0).toMap().value("mine").toInt(), 4);
        QCOMPARE(review.answers().size(), 1);
        QVERIFY(review.audioSource().isLocalFile()); // the copy fetched before the restart is still there
    }

    void aRecordingThatCannotBeKeptLocallySaysSo()
    {
        const ApiResult created = call(client(), "POST", "/interviews", interviewBody(QStringLiteral("No disk")));
        const ApiResult candidate = call(client(), "POST", "/candidates", QJsonObject{{"name", "Nora Nodisk"}, {"email", "nora@example.com"}});
        const ApiResult invite = call(client(), "POST", "/invites", QJsonObject{{"interviewId", created.json.toObject().value("id")},
                                                                               {"candidateId", candidate.json.toObject().value("id")}});
        CandidatePage page;
        QVERIFY(page.join(m_session->serverUrl(), invite.json.toObject().value("token").toString()));
        QVERIFY(page.answerAll(1, CandidatePage::makeWebm(2)));
        // No temporary folder can be made: the player gets nothing, and the reason is this computer's, not the server's.
        ReviewSession review;
        review.setScratchFolder(m_data.filePath(QStringLiteral("no/such/folder")));
        review.setClient(client());
        review.setInviteId(invite.json.toObject().value("id").toInteger());
        QTRY_VERIFY_WITH_TIMEOUT(review.audioError().isError(), 60000);
        QCOMPARE(review.audioError().kind, ApiError::LocalFile);
        QVERIFY2(review.audioError().message().startsWith(QStringLiteral("This computer could not keep the file")), qPrintable(review.audioError().message()));
        QVERIFY(review.audioSource().isEmpty());
        QVERIFY(!review.audioLoading());
    }

};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
