#pragma once
// Where the app keeps a remote server's refresh token: the operating system's keychain through QtKeychain
// (Secret Service / GNOME Keyring or KWallet on Linux, Keychain on macOS, Credential Manager on Windows), never a
// file. When the computer has no keychain, reading and writing report ApiError::NoKeychain and nothing is stored:
// the app keeps the token in memory for this run and asks to sign in again next time.

#include "apierror.h"

#include <QObject>
#include <QUrl>
#include <functional>

class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);

    using ReadCallback = std::function<void(const QString &secret, const ApiError &error)>;
    using WriteCallback = std::function<void(const ApiError &error)>;

    // The keychain's service name ("Intervox"); tests use their own.
    void setService(const QString &service) { m_service = service; }

    // The refresh token kept for `server`: empty with no error when none is.
    void read(const QUrl &server, ReadCallback done);
    void write(const QUrl &server, const QString &secret, WriteCallback done = {});
    void remove(const QUrl &server, WriteCallback done = {});

    static QString keyFor(const QUrl &server);

private:
    QString m_service = QStringLiteral("Intervox");
};
