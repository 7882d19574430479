#pragma once
// The open answer of a candidate session on disk: its segment files, the chunk path (order, replay, CRC,
// append) and whether everything the page announced in finish_answer is stored. No network, no database.

#include <QJsonArray>
#include <QString>
#include <map>
#include <memory>

namespace intervox {

class SegmentFile;
struct ChunkFrame;

class AnswerUpload
{
public:
    AnswerUpload(qint64 id, int questionIndex, const QString &status, qint64 deadlineAt, const QString &dir);
    ~AnswerUpload();

    // What to tell the page about one chunk: an ack of `ackSeq`, or a nack (`nack` is its code) naming `expected`.
    struct Outcome
    {
        const char *nack = nullptr;
        quint32 ackSeq = 0;
        quint32 expected = 0;
        bool stored = false; // newly written (not a replay)
    };
    Outcome store(const ChunkFrame &chunk);

    // Every chunk finish_answer announced is stored (segments the page lost, sha256 null, count as complete).
    bool complete() const;
    // Stored chunks and bytes per segment on disk, for the state message.
    QJsonArray segmentsJson() const;
    void closeFiles();
    bool filesOpen() const { return !m_segments.empty(); }
    // Empties one segment so the page sends it again (its SHA-256 disagreed).
    void resetSegment(int segment);

    const qint64 id;
    const int questionIndex;
    const QString dir;
    QString status;          // recording, closing
    qint64 deadlineAt;
    QJsonArray expected;     // finish_answer's segments, once received
    bool finalizing = false; // hashing and syncing on the worker thread

private:
    SegmentFile *segmentFor(int segment, const char **refusal);
    std::map<int, std::unique_ptr<SegmentFile>> m_segments;
};

} // namespace intervox
