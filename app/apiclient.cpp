#include "apiclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    // No cookies: the API authenticates by bearer token only.
    m_nam->setCookieJar(nullptr);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    if (url == m_baseUrl)
        return;
    m_baseUrl = url;
    emit baseUrlChanged();
}

void ApiClient::setAccessToken(const QString &token)
{
    const bool was = signedIn();
    m_token = token;
    if (was != signedIn())
        emit signedInChanged();
}

QNetworkReply *ApiClient::start(const QByteArray &verb, const QString &path, const QByteArray &contentType, const QByteArray &bytes,
                                const QByteArray &ifMatch)
{
    QUrl url = m_baseUrl;
    const int query = path.indexOf(QLatin1Char('?'));
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/api/v1") + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy); // a token never follows a redirect
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!ifMatch.isEmpty())
        request.setRawHeader("If-Match", ifMatch);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    ++m_pending;
    emit pendingChanged();
    if (verb == "GET")
        return m_nam->get(request);
    if (verb == "DELETE")
        return m_nam->deleteResource(request);
    return m_nam->sendCustomRequest(request, verb, bytes);
}

void ApiClient::send(const QByteArray &verb, const QString &path, const QJsonValue &body, QObject *context, Callback done,
                     const QByteArray &ifMatch)
{
    QByteArray bytes, type;
    if ((verb == "POST" || verb == "PUT") && !body.isUndefined() && !body.isNull()) {
        type = "application/json";
        bytes = body.isObject() ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = start(verb, path, type, bytes, ifMatch);
    connect(reply, &QNetworkReply::finished, this, [this, reply, context = QPointer<QObject>(context), hadContext = context != nullptr,
                                                    done = std::move(done)] { finish(reply, context, hadContext, done); });
}

void ApiClient::upload(const QString &path, const QByteArray &contentType, const QByteArray &bytes, QObject *context, Callback done,
                       const QByteArray &ifMatch)
{
    QNetworkReply *reply = start("PUT", path, contentType, bytes, ifMatch);
    connect(reply, &QNetworkReply::finished, this, [this, reply, context = QPointer<QObject>(context), hadContext = context != nullptr,
                                                    done = std::move(done)] { finish(reply, context, hadContext, done); });
}

void ApiClient::finish(QNetworkReply *reply, QPointer<QObject> context, bool hadContext, Callback done)
{
    reply->deleteLater();
    --m_pending;
    emit pendingChanged();
    ApiResult result;
    if (reply->isOpen())
        result.body = reply->readAll();
    result.etag = reply->rawHeader("ETag");
    result.error = ApiError::fromReply(reply, result.body);
    if (!result.error.isError() && !result.body.isEmpty()
        && reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QLatin1String("application/json"))) {
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(result.body, &parse);
        if (parse.error != QJsonParseError::NoError)
            result.error = ApiError::badReply(tr("invalid JSON: %1").arg(parse.errorString()));
        else
            result.json = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    if (result.error.kind == ApiError::SignedOut && reply->request().hasRawHeader("Authorization"))
        emit unauthorized();
    if (hadContext && !context)
        return; // whoever asked is gone
    done(result);
}

void ApiClient::getAll(const QString &path, const QString &query, QObject *context, ListCallback done)
{
    nextPage(path, query, QString(), QJsonArray(), QPointer<QObject>(context), context != nullptr, std::move(done));
}

void ApiClient::nextPage(const QString &path, const QString &query, const QString &cursor, QJsonArray items, QPointer<QObject> context,
                         bool hadContext, ListCallback done)
{
    QUrlQuery q(query);
    q.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    get(path + QLatin1Char('?') + q.toString(QUrl::FullyEncoded), context,
        [this, path, query, items, context, hadContext, done = std::move(done)](const ApiResult &r) mutable {
            if (!r.ok()) {
                done({}, r.error);
                return;
            }
            const QJsonObject page = r.json.toObject();
            const QJsonValue list = page.value(QStringLiteral("items"));
            const QJsonValue next = page.value(QStringLiteral("next"));
            if (!list.isArray() || !(next.isNull() || next.isString())) {
                done({}, ApiError::badReply(tr("a list without items or next")));
                return;
            }
            for (const QJsonValue &item : list.toArray())
                items.append(item);
            if (items.size() > kMaxListItems) {
                done({}, ApiError::badReply(tr("more than %1 items").arg(kMaxListItems)));
                return;
            }
            if (next.isNull() || next.toString().isEmpty()) {
                done(items, ApiError());
                return;
            }
            if (hadContext && !context)
                return;
            nextPage(path, query, next.toString(), std::move(items), context, hadContext, std::move(done));
        });
}
