#include "httpserver.h"

#include "core/log.h"

#include <QDir>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimerEvent>
#include <QUrl>
#include "requestparser.h"
#include "websocket.h"

#include <algorithm>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace intervox {

namespace {
constexpr qint64 kDefaultJsonBody = 64 * 1024;
constexpr int kHeaderTimeoutMs = 15000;     // whole header section, also keep-alive idle
constexpr int kBodyIdleTimeoutMs = 30000;   // no body bytes for this long
// A body must also arrive whole within 30 s plus its length at 16 KiB/s (a 10 MiB CV: 11 min), however
// steadily it trickles: a client sending a byte every few seconds cannot hold a connection for ever.
constexpr qint64 kBodyDeadlineBaseMs = 30000;
constexpr qint64 kBodyMinBytesPerSecond = 16 * 1024;
constexpr int kWriteIdleTimeoutMs = 60000;  // client reads nothing for this long
constexpr int kDiscardMs = 3000;            // after refusing a body, drain so the client can read the reply
constexpr qint64 kStreamPiece = 64 * 1024;
// What a connection may hold of a client's unread bytes (pipelined requests while one is handled or
// written, a JSON body): beyond it the kernel's TCP window pushes back instead of our memory growing.
constexpr qint64 kReadBufferCap = 64 * 1024;
constexpr qint64 kUploadReadBuffer = 256 * 1024;

const char *reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 505: return "HTTP Version Not Supported";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}
} // namespace

struct ReplierState
{
    QPointer<HttpConnection> connection;
    quint64 serial = 0;
    bool sent = false;
};

HttpReplier::HttpReplier(HttpConnection *c, quint64 serial)
    : m_state(std::make_shared<ReplierState>(ReplierState{c, serial, false}))
{
}

void HttpReplier::send(HttpResponse response) const
{
    if (!m_state || m_state->sent)
        return;
    m_state->sent = true;
    if (m_state->connection)
        m_state->connection->reply(m_state->serial, std::move(response));
}

// ---------------------------------------------------------------- server

HttpServer::HttpServer(const QString &tempDir, QObject *parent)
    : QObject(parent), m_tempDir(tempDir)
{
    QDir().mkpath(m_tempDir);
    m_tcp.setMaxPendingConnections(1024);
    connect(&m_tcp, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    // Connections are children of this object and use it in their destructors: delete them while it is still
    // whole (QObject would delete them only after ~HttpServer had run: undefined behaviour, caught by UBSan).
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
}

void HttpServer::route(const QByteArray &method, const QString &pattern, HttpHandler handler, BodyKind body, qint64 maxBody)
{
    HttpRoute r;
    r.method = method;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.body = body;
    r.maxBody = maxBody > 0 ? maxBody : (body == BodyKind::Json || body == BodyKind::Form ? kDefaultJsonBody : 0);
    r.handler = std::move(handler);
    m_routes.append(std::move(r));
}

void HttpServer::webSocketRoute(const QString &path, WebSocketAcceptor accept)
{
    m_wsRoutes.append({path, std::move(accept)});
}

QStringList HttpServer::routeTable() const
{
    QStringList table;
    for (const HttpRoute &r : m_routes)
        table.append(QString::fromLatin1(r.method) + QStringLiteral(" /") + r.segments.join(QLatin1Char('/')));
    for (const auto &ws : m_wsRoutes)
        table.append(QStringLiteral("WS ") + ws.first);
    return table;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_tcp.listen(address, port);
}

quint16 HttpServer::port() const
{
    return m_tcp.serverPort();
}

void HttpServer::close()
{
    m_tcp.close();
}

HttpServer::Match HttpServer::match(const QByteArray &method, const QString &path) const
{
    Match result;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const HttpRoute &r : m_routes) {
        QList<qint64> ids;
        bool ok = true;
        int i = 0;
        for (; i < r.segments.size(); ++i) {
            const QString &seg = r.segments.at(i);
            if (seg == QLatin1String("*")) {
                i = parts.size();
                break;
            }
            if (i >= parts.size()) {
                ok = false;
                break;
            }
            if (seg == QLatin1String("{id}") || seg == QLatin1String("{n}")) {
                const QString &p = parts.at(i);
                bool num = p.size() <= 15 && !p.isEmpty();
                for (QChar c : p)
                    num = num && c.isDigit() && c.unicode() < 128;
                const qint64 v = num ? p.toLongLong() : 0;
                if (!num || (v <= 0 && seg == QLatin1String("{id}"))) {
                    ok = false;
                    break;
                }
                ids.append(v);
            } else if (seg != parts.at(i)) {
                ok = false;
                break;
            }
        }
        if (!ok || i != parts.size())
            continue;
        result.pathKnown = true;
        if (r.method == method) {
            result.route = &r;
            result.ids = ids;
            return result;
        }
    }
    return result;
}

const HttpServer::WebSocketAcceptor *HttpServer::webSocketFor(const QString &path) const
{
    for (const auto &r : m_wsRoutes)
        if (r.first == path)
            return &r.second;
    return nullptr;
}

HttpServer::ConnectionSlot HttpServer::takeSlot(const QHostAddress &peer)
{
    if (m_maxPerAddress <= 0 || (m_exempt && m_exempt(peer)))
        return std::make_shared<int>(0);
    bool mapped = false;
    const quint32 v4 = peer.toIPv4Address(&mapped);
    const QByteArray key = mapped ? QByteArray::number(v4) : QByteArray(reinterpret_cast<const char *>(peer.toIPv6Address().c), 16);
    int &count = m_perAddress[key];
    if (count >= m_maxPerAddress)
        return nullptr;
    ++count;
    // Released when the HTTP connection, or the WebSocket it became, goes away.
    return std::shared_ptr<int>(new int(0), [this, key, alive = std::weak_ptr<bool>(m_alive)](int *p) {
        delete p;
        if (alive.expired())
            return;
        auto it = m_perAddress.find(key);
        if (it != m_perAddress.end() && --it.value() <= 0)
            m_perAddress.erase(it);
    });
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *s = m_tcp.nextPendingConnection()) {
        ConnectionSlot slot = m_open < m_maxConnections ? takeSlot(s->peerAddress()) : nullptr;
        if (!slot) {
            if (m_open < m_maxConnections)
                qCInfo(lcHttp) << "refusing a connection from" << s->peerAddress().toString() << ": it has" << m_maxPerAddress << "open";
            s->abort();
            s->deleteLater();
            continue;
        }
        new HttpConnection(this, s, std::move(slot));
    }
}

// ---------------------------------------------------------------- connection

HttpConnection::HttpConnection(HttpServer *server, QTcpSocket *socket, HttpServer::ConnectionSlot slot)
    : QObject(server), m_server(server), m_socket(socket), m_slot(std::move(slot))
{
    ++m_server->m_open;
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(kReadBufferCap);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::pumpStream);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_state = State::Closed;
        deleteLater();
    });
    armTimeout(kHeaderTimeoutMs);
    if (m_socket->bytesAvailable())
        onReadyRead();
}

HttpConnection::~HttpConnection()
{
    --m_server->m_open;
    if (m_bodyFile)
        m_bodyFile->remove();
}

void HttpConnection::armTimeout(int ms)
{
    m_timeout.start(ms, Qt::CoarseTimer, this);
}

void HttpConnection::armBodyTimeout()
{
    // Whichever comes first: 30 s without data, or the deadline for the whole body.
    const qint64 left = m_bodyDeadlineMs - m_clock.elapsed();
    m_bodyDeadlineArmed = left <= kBodyIdleTimeoutMs; // (a coarse timer may fire a little early: decide now)
    armTimeout(int(std::clamp<qint64>(left, 0, kBodyIdleTimeoutMs)));
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timeout.timerId())
        return QObject::timerEvent(event);
    m_timeout.stop();
    if (m_state == State::Headers && m_socket && m_socket->bytesAvailable() > 0) {
        fail(ApiError{ErrorCode::BadRequest, QStringLiteral("request headers took too long"), {}});
        return;
    }
    if (m_state == State::Body) {
        fail(ApiError{ErrorCode::BadRequest, m_bodyDeadlineArmed
                                                 ? QStringLiteral("request body too slow: %1 bytes must arrive within %2 s")
                                                       .arg(m_request.contentLength).arg(m_bodyDeadlineMs / 1000)
                                                 : QStringLiteral("request body took too long (no data for 30 s)"), {}});
        return;
    }
    if (m_socket)
        m_socket->abort();
    m_state = State::Closed;
    deleteLater();
}

void HttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    switch (m_state) {
    case State::Headers:
        while (m_state == State::Headers && m_socket && m_socket->bytesAvailable() > 0) {
            if (!parseHeaders())
                return;
        }
        return;
    case State::Body: {
        armBodyTimeout();
        const QByteArray data = m_socket->read(qMin<qint64>(m_bodyRemaining, kUploadReadBuffer));
        m_bodyRemaining -= data.size();
        if (m_bodyFile) {
            if (m_bodyFile->write(data) != data.size()) {
                qCWarning(lcHttp) << "cannot write upload to" << m_bodyFile->fileName() << m_bodyFile->errorString();
                fail(ApiError{ErrorCode::Unavailable, QStringLiteral("the server cannot store the upload now"), {}});
                return;
            }
        } else {
            m_request.body.append(data);
        }
        if (m_bodyRemaining == 0)
            dispatch();
        else if (m_socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
        return;
    }
    case State::Discarding:
        m_socket->skip(m_socket->bytesAvailable());
        return;
    case State::Handling:
    case State::Writing:
    case State::Closed:
        return; // pipelined bytes wait until the current exchange is done
    }
}

bool HttpConnection::parseHeaders()
{
    const QByteArray peeked = m_socket->peek(kMaxRequestHeadBytes + 4);
    const int end = peeked.indexOf("\r\n\r\n");
    if (end < 0) {
        if (peeked.size() >= kMaxRequestHeadBytes + 4) {
            HttpResponse r = HttpResponse::error(ApiError{ErrorCode::BadRequest, QStringLiteral("request headers over 16 KiB"), {}});
            r.status = 431;
            m_keepAlive = false;
            m_closeAfterWrite = true;
            writeResponse(std::move(r));
        }
        return false;
    }
    m_socket->read(end + 4);
    RequestHead head = parseRequestHead(QByteArrayView(peeked).first(end));
    m_request = HttpRequest();
    m_request.peer = m_socket->peerAddress();
    m_route = nullptr;
    if (head.errorStatus) {
        // Whatever follows a head we cannot trust is not read as another request.
        HttpResponse r = HttpResponse::error(head.error);
        r.status = head.errorStatus;
        m_keepAlive = false;
        m_closeAfterWrite = true;
        writeResponse(std::move(r));
        return false;
    }
    m_request.method = std::move(head.method);
    m_request.path = std::move(head.path);
    m_request.query = std::move(head.query);
    m_request.headers = std::move(head.headers);
    m_request.contentLength = head.contentLength;
    m_keepAlive = head.keepAlive;

    if (m_request.header("upgrade").toLower().contains("websocket")) {
        if (const auto *accept = m_server->webSocketFor(m_request.path)) {
            upgrade(*accept);
            return false;
        }
    }
    startRequest();
    return true;
}

void HttpConnection::upgrade(const HttpServer::WebSocketAcceptor &accept)
{
    const QByteArray key = m_request.header("sec-websocket-key");
    if (m_request.method != "GET" || !m_request.header("connection").toLower().contains("upgrade")
        || QByteArray::fromBase64(key).size() != 16) {
        fail(ApiError::badRequest(QStringLiteral("malformed WebSocket upgrade request")));
        return;
    }
    if (m_request.header("sec-websocket-version") != "13") {
        HttpResponse r = HttpResponse::error(ApiError::badRequest(QStringLiteral("only WebSocket version 13 is supported")));
        r.status = 426;
        r.headers.emplaceBack("sec-websocket-version", "13");
        m_keepAlive = false;
        m_closeAfterWrite = true;
        writeResponse(std::move(r));
        return;
    }
    // Take the descriptor away from QTcpSocket: the WebSocket keeps no Qt socket buffers of its own.
    const int fd = ::fcntl(int(m_socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) {
        m_socket->abort();
        return;
    }
    const QByteArray initial = m_socket->readAll();
    m_timeout.stop();
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    m_state = State::Closed;
    const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                "Sec-WebSocket-Accept: " + WebSocketConnection::acceptKey(key) + "\r\n\r\n";
    // Acks and state frames are small and latency-bound: never hold them back for coalescing (Nagle).
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    // The socket buffer of a fresh connection always has room for these few bytes.
    if (::send(fd, response.constData(), size_t(response.size()), MSG_NOSIGNAL) != response.size()) {
        ::close(fd);
    } else {
        accept(fd, initial, m_request, std::move(m_slot));
    }
    deleteLater();
}

void HttpConnection::startRequest()
{
    const qint64 length = m_request.contentLength;
    const HttpServer::Match m = m_server->match(m_request.method, m_request.path);
    if (!m.route) {
        if (m.pathKnown)
            fail(ApiError{ErrorCode::MethodNotAllowed, QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(m_request.method)), {}}, length > 0);
        else
            fail(ApiError::notFound(QStringLiteral("no such resource")), length > 0);
        return;
    }
    m_route = m.route;
    m_request.ids = m.ids;
    if (m_route->body == BodyKind::None) {
        if (length > 0) {
            fail(ApiError::badRequest(QStringLiteral("this request takes no body")));
            return;
        }
        dispatch();
        return;
    }
    if (length > m_route->maxBody) {
        fail(ApiError{ErrorCode::TooLarge,
                      QStringLiteral("body is %1 bytes; the limit here is %2 bytes").arg(length).arg(m_route->maxBody), {}});
        return;
    }
    if (m_route->body == BodyKind::Json && length > 0
        && !m_request.header("content-type").toLower().startsWith("application/json")) {
        fail(ApiError{ErrorCode::UnsupportedMediaType, QStringLiteral("Content-Type must be application/json"), {}});
        return;
    }
    if (m_route->body == BodyKind::Form && length > 0
        && !m_request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded")) {
        fail(ApiError{ErrorCode::UnsupportedMediaType, QStringLiteral("Content-Type must be application/x-www-form-urlencoded"), {}});
        return;
    }
    if (m_route->body == BodyKind::Stream) {
        m_bodyFile = std::make_unique<QTemporaryFile>(QDir(m_server->m_tempDir).filePath(QStringLiteral("upload-XXXXXX")));
        if (!m_bodyFile->open()) {
            qCWarning(lcHttp) << "cannot create upload file in" << m_server->m_tempDir;
            m_bodyFile.reset();
            fail(ApiError{ErrorCode::Unavailable, QStringLiteral("the server cannot store the upload now"), {}});
            return;
        }
        m_socket->setReadBufferSize(kUploadReadBuffer); // larger reads, still bounded
    }
    if (m_request.header("expect").toLower() == "100-continue")
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_bodyRemaining = length;
    if (length == 0) {
        dispatch();
        return;
    }
    m_state = State::Body;
    m_clock.start();
    m_bodyDeadlineMs = kBodyDeadlineBaseMs + length * 1000 / kBodyMinBytesPerSecond;
    armBodyTimeout();
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void HttpConnection::dispatch()
{
    m_state = State::Handling;
    m_timeout.stop();
    if (m_bodyFile) {
        m_bodyFile->flush();
        m_request.bodyFile = m_bodyFile->fileName();
        m_socket->setReadBufferSize(kReadBufferCap);
    }
    const HttpReplier replier(this, ++m_serial);
    try {
        m_route->handler(m_request, replier);
    } catch (const ApiException &e) {
        replier.send(e.error);
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "handler for" << m_request.method << m_request.path << "threw" << e.what();
        replier.send(ApiError::internal());
    }
}

void HttpConnection::reply(quint64 serial, HttpResponse response)
{
    if (serial != m_serial || m_state != State::Handling || !m_socket)
        return;
    writeResponse(std::move(response));
}

void HttpConnection::fail(const ApiError &e, bool close)
{
    if (close) {
        m_keepAlive = false;
        m_closeAfterWrite = true;
    }
    writeResponse(HttpResponse::error(e));
}

void HttpConnection::writeResponse(HttpResponse response)
{
    if (!m_socket)
        return;
    if (m_bodyFile) {
        m_bodyFile->remove();
        m_bodyFile.reset();
    }
    const bool close = !m_keepAlive || m_closeAfterWrite;
    QByteArray head;
    head.reserve(256 + response.body.size());
    head += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : m_server->m_defaultHeaders)
        head += h.first + ": " + h.second + "\r\n";
    for (const auto &h : response.headers)
        head += h.first + ": " + h.second + "\r\n";
    const qint64 length = response.stream ? response.streamLength : response.body.size();
    head += "content-length: " + QByteArray::number(length) + "\r\n";
    if (close)
        head += "connection: close\r\n";
    head += "\r\n";
    if (!response.stream && m_request.method != "HEAD")
        head += response.body;
    m_socket->write(head);
    m_closeAfterWrite = close;
    m_state = State::Writing;
    m_stream = response.stream;
    m_streamRemaining = m_stream ? length : 0;
    armTimeout(kWriteIdleTimeoutMs);
    pumpStream();
}

void HttpConnection::pumpStream()
{
    if (m_state != State::Writing || !m_socket)
        return;
    armTimeout(kWriteIdleTimeoutMs);
    while (m_stream && m_streamRemaining > 0 && m_socket->bytesToWrite() < 2 * kStreamPiece) {
        const QByteArray piece = m_stream->read(qMin(kStreamPiece, m_streamRemaining));
        if (piece.isEmpty()) {
            qCWarning(lcHttp) << "file ended early while sending" << m_request.path;
            m_socket->abort();
            return;
        }
        m_streamRemaining -= piece.size();
        m_socket->write(piece);
    }
    if (m_streamRemaining > 0 || m_socket->bytesToWrite() > 0)
        return;
    finishExchange();
}

void HttpConnection::finishExchange()
{
    m_stream.reset();
    if (m_closeAfterWrite) {
        closeSoon();
        return;
    }
    m_state = State::Headers;
    m_route = nullptr;
    m_request = HttpRequest();
    armTimeout(kHeaderTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::closeSoon()
{
    // Half-close and drain what the client still sends, so it reads our reply instead of a reset.
    m_state = State::Discarding;
    m_socket->setReadBufferSize(kReadBufferCap);
    m_socket->skip(m_socket->bytesAvailable());
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    armTimeout(kDiscardMs);
}

} // namespace intervox
