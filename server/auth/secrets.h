#pragma once
// Passwords (Argon2id via libsodium) and random bearer/invite tokens (only their SHA-256 is stored).

#include <QByteArray>
#include <QString>

namespace intervox::secrets {

bool init();                                        // libsodium; call once at start
QString hashPassword(const QString &password);      // slow on purpose (~50–100 ms): call off the event loop
bool verifyPassword(const QString &hash, const QString &password);
QString newToken();                                 // 256 random bits, base64url without padding (43 chars)
QString tokenHash(const QString &token);            // hex SHA-256
bool looksLikeToken(const QString &token);          // cheap shape check before any lookup
bool equalConstantTime(const QByteArray &a, const QByteArray &b); // for secrets compared as they are

} // namespace intervox::secrets
