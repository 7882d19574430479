// intervox: the desktop app. Starts its embedded server, signs in to it through the API and shows the recruiter UI.

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(IntervoxPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Intervox"));
    QGuiApplication::setApplicationName(QStringLiteral("intervox"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Intervox"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    // The language (saved, or the system's) is installed by the AppSession singleton when the UI creates it.
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Intervox/Main.qml")));
    return app.exec();
}
