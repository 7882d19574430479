#pragma once
// Parses one HTTP/1.1 request head (request line + header fields, without the final blank line) strictly as
// RFC 9112 asks of a server that must not be fooled into seeing two requests where a proxy saw one: only
// CRLF line ends, no obs-fold, no whitespace before a colon, token names, one Host, one Content-Length,
// no Transfer-Encoding (bodies need Content-Length here). Pure function: fuzzed by tests/fuzz.

#include "httptypes.h"

#include <optional>

namespace intervox {

constexpr qint64 kMaxRequestHeadBytes = 16 * 1024;
constexpr int kMaxRequestHeaders = 100;

struct RequestHead
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    HeaderList headers;      // names lower-cased, values without surrounding whitespace
    bool http10 = false;
    bool keepAlive = true;
    qint64 contentLength = 0;
    int errorStatus = 0;     // non-zero: the head is refused with this status and `error`
    ApiError error;
};

// `head` ends just before "\r\n\r\n".
RequestHead parseRequestHead(QByteArrayView head);

} // namespace intervox
