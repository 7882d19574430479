#include "segmentfile.h"

#include "core/log.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

#include <openssl/evp.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <zlib.h>

namespace intervox {

namespace {

constexpr qint64 kHeader = 8;
constexpr qint64 kWritebackEvery = 256 * 1024;
constexpr qint64 kMaxRecord = 16 * 1024 * 1024; // far above any chunk: a larger length is corruption
std::atomic<quint64> g_stateScans{0};

// Walks the records of an open segment file from the start. For each intact record calls
// `visit(payload, size)`; stops at the first torn or corrupt one. Returns the end offset of the last good record.
template <typename Visit>
qint64 scan(int fd, quint32 *chunks, qint64 *bytes, Visit visit)
{
    *chunks = 0;
    *bytes = 0;
    QByteArray buffer;
    qint64 offset = 0;
    for (;;) {
        uchar header[kHeader];
        if (::pread(fd, header, kHeader, offset) != kHeader)
            break;
        const quint32 len = qFromBigEndian<quint32>(header);
        const quint32 crc = qFromBigEndian<quint32>(header + 4);
        if (len == 0 || len > kMaxRecord)
            break;
        if (buffer.size() < qsizetype(len))
            buffer.resize(len);
        qint64 got = 0;
        while (got < len) {
            const ssize_t n = ::pread(fd, buffer.data() + got, size_t(len - got), offset + kHeader + got);
            if (n <= 0)
                break;
            got += n;
        }
        if (got != len || crc32Of(buffer.constData(), len) != crc)
            break;
        if (!visit(buffer.constData(), qint64(len)))
            break;
        offset += kHeader + len;
        ++*chunks;
        *bytes += len;
    }
    return offset;
}

// Starts write-out of appended ranges on a thread of its own: sync_file_range(SYNC_FILE_RANGE_WRITE) does not
// wait for the disk, but it can block while the device's request queue is full, and the thread that acks
// audio must never wait for that. The caller's descriptor is duplicated, so closing the segment is harmless.
class Writeback
{
public:
    static Writeback &instance()
    {
        static Writeback w;
        return w;
    }
    void request(int fd, qint64 from, qint64 length)
    {
        const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (copy < 0)
            return; // only a hint: the final sync writes it anyway
        std::lock_guard<std::mutex> lock(m_lock);
        if (m_pending.size() >= kMaxPending) { // the disk is far behind: more hints would not help it
            ::close(copy);
            return;
        }
        m_pending.push_back(Range{copy, from, length});
        m_wake.notify_one();
    }

private:
    struct Range { int fd; qint64 from, length; };
    static constexpr size_t kMaxPending = 4096;
    Writeback() : m_thread([this] { run(); }) {}
    ~Writeback()
    {
        {
            std::lock_guard<std::mutex> lock(m_lock);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
        for (const Range &r : m_pending)
            ::close(r.fd);
    }
    void run()
    {
        std::unique_lock<std::mutex> lock(m_lock);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stop || !m_pending.empty(); });
            if (m_stop)
                return;
            const Range r = m_pending.front();
            m_pending.pop_front();
            lock.unlock();
            ::sync_file_range(r.fd, r.from, r.length, SYNC_FILE_RANGE_WRITE);
            ::close(r.fd);
            lock.lock();
        }
    }
    std::mutex m_lock;
    std::condition_variable m_wake;
    std::deque<Range> m_pending;
    bool m_stop = false;
    std::thread m_thread; // last: started once the members it uses exist
};

bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

} // namespace

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr);
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
}

void Sha256::update(const char *data, qint64 size)
{
    EVP_DigestUpdate(m_ctx, data, size_t(size));
}

QString Sha256::hex() const
{
    EVP_MD_CTX *copy = EVP_MD_CTX_new();
    EVP_MD_CTX_copy_ex(copy, m_ctx);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(copy, out, &length);
    EVP_MD_CTX_free(copy);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), int(length)).toHex());
}

quint32 crc32Of(const char *data, qint64 size)
{
    return quint32(::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(data), uInt(size)));
}

quint64 SegmentFile::scans()
{
    return g_stateScans.load(std::memory_order_relaxed);
}

QString SegmentFile::recordPath(const QString &dir, int segment)
{
    return dir + QLatin1Char('/') + QString::number(segment) + QStringLiteral(".seg");
}

QString SegmentFile::mediaPath(const QString &dir, int segment)
{
    return dir + QLatin1Char('/') + QString::number(segment) + QStringLiteral(".media");
}

SegmentFile::~SegmentFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::unique_ptr<SegmentFile> SegmentFile::open(const QString &dir, int segment, QString *error, const SegmentState *known)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create %1").arg(dir);
        return nullptr;
    }
    std::unique_ptr<SegmentFile> f(new SegmentFile);
    f->m_fd = ::open(QFile::encodeName(recordPath(dir, segment)).constData(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (f->m_fd < 0) {
        *error = QStringLiteral("cannot open segment %1 in %2: %3").arg(segment).arg(dir, QString::fromLocal8Bit(strerror(errno)));
        return nullptr;
    }
    struct stat st {};
    ::fstat(f->m_fd, &st);
    if (known && known->exists && known->sha && known->end == qint64(st.st_size)) {
        f->m_chunks = known->chunks;
        f->m_bytes = known->bytes;
        f->m_end = known->end;
        f->m_writebackFrom = known->end;
        f->m_sha = known->sha;
        return f;
    }
    ++g_stateScans;
    f->m_sha = std::make_shared<Sha256>();
    f->m_end = scan(f->m_fd, &f->m_chunks, &f->m_bytes, [&f](const char *data, qint64 size) {
        f->m_sha->update(data, size);
        return true;
    });
    f->m_writebackFrom = f->m_end;
    // Cut a tail that was never acked: a record torn by a crash, or damaged on disk.
    if (f->m_end != qint64(st.st_size)) {
        qCInfo(lcRecording) << "recovered segment" << segment << "in" << dir << ":" << f->m_chunks << "chunks," << f->m_bytes
                            << "bytes; cut" << (qint64(st.st_size) - f->m_end) << "bytes of torn tail";
        if (::ftruncate(f->m_fd, f->m_end) != 0) {
            *error = QStringLiteral("cannot repair segment %1 in %2").arg(segment).arg(dir);
            return nullptr;
        }
    }
    return f;
}

SegmentState SegmentFile::stat(const QString &dir, int segment)
{
    SegmentState s;
    const int fd = ::open(QFile::encodeName(recordPath(dir, segment)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return s;
    s.exists = true;
    ++g_stateScans;
    s.sha = std::make_shared<Sha256>();
    s.end = scan(fd, &s.chunks, &s.bytes, [&s](const char *data, qint64 size) {
        s.sha->update(data, size);
        return true;
    });
    ::close(fd);
    return s;
}

void SegmentFile::stat(const QString &dir, int segment, quint32 *chunks, qint64 *bytes)
{
    const SegmentState s = stat(dir, segment);
    *chunks = s.chunks;
    *bytes = s.bytes;
}

bool SegmentFile::digest(const QString &dir, int segment, quint32 *chunks, qint64 *bytes, QString *sha256)
{
    const int fd = ::open(QFile::encodeName(recordPath(dir, segment)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    // OpenSSL's SHA-256 uses the CPU's SHA extensions where present (several times Qt's portable code).
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    scan(fd, chunks, bytes, [&](const char *data, qint64 size) {
        EVP_DigestUpdate(ctx, data, size_t(size));
        return true;
    });
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx, out, &length);
    EVP_MD_CTX_free(ctx);
    ::close(fd);
    *sha256 = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), int(length)).toHex());
    return true;
}

bool SegmentFile::extract(const QString &dir, int segment)
{
    const int in = ::open(QFile::encodeName(recordPath(dir, segment)).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return false;
    quint32 chunks = 0;
    qint64 bytes = 0;
    struct stat st {};
    const QByteArray media = QFile::encodeName(mediaPath(dir, segment));
    if (::stat(media.constData(), &st) == 0) {
        scan(in, &chunks, &bytes, [](const char *, qint64) { return true; });
        if (bytes == qint64(st.st_size)) {
            ::close(in);
            return true;
        }
    }
    const QByteArray part = media + ".part";
    const int out = ::open(part.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (out < 0) {
        ::close(in);
        return false;
    }
    bool ok = true;
    scan(in, &chunks, &bytes, [&](const char *data, qint64 size) {
        ok = ok && writeAll(out, data, size);
        return ok;
    });
    ::close(in);
    ok = ::close(out) == 0 && ok && ::rename(part.constData(), media.constData()) == 0;
    if (!ok)
        ::unlink(part.constData());
    return ok;
}

bool SegmentFile::append(const char *data, qint64 size, quint32 crc)
{
#ifdef INTERVOX_FAULT_ACK_WITHOUT_WRITE
    // Test-only broken build (cmake -DINTERVOX_FAULT=ack-without-write): counts the chunk as stored without
    // writing it, so the tests that promise "an acked chunk survives kill -9" can be shown to fail.
    ++m_chunks;
    m_bytes += size;
    m_sha->update(data, size);
    return true;
#endif
    uchar header[kHeader];
    qToBigEndian<quint32>(quint32(size), header);
    qToBigEndian<quint32>(crc, header + 4);
    iovec iov[2] = {{header, size_t(kHeader)}, {const_cast<char *>(data), size_t(size)}};
    ssize_t n;
    do {
        n = ::writev(m_fd, iov, 2);
    } while (n < 0 && errno == EINTR);
    if (n != kHeader + size) {
        qCWarning(lcRecording) << "write failed:" << (n < 0 ? strerror(errno) : "short write");
        if (::ftruncate(m_fd, m_end) != 0)
            qCCritical(lcRecording) << "cannot cut back a failed write:" << strerror(errno);
        return false;
    }
    ++m_chunks;
    m_bytes += size;
    m_end += kHeader + size;
    m_sha->update(data, size);
    if (m_end - m_writebackFrom >= kWritebackEvery) {
        Writeback::instance().request(m_fd, m_writebackFrom, m_end - m_writebackFrom);
        m_writebackFrom = m_end;
    }
    return true;
}

bool SegmentFile::reset()
{
    if (::ftruncate(m_fd, 0) != 0)
        return false;
    m_chunks = 0;
    m_bytes = 0;
    m_end = 0;
    m_writebackFrom = 0;
    m_sha = std::make_shared<Sha256>(); // a new one: copies of the old state keep theirs
    return true;
}

} // namespace intervox
