#include "secrets.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace intervox::secrets {

bool init()
{
    return sodium_init() >= 0;
}

QString hashPassword(const QString &password)
{
    const QByteArray pw = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pw.constData(), quint64(pw.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString &hash, const QString &password)
{
    const QByteArray h = hash.toLatin1();
    const QByteArray pw = password.toUtf8();
    return !h.isEmpty() && crypto_pwhash_str_verify(h.constData(), pw.constData(), quint64(pw.size())) == 0;
}

QString newToken()
{
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

bool looksLikeToken(const QString &token)
{
    if (token.size() != 43)
        return false;
    for (QChar c : token) {
        const ushort u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_'))
            return false;
    }
    return true;
}

bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    // Compare digests: equal length, and the time does not depend on where the secrets differ.
    const QByteArray da = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray db = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    return sodium_memcmp(da.constData(), db.constData(), size_t(da.size())) == 0;
}

} // namespace intervox::secrets
