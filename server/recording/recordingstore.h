#pragma once
// Where recordings live on disk, and the slow work on them that must not block the event loop:
// hashing + fdatasync of finished answers (worker threads) and joining segments into one seekable file
// (ffmpeg, one at a time, after the answer is saved).

#include <QList>
#include <QObject>
#include <QProcess>
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

    // Hashes and fdatasyncs segments 0..count-1 (and the folder) on a worker thread, then calls `done` on
    // this object's thread. An empty list means an I/O error (logged).
    void finalize(const QString &dir, int count, std::function<void(QList<SegmentDigest>)> done);

    // Joins the segments of a saved answer into one file. `done(ok, durationMs)` runs on this thread.
    void join(const QString &dir, int count, const QString &mime, std::function<void(bool, qint64)> done);

    void waitForWorkers();

private:
    void startNextJoin();

    QString m_root;
    QString m_ffmpeg;
    QThreadPool m_pool;
    struct Job { QString dir; int count; QString mime; std::function<void(bool, qint64)> done; };
    QList<Job> m_joins;
    bool m_joining = false;
};

} // namespace intervox
