#include "requestparser.h"

#include <QUrl>

namespace intervox {

namespace {

bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
    case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTchar(c))
            return false;
    return true;
}

// Field values: visible characters, spaces, tabs and obs-text; never CR, LF or NUL.
bool isFieldValue(QByteArrayView s)
{
    for (char c : s) {
        const uchar u = uchar(c);
        if ((u < 0x20 && u != '\t') || u == 0x7F)
            return false;
    }
    return true;
}

bool isRequestTarget(QByteArrayView s)
{
    if (s.isEmpty() || s.front() != '/')
        return false;
    for (char c : s) {
        const uchar u = uchar(c);
        if (u <= 0x20 || u >= 0x7F)
            return false;
    }
    return true;
}

QByteArrayView trimmedOws(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

RequestHead refuse(RequestHead r, int status, const QString &message)
{
    r.errorStatus = status;
    r.error = ApiError{status == 413 ? ErrorCode::TooLarge : ErrorCode::BadRequest, message, {}};
    return r;
}

} // namespace

RequestHead parseRequestHead(QByteArrayView head)
{
    RequestHead r;
    if (head.size() > kMaxRequestHeadBytes)
        return refuse(std::move(r), 431, QStringLiteral("request headers over 16 KiB"));

    // Lines end with CRLF only: a bare CR or LF could end a line for one parser and not for another.
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < head.size(); ++i) {
        const char c = head.at(i);
        if (c == '\r') {
            if (i + 1 >= head.size() || head.at(i + 1) != '\n')
                return refuse(std::move(r), 400, QStringLiteral("bare CR in the request head"));
            lines.append(head.sliced(start, i - start));
            start = i + 2;
            ++i;
        } else if (c == '\n') {
            return refuse(std::move(r), 400, QStringLiteral("bare LF in the request head; lines end with CRLF"));
        }
    }
    lines.append(head.sliced(start));
    if (lines.size() - 1 > kMaxRequestHeaders)
        return refuse(std::move(r), 400, QStringLiteral("more than %1 request headers").arg(kMaxRequestHeaders));

    // request-line = method SP request-target SP HTTP-version, single spaces.
    const QByteArrayView line = lines.at(0);
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return refuse(std::move(r), 400, QStringLiteral("malformed request line"));
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method) || !isRequestTarget(target))
        return refuse(std::move(r), 400, QStringLiteral("malformed request line"));
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.'
        || version.at(5) < '0' || version.at(5) > '9' || version.at(7) < '0' || version.at(7) > '9')
        return refuse(std::move(r), 400, QStringLiteral("malformed HTTP version"));
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return refuse(std::move(r), 505, QStringLiteral("only HTTP/1.1 and HTTP/1.0 are supported"));
    r.http10 = version == "HTTP/1.0";
    r.method = method.toByteArray();
    const qsizetype q = target.indexOf('?');
    r.path = QUrl::fromPercentEncoding(target.first(q < 0 ? target.size() : q).toByteArray());
    if (q >= 0)
        r.query = QUrlQuery(QString::fromUtf8(target.sliced(q + 1)));

    int hosts = 0;
    int lengths = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView field = lines.at(i);
        if (!field.isEmpty() && (field.front() == ' ' || field.front() == '\t'))
            return refuse(std::move(r), 400, QStringLiteral("folded header lines (obs-fold) are not accepted"));
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0)
            return refuse(std::move(r), 400, QStringLiteral("malformed header line"));
        const QByteArrayView name = field.first(colon);
        if (!isToken(name))
            return refuse(std::move(r), 400, QStringLiteral("malformed header name (no whitespace before the colon)"));
        const QByteArrayView value = trimmedOws(field.sliced(colon + 1));
        if (!isFieldValue(value))
            return refuse(std::move(r), 400, QStringLiteral("control characters in a header value"));
        QByteArray lower = name.toByteArray().toLower();
        if (lower == "host")
            ++hosts;
        else if (lower == "content-length")
            ++lengths;
        else if (lower == "transfer-encoding")
            return refuse(std::move(r), 400, QStringLiteral("Transfer-Encoding is not accepted; send Content-Length"));
        r.headers.emplaceBack(std::move(lower), value.toByteArray());
    }
    if (hosts > 1 || (hosts == 0 && !r.http10))
        return refuse(std::move(r), 400, QStringLiteral("an HTTP/1.1 request needs exactly one Host header"));
    if (lengths > 1)
        return refuse(std::move(r), 400, QStringLiteral("more than one Content-Length header"));
    for (const auto &h : r.headers) {
        if (h.first != "content-length")
            continue;
        const QByteArray &cl = h.second;
        bool ok = !cl.isEmpty() && cl.size() <= 18;
        for (char c : cl)
            ok = ok && c >= '0' && c <= '9';
        if (!ok)
            return refuse(std::move(r), 400, QStringLiteral("Content-Length is not a number"));
        r.contentLength = cl.toLongLong();
    }
    QByteArray connection;
    for (const auto &h : r.headers)
        if (h.first == "connection")
            connection += h.second.toLower() + ',';
    r.keepAlive = r.http10 ? connection.contains("keep-alive") : !connection.contains("close");
    return r;
}

} // namespace intervox
