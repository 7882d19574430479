// intervox: the desktop app. Starts its embedded server, signs in to it through the API and shows the recruiter UI.

#include "appstyle.h"
#include "appsession.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QTextStream>
#include <QQmlApplicationEngine>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(IntervoxPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Intervox"));
    QGuiApplication::setApplicationName(QStringLiteral("intervox"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Intervox"));
    AppStyle::configure();

    // The language (saved, or the system's) is installed by the AppSession singleton when the UI creates it.
    QQmlApplicationEngine engine;
    AppStyle::prepare(&engine);
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Intervox/Main.qml")));
    // tests/bench/app.sh: "interactive <ms>" once the window has drawn its first frame with the app signed in.
    if (qEnvironmentVariableIsSet("INTERVOX_REPORT_INTERACTIVE") && !engine.rootObjects().isEmpty()) {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        auto *session = qobject_cast<AppSession *>(window ? window->property("session").value<QObject *>() : nullptr);
        if (window && session) {
            auto reported = std::make_shared<bool>(false);
            QObject::connect(window, &QQuickWindow::frameSwapped, window, [session, reported] {
                if (*reported || session->status() != AppSession::Ready)
                    return;
                *reported = true;
                QTextStream(stdout) << "interactive" << Qt::endl;
            });
        }
    }
    return app.exec();
}
