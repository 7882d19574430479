#pragma once
// The open answer of a candidate session on disk: its segment files, the chunk path (order, replay, CRC,
// byte budget, append) and whether everything the page announced in finish_answer is stored. No network, no
// database. It outlives the candidate's socket (the hub keeps it until the answer is saved), so a reconnect
// finds every segment's state in memory instead of reading the files again.

#include "phase.h"
#include "recording/segmentfile.h"

#include <QJsonArray>
#include <QString>
#include <map>
#include <memory>

namespace intervox {

struct ChunkFrame;

class AnswerUpload
{
public:
    // `byteBudget`: the most payload bytes all segments together may hold (see budgetFor()).
    AnswerUpload(qint64 id, int questionIndex, AnswerStatus status, qint64 deadlineAt, const QString &dir, qint64 byteBudget);
    ~AnswerUpload();

    static constexpr int kMaxSegments = 64;
    // What an answer of `answerMs` may hold: 4× the page's 64 kbit/s for its time limit plus 30 s
    // (container overhead, a recorder that starts late), and never less than 1 MiB.
    static qint64 budgetFor(qint64 answerMs);

    // What to tell the page about one chunk: an ack of `ackSeq`, or a nack (`nack` is its code) naming `expected`.
    struct Outcome
    {
        const char *nack = nullptr;
        quint32 ackSeq = 0;
        quint32 expected = 0;
        bool stored = false; // newly written (not a replay)
    };
    Outcome store(const ChunkFrame &chunk);

    // What is wrong with finish_answer's `segments` (empty if nothing): shape, whole counts, chunks <= bytes <=
    // budget, sha256 null only for a segment the server has. Checked against memory only: no file I/O.
    QString checkFinish(const QJsonValue &segments);
    // Every chunk finish_answer announced is stored (segments the page lost, sha256 null, count as complete).
    bool complete();
    // What this answer waits for before it can be saved, for the API and the log: {"what": "finish_answer" |
    // "chunks" (with the segments still short of what finish_answer announced) | "sync" | "storage" (with the
    // failed attempts)}. Empty once nothing is missing.
    QJsonObject waitingFor();
    // Stored chunks and bytes per segment on disk, for the state message.
    QJsonArray segmentsJson();
    // What is stored of one segment (exists = false if the server never received a chunk of it).
    SegmentState segment(int segment);
    qint64 storedBytes();
    void closeFiles();
    bool filesOpen() const { return !m_open.empty(); }
    // Empties one segment so the page sends it again (its SHA-256 disagreed).
    void resetSegment(int segment);

    const qint64 id;
    const int questionIndex;
    const QString dir;
    const qint64 byteBudget;
    AnswerStatus status;     // Recording or Closing (saved answers are not kept)
    qint64 deadlineAt;
    QJsonArray expected;     // finish_answer's segments, once received
    bool finalizing = false; // hashing and syncing on the worker thread
    int finalizeFailures = 0;
    qint64 finishedAt = 0;   // when finish_answer arrived (ms since epoch)
    bool stallLogged = false;
    quint32 lane = 0;        // the SessionDb lane of its invite: its save is ordered after the session's writes

private:
    SegmentFile *segmentFor(int segment, const char **refusal);
    void learnSegments();
    std::map<int, std::unique_ptr<SegmentFile>> m_open;
    std::map<int, SegmentState> m_known; // every segment of this answer seen by this process
    bool m_scanned = false;               // m_known covers every segment file in `dir`
    qint64 m_bytes = 0;                   // payload bytes of all segments (valid once m_scanned)
};

} // namespace intervox
