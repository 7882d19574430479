#pragma once
// The server's live events (/api/v1/events, docs/api.md) for the whole app: one WebSocket, signed in with the
// API client's token, resumed after a drop from the last event seen, reconnected by itself with backoff, and
// watched with pings so a silently dead network is noticed. Models listen to `event`; when the server could
// not resume (`resynced`), they reload from the API.

#include <QBasicTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class ApiClient;
class QWebSocket;

class EventStream : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the app session owns the event stream")
    Q_PROPERTY(bool live READ live NOTIFY liveChanged)
public:
    explicit EventStream(ApiClient *client, QObject *parent = nullptr);
    ~EventStream() override;

    static constexpr int kMinBackoffMs = 500, kMaxBackoffMs = 10000;
    static constexpr int kPingEveryMs = 20000, kPongWithinMs = 10000;

    // Connected and signed in: events arrive as they happen.
    bool live() const { return m_live; }
    // Starts (or restarts) the stream for the client's current base URL and token; stop() ends it.
    void start();
    void stop();
    // For tests: how often the stream connected and how often it could resume.
    int connections() const { return m_connections; }

signals:
    void liveChanged();
    // One event of the signed-in user's organization (`event`, `id`, ids and `at` as the server sent them).
    void event(const QJsonObject &event);
    // Events may have been missed (first connection, server restart, too long away): reload what is shown.
    void resynced();
    // The server refused the token (signed out, expired): the session signs in again, then start() follows.
    void unauthorized();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void open();
    void onText(const QString &text);
    void onClosed();
    void setLive(bool live);
    void scheduleReconnect();

    QPointer<ApiClient> m_client;
    QWebSocket *m_socket = nullptr;
    QBasicTimer m_reconnect, m_ping, m_pongDeadline;
    QString m_lastId;
    bool m_live = false, m_running = false, m_refused = false;
    int m_backoffMs = kMinBackoffMs;
    int m_connections = 0;
};
