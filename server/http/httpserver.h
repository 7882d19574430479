#pragma once
// A small, strict HTTP/1.1 server on QTcpServer: header and body limits checked before a body is read,
// streamed uploads to disk and downloads from disk, idle/slow-client timeouts, keep-alive, and WebSocket
// upgrades answered here and handed to WebSocketConnection as a raw socket. (Qt 6.4's QHttpServer buffers whole bodies and has no
// timeouts, which a server open to strangers cannot afford.)

#include "httptypes.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTemporaryFile>
#include <functional>

class QTcpSocket;

namespace intervox {

// Form: application/x-www-form-urlencoded (OAuth 2.0 token requests), buffered like Json.
enum class BodyKind { None, Json, Form, Stream };

struct HttpRoute
{
    QByteArray method;
    QStringList segments;       // "{id}" captures a positive integer, "{n}" one ≥ 0; "*" matches the rest of the path
    BodyKind body = BodyKind::None;
    qint64 maxBody = 0;         // Json: default 64 KiB; Stream: required
    HttpHandler handler;
};

class HttpServer : public QObject
{
    Q_OBJECT
public:
    explicit HttpServer(const QString &tempDir, QObject *parent = nullptr);
    ~HttpServer() override;

    // Patterns look like "/api/v1/interviews/{id}". Later routes do not shadow earlier ones.
    void route(const QByteArray &method, const QString &pattern, HttpHandler handler,
               BodyKind body = BodyKind::None, qint64 maxBody = 0);
    // Requests to `path` with "Upgrade: websocket" are answered with 101 here; `accept` then owns the socket
    // descriptor (non-blocking) and any bytes that followed the request, and keeps `slot` as long as the
    // socket lives (it counts against the client address's connection limit).
    using ConnectionSlot = std::shared_ptr<void>;
    using WebSocketAcceptor = std::function<void(int fd, const QByteArray &initial, const HttpRequest &request, ConnectionSlot slot)>;
    void webSocketRoute(const QString &path, WebSocketAcceptor accept);
    // Every route, as "GET /api/v1/interviews/{id}" (WebSocket routes as "WS /path"), in the order they were added.
    QStringList routeTable() const;

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    void setMaxConnections(int n) { m_maxConnections = n; }
    // At most `n` connections (HTTP and upgraded WebSockets) from one client address; `exempt` addresses (a
    // reverse proxy, which enforces its own per-client limit) are not counted.
    void setMaxConnectionsPerAddress(int n, std::function<bool(const QHostAddress &)> exempt)
    {
        m_maxPerAddress = n;
        m_exempt = std::move(exempt);
    }
    int openConnections() const { return m_open; }
    void close();

    // Extra headers added to every response (security headers).
    void setDefaultHeaders(const HeaderList &headers) { m_defaultHeaders = headers; }

private:
    friend class HttpConnection;
    struct Match { const HttpRoute *route = nullptr; QList<qint64> ids; bool pathKnown = false; };
    Match match(const QByteArray &method, const QString &path) const;
    const WebSocketAcceptor *webSocketFor(const QString &path) const;
    void onNewConnection();

    QTcpServer m_tcp;
    QList<HttpRoute> m_routes;
    QList<QPair<QString, WebSocketAcceptor>> m_wsRoutes;
    QString m_tempDir;
    HeaderList m_defaultHeaders;
    ConnectionSlot takeSlot(const QHostAddress &peer); // nullptr: the address is at its limit
    int m_maxConnections = 20000;
    int m_open = 0;
    int m_maxPerAddress = 0; // 0: no limit
    std::function<bool(const QHostAddress &)> m_exempt;
    QHash<QByteArray, int> m_perAddress;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true); // slots may outlive the server
};

// One client connection until it closes or is upgraded to a WebSocket.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket, HttpServer::ConnectionSlot slot);
    ~HttpConnection() override;
    void reply(quint64 serial, HttpResponse response);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class State { Headers, Body, Handling, Writing, Discarding, Closed };
    void onReadyRead();
    bool parseHeaders();
    void upgrade(const HttpServer::WebSocketAcceptor &accept);
    void startRequest();
    void dispatch();
    void fail(const ApiError &e, bool close = true);
    void writeResponse(HttpResponse response);
    void pumpStream();
    void finishExchange();
    void closeSoon();
    void armTimeout(int ms);
    void armBodyTimeout();

    HttpServer *m_server;
    QTcpSocket *m_socket;
    State m_state = State::Headers;
    HttpRequest m_request;
    const HttpRoute *m_route = nullptr;
    std::unique_ptr<QTemporaryFile> m_bodyFile;
    qint64 m_bodyRemaining = 0;
    bool m_keepAlive = true;
    bool m_closeAfterWrite = false;
    quint64 m_serial = 0;
    std::shared_ptr<QIODevice> m_stream;
    qint64 m_streamRemaining = 0;
    QBasicTimer m_timeout;
    HttpServer::ConnectionSlot m_slot;
    QElapsedTimer m_clock;       // since the body started
    qint64 m_bodyDeadlineMs = 0; // the whole body must have arrived by then
    bool m_bodyDeadlineArmed = false; // the running timer is the whole-body deadline, not the idle limit
};

} // namespace intervox
