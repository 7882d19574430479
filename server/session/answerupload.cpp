#include "answerupload.h"

#include "chunkframe.h"
#include "core/log.h"
#include "recording/segmentfile.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>

namespace intervox {

namespace {
constexpr int kMaxSegments = 64;
}

AnswerUpload::AnswerUpload(qint64 id_, int questionIndex_, const QString &status_, qint64 deadlineAt_, const QString &dir_)
    : id(id_), questionIndex(questionIndex_), dir(dir_), status(status_), deadlineAt(deadlineAt_)
{
}

AnswerUpload::~AnswerUpload() = default;

AnswerUpload::Outcome AnswerUpload::store(const ChunkFrame &c)
{
    Outcome out;
    if (finalizing && m_segments.empty()) {
        // Saving is under way; a late replay gets the final count.
        quint32 chunks = 0;
        qint64 bytes = 0;
        SegmentFile::stat(dir, c.segment, &chunks, &bytes);
        if (c.seq < chunks)
            out.ackSeq = chunks - 1;
        else
            out = Outcome{"answer_closed", 0, chunks, false};
        return out;
    }
    const char *refusal = nullptr;
    SegmentFile *seg = segmentFor(c.segment, &refusal);
    if (!seg)
        return Outcome{refusal, 0, 0, false};
    const quint32 stored = seg->chunks();
    if (c.seq < stored) { // replay after a reconnect: already safe
        out.ackSeq = stored - 1;
        return out;
    }
    if (c.seq > stored)
        return Outcome{"out_of_order", 0, stored, false};
    if (crc32Of(c.payload, c.payloadSize) != c.crc)
        return Outcome{"checksum", 0, stored, false};
    if (!seg->append(c.payload, c.payloadSize, c.crc))
        return Outcome{"storage", 0, stored, false};
    return Outcome{nullptr, c.seq, 0, true};
}

SegmentFile *AnswerUpload::segmentFor(int segment, const char **refusal)
{
    auto it = m_segments.find(segment);
    if (it != m_segments.end())
        return it->second.get();
    if (segment >= kMaxSegments) {
        *refusal = "segment_refused";
        return nullptr;
    }
    const bool exists = QFile::exists(SegmentFile::recordPath(dir, segment));
    if (!exists && (status != QLatin1String("recording") || nowMs() >= deadlineAt || !expected.isEmpty())) {
        *refusal = "segment_refused"; // no new recorder after time is up or after finish_answer
        return nullptr;
    }
    QString error;
    auto file = SegmentFile::open(dir, segment, &error);
    if (!file) {
        qCCritical(lcRecording) << error;
        *refusal = "storage";
        return nullptr;
    }
    SegmentFile *raw = file.get();
    m_segments.emplace(segment, std::move(file));
    return raw;
}

bool AnswerUpload::complete() const
{
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject e = expected.at(i).toObject();
        if (e.value(QLatin1String("sha256")).isNull())
            continue; // the page has no copy to send: what is stored is all there is
        const quint32 want = quint32(e.value(QLatin1String("chunks")).toInteger());
        quint32 have = 0;
        qint64 bytes = 0;
        auto it = m_segments.find(i);
        if (it != m_segments.end())
            have = it->second->chunks();
        else
            SegmentFile::stat(dir, i, &have, &bytes);
        if (have < want)
            return false; // the page is still uploading
    }
    return true;
}

QJsonArray AnswerUpload::segmentsJson() const
{
    QList<int> numbers;
    for (const QString &f : QDir(dir).entryList({QStringLiteral("*.seg")}, QDir::Files))
        numbers.append(f.chopped(4).toInt());
    std::sort(numbers.begin(), numbers.end());
    QJsonArray segments;
    for (int n : numbers) {
        quint32 chunks = 0;
        qint64 bytes = 0;
        auto open = m_segments.find(n);
        if (open != m_segments.end()) {
            chunks = open->second->chunks();
            bytes = open->second->bytes();
        } else {
            SegmentFile::stat(dir, n, &chunks, &bytes);
        }
        segments.append(QJsonObject{{QStringLiteral("segment"), n}, {QStringLiteral("chunks"), qint64(chunks)}, {QStringLiteral("bytes"), bytes}});
    }
    return segments;
}

void AnswerUpload::closeFiles()
{
    m_segments.clear();
}

void AnswerUpload::resetSegment(int segment)
{
    const char *refusal = nullptr;
    if (SegmentFile *f = segmentFor(segment, &refusal))
        f->reset();
}

} // namespace intervox
