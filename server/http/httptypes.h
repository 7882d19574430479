#pragma once
// Plain HTTP/1.1 request and response values exchanged between HttpServer and route handlers.

#include "core/error.h"

#include <QByteArray>
#include <QHostAddress>
#include <QIODevice>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <functional>
#include <memory>

namespace intervox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QString path;              // decoded path, e.g. /api/v1/interviews/3
    QUrlQuery query;
    HeaderList headers;        // names lower-cased
    QByteArray body;           // buffered bodies (JSON)
    QString bodyFile;          // streamed bodies: a temporary file the handler may move away
    qint64 contentLength = 0;
    QHostAddress peer;
    QList<qint64> ids;         // numeric captures of the route pattern, in order

    QByteArray header(const QByteArray &lowerName) const;
    QJsonObject jsonObject() const; // throws ApiException (400) unless the body is one JSON object
    QUrlQuery formFields() const;   // an application/x-www-form-urlencoded body
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    std::shared_ptr<QIODevice> stream; // streamed body (file download): `streamLength` bytes are read from it
    qint64 streamLength = 0;

    static HttpResponse json(int status, const QJsonDocument &doc);
    static HttpResponse json(int status, const QJsonObject &obj) { return json(status, QJsonDocument(obj)); }
    static HttpResponse noContent() { return HttpResponse{204, {}, {}, {}, 0}; }
    static HttpResponse error(const ApiError &e);
    void setHeader(const QByteArray &name, const QByteArray &value);
};

class HttpConnection;

// Completes one request, now or later (after a worker thread finished). Sending twice or after the client
// went away does nothing.
class HttpReplier
{
public:
    HttpReplier() = default;
    HttpReplier(HttpConnection *c, quint64 serial);
    void send(HttpResponse response) const;
    void send(const ApiError &e) const { send(HttpResponse::error(e)); }

private:
    std::shared_ptr<struct ReplierState> m_state;
};

using HttpHandler = std::function<void(HttpRequest &, const HttpReplier &)>;

} // namespace intervox
