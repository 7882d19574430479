#include "candidatecv.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCv, "intervox.app.cv")

CandidateCv::CandidateCv(QObject *parent)
    : QObject(parent)
{
}

CandidateCv::~CandidateCv() = default;

void CandidateCv::setClient(ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    emit clientChanged();
    reload();
}

void CandidateCv::setCandidateId(qint64 id)
{
    if (id == m_candidateId)
        return;
    m_candidateId = id;
    emit candidateIdChanged();
    reload();
}

void CandidateCv::finish(const ApiError &error)
{
    m_busy = false;
    m_error = error;
    emit changed();
}

void CandidateCv::reload()
{
    const quint64 generation = ++m_generation;
    m_source.clear();
    m_loaded = false;
    m_hasCv = false;
    if (!m_client || m_candidateId <= 0)
        return finish({});
    m_busy = true;
    m_error = {};
    emit changed();
    m_client->get(QStringLiteral("/candidates/%1").arg(m_candidateId), this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return;
        if (!r.ok())
            return finish(r.error);
        const QJsonValue cv = r.json.toObject().value(QStringLiteral("cv"));
        m_hasCv = cv.isObject();
        m_size = cv.toObject().value(QStringLiteral("size")).toInteger();
        if (!m_hasCv) {
            m_loaded = true;
            return finish({});
        }
        fetch();
    });
}

void CandidateCv::fetch()
{
    const quint64 generation = m_generation;
    m_client->get(QStringLiteral("/candidates/%1/cv").arg(m_candidateId), this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return;
        if (!r.ok())
            return finish(r.error);
        if (!m_dir || !m_dir->isValid())
            m_dir = std::make_unique<QTemporaryDir>((m_scratch.isEmpty() ? QDir::tempPath() : m_scratch) + QStringLiteral("/intervox-cv-XXXXXX"));
        // A new name for every fetch: the PDF view reloads when its source changes.
        const QString path = m_dir->filePath(QStringLiteral("cv-%1-%2.pdf").arg(m_candidateId).arg(generation));
        QFile file(path);
        if (!m_dir->isValid() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || file.write(r.body) != r.body.size()) {
            const QString why = m_dir->isValid() ? file.errorString() : m_dir->errorString();
            qCWarning(lcCv) << "cannot keep the CV of candidate" << m_candidateId << why;
            m_dir.reset();
            return finish(ApiError::localFile(why));
        }
        file.close();
        m_source = QUrl::fromLocalFile(path);
        m_loaded = true;
        finish({});
    });
}

void CandidateCv::attach(const QUrl &fileUrl)
{
    if (!m_client || m_candidateId <= 0 || m_busy)
        return;
    QFile file(fileUrl.toLocalFile());
    if (!file.open(QIODevice::ReadOnly))
        return finish(ApiError::localFile(file.errorString()));
    if (file.size() > kMaxBytes) {
        ApiError e;
        e.kind = ApiError::TooLarge;
        e.detail = tr("%1 MiB; the file must be smaller").arg(file.size() / (1024 * 1024));
        return finish(e);
    }
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith("%PDF-")) {
        ApiError e;
        e.kind = ApiError::WrongType;
        e.detail = tr("%1 is not a PDF file").arg(fileUrl.fileName());
        return finish(e);
    }
    const quint64 generation = ++m_generation;
    m_busy = true;
    m_error = {};
    emit changed();
    m_client->upload(QStringLiteral("/candidates/%1/cv").arg(m_candidateId), "application/pdf", bytes, this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return;
        if (!r.ok())
            return finish(r.error);
        emit attached();
        reload();
    });
}
