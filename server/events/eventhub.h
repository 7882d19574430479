#pragma once
// Live events for recruiters: authenticated WebSockets at /api/v1/events receive what happens in their
// organization's candidate sessions (joined, consent refused, answer saved, disconnected, finished).

#include "http/websocket.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>

namespace intervox {

class AccessTokens;
class EventHub;

class EventSubscriber : public QObject, public WebSocketHandler
{
    Q_OBJECT
public:
    EventSubscriber(EventHub *hub, WebSocketConnection *ws);
    void onText(QByteArrayView utf8) override;
    void onBinary(QByteArrayView) override;
    void onClosed() override;

    EventHub *hub;
    WebSocketConnection *ws;
    qint64 org = 0; // 0 until the auth frame arrived
};

class EventHub : public QObject
{
    Q_OBJECT
public:
    explicit EventHub(AccessTokens *tokens, QObject *parent = nullptr);

    void accept(int fd, const QByteArray &initial);
    void publish(qint64 org, const QString &event, QJsonObject fields);
    int subscribers() const { return int(m_subscribers.size()); }
    void closeAll();

private:
    friend class EventSubscriber;
    AccessTokens *m_tokens;
    QSet<EventSubscriber *> m_subscribers;
};

} // namespace intervox
