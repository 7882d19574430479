#pragma once
// Where recordings live on disk, and the slow work on them that must not block the event loop:
// hashing + fdatasync of finished answers (worker threads) and joining segments into one seekable file
// (ffmpeg, one at a time, after the answer is saved).

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
    static QString joinedPath(const QString &answerDir, const QString &mime);

    // Hashes segments 0..count-1 and makes them durable on a worker thread, then calls `done` on this
    // object's thread. Answers finishing together share one sync (group commit). An empty list means an
    // I/O error (logged).
    void finalize(const QString &dir, int count, std::function<void(QList<SegmentDigest>)> done);

    // Extracts the segments of a saved answer (SegmentFile::extract) and joins them into one file with ffmpeg,
    // one answer at a time on a worker thread. `done(ok)` runs on this object's thread; if only the join
    // failed, the extracted segments are still there.
    void join(const QString &dir, int count, const QString &mime, std::function<void(bool)> done);

    void waitForWorkers();

private:
    struct FinalizeJob { QString dir; int count; std::function<void(QList<SegmentDigest>)> done; };
    void drainFinalizeQueue();
    bool joinNow(const QString &dir, int count, const QString &mime) const;

    QString m_root;
    QString m_ffmpeg;
    QThreadPool m_syncPool;   // one thread: batches of finalize jobs
    QThreadPool m_joinPool;   // one thread: ffmpeg runs
    QMutex m_queueLock;
    QList<FinalizeJob> m_queue;
    bool m_draining = false;
};

} // namespace intervox
