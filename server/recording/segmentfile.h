#pragma once
// One recorded segment on disk: `<n>.media` holds the payload bytes in order, `<n>.idx` one 8-byte record
// (length, CRC-32; big-endian) per stored chunk. Both are appended with write(2) before a chunk is acked,
// so what was acked survives a crash of the process; opening a segment cuts away any half-written tail.

#include <QByteArray>
#include <QString>
#include <memory>

namespace intervox {

class SegmentFile
{
public:
    ~SegmentFile();
    SegmentFile(const SegmentFile &) = delete;
    SegmentFile &operator=(const SegmentFile &) = delete;

    // Opens (creating the folder and files if needed) and recovers a consistent state. nullptr + error on failure.
    static std::unique_ptr<SegmentFile> open(const QString &dir, int segment, QString *error);
    // Reads the stored counts of a segment without keeping it open (chunks = 0 if it does not exist).
    static void stat(const QString &dir, int segment, quint32 *chunks, qint64 *bytes);
    static QString mediaPath(const QString &dir, int segment);
    static QString indexPath(const QString &dir, int segment);

    quint32 chunks() const { return m_chunks; }
    qint64 bytes() const { return m_bytes; }

    // Appends one chunk. On a short write (disk full) the files are cut back and false is returned.
    bool append(const char *data, qint64 size, quint32 crc);
    // Drops every stored chunk (used when the page's checksum of the whole segment disagrees).
    bool reset();

private:
    SegmentFile() = default;
    int m_data = -1;
    int m_index = -1;
    quint32 m_chunks = 0;
    qint64 m_bytes = 0;
};

quint32 crc32Of(const char *data, qint64 size);

} // namespace intervox
