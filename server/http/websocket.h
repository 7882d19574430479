#pragma once
// A lean server-side WebSocket (RFC 6455) on a raw non-blocking socket: frames are parsed straight out of a
// shared read buffer and written with one sendmsg(2), so an idle connection costs a few hundred bytes
// instead of the two 16 KiB ring buffers a QTcpSocket keeps, and a chunk costs no extra copies.
// No extensions, no subprotocols; server frames are never masked, client frames must be.

#include <QByteArray>
#include <QByteArrayView>
#include "socketpoller.h"

#include <QObject>
#include <memory>

namespace intervox {

class WebSocketHandler
{
public:
    virtual ~WebSocketHandler() = default;
    virtual void onText(QByteArrayView utf8) = 0;     // valid UTF-8
    virtual void onBinary(QByteArrayView data) = 0;   // valid only during the call
    virtual void onClosed() = 0;                      // once; the connection may be deleted afterwards
};

class WebSocketConnection : public QObject, public PollWatcher
{
    Q_OBJECT
public:
    // Takes ownership of `fd`, an accepted TCP socket whose 101 response was sent; `initial` are bytes that
    // already arrived after the upgrade request.
    WebSocketConnection(int fd, const QByteArray &initial, qint64 maxMessage, QObject *parent = nullptr);
    ~WebSocketConnection() override;

    void setHandler(WebSocketHandler *handler) { m_handler = handler; }
    // Something to keep while the socket is open (the server's count of connections per client address).
    void holdSlot(std::shared_ptr<void> slot) { m_slot = std::move(slot); }
    void sendText(QByteArrayView utf8) { sendFrame(0x1, utf8); }
    void sendBinary(QByteArrayView data) { sendFrame(0x2, data); }
    // Sends a close frame and ends the connection when the peer answers (or after 2 s).
    void close(quint16 code, QByteArrayView reason = {});
    void abort();
    bool isOpen() const { return m_fd >= 0 && !m_closeSent; }
    qint64 bufferedBytes() const { return m_out.size(); }

    // Computes Sec-WebSocket-Accept for a Sec-WebSocket-Key.
    static QByteArray acceptKey(const QByteArray &key);
    // Starts processing `initial`; call after setHandler().
    void start();

private:
    void onReadable() override;
    void onWritable() override;
    void feed(char *data, qint64 size);
    qint64 parse(char *data, qint64 size); // returns bytes consumed
    void deliver(int opcode, QByteArrayView payload);
    void sendFrame(int opcode, QByteArrayView payload);
    void fail(quint16 code, const char *reason);
    void finish();

    int m_fd = -1;
    qint64 m_maxMessage;
    WebSocketHandler *m_handler = nullptr;
    bool m_watching = false;
    bool m_wantWrite = false;
    QByteArray m_in;       // an incomplete frame carried over between reads
    QByteArray m_message;  // a fragmented message being assembled
    QByteArray m_out;      // bytes the kernel did not take yet
    int m_messageOpcode = 0;
    bool m_closeSent = false;
    bool m_finished = false;
    bool m_failed = false;
    std::shared_ptr<void> m_slot;
};

} // namespace intervox
