#pragma once
// How a candidate session talks to its page. The session logic (SessionSocket) only sees this interface: today
// the transport is a WebSocket; tests drive the same logic through a transport of their own, and an HTTP or
// WebRTC transport would plug in here. Inbound, the transport calls the session's WebSocketHandler methods:
// onText (one UTF-8 JSON message), onBinary (one audio chunk frame, docs/protocol.md), onClosed (once).

#include "core/error.h"
#include "http/websocket.h"

#include <QByteArrayView>

namespace intervox {

class SessionTransport
{
public:
    virtual ~SessionTransport() = default;
    // Where inbound messages go from now on; then the transport starts delivering them.
    virtual void attach(WebSocketHandler *session) = 0;
    virtual void sendText(QByteArrayView utf8) = 0;
    // Ends the conversation with a close code from the one table (core/error.h); onClosed follows.
    virtual void close(CloseCode code, QByteArrayView reason) = 0;
};

// The WebSocket transport (RFC 6455 on a raw socket): owns its connection.
class WebSocketTransport : public SessionTransport
{
public:
    explicit WebSocketTransport(WebSocketConnection *ws) : m_ws(ws) {}
    ~WebSocketTransport() override { delete m_ws; }
    void attach(WebSocketHandler *session) override
    {
        m_ws->setHandler(session);
        m_ws->start();
    }
    void sendText(QByteArrayView utf8) override { m_ws->sendText(utf8); }
    void close(CloseCode code, QByteArrayView reason) override { m_ws->close(quint16(code), reason); }

private:
    WebSocketConnection *m_ws;
};

} // namespace intervox
