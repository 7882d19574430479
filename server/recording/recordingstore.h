#pragma once
// Where recordings live on disk, and the slow work on them that must not block the event loop:
// hashing + fdatasync of finished answers (a worker thread) and joining segments into one seekable file
// (ffmpeg; run by the job queue, see jobs/recordingjobs.h).

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>

namespace intervox {

struct SegmentDigest
{
    int segment = 0;
    quint32 chunks = 0;
    qint64 bytes = 0;
    QString sha256;
};

class RecordingStore : public QObject
{
    Q_OBJECT
public:
    RecordingStore(const QString &root, const QString &ffmpeg, QObject *parent = nullptr);

    QString answerDir(qint64 org, qint64 session, qint64 answer) const;
    // The folder of all of one session's answers.
    QString sessionDir(qint64 org, qint64 session) const;
    static QString joinedPath(const QString &answerDir, const QString &mime);

    // Writes `manifest` (what the page announced in finish_answer) as finish.json, hashes segments 0..count-1
    // and makes all of it durable on a worker thread, then calls `done` on this object's thread. Answers
    // finishing together share one sync (group commit). An empty list means an I/O error (logged). With the
    // manifest durable next to the segments, a save whose database commit was lost can be completed again on
    // start (SessionHub::reconcile).
    // `known`: the digests when the caller has them already (SegmentState::sha), so nothing is read again.
    void finalize(const QString &dir, int count, const QByteArray &manifest, const QList<SegmentDigest> &known,
                  std::function<void(QList<SegmentDigest>)> done);
    static QString manifestPath(const QString &answerDir);

    // Extracts the segments of a saved answer (SegmentFile::extract) and joins them into one file with ffmpeg
    // (written under a temporary name, then renamed: running it twice is harmless). Blocks: call it from a
    // worker thread. `keepGoing` is polled while ffmpeg runs; false kills it. If only the join failed, the
    // extracted segments are still there.
    bool joinSegments(const QString &dir, int count, const QString &mime, const std::function<bool()> &keepGoing) const;

    void waitForWorkers();

private:
    struct FinalizeJob { QString dir; int count; QByteArray manifest; QList<SegmentDigest> known; std::function<void(QList<SegmentDigest>)> done; };
    void drainFinalizeQueue();

    QString m_root;
    QString m_ffmpeg;
    QThreadPool m_syncPool;   // one thread: batches of finalize jobs
    QMutex m_queueLock;
    QList<FinalizeJob> m_queue;
    bool m_draining = false;
};

} // namespace intervox
