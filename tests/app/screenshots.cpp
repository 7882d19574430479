// Renders every page of the desktop app at 1280×800 into PNG files, with a fresh embedded server and sample
// data made through the API: `intervox-screenshots OUT_DIR light|dark`. scripts/screenshots runs it under Xvfb.
#include "appstyle.h"
#include "apitesting.h"
#include "candidatepage.h"
#include "appsession.h"
#include "tooling.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTextStream>
#include <functional>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(IntervoxPlugin)

namespace {

void settle(int ms = 400) // animations (page transitions, busy indicators) end
{
    waitFor([] { return false; }, ms);
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir data;
    qputenv("INTERVOX_DATA_DIR", data.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", data.filePath(QStringLiteral("config")).toUtf8()); // no saved language from elsewhere
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("intervox"));
    AppStyle::configure();
    const QStringList args = app.arguments();
    if (args.size() < 3 || (args.at(2) != QLatin1String("light") && args.at(2) != QLatin1String("dark")))
        return fail("screenshots", QStringLiteral("usage: intervox-screenshots OUT_DIR light|dark"));
    const QDir out(args.at(1));
    const QString theme = args.at(2);
    QDir().mkpath(out.path());

    QQmlApplicationEngine engine;
    AppStyle::prepare(&engine);
    engine.load(QUrl(QStringLiteral("qrc:/Intervox/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return fail("screenshots", QStringLiteral("Main.qml did not load"));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    window->resize(1280, 800);
    window->property("theme").value<QObject *>()->setProperty("dark", theme == QLatin1String("dark"));
    auto *session = qobject_cast<AppSession *>(window->property("session").value<QObject *>());
    if (!waitFor([&] { return session->status() == AppSession::Ready; }))
        return fail("screenshots", QStringLiteral("the app did not get ready: %1").arg(session->error().detail));

    const auto shoot = [&](const QString &name) {
        settle();
        const QString file = out.filePath(QStringLiteral("%1-%2.png").arg(name, theme));
        if (!window->grabWindow().save(file))
            return false;
        QTextStream(stdout) << file << Qt::endl;
        return true;
    };
    // Opens `dialog`, waits for `ready` (if given), shoots it as `name` and closes it again.
    const auto shootDialog = [&](QObject *dialog, const QString &name, const std::function<bool()> &ready = {}) {
        QMetaObject::invokeMethod(dialog, "open");
        if (ready)
            waitFor(ready, 10000);
        settle(600);
        const bool ok = shoot(name);
        QMetaObject::invokeMethod(dialog, "close");
        settle(400);
        return ok;
    };
    auto *list = window->findChild<QQuickItem *>(QStringLiteral("interviewsPage"));
    if (!list)
        return fail("screenshots", QStringLiteral("no interviews page"));

    // 1. The first start: no interviews yet.
    if (!shoot(QStringLiteral("interviews-empty")))
        return fail("screenshots", QStringLiteral("cannot write into %1").arg(out.path()));

    // 2. A few interviews, made through the API as the app makes them.
    const QList<QPair<QString, int>> samples{{QStringLiteral("Customer support engineer — first round"), 4},
                                             {QStringLiteral("Sales development representative"), 3},
                                             {QStringLiteral("Werkstudent Marketing (Deutsch)"), 5},
                                             {QStringLiteral("Backend developer, Qt and C++"), 6}};
    int pending = 0;
    qint64 firstId = 0;
    for (const auto &[title, count] : samples) {
        QJsonArray questions;
        for (int i = 0; i < count; ++i)
            questions.append(QJsonObject{{"text", QStringLiteral("Tell us about a situation where you had to explain something complex (%1).").arg(i + 1)},
                                         {"thinkSeconds", 30}, {"answerSeconds", 120 + 60 * (i % 2)}, {"retakes", i % 2}});
        QJsonObject body{{"title", title}, {"language", title.contains("Deutsch") ? "de" : "en"}, {"questions", questions},
                         {"criteria", QJsonArray{QJsonObject{{"name", "Communication"}, {"description", "Clear, structured, adapted to the listener"}},
                                                 QJsonObject{{"name", "Customer focus"}}, QJsonObject{{"name", "Problem solving"}}}},
                         {"intro", "Welcome! This interview takes about 15 minutes. Answer in your own words; there are no trick questions."}};
        if (count == 5)
            body.insert("deadline", QDateTime::currentDateTimeUtc().addDays(21).toString(Qt::ISODate));
        ++pending;
        session->client()->post(QStringLiteral("/interviews"), body, nullptr, [&](const ApiResult &r) {
            --pending;
            if (r.ok() && !firstId)
                firstId = r.json.toObject().value("id").toInteger();
        });
    }
    if (!waitFor([&] { return pending == 0; }) || !firstId)
        return fail("screenshots", QStringLiteral("could not create the sample interviews"));
    QMetaObject::invokeMethod(list, "reload");
    settle(800);
    if (!shoot(QStringLiteral("interviews")))
        return 1;

    // 3. The builder with an existing interview, then a new one.
    QMetaObject::invokeMethod(list, "openInterview", Q_ARG(int, int(firstId)), Q_ARG(QString, samples.first().first));
    settle(800);
    auto *interviewPage = window->findChild<QQuickItem *>(QStringLiteral("interviewPage"));
    if (!interviewPage)
        return fail("screenshots", QStringLiteral("no interview page"));
    if (!shoot(QStringLiteral("interview-no-candidates")))
        return 1;
    QMetaObject::invokeMethod(interviewPage, "editInterview", Q_ARG(int, int(firstId)));
    settle(1000);
    if (!shoot(QStringLiteral("interview-editor")))
        return 1;
    auto *editor = window->findChild<QQuickItem *>(QStringLiteral("interviewEditor"));
    if (!editor)
        return fail("screenshots", QStringLiteral("no interview editor"));
    QMetaObject::invokeMethod(editor, "closed");
    settle(600);
    QMetaObject::invokeMethod(interviewPage, "back");
    settle(600);
    QMetaObject::invokeMethod(list, "newInterview");
    settle(800);
    if (!shoot(QStringLiteral("interview-new")))
        return 1;
    auto *newEditor = window->findChild<QQuickItem *>(QStringLiteral("interviewEditor"));
    QMetaObject::invokeMethod(newEditor, "closed");
    settle(600);

    // 4. One interview's candidates: some invited, one link revoked, and the link just made.
    const QStringList names{QStringLiteral("Amara Okafor"), QStringLiteral("Lukas Brandt"), QStringLiteral("Mei Tanaka"),
                            QStringLiteral("Sofia García"), QStringLiteral("Daniel Kowalski")};
    qint64 lastInvite = 0;
    for (const QString &name : names) {
        ++pending;
        const QString mail = name.section(QLatin1Char(' '), 0, 0).toLower() + QStringLiteral("@example.com");
        session->client()->post(QStringLiteral("/candidates"), QJsonObject{{"name", name}, {"email", mail}}, nullptr, [&](const ApiResult &r) {
            session->client()->post(QStringLiteral("/invites"), QJsonObject{{"interviewId", firstId}, {"candidateId", r.json.toObject().value("id")}},
                                    nullptr, [&](const ApiResult &invite) {
                                        lastInvite = invite.json.toObject().value("id").toInteger();
                                        --pending;
                                    });
        });
        waitFor([&] { return pending == 0; });
    }
    session->client()->post(QStringLiteral("/invites/%1/revoke").arg(lastInvite), QJsonValue(), nullptr, [&](const ApiResult &) { pending = -1; });
    waitFor([&] { return pending == -1; });
    // Two candidates who answered every question (over the session protocol, as a browser does), one reviewed.
    const QByteArray media = CandidatePage::makeWebm(3);
    QList<qint64> answered;
    for (const QString &name : {QStringLiteral("Grace Mbeki"), QStringLiteral("Noah Fischer")}) {
        ApiResult made;
        session->client()->post(QStringLiteral("/candidates"), QJsonObject{{"name", name}, {"email", name.section(' ', 0, 0).toLower() + "@example.org"}},
                                nullptr, [&](const ApiResult &r) {
                                    session->client()->post(QStringLiteral("/invites"), QJsonObject{{"interviewId", firstId}, {"candidateId", r.json.toObject().value("id")}},
                                                            nullptr, [&](const ApiResult &invite) { made = invite; pending = -2; });
                                });
        waitFor([&] { return pending == -2; });
        pending = 0;
        CandidatePage candidate;
        if (media.isEmpty() || !candidate.join(session->serverUrl(), made.json.toObject().value("token").toString())
            || !candidate.answerAll(samples.first().second, media))
            return fail("screenshots", QStringLiteral("a sample candidate could not answer"));
        answered.append(made.json.toObject().value("id").toInteger());
    }
    ApiResult criteria;
    session->client()->get(QStringLiteral("/interviews/%1/criteria").arg(firstId), nullptr, [&](const ApiResult &r) { criteria = r; pending = -3; });
    waitFor([&] { return pending == -3; });
    pending = 0;
    QJsonObject ratings;
    int score = 4;
    for (const QJsonValue &c : criteria.json.toObject().value("items").toArray())
        ratings.insert(QString::number(c.toObject().value("id").toInteger()), score--);
    session->client()->put(QStringLiteral("/invites/%1/review/ratings").arg(answered.first()), QJsonObject{{"ratings", ratings}}, nullptr,
                           [&](const ApiResult &) { pending = -4; });
    waitFor([&] { return pending == -4; });
    session->client()->post(QStringLiteral("/invites/%1/decision").arg(answered.first()), QJsonObject{{"decision", "advance"}}, nullptr,
                            [&](const ApiResult &) { pending = -5; });
    waitFor([&] { return pending == -5; });
    pending = 0;

    QMetaObject::invokeMethod(list, "openInterview", Q_ARG(int, int(firstId)), Q_ARG(QString, samples.first().first));
    settle(800);
    interviewPage = window->findChild<QQuickItem *>(QStringLiteral("interviewPage"));
    if (!interviewPage)
        return fail("screenshots", QStringLiteral("no interview page"));
    auto *pipeline = interviewPage->property("model").value<QObject *>();
    QMetaObject::invokeMethod(pipeline, "addCandidate", Q_ARG(QString, QStringLiteral("Jordan Lee")), Q_ARG(QString, QStringLiteral("jordan@example.com")));
    if (!waitFor([&] { return !pipeline->property("lastLink").toString().isEmpty(); }))
        return fail("screenshots", QStringLiteral("no invite link"));
    settle(800);
    if (!shoot(QStringLiteral("interview-candidates")))
        return 1;
    if (auto *dialog = interviewPage->findChild<QObject *>(QStringLiteral("exportDialog"))) {
        dialog->setProperty("name", QStringLiteral("Maya Chen"));
        if (!shootDialog(dialog, QStringLiteral("export-candidate")))
            return 1;
    }
    if (auto *dialog = interviewPage->findChild<QObject *>(QStringLiteral("eraseDialog"))) {
        dialog->setProperty("name", QStringLiteral("Daniel Kowalski"));
        if (!shootDialog(dialog, QStringLiteral("erase-candidate")))
            return 1;
    }
    if (auto *dialog = interviewPage->findChild<QObject *>(QStringLiteral("addDialog"))) {
        if (!shootDialog(dialog, QStringLiteral("add-candidate")))
            return 1;
    }
    if (auto *terms = interviewPage->findChild<QObject *>(QStringLiteral("termsDialog"))) {
        terms->setProperty("name", QStringLiteral("Jordan Lee"));
        terms->setProperty("expiresAt", QDateTime::currentDateTime().addDays(14));
        terms->setProperty("extraTimePercent", 25);
        QMetaObject::invokeMethod(terms, "open");
        settle(600);
        if (!shoot(QStringLiteral("deadline-extra-time")))
            return 1;
        QMetaObject::invokeMethod(terms, "close");
        settle(400);
    }

    // 5. Reviewing the candidate who was rated: the answer ready to play, ratings, note, decision.
    QMetaObject::invokeMethod(interviewPage, "openReview", Q_ARG(QVariant, QVariant(answered.first())));
    settle(800);
    auto *reviewPage = window->findChild<QQuickItem *>(QStringLiteral("reviewPage"));
    if (!reviewPage)
        return fail("screenshots", QStringLiteral("no review page"));
    auto *review = reviewPage->property("review").value<QObject *>();
    if (!waitFor([&] { return !review->property("audioSource").toUrl().isEmpty(); }, 60000))
        return fail("screenshots", QStringLiteral("the answer did not become playable"));
    QMetaObject::invokeMethod(review, "saveNote", Q_ARG(QString, QStringLiteral("Calm and concrete; ask about escalations in the second round.")));
    settle(1200);
    if (!shoot(QStringLiteral("review")))
        return 1;
    QMetaObject::invokeMethod(reviewPage, "back");
    settle(800);
    interviewPage = window->findChild<QQuickItem *>(QStringLiteral("interviewPage"));

    // 6. The candidates side by side, best overall score first.
    QMetaObject::invokeMethod(interviewPage, "compareCandidates", Q_ARG(int, int(firstId)), Q_ARG(QString, samples.first().first));
    settle(800);
    auto *comparison = window->findChild<QQuickItem *>(QStringLiteral("comparisonPage"));
    if (!comparison)
        return fail("screenshots", QStringLiteral("no comparison page"));
    auto *compared = comparison->property("model").value<QObject *>();
    waitFor([&] { return compared->property("loaded").toBool() && compared->property("criteria").toList().size() == 3; }, 10000);
    QMetaObject::invokeMethod(compared, "sortBy", Q_ARG(QString, QStringLiteral("score")), Q_ARG(bool, true));
    if (!shoot(QStringLiteral("comparison")))
        return 1;
    QMetaObject::invokeMethod(comparison, "back");
    settle(800);

    // 7. A CSV import with two lines to fix.
    QFile csvFile(data.filePath(QStringLiteral("candidates.csv")));
    if (!csvFile.open(QIODevice::WriteOnly))
        return fail("screenshots", QStringLiteral("cannot write the sample CSV"));
    csvFile.write("name,email\nPriya Raman,priya@example.com\nTomás Silva,tomas@example.com\nHanna Berg,hanna.berg@example\n"
                  "Kwame Mensah,kwame@example.com\n,noname@example.com\nYuki Sato,yuki@example.com\n");
    csvFile.close();
    if (auto *dialog = interviewPage->findChild<QObject *>(QStringLiteral("importDialog"))) {
        QMetaObject::invokeMethod(dialog, "open");
        settle(400);
        auto *csv = dialog->property("csv").value<QObject *>();
        bool ok = false;
        QMetaObject::invokeMethod(csv, "load", Q_RETURN_ARG(bool, ok), Q_ARG(QUrl, QUrl::fromLocalFile(csvFile.fileName())));
        settle(600);
        if (!ok || !shoot(QStringLiteral("import-csv")))
            return fail("screenshots", QStringLiteral("the CSV import did not show"));
        QMetaObject::invokeMethod(dialog, "close");
        settle(400);
    }

    // 8. The team: colleagues invited with each role, one already set up, and the setup link shown once.
    const QList<QStringList> members{{QStringLiteral("Priya Raman"), QStringLiteral("priya@example.com"), QStringLiteral("admin")},
                                     {QStringLiteral("Jonas Weber"), QStringLiteral("jonas@example.com"), QStringLiteral("recruiter")},
                                     {QStringLiteral("Aiko Yamamoto"), QStringLiteral("aiko@example.com"), QStringLiteral("reviewer")}};
    for (const QStringList &m : members) {
        pending = 1;
        session->client()->post(QStringLiteral("/users"), QJsonObject{{"name", m.at(0)}, {"email", m.at(1)}, {"role", m.at(2)}}, nullptr,
                                [&](const ApiResult &) { pending = 0; });
        waitFor([&] { return pending == 0; });
    }
    auto *navTeam = window->findChild<QQuickItem *>(QStringLiteral("navTeam"));
    if (!navTeam || !navTeam->isVisible())
        return fail("screenshots", QStringLiteral("no Team entry in the navigation"));
    QMetaObject::invokeMethod(navTeam, "clicked");
    settle(800);
    auto *teamPage = window->findChild<QQuickItem *>(QStringLiteral("teamPage"));
    if (!teamPage)
        return fail("screenshots", QStringLiteral("no team page"));
    auto *team = teamPage->property("model").value<QObject *>();
    waitFor([&] { return team->property("loaded").toBool() && team->property("count").toInt() == 4; }, 10000);
    if (!shoot(QStringLiteral("team")))
        return 1;
    if (auto *dialog = teamPage->findChild<QObject *>(QStringLiteral("inviteDialog"))) {
        if (!shootDialog(dialog, QStringLiteral("team-invite")))
            return 1;
    }
    QMetaObject::invokeMethod(team, "invite", Q_ARG(QString, QStringLiteral("Lena Vogel")), Q_ARG(QString, QStringLiteral("lena@example.com")),
                              Q_ARG(QString, QStringLiteral("reviewer")));
    auto *linkDialog = teamPage->findChild<QObject *>(QStringLiteral("setupLinkDialog"));
    if (!linkDialog || !waitFor([&] { return linkDialog->property("visible").toBool(); }, 10000))
        return fail("screenshots", QStringLiteral("the setup link did not show"));
    settle(600);
    if (!shoot(QStringLiteral("team-setup-link")))
        return 1;
    QMetaObject::invokeMethod(linkDialog, "close");
    settle(400);
    if (auto *dialog = teamPage->findChild<QObject *>(QStringLiteral("retentionDialog"))) {
        auto *settings = dialog->property("settings").value<QObject *>();
        if (!shootDialog(dialog, QStringLiteral("team-retention"), [&] { return settings && settings->property("dueKnown").toBool(); }))
            return 1;
    }

    // 8b. The activity log: what everyone above did, in words.
    auto *navAudit = window->findChild<QQuickItem *>(QStringLiteral("navAudit"));
    if (!navAudit || !navAudit->isVisible())
        return fail("screenshots", QStringLiteral("no Activity log entry in the navigation"));
    QMetaObject::invokeMethod(navAudit, "clicked");
    settle(800);
    auto *auditPage = window->findChild<QQuickItem *>(QStringLiteral("auditPage"));
    if (!auditPage)
        return fail("screenshots", QStringLiteral("no activity log page"));
    auto *audit = auditPage->property("model").value<QObject *>();
    waitFor([&] { return audit->property("loaded").toBool() && audit->property("count").toInt() > 0; }, 10000);
    settle(300);
    if (!shoot(QStringLiteral("activity-log")))
        return 1;

    // 9. Who reviews the first interview: one of the two reviewers assigned.
    QMetaObject::invokeMethod(window->findChild<QQuickItem *>(QStringLiteral("navInterviews")), "clicked");
    settle(600);
    QMetaObject::invokeMethod(list, "openInterview", Q_ARG(int, int(firstId)), Q_ARG(QString, samples.first().first));
    settle(800);
    interviewPage = window->findChild<QQuickItem *>(QStringLiteral("interviewPage"));
    auto *reviewers = interviewPage ? interviewPage->property("reviewers").value<QObject *>() : nullptr;
    if (!reviewers || !waitFor([&] { return reviewers->property("loaded").toBool() && reviewers->property("count").toInt() == 2; }, 10000))
        return fail("screenshots", QStringLiteral("the interview's reviewers did not load"));
    auto *reviewerRows = qobject_cast<QAbstractItemModel *>(reviewers);
    const QVariant firstReviewer = reviewerRows->data(reviewerRows->index(0, 0), Qt::UserRole + 1); // the user id of the first by name
    QMetaObject::invokeMethod(reviewers, "setAssigned", Q_ARG(qint64, firstReviewer.toLongLong()), Q_ARG(bool, true));
    waitFor([&] { return reviewers->property("assignedCount").toInt() == 1; }, 10000);
    if (auto *dialog = interviewPage->findChild<QObject *>(QStringLiteral("reviewersDialog"))) {
        if (!shootDialog(dialog, QStringLiteral("interview-reviewers")))
            return 1;
    }

    // 10. A candidate's CV, read inside the app.
    {
        ApiResult made;
        pending = 1;
        session->client()->post(QStringLiteral("/candidates"), QJsonObject{{"name", "Amara Okafor"}, {"email", "amara.cv@example.com"}}, nullptr,
                                [&](const ApiResult &r) { made = r; pending = 0; });
        waitFor([&] { return pending == 0; });
        const qint64 candidate = made.json.toObject().value("id").toInteger();
        pending = 1;
        session->client()->upload(QStringLiteral("/candidates/%1/cv").arg(candidate), "application/pdf",
                                  makePdf("Amara Okafor - Customer support lead"), nullptr,
                                  [&](const ApiResult &) { pending = 0; });
        waitFor([&] { return pending == 0; });
        auto *cvDialog = interviewPage->findChild<QObject *>(QStringLiteral("cvDialog"));
        if (!cvDialog)
            return fail("screenshots", QStringLiteral("no CV dialog"));
        cvDialog->setProperty("candidateName", QStringLiteral("Amara Okafor"));
        cvDialog->setProperty("candidateId", int(candidate));
        QMetaObject::invokeMethod(cvDialog, "open");
        auto *document = cvDialog->property("document").value<QObject *>();
        if (!waitFor([&] { return document->property("pageCount").toInt() == 1; }, 20000))
            return fail("screenshots", QStringLiteral("the CV did not show"));
        settle(1200);
        if (!shoot(QStringLiteral("cv")))
            return 1;
        QMetaObject::invokeMethod(cvDialog, "close");
        settle(400);
    }

    // 11. The server menu, then a remote server that needs a sign-in through the browser.
    if (auto *menu = window->findChild<QObject *>(QStringLiteral("serverMenu"))) {
        QMetaObject::invokeMethod(menu, "open");
        settle(600);
        if (!shoot(QStringLiteral("server-menu")))
            return 1;
        QMetaObject::invokeMethod(menu, "close");
        settle(400);
    }
    if (!session->addServer(QStringLiteral("interviews.example.com")).isEmpty()
        || !waitFor([&] { return session->status() == AppSession::SignInNeeded; }, 20000))
        return fail("screenshots", QStringLiteral("the remote server's sign-in did not show"));
    if (!shoot(QStringLiteral("sign-in")))
        return 1;
    session->removeServer(session->serverUrl().toString());
    return 0;
}
