#include "segmentfile.h"

#include "core/log.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace intervox {

namespace {

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

qint64 fileSize(int fd)
{
    struct stat st {};
    return ::fstat(fd, &st) == 0 ? qint64(st.st_size) : -1;
}

// Reads the index and returns how many leading records are backed by data, and their byte total.
void recover(int indexFd, qint64 dataSize, quint32 *chunks, qint64 *bytes)
{
    const qint64 indexSize = fileSize(indexFd);
    const qint64 records = indexSize > 0 ? indexSize / 8 : 0;
    QByteArray index(records * 8, Qt::Uninitialized);
    qint64 got = 0;
    while (got < index.size()) {
        const ssize_t n = ::pread(indexFd, index.data() + got, size_t(index.size() - got), got);
        if (n <= 0)
            break;
        got += n;
    }
    quint32 ok = 0;
    qint64 total = 0;
    for (qint64 i = 0; i + 1 <= got / 8; ++i) {
        const quint32 len = qFromBigEndian<quint32>(index.constData() + i * 8);
        if (total + len > dataSize)
            break;
        total += len;
        ++ok;
    }
    *chunks = ok;
    *bytes = total;
}

} // namespace

quint32 crc32Of(const char *data, qint64 size)
{
    return quint32(::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(data), uInt(size)));
}

QString SegmentFile::mediaPath(const QString &dir, int segment)
{
    return dir + QLatin1Char('/') + QString::number(segment) + QStringLiteral(".media");
}

QString SegmentFile::indexPath(const QString &dir, int segment)
{
    return dir + QLatin1Char('/') + QString::number(segment) + QStringLiteral(".idx");
}

SegmentFile::~SegmentFile()
{
    if (m_data >= 0)
        ::close(m_data);
    if (m_index >= 0)
        ::close(m_index);
}

std::unique_ptr<SegmentFile> SegmentFile::open(const QString &dir, int segment, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create %1").arg(dir);
        return nullptr;
    }
    std::unique_ptr<SegmentFile> f(new SegmentFile);
    f->m_data = ::open(QFile::encodeName(mediaPath(dir, segment)).constData(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    f->m_index = ::open(QFile::encodeName(indexPath(dir, segment)).constData(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (f->m_data < 0 || f->m_index < 0) {
        *error = QStringLiteral("cannot open segment %1 in %2: %3").arg(segment).arg(dir, QString::fromLocal8Bit(strerror(errno)));
        return nullptr;
    }
    const qint64 dataSize = fileSize(f->m_data);
    recover(f->m_index, dataSize, &f->m_chunks, &f->m_bytes);
    // Cut a tail that was written but never acked (crash between the two writes, or a partial index record).
    if (dataSize != f->m_bytes || fileSize(f->m_index) != qint64(f->m_chunks) * 8) {
        qCInfo(lcRecording) << "recovered segment" << segment << "in" << dir << ":" << f->m_chunks << "chunks," << f->m_bytes
                            << "bytes (data file had" << dataSize << ")";
        if (::ftruncate(f->m_data, f->m_bytes) != 0 || ::ftruncate(f->m_index, qint64(f->m_chunks) * 8) != 0) {
            *error = QStringLiteral("cannot repair segment %1 in %2").arg(segment).arg(dir);
            return nullptr;
        }
    }
    return f;
}

void SegmentFile::stat(const QString &dir, int segment, quint32 *chunks, qint64 *bytes)
{
    *chunks = 0;
    *bytes = 0;
    const int idx = ::open(QFile::encodeName(indexPath(dir, segment)).constData(), O_RDONLY | O_CLOEXEC);
    if (idx < 0)
        return;
    struct stat st {};
    const qint64 dataSize = ::stat(QFile::encodeName(mediaPath(dir, segment)).constData(), &st) == 0 ? qint64(st.st_size) : 0;
    recover(idx, dataSize, chunks, bytes);
    ::close(idx);
}

bool SegmentFile::append(const char *data, qint64 size, quint32 crc)
{
    uchar record[8];
    qToBigEndian<quint32>(quint32(size), record);
    qToBigEndian<quint32>(crc, record + 4);
    if (!writeAll(m_data, data, size) || !writeAll(m_index, reinterpret_cast<const char *>(record), 8)) {
        const int err = errno;
        qCWarning(lcRecording) << "write failed:" << strerror(err);
        if (::ftruncate(m_data, m_bytes) != 0 || ::ftruncate(m_index, qint64(m_chunks) * 8) != 0)
            qCCritical(lcRecording) << "cannot cut back a failed write:" << strerror(errno);
        return false;
    }
    ++m_chunks;
    m_bytes += size;
    return true;
}

bool SegmentFile::reset()
{
    if (::ftruncate(m_data, 0) != 0 || ::ftruncate(m_index, 0) != 0)
        return false;
    m_chunks = 0;
    m_bytes = 0;
    return true;
}

} // namespace intervox
