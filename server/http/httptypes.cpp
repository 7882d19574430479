#include "httptypes.h"

#include <QJsonObject>

namespace intervox {

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers)
        if (h.first == lowerName)
            return h.second;
    return {};
}

QUrlQuery HttpRequest::formFields() const
{
    QByteArray text = body;
    text.replace('+', "%20"); // HTML's form encoding: '+' is a space (QUrlQuery leaves it as it is)
    return QUrlQuery(QString::fromLatin1(text));
}

QJsonObject HttpRequest::jsonObject() const
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        fail(ApiError::badRequest(QStringLiteral("body is not valid JSON (%1 at byte %2)").arg(err.errorString()).arg(err.offset)));
    if (!doc.isObject())
        fail(ApiError::badRequest(QStringLiteral("body must be a JSON object")));
    return doc.object();
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &doc)
{
    HttpResponse r;
    r.status = status;
    r.body = doc.toJson(QJsonDocument::Compact);
    r.headers.emplaceBack("content-type", "application/json");
    return r;
}

HttpResponse HttpResponse::error(const ApiError &e)
{
    HttpResponse r = json(e.httpStatus(), e.toJson());
    if (e.code == ErrorCode::Unauthorized)
        r.headers.emplaceBack("www-authenticate", "Bearer");
    return r;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers)
        if (h.first == name) {
            h.second = value;
            return;
        }
    headers.emplaceBack(name, value);
}

} // namespace intervox
