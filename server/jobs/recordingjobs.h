#pragma once
// Jobs on recordings. `join`: turns a saved answer's segments into one seekable file with ffmpeg. It runs on
// the first request for the recording (answers nobody plays cost no ffmpeg run), as a job so that it survives a
// restart, is retried, and shows its state through the API.

#include <QHash>
#include <QList>
#include <QObject>
#include <functional>

namespace intervox {

class Database;
class JobQueue;
class RecordingStore;

inline constexpr char kJoinJob[] = "join";
// `erase_files`: removes what is left on disk of erased rows (DELETE /candidates/{id}, retention): the recordings
// of the sessions in the payload, CV files no candidate refers to any more, and the candidate's export archives. Idempotent, so a run cut short by a crash
// simply runs again; the rows were deleted, in one transaction, before the job was queued.
inline constexpr char kEraseFilesJob[] = "erase_files";

// `blobDir`: where CVs are kept by their SHA-256 (blobs/sha256/ab/abcd….pdf); `exportsDir`: candidates' archives.
void registerRecordingJobs(JobQueue &queue, RecordingStore *store, const QString &blobDir, const QString &exportsDir);

// Answers requests for a recording once its join job has ended.
class MediaJoiner : public QObject
{
    Q_OBJECT
public:
    MediaJoiner(Database *db, JobQueue *queue, QObject *parent = nullptr);

    // `done` gets the answer's media state: ready, failed, or pending if the join did not end in time (it may
    // run in another server process; the caller answers 503 and the client asks again).
    void ensureJoined(qint64 orgId, qint64 answerId, std::function<void(const QString &media)> done);

private:
    void jobChanged(qint64 answerId, const QString &state);
    void answer(qint64 answerId);

    Database *m_db;
    JobQueue *m_queue;
    QHash<qint64, QList<std::function<void(const QString &)>>> m_waiting; // answer → requests
};

} // namespace intervox
