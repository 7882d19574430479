#pragma once
// One recorded segment on disk while it is being uploaded: `<n>.seg` holds one record per stored chunk,
// an 8-byte header (payload length, CRC-32; big-endian) and the payload, appended with a single writev(2)
// before the chunk is acked, so what was acked survives a crash of the process. Opening or scanning a
// segment ignores (and opening cuts away) a torn or corrupt tail. When the recording is first needed, the
// payloads are extracted into `<n>.media`: the bytes exactly as the page recorded them.

#include <QByteArray>
#include <QString>
#include <memory>

struct evp_md_ctx_st; // OpenSSL's EVP_MD_CTX

namespace intervox {

// SHA-256 (OpenSSL: the CPU's SHA extensions where present) of a segment's payloads, kept up to date as chunks
// are appended, so a finished answer is verified without reading its files again.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    void update(const char *data, qint64 size);
    QString hex() const; // of everything so far; the running state is kept
private:
    ::evp_md_ctx_st *m_ctx;
};

// What is stored in a segment file: intact records, their payload bytes, and where the last one ends.
struct SegmentState
{
    quint32 chunks = 0;
    qint64 bytes = 0;  // payload bytes
    qint64 end = 0;    // file size: payloads plus record headers
    bool exists = false;
    // The payloads' running SHA-256, shared with the open SegmentFile that appends to it (null if unknown).
    std::shared_ptr<Sha256> sha;
};

class SegmentFile
{
public:
    ~SegmentFile();
    SegmentFile(const SegmentFile &) = delete;
    SegmentFile &operator=(const SegmentFile &) = delete;

    // Opens (creating the folder and file if needed) and recovers a consistent state. nullptr + error on failure.
    // With `known` (the state this process saw when it last closed the file) and a file of exactly that size,
    // the records are not read again: reopening costs O(1), not O(segment).
    static std::unique_ptr<SegmentFile> open(const QString &dir, int segment, QString *error, const SegmentState *known = nullptr);
    // The stored state of a segment (with its SHA-256) without opening it for writing (reads every record:
    // O(segment)).
    static SegmentState stat(const QString &dir, int segment);
    static void stat(const QString &dir, int segment, quint32 *chunks, qint64 *bytes);
    // The SHA-256 (hex) and counts of the stored payloads, read without writing anything.
    static bool digest(const QString &dir, int segment, quint32 *chunks, qint64 *bytes, QString *sha256);
    // Writes the stored payloads to mediaPath() (once; an existing complete copy is kept).
    static bool extract(const QString &dir, int segment);
    static QString recordPath(const QString &dir, int segment);
    // How often open() or stat() had to read a file's records (digest and extract, on workers, do not count).
    static quint64 scans();
    static QString mediaPath(const QString &dir, int segment);

    quint32 chunks() const { return m_chunks; }
    qint64 bytes() const { return m_bytes; }
    SegmentState state() const { return SegmentState{m_chunks, m_bytes, m_end, true, m_sha}; }

    // Appends one chunk. On a short write (disk full) the file is cut back and false is returned. Every 256 KiB
    // the kernel is asked to start writing the new bytes out (sync_file_range, without waiting): the sync that
    // confirms a finished answer then only waits for its tail, not for everything the kernel held back.
    bool append(const char *data, qint64 size, quint32 crc);
    // Drops every stored chunk (used when the page's checksum of the whole segment disagrees).
    bool reset();

private:
    SegmentFile() = default;
    int m_fd = -1;
    quint32 m_chunks = 0;
    qint64 m_bytes = 0;  // payload bytes
    qint64 m_end = 0;    // file size: payloads plus record headers
    qint64 m_writebackFrom = 0; // start of the bytes not yet handed to write-back
    std::shared_ptr<Sha256> m_sha;
};

quint32 crc32Of(const char *data, qint64 size);

} // namespace intervox
