#pragma once
// Live events for recruiters: authenticated WebSockets at /api/v1/events receive what happens in their
// organization's candidate sessions (joined, consent refused, answer saved, disconnected, finished).

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

class QWebSocket;
class QWebSocketServer;

namespace intervox {

class AccessTokens;

class EventHub : public QObject
{
    Q_OBJECT
public:
    EventHub(AccessTokens *tokens, QObject *parent = nullptr);
    QWebSocketServer *server() const { return m_server; }

    void publish(qint64 org, const QString &event, QJsonObject fields);
    int subscribers() const { return int(m_orgOf.size()); }
    void closeAll();

private:
    void onConnection();
    void onText(QWebSocket *socket, const QString &text);

    AccessTokens *m_tokens;
    QWebSocketServer *m_server;
    QHash<QWebSocket *, qint64> m_orgOf;   // authenticated sockets
    QSet<QWebSocket *> m_pending;          // waiting for their auth frame
};

} // namespace intervox
