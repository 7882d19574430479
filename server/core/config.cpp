#include "config.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSettings>

namespace intervox {

namespace {

const QStringList kKeys = {
    QStringLiteral("listen"), QStringLiteral("data_dir"), QStringLiteral("database"), QStringLiteral("public_url"),
    QStringLiteral("cv_max_mb"), QStringLiteral("max_connections"), QStringLiteral("session_idle_seconds"),
    QStringLiteral("ffmpeg"), QStringLiteral("trusted_proxies"),
    QStringLiteral("metrics_token"), QStringLiteral("max_connections_per_address"),
    QStringLiteral("pdfinfo"), QStringLiteral("job_workers"), QStringLiteral("job_lease_seconds"),
    QStringLiteral("session_db_threads"), QStringLiteral("public_requests_per_minute"),
};

bool parseInt(const QString &v, int lo, int hi, int *out)
{
    bool ok = false;
    const int n = v.trimmed().toInt(&ok);
    if (!ok || n < lo || n > hi)
        return false;
    *out = n;
    return true;
}

} // namespace

std::optional<Config> Config::load(const QString &iniPath, const QMap<QString, QString> &overrides, QString *error)
{
    QMap<QString, QString> values;
    if (!iniPath.isEmpty()) {
        if (!QFileInfo::exists(iniPath)) {
            *error = QStringLiteral("config file %1 does not exist").arg(iniPath);
            return std::nullopt;
        }
        QSettings ini(iniPath, QSettings::IniFormat);
        if (ini.status() != QSettings::NoError) {
            *error = QStringLiteral("config file %1 cannot be parsed").arg(iniPath);
            return std::nullopt;
        }
        for (const QString &key : ini.allKeys()) {
            const QString k = key.startsWith(QLatin1String("General/")) ? key.mid(8) : key;
            if (!kKeys.contains(k)) {
                *error = QStringLiteral("%1: unknown key '%2'").arg(iniPath, k);
                return std::nullopt;
            }
            const QVariant v = ini.value(key); // "a, b" comes back as a list
            values.insert(k, v.typeId() == QMetaType::QStringList ? v.toStringList().join(QLatin1Char(',')) : v.toString());
        }
    }
    const auto env = QProcessEnvironment::systemEnvironment();
    for (const QString &k : kKeys) {
        const QString name = QStringLiteral("INTERVOX_") + k.toUpper();
        if (env.contains(name))
            values.insert(k, env.value(name));
    }
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        values.insert(it.key(), it.value());

    Config c;
    if (values.contains(QStringLiteral("listen"))) {
        const QString v = values.value(QStringLiteral("listen")).trimmed();
        const int colon = v.lastIndexOf(QLatin1Char(':'));
        int port = 0;
        QHostAddress addr(colon > 0 ? v.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']')) : QString());
        if (colon <= 0 || addr.isNull() || !parseInt(v.mid(colon + 1), 0, 65535, &port)) {
            *error = QStringLiteral("listen: expected ADDRESS:PORT (e.g. 127.0.0.1:8080), got '%1'").arg(v);
            return std::nullopt;
        }
        c.listenAddress = addr;
        c.listenPort = quint16(port);
    }
    c.dataDir = values.value(QStringLiteral("data_dir"), QStringLiteral("/var/lib/intervox"));
    if (c.dataDir.trimmed().isEmpty()) {
        *error = QStringLiteral("data_dir: must not be empty");
        return std::nullopt;
    }
    c.dataDir = QDir(c.dataDir).absolutePath();
    c.database = values.value(QStringLiteral("database")).trimmed();
    if (!c.database.isEmpty() && !c.database.startsWith(QLatin1String("postgres://"))
        && !c.database.startsWith(QLatin1String("postgresql://")) && !c.database.startsWith(QLatin1String("sqlite:"))) {
        *error = QStringLiteral("database: expected postgres://USER:PASSWORD@HOST:PORT/NAME or sqlite:PATH");
        return std::nullopt;
    }
    if (values.contains(QStringLiteral("public_url"))) {
        c.publicUrl = QUrl(values.value(QStringLiteral("public_url")).trimmed(), QUrl::StrictMode);
        if (!c.publicUrl.isValid() || (c.publicUrl.scheme() != QLatin1String("http") && c.publicUrl.scheme() != QLatin1String("https"))) {
            *error = QStringLiteral("public_url: expected an http:// or https:// URL");
            return std::nullopt;
        }
    }
    // Whole-number keys: absent keeps the default; out of range names the key and its range.
    const auto wholeNumber = [&values, error](const char *key, int lo, int hi, int *out) {
        const QString k = QString::fromLatin1(key);
        if (!values.contains(k))
            return true;
        if (parseInt(values.value(k), lo, hi, out))
            return true;
        *error = QStringLiteral("%1: expected a whole number from %2 to %3").arg(k).arg(lo).arg(hi);
        return false;
    };
    int cvMb = int(c.cvMaxBytes / (1024 * 1024));
    if (!wholeNumber("cv_max_mb", 1, 100, &cvMb) || !wholeNumber("max_connections", 10, 1000000, &c.maxConnections)
        || !wholeNumber("max_connections_per_address", 1, 1000000, &c.maxConnectionsPerAddress)
        || !wholeNumber("session_idle_seconds", 10, 3600, &c.sessionIdleSeconds) || !wholeNumber("job_workers", 1, 16, &c.jobWorkers)
        || !wholeNumber("job_lease_seconds", 2, 3600, &c.jobLeaseSeconds)
        || !wholeNumber("session_db_threads", 0, 64, &c.sessionDbThreads)
        || !wholeNumber("public_requests_per_minute", 1, 100000, &c.publicRequestsPerMinute))
        return std::nullopt;
    c.cvMaxBytes = qint64(cvMb) * 1024 * 1024;
    if (values.contains(QStringLiteral("ffmpeg")))
        c.ffmpeg = values.value(QStringLiteral("ffmpeg"));
    if (values.contains(QStringLiteral("pdfinfo")))
        c.pdfinfo = values.value(QStringLiteral("pdfinfo"));
    // QSettings reads "a, b" as a list; the environment and options give one string.
    for (QString item : values.value(QStringLiteral("trusted_proxies")).split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        if (!item.contains(QLatin1Char('/')))
            item += QHostAddress(item).protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("/128") : QStringLiteral("/32");
        const auto subnet = QHostAddress::parseSubnet(item);
        if (subnet.first.isNull()) {
            *error = QStringLiteral("trusted_proxies: '%1' is not an address or ADDRESS/PREFIX (e.g. 127.0.0.1, ::1, 10.0.0.0/8)").arg(item);
            return std::nullopt;
        }
        c.trustedProxies.append(subnet);
    }
    c.metricsToken = values.value(QStringLiteral("metrics_token")).trimmed();
    if (!c.metricsToken.isEmpty() && c.metricsToken.size() < 16) {
        *error = QStringLiteral("metrics_token: use at least 16 characters (e.g. openssl rand -hex 24)");
        return std::nullopt;
    }
    return c;
}

bool Config::isTrustedProxy(const QHostAddress &peer) const
{
    // An IPv4 peer may arrive as ::ffff:a.b.c.d on a dual-stack socket.
    bool mapped = false;
    const QHostAddress v4(peer.toIPv4Address(&mapped));
    for (const auto &subnet : trustedProxies)
        if (peer.isInSubnet(subnet) || (mapped && v4.isInSubnet(subnet)))
            return true;
    return false;
}

QString Config::databaseDescription() const
{
    if (database.isEmpty())
        return QStringLiteral("sqlite:") + QDir(dataDir).filePath(QStringLiteral("intervox.db"));
    QUrl u(database);
    u.setPassword(QString());
    return u.toString();
}

} // namespace intervox
