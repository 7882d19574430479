#pragma once
// The one client of the Intervox recruiter API (`/api/v1`, docs/api.md) that every model of the app uses: JSON
// requests with the bearer token, a timeout on every request, whole lists read page by page, and every failure
// turned into one ApiError. It knows nothing about whether the server is embedded or remote.

#include "apierror.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

struct ApiResult
{
    QJsonValue json;    // the reply's JSON (Undefined for 204 and non-JSON bodies)
    QByteArray body;    // the raw body (downloads)
    QByteArray etag;    // the reply's ETag, for If-Match on the next change
    ApiError error;
    bool ok() const { return !error.isError(); }
};

class ApiClient : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the app session owns the API client")
    Q_PROPERTY(QUrl baseUrl READ baseUrl NOTIFY baseUrlChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
public:
    using Callback = std::function<void(const ApiResult &)>;
    using ListCallback = std::function<void(const QJsonArray &items, const ApiError &error)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    static constexpr int kDefaultTimeoutMs = 30000;
    static constexpr int kPageSize = 200;     // the API's largest page
    static constexpr int kMaxListItems = 200000; // a list longer than this is refused, not read into memory

    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url);
    bool signedIn() const { return !m_token.isEmpty(); }
    // The bearer token (kept in memory only); empty signs out locally.
    void setAccessToken(const QString &token);
    QString accessToken() const { return m_token; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // One request to `path` (below /api/v1, e.g. "/interviews/3"). `done` runs on this thread unless `context`
    // was destroyed meanwhile. A JSON `body` is sent for POST and PUT.
    void send(const QByteArray &verb, const QString &path, const QJsonValue &body, QObject *context, Callback done,
              const QByteArray &ifMatch = {});
    void get(const QString &path, QObject *context, Callback done) { send("GET", path, {}, context, std::move(done)); }
    void post(const QString &path, const QJsonValue &body, QObject *context, Callback done) { send("POST", path, body, context, std::move(done)); }
    void put(const QString &path, const QJsonValue &body, QObject *context, Callback done, const QByteArray &ifMatch = {})
    {
        send("PUT", path, body, context, std::move(done), ifMatch);
    }
    void remove(const QString &path, QObject *context, Callback done, const QByteArray &ifMatch = {})
    {
        send("DELETE", path, {}, context, std::move(done), ifMatch);
    }
    // Sends raw bytes (an upload, e.g. a CV) with its content type.
    void upload(const QString &path, const QByteArray &contentType, const QByteArray &bytes, QObject *context, Callback done,
                const QByteArray &ifMatch = {});
    // Every item of a list route (`query` without limit/cursor), following `next` until the last page.
    void getAll(const QString &path, const QString &query, QObject *context, ListCallback done);

    // Requests not answered yet (a busy indicator can follow it).
    int pending() const { return m_pending; }

signals:
    void baseUrlChanged();
    void signedInChanged();
    // A request with a token was answered 401: the token expired or was revoked.
    void unauthorized();
    void pendingChanged();

private:
    QNetworkReply *start(const QByteArray &verb, const QString &path, const QByteArray &contentType, const QByteArray &bytes,
                         const QByteArray &ifMatch);
    void finish(QNetworkReply *reply, QPointer<QObject> context, bool hadContext, Callback done);
    void nextPage(const QString &path, const QString &query, const QString &cursor, QJsonArray items, QPointer<QObject> context,
                  bool hadContext, ListCallback done);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = kDefaultTimeoutMs;
    int m_pending = 0;
};
