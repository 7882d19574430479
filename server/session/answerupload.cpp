#include "answerupload.h"

#include "chunkframe.h"
#include "core/log.h"
#include "recording/segmentfile.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace intervox {

namespace {
constexpr qint64 kBudgetBytesPerSecond = 32000; // 4 × 64 kbit/s, the page's recording bitrate
constexpr qint64 kBudgetMarginSeconds = 30;
constexpr qint64 kMinBudget = 1024 * 1024;
} // namespace

AnswerUpload::AnswerUpload(qint64 id_, int questionIndex_, AnswerStatus status_, qint64 deadlineAt_, const QString &dir_,
                           qint64 byteBudget_)
    : id(id_), questionIndex(questionIndex_), dir(dir_), byteBudget(byteBudget_), status(status_), deadlineAt(deadlineAt_)
{
}

AnswerUpload::~AnswerUpload() = default;

qint64 AnswerUpload::budgetFor(qint64 answerMs)
{
    return qMax(kMinBudget, (qMax<qint64>(0, answerMs) / 1000 + kBudgetMarginSeconds) * kBudgetBytesPerSecond);
}

void AnswerUpload::learnSegments()
{
    // Once per answer and process (after a restart): later calls find everything in memory.
    if (m_scanned)
        return;
    m_scanned = true;
    for (const QString &f : QDir(dir).entryList({QStringLiteral("*.seg")}, QDir::Files)) {
        bool ok = false;
        const int n = f.chopped(4).toInt(&ok);
        if (ok && n >= 0 && n < kMaxSegments)
            segment(n);
    }
    m_bytes = 0;
    for (const auto &[n, state] : m_known)
        m_bytes += state.bytes;
    for (const auto &[n, file] : m_open)
        m_bytes += file->bytes();
}

SegmentState AnswerUpload::segment(int n)
{
    auto open = m_open.find(n);
    if (open != m_open.end())
        return open->second->state();
    auto known = m_known.find(n);
    if (known != m_known.end())
        return known->second;
    const SegmentState state = SegmentFile::stat(dir, n);
    if (state.exists)
        m_known.emplace(n, state);
    return state;
}

qint64 AnswerUpload::storedBytes()
{
    learnSegments();
    return m_bytes;
}

AnswerUpload::Outcome AnswerUpload::store(const ChunkFrame &c)
{
    Outcome out;
    if (finalizing && m_open.empty()) {
        // Saving is under way; a late replay gets the final count.
        const quint32 chunks = segment(c.segment).chunks;
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
    if (storedBytes() + c.payloadSize > byteBudget)
        return Outcome{"answer_too_large", 0, stored, false};
    if (!expected.isEmpty()) {
        // After finish_answer nothing beyond what it announced is taken.
        if (c.segment >= expected.size()
            || c.seq >= quint32(expected.at(c.segment).toObject().value(QLatin1String("chunks")).toInteger()))
            return Outcome{"beyond_finish", 0, stored, false};
    }
    if (crc32Of(c.payload, c.payloadSize) != c.crc)
        return Outcome{"checksum", 0, stored, false};
    if (!seg->append(c.payload, c.payloadSize, c.crc))
        return Outcome{"storage", 0, stored, false};
    m_bytes += c.payloadSize;
    return Outcome{nullptr, c.seq, 0, true};
}

SegmentFile *AnswerUpload::segmentFor(int n, const char **refusal)
{
    auto it = m_open.find(n);
    if (it != m_open.end())
        return it->second.get();
    if (n >= kMaxSegments) {
        *refusal = "segment_refused";
        return nullptr;
    }
    learnSegments();
    const SegmentState known = segment(n);
    if (!known.exists) {
        // A new recorder (reload, recorder error) may start while the answer is recording; once time is up or
        // finish_answer arrived, only a segment that finish_answer itself names (with chunks) may still come.
        const bool recording = status == AnswerStatus::Recording && nowMs() < deadlineAt && expected.isEmpty();
        const bool announced = n < expected.size() && expected.at(n).toObject().value(QLatin1String("chunks")).toInteger() > 0;
        if (!recording && !announced) {
            *refusal = "segment_refused";
            return nullptr;
        }
    }
    QString error;
    auto file = SegmentFile::open(dir, n, &error, known.exists ? &known : nullptr);
    if (!file) {
        qCCritical(lcRecording) << error;
        *refusal = "storage";
        return nullptr;
    }
    SegmentFile *raw = file.get();
    m_known.erase(n);
    m_open.emplace(n, std::move(file));
    return raw;
}

QString AnswerUpload::checkFinish(const QJsonValue &segments)
{
    if (!segments.isArray() || segments.toArray().isEmpty() || segments.toArray().size() > kMaxSegments)
        return QStringLiteral("segments: must be a list of 1 to 64 segment summaries");
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    const QJsonArray list = segments.toArray();
    qint64 announced = 0;
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        const QJsonValue sha = o.value(QLatin1String("sha256"));
        const double chunks = o.value(QLatin1String("chunks")).toDouble(-1);
        const double bytes = o.value(QLatin1String("bytes")).toDouble(-1);
        if (!o.value(QLatin1String("chunks")).isDouble() || chunks < 0 || chunks != std::floor(chunks)
            || !o.value(QLatin1String("bytes")).isDouble() || bytes < 0 || bytes != std::floor(bytes)
            || !(sha.isNull() || hex.match(sha.toString()).hasMatch())
            || o.value(QLatin1String("durationMs")).toDouble(-1) < 0)
            return QStringLiteral("segments[]: each needs chunks, bytes (whole numbers ≥ 0), sha256 (64 lower-case hex, or null "
                                  "when the page no longer has that segment) and durationMs (≥ 0)");
        // Range checked as doubles first: converting 4e30 to an integer would be undefined.
        if (chunks > bytes || bytes > double(byteBudget))
            return QStringLiteral("segments[%1]: %2 chunks of %3 bytes cannot be an answer of this question "
                                  "(every chunk has at least 1 byte; at most %4 bytes per answer)")
                .arg(i).arg(chunks, 0, 'f', 0).arg(bytes, 0, 'f', 0).arg(byteBudget);
        if (sha.isNull() && !segment(i).exists)
            return QStringLiteral("segments[%1]: the server never received a chunk of this segment, and sha256 null says "
                                  "the page has none to send").arg(i);
        announced += qint64(bytes);
    }
    if (announced > byteBudget)
        return QStringLiteral("segments: %1 bytes in all; an answer to this question holds at most %2 bytes").arg(announced).arg(byteBudget);
    return {};
}

bool AnswerUpload::complete()
{
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject e = expected.at(i).toObject();
        if (e.value(QLatin1String("sha256")).isNull())
            continue; // the page has no copy to send: what is stored is all there is
        const quint32 want = quint32(e.value(QLatin1String("chunks")).toInteger());
        if (segment(i).chunks < want)
            return false; // the page is still uploading
    }
    return true;
}

QJsonObject AnswerUpload::waitingFor()
{
    const auto what = [](const char *w) { return QJsonObject{{QStringLiteral("what"), QLatin1String(w)}}; };
    if (expected.isEmpty())
        return what("finish_answer");
    QJsonArray missing;
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject e = expected.at(i).toObject();
        const qint64 want = e.value(QLatin1String("chunks")).toInteger();
        const SegmentState stored = segment(i);
        if (!e.value(QLatin1String("sha256")).isNull() && qint64(stored.chunks) < want)
            missing.append(QJsonObject{{QStringLiteral("segment"), i}, {QStringLiteral("stored"), qint64(stored.chunks)}, {QStringLiteral("announced"), want}});
    }
    if (!missing.isEmpty()) {
        QJsonObject o = what("chunks");
        o.insert(QStringLiteral("segments"), missing);
        return o;
    }
    if (finalizeFailures > 0) {
        QJsonObject o = what("storage");
        o.insert(QStringLiteral("failedAttempts"), finalizeFailures);
        return o;
    }
    return finalizing ? what("sync") : QJsonObject();
}

QJsonArray AnswerUpload::segmentsJson()
{
    learnSegments();
    QJsonArray segments;
    for (int n = 0; n < kMaxSegments; ++n) {
        if (!m_open.count(n) && !m_known.count(n))
            continue;
        const SegmentState s = segment(n);
        segments.append(QJsonObject{{QStringLiteral("segment"), n}, {QStringLiteral("chunks"), qint64(s.chunks)},
                                    {QStringLiteral("bytes"), s.bytes}});
    }
    return segments;
}

void AnswerUpload::closeFiles()
{
    for (const auto &[n, file] : m_open)
        m_known[n] = file->state();
    m_open.clear();
}

void AnswerUpload::resetSegment(int n)
{
    const char *refusal = nullptr;
    if (SegmentFile *f = segmentFor(n, &refusal)) {
        m_bytes -= f->bytes();
        f->reset();
    }
}

} // namespace intervox
