#include "passwordpolicy.h"

#include <QFile>
#include <QSet>

namespace intervox {

namespace {
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list = [] {
        QSet<QString> words;
        QFile file(QStringLiteral(":/security/common-passwords.txt"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the common-password list is missing from the build");
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                words.insert(line);
        }
        return words;
    }();
    return list;
}
} // namespace

QString passwordProblem(const QString &password, const QString &email)
{
    if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength)
        return QStringLiteral("must be %1 to %2 characters").arg(kMinPasswordLength).arg(kMaxPasswordLength);
    const QString folded = password.trimmed().toLower();
    const QString address = email.trimmed().toLower();
    const QString local = address.section(QLatin1Char('@'), 0, 0);
    if (folded == address || (local.size() >= 4 && folded.contains(local)))
        return QStringLiteral("must not be or contain your email address");
    if (folded.contains(QLatin1String("intervox")))
        return QStringLiteral("must not contain the product's name");
    if (QSet<QChar>(folded.begin(), folded.end()).size() <= 3)
        return QStringLiteral("is too repetitive: use more different characters (a few unrelated words work well)");
    if (commonPasswords().contains(folded))
        return QStringLiteral("is one of the most common passwords, which attackers try first: choose another (a few unrelated words work well)");
    return {};
}

} // namespace intervox
