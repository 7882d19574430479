// The recruiter's half of the whole-story end-to-end test (tests/e2e/app-story.test.js): the real app window
// (offscreen) with its embedded server creates an interview and an invite through its pages, follows the
// candidate live from the server's events, and once the candidate (Chromium, driven by the test) has finished,
// plays the answer to its end in the review page, rates it and decides by keyboard.
//
// Talks to the test in JSON lines on stdout:
//   {"event":"invite","url":…}                          the candidate's link
//   {"event":"status","status":…,"phase":…,"detail":…}  each change of the candidate's row, as the model shows it
//   {"event":"played","furthest":ms,"duration":ms,"rate":r} the answer played to its end
//   {"event":"reviewed","server":…,"token":…,"inviteId":…} rating and decision saved (the token lets the test
//                                                          check them through the API, until it closes stdin)
//   {"event":"error","message":…}                        and exit code 1
#include "appstyle.h"
#include "appsession.h"
#include "interviewdraft.h"
#include "questionlistmodel.h"
#include "tooling.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(IntervoxPlugin)

namespace {

void say(const QJsonObject &line)
{
    QTextStream(stdout) << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
}

int error(const QString &message)
{
    say(QJsonObject{{"event", "error"}, {"message", message}});
    return 1;
}

QQuickItem *page(QQuickWindow *window, const char *name)
{
    QQuickItem *found = nullptr;
    waitFor([&] { return (found = window->findChild<QQuickItem *>(QLatin1String(name))) != nullptr; }, 10000);
    return found;
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir data;
    qputenv("INTERVOX_DATA_DIR", data.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", data.filePath(QStringLiteral("config")).toUtf8());
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("intervox"));
    AppStyle::configure();
    // How long the candidate may take, at most (the test bounds the whole run too).
    const int candidateMs = qEnvironmentVariableIntValue("INTERVOX_STORY_CANDIDATE_MS") > 0 ? qEnvironmentVariableIntValue("INTERVOX_STORY_CANDIDATE_MS") : 180000;

    QQmlApplicationEngine engine;
    AppStyle::prepare(&engine);
    engine.load(QUrl(QStringLiteral("qrc:/Intervox/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return error(QStringLiteral("Main.qml did not load"));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    window->resize(1280, 800);
    auto *session = qobject_cast<AppSession *>(window->property("session").value<QObject *>());
    if (!waitFor([&] { return session->status() == AppSession::Ready; }, 60000))
        return error(QStringLiteral("the app did not get ready: %1").arg(session->error().detail));

    // 1. A new interview from the interviews page, saved by the builder.
    QQuickItem *interviews = page(window, "interviewsPage");
    if (!interviews)
        return error(QStringLiteral("no interviews page"));
    QMetaObject::invokeMethod(interviews, "newInterview");
    QQuickItem *editor = page(window, "interviewEditor");
    if (!editor)
        return error(QStringLiteral("no interview editor"));
    auto *draft = editor->property("draft").value<InterviewDraft *>();
    draft->setTitle(QStringLiteral("Support engineer (story)"));
    auto *questions = draft->questions();
    questions->setData(questions->index(0), QStringLiteral("Tell us about a customer you helped."), QuestionListModel::TextRole);
    qint64 interviewId = 0;
    QString problem;
    // The editor closes (and goes) once the interview is saved: what it says is caught on the way.
    QObject::connect(draft, &InterviewDraft::saved, &app, [&](qint64 id) { interviewId = id; });
    QObject::connect(draft, &InterviewDraft::errorChanged, &app, [&, draft] { problem = draft->error().detail; });
    draft->save();
    if (!waitFor([&] { return interviewId > 0 || !problem.isEmpty(); }, 30000) || interviewId <= 0)
        return error(QStringLiteral("the interview was not saved: %1").arg(problem));

    // 2. Its page: add the candidate, the link is shown once.
    QMetaObject::invokeMethod(interviews, "openInterview", Q_ARG(int, int(interviewId)), Q_ARG(QString, QStringLiteral("Support engineer (story)")));
    QQuickItem *interviewPage = page(window, "interviewPage");
    if (!interviewPage)
        return error(QStringLiteral("no interview page"));
    auto *pipeline = qobject_cast<QAbstractItemModel *>(interviewPage->property("model").value<QObject *>());
    QMetaObject::invokeMethod(pipeline, "addCandidate", Q_ARG(QString, QStringLiteral("Ada Lovelace")), Q_ARG(QString, QStringLiteral("ada@example.com")));
    if (!waitFor([&] { return !pipeline->property("lastLink").toString().isEmpty() && pipeline->rowCount() == 1; }, 30000))
        return error(QStringLiteral("no invite link"));
    say(QJsonObject{{"event", "invite"}, {"url", pipeline->property("lastLink").toString()}});

    // 3. Follow the row as the events move it (nobody reloads by hand here).
    const QHash<int, QByteArray> roles = pipeline->roleNames();
    const auto role = [&](const QByteArray &name) { return roles.key(name); };
    QString last;
    const auto row = [&](const QByteArray &name) { return pipeline->data(pipeline->index(0, 0), role(name)); };
    if (!waitFor([&] {
            const QString status = row("status").toString(), phase = row("phase").toString(), detail = row("detail").toString();
            const QString now = status + QLatin1Char('/') + phase + QLatin1Char('/') + detail;
            if (now != last) {
                last = now;
                say(QJsonObject{{"event", "status"}, {"status", status}, {"phase", phase}, {"detail", detail}});
            }
            return status == QLatin1String("finished");
        }, candidateMs))
        return error(QStringLiteral("the candidate did not finish: %1").arg(last));

    // 4. Review: play the answer to its end at 2×, rate and decide by keyboard.
    const qint64 inviteId = row("inviteId").toLongLong();
    QMetaObject::invokeMethod(interviewPage, "openReview", Q_ARG(QVariant, QVariant(inviteId)));
    QQuickItem *reviewPage = page(window, "reviewPage");
    if (!reviewPage)
        return error(QStringLiteral("no review page"));
    QObject *review = reviewPage->property("review").value<QObject *>();
    QObject *player = reviewPage->property("player").value<QObject *>();
    if (!waitFor([&] { return !review->property("audioSource").toUrl().isEmpty(); }, 60000))
        return error(QStringLiteral("the answer did not become playable: %1").arg(review->property("audioError").toString()));
    window->requestActivate();
    QMetaObject::invokeMethod(reviewPage->findChild<QQuickItem *>(QStringLiteral("triageFocus")), "forceActiveFocus");
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(window, Qt::Key_S); // 2×
    QTest::keyClick(window, Qt::Key_Space);
    qint64 furthest = 0;
    double rate = 0;
    constexpr int kEndOfMedia = 6; // QMediaPlayer::EndOfMedia
    if (!waitFor([&] {
            furthest = qMax(furthest, player->property("position").toLongLong());
            rate = qMax(rate, player->property("playbackRate").toDouble());
            return player->property("mediaStatus").toInt() == kEndOfMedia;
        }, 120000))
        return error(QStringLiteral("the answer did not play to its end (at %1 ms)").arg(furthest));
    say(QJsonObject{{"event", "played"}, {"furthest", furthest}, {"duration", player->property("duration").toLongLong()}, {"rate", rate}});

    QTest::keyClick(window, Qt::Key_4); // the first criterion
    QTest::keyClick(window, Qt::Key_Down);
    QTest::keyClick(window, Qt::Key_5); // the second
    QTest::keyClick(window, Qt::Key_A); // advance
    if (!waitFor([&] { return review->property("decision").toString() == QLatin1String("advance") && !review->property("saving").toBool(); }, 30000))
        return error(QStringLiteral("the decision was not saved"));
    say(QJsonObject{{"event", "reviewed"}, {"server", session->serverUrl().toString()}, {"token", session->client()->accessToken()},
                    {"inviteId", inviteId}});
    // The embedded server serves the test's checks until the test closes our stdin.
    bool closed = false;
    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        if (::read(0, buffer, sizeof buffer) <= 0)
            closed = true;
    });
    if (!waitFor([&] { return closed; }, 120000))
        return error(QStringLiteral("the test did not close stdin"));
    return 0;
}
