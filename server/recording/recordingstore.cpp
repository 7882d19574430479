#include "recordingstore.h"

#include "core/log.h"
#include "segmentfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QPointer>
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

} // namespace

RecordingStore::RecordingStore(const QString &root, const QString &ffmpeg, QObject *parent)
    : QObject(parent), m_root(root), m_ffmpeg(ffmpeg)
{
    m_pool.setMaxThreadCount(2);
}

QString RecordingStore::answerDir(qint64 org, qint64 session, qint64 answer) const
{
    return m_root + QStringLiteral("/%1/%2/%3").arg(org).arg(session).arg(answer);
}

QString RecordingStore::joinedPath(const QString &answerDir, const QString &mime)
{
    return answerDir + QStringLiteral("/answer.") + extensionFor(mime);
}

void RecordingStore::finalize(const QString &dir, int count, std::function<void(QList<SegmentDigest>)> done)
{
    QPointer<RecordingStore> self(this);
    m_pool.start([self, dir, count, done = std::move(done)] {
        QList<SegmentDigest> out;
        bool ok = true;
        for (int s = 0; s < count && ok; ++s) {
            SegmentDigest d;
            d.segment = s;
            SegmentFile::stat(dir, s, &d.chunks, &d.bytes);
            QFile f(SegmentFile::mediaPath(dir, s));
            QCryptographicHash h(QCryptographicHash::Sha256);
            if (!f.open(QIODevice::ReadOnly)) {
                ok = false;
                break;
            }
            qint64 left = d.bytes; // hash exactly the stored (acked) bytes
            while (left > 0) {
                const QByteArray piece = f.read(qMin<qint64>(left, 256 * 1024));
                if (piece.isEmpty()) {
                    ok = false;
                    break;
                }
                h.addData(piece);
                left -= piece.size();
            }
            d.sha256 = QString::fromLatin1(h.result().toHex());
            ok = ok && syncPath(SegmentFile::mediaPath(dir, s), true) && syncPath(SegmentFile::indexPath(dir, s), true);
            out.append(d);
        }
        ok = ok && syncPath(dir, false);
        if (!ok) {
            qCCritical(lcRecording) << "cannot hash or sync recording in" << dir;
            out.clear();
        }
        QMetaObject::invokeMethod(self, [self, done, out] {
            if (self)
                done(out);
        }, Qt::QueuedConnection);
    });
}

void RecordingStore::join(const QString &dir, int count, const QString &mime, std::function<void(bool, qint64)> done)
{
    m_joins.append(Job{dir, count, mime, std::move(done)});
    startNextJoin();
}

void RecordingStore::startNextJoin()
{
    if (m_joining || m_joins.isEmpty())
        return;
    m_joining = true;
    const Job job = m_joins.takeFirst();
    const QString out = joinedPath(job.dir, job.mime);
    const QString tmp = out + QStringLiteral(".part");
    QStringList args{QStringLiteral("-nostdin"), QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y")};
    if (job.count == 1) {
        args << QStringLiteral("-i") << SegmentFile::mediaPath(job.dir, 0);
    } else {
        // Each segment is a complete file from its own MediaRecorder: the concat demuxer shifts timestamps.
        QFile list(job.dir + QStringLiteral("/segments.txt"));
        if (list.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            for (int s = 0; s < job.count; ++s)
                list.write("file '" + QFile::encodeName(SegmentFile::mediaPath(job.dir, s)) + "'\n");
            list.close();
        }
        args << QStringLiteral("-f") << QStringLiteral("concat") << QStringLiteral("-safe") << QStringLiteral("0")
             << QStringLiteral("-i") << list.fileName();
    }
    const QString ext = extensionFor(job.mime);
    args << QStringLiteral("-map") << QStringLiteral("0:a") << QStringLiteral("-c") << QStringLiteral("copy");
    if (ext == QLatin1String("m4a"))
        args << QStringLiteral("-movflags") << QStringLiteral("+faststart") << QStringLiteral("-f") << QStringLiteral("mp4");
    else
        args << QStringLiteral("-f") << ext;
    args << tmp;

    auto *p = new QProcess(this);
    p->setProcessChannelMode(QProcess::MergedChannels);
    connect(p, &QProcess::finished, this, [this, p, job, out, tmp](int code, QProcess::ExitStatus status) {
        const QByteArray log = p->readAll().left(2000);
        p->deleteLater();
        bool ok = status == QProcess::NormalExit && code == 0 && QFile::exists(tmp);
        qint64 durationMs = -1;
        if (ok) {
            syncPath(tmp, true);
            QFile::remove(out);
            ok = QFile::rename(tmp, out);
            syncPath(job.dir, false);
        }
        if (!ok) {
            QFile::remove(tmp);
            qCWarning(lcRecording).noquote() << "joining" << job.dir << "failed:" << QString::fromUtf8(log).trimmed();
        }
        m_joining = false;
        job.done(ok, durationMs);
        startNextJoin();
    });
    connect(p, &QProcess::errorOccurred, this, [this, p, job](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        qCWarning(lcRecording) << "cannot start" << m_ffmpeg << "to join recordings";
        p->deleteLater();
        m_joining = false;
        job.done(false, -1);
        startNextJoin();
    });
    p->start(m_ffmpeg, args);
}

void RecordingStore::waitForWorkers()
{
    m_pool.waitForDone();
}

} // namespace intervox
