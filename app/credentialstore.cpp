#include "credentialstore.h"

#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcCredentials, "intervox.app.credentials")

namespace {

// A keychain failure in the app's terms: "not found" is no error; everything else means no usable keychain.
ApiError keychainError(QKeychain::Job *job)
{
    if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
        return {};
    ApiError e;
    e.kind = ApiError::NoKeychain;
    e.detail = job->errorString();
    return e;
}

// A job has no parent: it deletes itself when it has finished. (Deleting one while the Secret Service is still
// answering crashes inside QtKeychain's libsecret callback, so a job outlives the store that started it; its
// answer is then dropped, as the connection's context is gone.)
template<typename Job>
Job *newJob(const QString &service, const QUrl &server)
{
    auto *job = new Job(service);
    job->setKey(CredentialStore::keyFor(server));
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a file
    return job;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

QString CredentialStore::keyFor(const QUrl &server)
{
    return QStringLiteral("refresh-token ") + server.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo).toString();
}

void CredentialStore::read(const QUrl &server, ReadCallback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, server);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        const ApiError error = keychainError(job);
        if (error.isError())
            qCInfo(lcCredentials).noquote() << "no keychain:" << error.detail;
        done(error.isError() ? QString() : job->textData(), error);
    });
    job->start();
}

void CredentialStore::write(const QUrl &server, const QString &secret, WriteCallback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, server);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        const ApiError error = keychainError(job);
        if (error.isError())
            qCInfo(lcCredentials).noquote() << "the sign-in is not remembered:" << error.detail;
        if (done)
            done(error);
    });
    job->start();
}

void CredentialStore::remove(const QUrl &server, WriteCallback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, server);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (done)
            done(keychainError(job));
    });
    job->start();
}
