#include "candidateexport.h"

#include <QSaveFile>

CandidateExport::CandidateExport(QObject *parent)
    : QObject(parent)
{
}

void CandidateExport::setClient(ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    emit clientChanged();
}

void CandidateExport::clear()
{
    if (m_busy)
        return;
    m_saved.clear();
    m_error = {};
    emit changed();
}

void CandidateExport::end(const ApiError &error, const QString &path)
{
    m_busy = false;
    m_error = error;
    m_saved = path;
    emit changed();
    if (!path.isEmpty())
        emit saved(path);
}

void CandidateExport::saveTo(qint64 candidateId, const QUrl &file)
{
    if (!m_client || m_busy || !file.isLocalFile())
        return;
    m_busy = true;
    m_saved.clear();
    m_error = {};
    emit changed();
    const QString path = file.toLocalFile();
    m_client->post(QStringLiteral("/candidates/%1/export").arg(candidateId), QJsonValue(), this, [this, path](const ApiResult &r) {
        if (!r.ok())
            return end(r.error);
        const qint64 jobId = r.json.toObject().value(QStringLiteral("jobId")).toInteger();
        m_job.watch(m_client, jobId, [this, jobId, path](const QJsonObject &job, const ApiError &error) {
            if (error.isError())
                return end(error);
            if (job.isEmpty())
                return end(ApiError::badReply(tr("the archive took too long; try again later")));
            if (job.value(QStringLiteral("state")).toString() != QLatin1String("done"))
                return end(ApiError::badReply(tr("the server could not make the archive: %1").arg(job.value(QStringLiteral("lastError")).toString())));
            m_client->get(QStringLiteral("/exports/%1").arg(jobId), this, [this, path](const ApiResult &archive) {
                if (!archive.ok())
                    return end(archive.error);
                QSaveFile out(path);
                // A person's recordings and CV: for the administrator's eyes only until they hand it over.
                if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                    || out.write(archive.body) != archive.body.size() || !out.commit())
                    return end(ApiError::localFile(out.errorString()));
                end({}, path);
            });
        }, 300000);
    });
}
