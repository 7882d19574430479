// intervox: the desktop app. Embeds the server on first start; the recruiter UI talks to it over HTTP.

#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Intervox"));
    QGuiApplication::setApplicationName(QStringLiteral("intervox"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Intervox"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("intervox"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QGuiApplication::installTranslator(&translator);

    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Intervox/Main.qml")));
    return app.exec();
}
