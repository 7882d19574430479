#include "candidateexport.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <archive.h>
#include <archive_entry.h>

#include "core/error.h"
#include "jobqueue.h"
#include "recording/recordingstore.h"
#include "recording/segmentfile.h"
#include "storage/database.h"

namespace intervox {

namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QJsonValue isoOrNull(const QVariant &ms)
{
    if (ms.isNull())
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toString(Qt::ISODateWithMs);
}
QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); }

// One ZIP written with libarchive (entries stored: audio does not compress, the JSON is small).
class ZipWriter
{
public:
    explicit ZipWriter(const QString &path) : m_archive(archive_write_new())
    {
        archive_write_set_format_zip(m_archive);
        archive_write_set_options(m_archive, "zip:compression=store");
        m_ok = archive_write_open_filename(m_archive, QFile::encodeName(path).constData()) == ARCHIVE_OK;
    }
    ~ZipWriter() { archive_write_free(m_archive); }
    bool add(const QString &name, const QByteArray &bytes)
    {
        if (!header(name, bytes.size()))
            return false;
        return bytes.isEmpty() || archive_write_data(m_archive, bytes.constData(), size_t(bytes.size())) == bytes.size();
    }
    bool addFile(const QString &name, const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || !header(name, file.size()))
            return false;
        QByteArray buffer(256 * 1024, Qt::Uninitialized);
        for (qint64 n; (n = file.read(buffer.data(), buffer.size())) > 0;)
            if (archive_write_data(m_archive, buffer.constData(), size_t(n)) != n)
                return false;
        return file.atEnd();
    }
    bool close() { return m_ok && archive_write_close(m_archive) == ARCHIVE_OK; }
    QString error() const { return QString::fromLocal8Bit(archive_error_string(m_archive)); }

private:
    bool header(const QString &name, qint64 size)
    {
        if (!m_ok)
            return false;
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.toUtf8().constData());
        archive_entry_set_size(entry, size);
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0600);
        archive_entry_set_mtime(entry, QDateTime::currentSecsSinceEpoch(), 0);
        m_ok = archive_write_header(m_archive, entry) == ARCHIVE_OK;
        archive_entry_free(entry);
        return m_ok;
    }
    archive *m_archive;
    bool m_ok = false;
};

QString extension(const QString &mime) { return mime.startsWith(QLatin1String("audio/mp4")) ? s("m4a") : s("webm"); }

struct Recording
{
    QString name;
    QString path;
};

// Everything held about `candidate`, as JSON, and the recordings to put beside it.
QJsonObject collect(Database &db, RecordingStore *store, qint64 org, qint64 candidate, QList<Recording> &recordings, QString *cvSha)
{
    QSqlQuery q = db.exec(s("SELECT c.name, c.email, c.created_at, c.cv_sha256, c.cv_size, o.name FROM candidates c JOIN organizations o ON o.id = c.org_id"
                            " WHERE c.id = ? AND c.org_id = ?"), {candidate, org});
    if (!q.next())
        return {};
    QJsonObject who{{s("id"), candidate}, {s("name"), q.value(0).toString()}, {s("email"), q.value(1).toString()},
                    {s("addedAt"), iso(q.value(2).toLongLong())}, {s("cv"), QJsonValue::Null}};
    if (!q.value(3).isNull()) {
        *cvSha = q.value(3).toString();
        who.insert(s("cv"), QJsonObject{{s("file"), s("cv.pdf")}, {s("sha256"), *cvSha}, {s("bytes"), q.value(4).toLongLong()}});
    }
    const QString organization = q.value(5).toString();
    QJsonArray applications;
    q = db.exec(s("SELECT i.id, v.id, v.title, i.created_at, i.expires_at, i.revoked_at, i.extra_time_percent FROM invites i"
                  " JOIN interviews v ON v.id = i.interview_id WHERE i.candidate_id = ? AND i.org_id = ? ORDER BY i.id"), {candidate, org});
    while (q.next()) {
        const qint64 invite = q.value(0).toLongLong();
        QJsonObject app{{s("inviteId"), invite}, {s("interview"), QJsonObject{{s("id"), q.value(1).toLongLong()}, {s("title"), q.value(2).toString()}}},
                        {s("invitedAt"), iso(q.value(3).toLongLong())}, {s("linkExpiresAt"), iso(q.value(4).toLongLong())},
                        {s("linkRevokedAt"), isoOrNull(q.value(5))}, {s("extraTimePercent"), q.value(6).toInt()}};
        QJsonArray sessions;
        QSqlQuery ss = db.exec(s("SELECT id, phase, consent, consent_at, started_at, finished_at, recordings_deleted_at, consent_notice, consent_language FROM sessions"
                                 " WHERE invite_id = ? AND org_id = ? ORDER BY id"), {invite, org});
        while (ss.next()) {
            const qint64 session = ss.value(0).toLongLong();
            QJsonObject so{{s("id"), session}, {s("phase"), ss.value(1).toString()},
                           {s("consent"), ss.value(2).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(ss.value(2).toString())},
                           {s("consentAt"), isoOrNull(ss.value(3))}, {s("startedAt"), iso(ss.value(4).toLongLong())},
                           {s("finishedAt"), isoOrNull(ss.value(5))}, {s("recordingsDeletedAt"), isoOrNull(ss.value(6))},
                           {s("consentNotice"), ss.value(7).isNull() ? QJsonValue(QJsonValue::Null)
                                                                     : QJsonValue(QJsonObject{{s("language"), ss.value(8).toString()}, {s("text"), ss.value(7).toString()}})}};
            QJsonArray answers;
            QSqlQuery a = db.exec(s("SELECT a.id, q.body, a.question_index, a.take, a.status, a.mime, a.started_at, a.finished_at, a.duration_ms, a.media,"
                                    " a.superseded, (SELECT COUNT(*) FROM answer_segments g WHERE g.answer_id = a.id)"
                                    " FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.session_id = ? AND a.org_id = ? ORDER BY a.id"),
                                  {session, org});
            while (a.next()) {
                const qint64 answer = a.value(0).toLongLong();
                const QString mime = a.value(5).toString(), media = a.value(9).toString();
                QJsonObject ao{{s("id"), answer}, {s("question"), a.value(1).toString()}, {s("questionNumber"), a.value(2).toInt() + 1},
                               {s("take"), a.value(3).toInt()}, {s("status"), a.value(4).toString()}, {s("startedAt"), iso(a.value(6).toLongLong())},
                               {s("finishedAt"), isoOrNull(a.value(7))},
                               {s("durationMs"), a.value(8).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.value(8).toLongLong())},
                               {s("replacedByALaterTake"), a.value(10).toInt() != 0}};
                const QString dir = store->answerDir(org, session, answer);
                QJsonArray files;
                if (media == QLatin1String("deleted")) {
                    ao.insert(s("recordingDeleted"), true);
                } else if (media == QLatin1String("ready") && QFileInfo::exists(RecordingStore::joinedPath(dir, mime))) {
                    const QString name = QStringLiteral("recordings/answer-%1.%2").arg(answer).arg(extension(mime));
                    recordings.append({name, RecordingStore::joinedPath(dir, mime)});
                    files.append(name);
                } else {
                    const int parts = a.value(11).toInt();
                    for (int n = 0; n < parts; ++n) {
                        if (!SegmentFile::extract(dir, n))
                            continue; // said below: the JSON lists only the files that are in the archive
                        const QString name = QStringLiteral("recordings/answer-%1-part-%2.%3").arg(answer).arg(n + 1).arg(extension(mime));
                        recordings.append({name, SegmentFile::mediaPath(dir, n)});
                        files.append(name);
                    }
                }
                ao.insert(s("recordingFiles"), files);
                answers.append(ao);
            }
            so.insert(s("answers"), answers);
            sessions.append(so);
        }
        app.insert(s("sessions"), sessions);
        QJsonArray ratings, notes, decisions;
        QSqlQuery r = db.exec(s("SELECT c.name, r.score, r.updated_at FROM ratings r JOIN criteria c ON c.id = r.criterion_id"
                                " WHERE r.invite_id = ? AND r.org_id = ? ORDER BY c.position, r.updated_at"), {invite, org});
        while (r.next())
            ratings.append(QJsonObject{{s("criterion"), r.value(0).toString()}, {s("score"), r.value(1).toInt()}, {s("at"), iso(r.value(2).toLongLong())}});
        r = db.exec(s("SELECT body, updated_at FROM review_notes WHERE invite_id = ? AND org_id = ? ORDER BY updated_at"), {invite, org});
        while (r.next())
            notes.append(QJsonObject{{s("text"), r.value(0).toString()}, {s("at"), iso(r.value(1).toLongLong())}});
        r = db.exec(s("SELECT decision, at FROM decisions WHERE invite_id = ? AND org_id = ? ORDER BY id"), {invite, org});
        while (r.next())
            decisions.append(QJsonObject{{s("decision"), r.value(0).toString()}, {s("at"), iso(r.value(1).toLongLong())}});
        app.insert(s("ratings"), ratings);
        app.insert(s("reviewerNotes"), notes);
        app.insert(s("decisions"), decisions);
        applications.append(app);
    }
    return QJsonObject{{s("format"), s("intervox-candidate-export/1")}, {s("exportedAt"), iso(nowMs())}, {s("organization"), organization},
                       {s("candidate"), who}, {s("applications"), applications}};
}

const char kReadme[] =
    "This archive holds everything the organization named in data.json keeps about you in its Intervox server:\n"
    "\n"
    "  data.json    your name and email address, when you were added and invited, each interview you were invited\n"
    "               to, your consent and its time, every answer (question, times, length), the ratings and notes\n"
    "               reviewers wrote about your answers (without their names) and the decisions taken\n"
    "  cv.pdf       your CV, if one was attached\n"
    "  recordings/  your spoken answers as recorded (WebM or MP4 audio; an answer recorded in several parts, after\n"
    "               an interruption, has one file per part)\n"
    "\n"
    "Times are in UTC (ISO 8601). To have your data corrected or deleted, ask the organization.\n";
} // namespace

QString candidateExportPath(const QString &exportsDir, qint64 org, qint64 candidate, qint64 job)
{
    return QStringLiteral("%1/%2/candidate-%3-%4.zip").arg(exportsDir).arg(org).arg(candidate).arg(job);
}

void registerExportJob(JobQueue &queue, RecordingStore *store, const QString &blobDir, const QString &exportsDir)
{
    queue.registerHandler(s(kExportJob), [store, blobDir, exportsDir](JobContext &job) {
        const qint64 candidate = job.payload.value(s("candidateId")).toInteger();
        QList<Recording> recordings;
        QString cvSha;
        const QString folder = QStringLiteral("candidate-%1").arg(candidate);
        const QJsonObject data = collect(job.db, store, job.orgId, candidate, recordings, &cvSha);
        if (data.isEmpty())
            return JobOutcome::fail(s("the candidate no longer exists"));
        const QString path = candidateExportPath(exportsDir, job.orgId, candidate, job.id);
        if (!QDir().mkpath(QFileInfo(path).path()))
            return JobOutcome::retry(s("cannot create the exports folder"));
        QFile::setPermissions(exportsDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString partial = path + s(".partial");
        {
            QFile touch(partial); // owner-only from its first byte
            if (!touch.open(QIODevice::WriteOnly | QIODevice::Truncate) || !touch.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
                return JobOutcome::retry(QStringLiteral("cannot write %1").arg(partial));
        }
        ZipWriter zip(partial);
        bool ok = zip.add(folder + s("/README.txt"), QByteArray(kReadme))
            && zip.add(folder + s("/data.json"), QJsonDocument(data).toJson(QJsonDocument::Indented));
        if (ok && !cvSha.isEmpty())
            ok = zip.addFile(folder + s("/cv.pdf"), blobDir + QLatin1Char('/') + cvSha.left(2) + QLatin1Char('/') + cvSha + s(".pdf"));
        for (const Recording &r : recordings) {
            if (!ok || !job.keepAlive())
                break;
            ok = zip.addFile(folder + QLatin1Char('/') + r.name, r.path);
        }
        if (!job.keepAlive()) {
            QFile::remove(partial);
            return JobOutcome::retry(s("interrupted"), 0);
        }
        if (!ok || !zip.close()) {
            const QString why = zip.error();
            QFile::remove(partial);
            return JobOutcome::retry(QStringLiteral("cannot write the archive: %1").arg(why.isEmpty() ? s("a file is missing") : why));
        }
        QFile::remove(path);
        if (!QFile::rename(partial, path))
            return JobOutcome::retry(QStringLiteral("cannot rename %1").arg(partial));
        return JobOutcome::done(QJsonObject{{s("candidateId"), candidate}, {s("bytes"), QFileInfo(path).size()},
                                            {s("recordings"), recordings.size()}, {s("expiresAt"), iso(nowMs() + kExportKeptDays * kDayMs)}});
    });
}

int removeCandidateExports(const QString &exportsDir, qint64 org, qint64 candidate, bool *ok)
{
    int removed = 0;
    QDir dir(QStringLiteral("%1/%2").arg(exportsDir).arg(org));
    const QStringList names = dir.entryList({QStringLiteral("candidate-%1-*").arg(candidate)}, QDir::Files);
    for (const QString &name : names) {
        if (dir.remove(name))
            ++removed;
        else
            *ok = false;
    }
    return removed;
}

int removeOldExports(const QString &exportsDir, qint64 now)
{
    int removed = 0;
    QDirIterator it(exportsDir, {QStringLiteral("candidate-*")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        if (file.lastModified().toMSecsSinceEpoch() + kExportKeptDays * kDayMs <= now && QFile::remove(file.filePath()))
            ++removed;
    }
    return removed;
}

} // namespace intervox
