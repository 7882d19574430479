// intervoxd: the headless Intervox server.
//   intervoxd [serve] [--config FILE] [--listen ADDR:PORT] [--data DIR] [--database URL] [--public-url URL]
//   intervoxd migrate [same options]
//   intervoxd admin create --organization NAME --email EMAIL --name NAME (--password-stdin | env INTERVOX_ADMIN_PASSWORD)
//   intervoxd codes      the error codes (with HTTP status) and WebSocket close codes, as JSON

#include "core/config.h"
#include "core/error.h"
#include "core/log.h"
#include "ops/unixsignals.h"
#include "server.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace intervox;

namespace {

void raiseFileLimit()
{
    // Each candidate holds a socket and up to two open recording files.
    rlimit rl {};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

int die(const QString &message)
{
    QTextStream(stderr) << "intervoxd: " << message << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("intervoxd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INTERVOX_VERSION));
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Intervox server: candidate voice interviews and the recruiter API."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve (default), migrate, admin create, codes, routes"));
    const QCommandLineOption config({QStringLiteral("c"), QStringLiteral("config")}, QStringLiteral("INI file (env INTERVOX_CONFIG)."), QStringLiteral("file"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address and port, e.g. 127.0.0.1:8080 (env INTERVOX_LISTEN)."), QStringLiteral("addr:port"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Data folder (env INTERVOX_DATA_DIR)."), QStringLiteral("dir"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("postgres://… (env INTERVOX_DATABASE); default SQLite in the data folder."), QStringLiteral("url"));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"), QStringLiteral("Base URL of invite links (env INTERVOX_PUBLIC_URL)."), QStringLiteral("url"));
    const QCommandLineOption organization(QStringLiteral("organization"), QStringLiteral("admin create: organization name."), QStringLiteral("name"));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("admin create: the admin's email."), QStringLiteral("email"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("admin create: the admin's name."), QStringLiteral("name"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"), QStringLiteral("admin create: read the password from stdin."));
    p.addOptions({config, listen, data, database, publicUrl, organization, email, name, passwordStdin});
    p.process(app);
    if (p.positionalArguments().value(0) == QLatin1String("codes")) { // needs no configuration
        QTextStream(stdout) << QJsonDocument(codeTables()).toJson(QJsonDocument::Indented);
        return 0;
    }

    QMap<QString, QString> overrides;
    if (p.isSet(listen))
        overrides.insert(QStringLiteral("listen"), p.value(listen));
    if (p.isSet(data))
        overrides.insert(QStringLiteral("data_dir"), p.value(data));
    if (p.isSet(database))
        overrides.insert(QStringLiteral("database"), p.value(database));
    if (p.isSet(publicUrl))
        overrides.insert(QStringLiteral("public_url"), p.value(publicUrl));
    QString configPath = p.value(config);
    if (configPath.isEmpty())
        configPath = qEnvironmentVariable("INTERVOX_CONFIG");
    QString error;
    const auto cfg = Config::load(configPath, overrides, &error);
    if (!cfg)
        return die(error);

    const QStringList args = p.positionalArguments();
    const QString command = args.value(0, QStringLiteral("serve"));

    if (command == QLatin1String("migrate") || command == QLatin1String("admin")) {
        Database db;
        if (!db.open(*cfg, &error) || !db.migrate(&error))
            return die(error);
        if (command == QLatin1String("migrate")) {
            QTextStream(stdout) << "schema version " << db.schemaVersion() << Qt::endl;
            return 0;
        }
        if (args.value(1) != QLatin1String("create"))
            return die(QStringLiteral("usage: intervoxd admin create --organization NAME --email EMAIL --name NAME --password-stdin"));
        QString password = qEnvironmentVariable("INTERVOX_ADMIN_PASSWORD");
        if (p.isSet(passwordStdin))
            password = QTextStream(stdin).readLine();
        if (password.isEmpty())
            return die(QStringLiteral("password: give it on stdin with --password-stdin or in INTERVOX_ADMIN_PASSWORD"));
        QString json;
        const bool ok = createOrganizationAdmin(db, p.value(organization), p.value(email), p.value(name), password, &json, &error);
        db.close();
        if (!ok)
            return die(error);
        QTextStream(stdout) << json << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("routes")) { // starts the server as configured (give it a data folder of its own), prints its routes, ends
        Server server(*cfg);
        if (!server.start(&error))
            return die(error);
        QTextStream out(stdout);
        for (const QString &route : server.routeTable())
            out << route << '\n';
        return 0;
    }
    if (command != QLatin1String("serve"))
        return die(QStringLiteral("unknown command '%1' (serve, migrate, admin create, codes, routes)").arg(command));

    raiseFileLimit();
    UnixSignals unixSignals;
    Server server(*cfg);
    if (!server.start(&error))
        return die(error);
    qCInfo(lcOps).noquote() << "listening on" << server.baseUrl();
    QObject::connect(&unixSignals, &UnixSignals::terminate, &app, [&server] {
        qCInfo(lcOps) << "shutting down: asking candidate pages to reconnect later";
        server.drain();
        // Let close frames go out before the process ends.
        QTimer::singleShot(300, qApp, &QCoreApplication::quit);
    });
    QObject::connect(&unixSignals, &UnixSignals::reload, &app, [] {
        qCInfo(lcOps) << "SIGHUP: logging rules reloaded from QT_LOGGING_RULES";
    });
    return app.exec();
}
