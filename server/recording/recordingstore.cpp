#include "recordingstore.h"

#include "core/log.h"
#include "segmentfile.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <fcntl.h>
#include <unistd.h>

namespace intervox {

namespace {

bool syncPath(const QString &path, bool dataOnly)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = (dataOnly ? ::fdatasync(fd) : ::fsync(fd)) == 0;
    ::close(fd);
    return ok;
}

QString extensionFor(const QString &mime)
{
    if (mime.startsWith(QLatin1String("audio/mp4")))
        return QStringLiteral("m4a");
    if (mime.startsWith(QLatin1String("audio/ogg")))
        return QStringLiteral("ogg");
    return QStringLiteral("webm");
}

// ffmpeg's demuxer for what the page recorded: forced, so candidate-supplied bytes are never probed into
// some other (riskier) format.
QString demuxerFor(const QString &mime)
{
    if (mime.startsWith(QLatin1String("audio/mp4")))
        return QStringLiteral("mov");
    if (mime.startsWith(QLatin1String("audio/ogg")))
        return QStringLiteral("ogg");
    return QStringLiteral("matroska");
}

} // namespace

RecordingStore::RecordingStore(const QString &root, const QString &ffmpeg, QObject *parent)
    : QObject(parent), m_root(root), m_ffmpeg(ffmpeg)
{
    QDir().mkpath(m_root);
    m_syncPool.setMaxThreadCount(1);
}

QString RecordingStore::sessionDir(qint64 org, qint64 session) const
{
    return m_root + QStringLiteral("/%1/%2").arg(org).arg(session);
}

QString RecordingStore::answerDir(qint64 org, qint64 session, qint64 answer) const
{
    return m_root + QStringLiteral("/%1/%2/%3").arg(org).arg(session).arg(answer);
}

QString RecordingStore::joinedPath(const QString &answerDir, const QString &mime)
{
    return answerDir + QStringLiteral("/answer.") + extensionFor(mime);
}

namespace {

// Replaces `path` with `data` through a temporary file (never half-written); durable after the next sync.
bool writeReplacing(const QString &path, const QByteArray &data)
{
    const QString tmp = path + QStringLiteral(".tmp");
    QFile f(tmp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size() || !f.flush()) {
        f.remove();
        return false;
    }
    f.close();
    return ::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(path).constData()) == 0;
}

// Hashes exactly the stored (acked) payloads of each segment.
QList<SegmentDigest> digest(const QString &dir, int count)
{
    QList<SegmentDigest> out;
    for (int s = 0; s < count; ++s) {
        SegmentDigest d;
        d.segment = s;
        if (!SegmentFile::digest(dir, s, &d.chunks, &d.bytes, &d.sha256))
            return {};
        out.append(d);
    }
    return out;
}

} // namespace

QString RecordingStore::manifestPath(const QString &answerDir)
{
    return answerDir + QStringLiteral("/finish.json");
}

void RecordingStore::finalize(const QString &dir, int count, const QByteArray &manifest, const QList<SegmentDigest> &known,
                              std::function<void(QList<SegmentDigest>)> done)
{
    QMutexLocker lock(&m_queueLock);
    m_queue.append(FinalizeJob{dir, count, manifest, known, std::move(done)});
    if (m_draining)
        return;
    m_draining = true;
    m_syncPool.start([this] { drainFinalizeQueue(); });
}

void RecordingStore::drainFinalizeQueue()
{
    for (;;) {
        QList<FinalizeJob> batch;
        {
            // Bounded batches, so the first answers of a burst are confirmed without waiting for the last.
            QMutexLocker lock(&m_queueLock);
            batch = m_queue.mid(0, 128);
            m_queue.remove(0, batch.size());
            if (batch.isEmpty()) {
                m_draining = false;
                return;
            }
        }
        QList<QList<SegmentDigest>> results;
        for (const FinalizeJob &job : batch) {
            const bool written = job.manifest.isEmpty() || writeReplacing(RecordingStore::manifestPath(job.dir), job.manifest);
            results.append(!written ? QList<SegmentDigest>() : job.known.size() == job.count ? job.known : digest(job.dir, job.count));
        }
        // One syncfs(2) makes every file of the batch (data, index, new folders) durable at once; far cheaper
        // than three fsyncs per answer when many answers end together.
        bool synced = false;
        const int rootFd = ::open(QFile::encodeName(m_root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (rootFd >= 0) {
            synced = ::syncfs(rootFd) == 0;
            ::close(rootFd);
        }
        for (int i = 0; i < batch.size(); ++i) {
            bool ok = !results.at(i).isEmpty();
            for (int seg = 0; ok && !synced && seg < batch.at(i).count; ++seg)
                ok = syncPath(SegmentFile::recordPath(batch.at(i).dir, seg), true);
            if (ok && !synced && !batch.at(i).manifest.isEmpty())
                ok = syncPath(RecordingStore::manifestPath(batch.at(i).dir), true);
            if (ok && !synced)
                ok = syncPath(batch.at(i).dir, false);
            if (!ok) {
                qCCritical(lcRecording) << "cannot hash or sync recording in" << batch.at(i).dir;
                results[i].clear();
            }
        }
        QMetaObject::invokeMethod(this, [batch, results] {
            for (int i = 0; i < batch.size(); ++i)
                batch.at(i).done(results.at(i));
        }, Qt::QueuedConnection);
    }
}

bool RecordingStore::joinSegments(const QString &dir, int count, const QString &mime, const std::function<bool()> &keepGoing) const
{
    for (int s = 0; s < count; ++s) {
        if (!SegmentFile::extract(dir, s)) {
            qCWarning(lcRecording) << "cannot extract segment" << s << "in" << dir;
            return false;
        }
    }
    const QString out = joinedPath(dir, mime);
    const QString tmp = out + QStringLiteral(".part");
    // Local files only (no network or other protocols a crafted file could name).
    QStringList args{QStringLiteral("-nostdin"), QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                     QStringLiteral("-protocol_whitelist"), QStringLiteral("file")};
    if (count == 1) {
        args << QStringLiteral("-f") << demuxerFor(mime) << QStringLiteral("-i") << SegmentFile::mediaPath(dir, 0);
    } else {
        // Each segment is a complete file from its own MediaRecorder: the concat demuxer shifts timestamps.
        QFile list(dir + QStringLiteral("/segments.txt"));
        if (!list.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        for (int s = 0; s < count; ++s)
            list.write("file '" + QFile::encodeName(SegmentFile::mediaPath(dir, s)) + "'\n");
        list.close();
        args << QStringLiteral("-f") << QStringLiteral("concat") << QStringLiteral("-safe") << QStringLiteral("0")
             << QStringLiteral("-i") << list.fileName();
    }
    const QString ext = extensionFor(mime);
    args << QStringLiteral("-map") << QStringLiteral("0:a") << QStringLiteral("-c") << QStringLiteral("copy");
    if (ext == QLatin1String("m4a"))
        args << QStringLiteral("-movflags") << QStringLiteral("+faststart") << QStringLiteral("-f") << QStringLiteral("mp4");
    else
        args << QStringLiteral("-f") << ext;
    args << tmp;

    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_ffmpeg, args);
    if (!p.waitForStarted(10000)) {
        qCWarning(lcRecording) << "cannot start" << m_ffmpeg << "to join recordings";
        return false;
    }
    // A stream copy of minutes of audio takes well under a second; 10 minutes means ffmpeg hangs.
    QDeadlineTimer limit(10 * 60 * 1000);
    while (!p.waitForFinished(250)) {
        if (p.state() == QProcess::NotRunning)
            break;
        if (!keepGoing() || limit.hasExpired()) {
            p.kill();
            p.waitForFinished(2000);
            break;
        }
    }
    const QByteArray log = p.readAll().left(2000);
    bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && QFile::exists(tmp);
    if (ok) {
        syncPath(tmp, true);
        QFile::remove(out);
        ok = QFile::rename(tmp, out);
        syncPath(dir, false);
    }
    if (!ok) {
        QFile::remove(tmp);
        qCWarning(lcRecording).noquote() << "joining" << dir << "failed:" << QString::fromUtf8(log).trimmed();
    }
    return ok;
}

void RecordingStore::waitForWorkers()
{
    {
        QMutexLocker lock(&m_queueLock);
        m_queue.clear(); // pages re-send finish_answer after reconnecting
    }
    m_syncPool.waitForDone();
}

} // namespace intervox
