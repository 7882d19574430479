#include "websocket.h"

#include "core/log.h"

#include <QCryptographicHash>
#include <QTimer>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace intervox {

namespace {

constexpr qint64 kReadBuffer = 512 * 1024;
constexpr qint64 kMaxPending = 4 * 1024 * 1024; // a client that reads nothing gets cut off here
constexpr int kCloseWaitMs = 2000;

bool validUtf8(const uchar *s, qint64 n)
{
    qint64 i = 0;
    while (i < n) {
        const uchar c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        quint32 cp = 0;
        if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07; }
        else return false;
        if (i + extra >= n)
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)
            || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

// Codes a peer may send in a close frame (RFC 6455 7.4.1 and the IANA registry): not 1004-1006, 1015,
// nor anything unassigned below 3000.
bool validCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

void unmask(char *data, qint64 size, const uchar key[4])
{
    quint32 k;
    memcpy(&k, key, 4);
    qint64 i = 0;
    for (; i + 4 <= size; i += 4) {
        quint32 v;
        memcpy(&v, data + i, 4);
        v ^= k;
        memcpy(data + i, &v, 4);
    }
    for (; i < size; ++i)
        data[i] ^= char(key[i % 4]);
}

char *readBuffer()
{
    // One buffer for every connection of the thread: reads are processed before the next one starts.
    static thread_local QByteArray buffer(kReadBuffer, Qt::Uninitialized);
    return buffer.data();
}

} // namespace

WebSocketConnection::WebSocketConnection(int fd, const QByteArray &initial, qint64 maxMessage, QObject *parent)
    : QObject(parent), m_fd(fd), m_maxMessage(maxMessage), m_in(initial)
{
}

WebSocketConnection::~WebSocketConnection()
{
    if (m_fd >= 0) {
        if (m_watching)
            SocketPoller::forThisThread()->forget(m_fd);
        ::close(m_fd);
    }
}

QByteArray WebSocketConnection::acceptKey(const QByteArray &key)
{
    return QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1).toBase64();
}

void WebSocketConnection::start()
{
    SocketPoller::forThisThread()->watch(m_fd, this, true, m_wantWrite);
    m_watching = true;
    if (!m_in.isEmpty()) {
        QByteArray pending;
        pending.swap(m_in);
        feed(pending.data(), pending.size());
    }
}

void WebSocketConnection::onReadable()
{
    char *buf = readBuffer();
    while (m_fd >= 0 && !m_finished) {
        const ssize_t n = ::recv(m_fd, buf, size_t(kReadBuffer), 0);
        if (n > 0) {
            feed(buf, n);
            if (n < kReadBuffer)
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        finish(); // orderly EOF or a reset
        return;
    }
}

void WebSocketConnection::feed(char *data, qint64 size)
{
    if (m_failed)
        return; // after a protocol error only the peer's close (or the timeout) matters
    if (m_in.isEmpty()) {
        const qint64 used = parse(data, size);
        if (used < size && !m_finished && !m_failed)
            m_in = QByteArray(data + used, size - used);
        return;
    }
    m_in.append(data, size);
    const qint64 used = parse(m_in.data(), m_in.size());
    if (m_finished || m_failed) {
        m_in = QByteArray();
        return;
    }
    if (used == m_in.size())
        m_in = QByteArray(); // release, not just clear: idle connections keep no buffer
    else
        m_in.remove(0, used);
}

qint64 WebSocketConnection::parse(char *data, qint64 size)
{
    qint64 pos = 0;
    // Any failure (here, in deliver() or in a handler) ends parsing at once: fail() and finish() release the
    // buffer `data` may point into.
    while (!m_finished && !m_failed && size - pos >= 2) {
        const uchar *h = reinterpret_cast<const uchar *>(data + pos);
        const bool fin = h[0] & 0x80;
        const int opcode = h[0] & 0x0F;
        if (h[0] & 0x70) {
            fail(1002, "reserved bits set");
            return pos;
        }
        if (!(h[1] & 0x80)) {
            fail(1002, "client frames must be masked");
            return pos;
        }
        quint64 len = h[1] & 0x7F;
        qint64 header = 2;
        if (len == 126) {
            if (size - pos < 4)
                break;
            len = qFromBigEndian<quint16>(h + 2);
            header = 4;
        } else if (len == 127) {
            if (size - pos < 10)
                break;
            len = qFromBigEndian<quint64>(h + 2);
            header = 10;
        }
        const bool control = opcode & 0x8;
        if (control && (len > 125 || !fin)) {
            fail(1002, "bad control frame");
            return pos;
        }
        if (len > quint64(m_maxMessage) || qint64(len) + m_message.size() > m_maxMessage) {
            fail(1009, "message too big");
            return pos;
        }
        if (size - pos < header + 4 + qint64(len))
            break; // wait for the rest of the frame
        uchar key[4];
        memcpy(key, h + header, 4);
        char *payload = data + pos + header + 4;
        unmask(payload, qint64(len), key);
        pos += header + 4 + qint64(len);
        const QByteArrayView body(payload, qsizetype(len));
        switch (opcode) {
        case 0x0:
            if (!m_messageOpcode) {
                fail(1002, "continuation without a message");
                return pos;
            }
            m_message.append(body.data(), body.size());
            if (fin) {
                const QByteArray message = std::exchange(m_message, QByteArray());
                const int op = std::exchange(m_messageOpcode, 0);
                deliver(op, message);
            }
            break;
        case 0x1:
        case 0x2:
            if (m_messageOpcode) {
                fail(1002, "new message inside a fragmented one");
                return pos;
            }
            if (fin) {
                deliver(opcode, body);
            } else {
                m_messageOpcode = opcode;
                m_message = body.toByteArray();
            }
            break;
        case 0x8: {
            // Echo a valid code; answer a malformed close (RFC 6455 7.4: reserved or unassigned code, one-byte
            // body, reason not UTF-8) with 1002/1007, never by echoing what the peer sent.
            quint16 code = 1000;
            if (len == 1) {
                code = 1002;
            } else if (len >= 2) {
                code = qFromBigEndian<quint16>(payload);
                if (!validCloseCode(code))
                    code = 1002;
                else if (!validUtf8(reinterpret_cast<const uchar *>(payload) + 2, qint64(len) - 2))
                    code = 1007;
            }
            if (!m_closeSent) {
                uchar reply[2];
                qToBigEndian<quint16>(code, reply);
                sendFrame(0x8, QByteArrayView(reinterpret_cast<char *>(reply), 2));
                m_closeSent = true;
            }
            finish();
            return pos;
        }
        case 0x9:
            sendFrame(0xA, body);
            break;
        case 0xA:
            break;
        default:
            fail(1002, "unknown opcode");
            return pos;
        }
    }
    return pos;
}

void WebSocketConnection::deliver(int opcode, QByteArrayView payload)
{
    if (m_closeSent || !m_handler)
        return; // closing: the peer's late messages are dropped
    if (opcode == 0x1) {
        if (!validUtf8(reinterpret_cast<const uchar *>(payload.data()), payload.size())) {
            fail(1007, "text is not UTF-8");
            return;
        }
        m_handler->onText(payload);
    } else {
        m_handler->onBinary(payload);
    }
}

void WebSocketConnection::sendFrame(int opcode, QByteArrayView payload)
{
    if (m_fd < 0 || m_finished || (m_closeSent && opcode != 0x8))
        return;
    uchar header[10];
    int headerSize = 2;
    header[0] = uchar(0x80 | opcode);
    const qint64 n = payload.size();
    if (n < 126) {
        header[1] = uchar(n);
    } else if (n <= 0xFFFF) {
        header[1] = 126;
        qToBigEndian<quint16>(quint16(n), header + 2);
        headerSize = 4;
    } else {
        header[1] = 127;
        qToBigEndian<quint64>(quint64(n), header + 2);
        headerSize = 10;
    }
    if (!m_out.isEmpty()) { // keep order behind what is already queued
        if (m_out.size() + n > kMaxPending) {
            qCInfo(lcHttp) << "WebSocket peer reads too slowly; dropping it";
            abort();
            return;
        }
        m_out.append(reinterpret_cast<const char *>(header), headerSize);
        m_out.append(payload.data(), n);
        return;
    }
    iovec iov[2] = {{header, size_t(headerSize)}, {const_cast<char *>(payload.data()), size_t(n)}};
    msghdr msg {};
    msg.msg_iov = iov;
    msg.msg_iovlen = n > 0 ? 2 : 1;
    ssize_t sent;
    do {
        sent = ::sendmsg(m_fd, &msg, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            QMetaObject::invokeMethod(this, &WebSocketConnection::finish, Qt::QueuedConnection);
            return;
        }
        sent = 0;
    }
    const qint64 total = headerSize + n;
    if (sent == total)
        return;
    if (sent < headerSize) {
        m_out.append(reinterpret_cast<const char *>(header) + sent, headerSize - sent);
        m_out.append(payload.data(), n);
    } else {
        m_out.append(payload.data() + (sent - headerSize), n - (sent - headerSize));
    }
    m_wantWrite = true;
    if (m_watching)
        SocketPoller::forThisThread()->watch(m_fd, this, true, true);
}

void WebSocketConnection::onWritable()
{
    while (!m_out.isEmpty() && m_fd >= 0) {
        const ssize_t n = ::send(m_fd, m_out.constData(), size_t(m_out.size()), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            finish();
            return;
        }
        if (n == m_out.size())
            m_out = QByteArray();
        else
            m_out.remove(0, n);
    }
    if (m_wantWrite && m_fd >= 0) {
        m_wantWrite = false;
        SocketPoller::forThisThread()->watch(m_fd, this, true, false);
    }
    if (m_closeSent && m_fd >= 0)
        ::shutdown(m_fd, SHUT_WR);
}

void WebSocketConnection::close(quint16 code, QByteArrayView reason)
{
    if (m_fd < 0 || m_finished || m_closeSent)
        return;
    QByteArray body(2, Qt::Uninitialized);
    qToBigEndian<quint16>(code, body.data());
    body.append(reason.data(), qMin<qsizetype>(reason.size(), 123));
    sendFrame(0x8, body);
    m_closeSent = true;
    if (m_out.isEmpty() && m_fd >= 0)
        ::shutdown(m_fd, SHUT_WR);
    QTimer::singleShot(kCloseWaitMs, this, &WebSocketConnection::abort);
}

void WebSocketConnection::fail(quint16 code, const char *reason)
{
    qCDebug(lcHttp) << "WebSocket protocol error:" << reason;
    m_failed = true; // parse() stops and feed() drops the buffer: it may be the one being parsed
    close(code, QByteArrayView(reason)); // then wait for the peer's close (or the timeout)
}

void WebSocketConnection::abort()
{
    finish();
}

void WebSocketConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_fd >= 0) {
        if (m_watching)
            SocketPoller::forThisThread()->forget(m_fd);
        m_watching = false;
        ::close(m_fd);
        m_fd = -1;
    }
    // m_in may be the buffer parse() is walking: parse() checks m_finished before reading on, and feed() then
    // drops it.
    m_out = QByteArray();
    m_message = QByteArray();
    m_slot.reset();
    if (m_handler)
        m_handler->onClosed();
}

} // namespace intervox
