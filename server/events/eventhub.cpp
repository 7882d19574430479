#include "eventhub.h"

#include "auth/accesstokens.h"
#include "core/log.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace intervox {

EventHub::EventHub(AccessTokens *tokens, QObject *parent)
    : QObject(parent), m_tokens(tokens),
      m_server(new QWebSocketServer(QStringLiteral("intervox-events"), QWebSocketServer::NonSecureMode, this))
{
    m_server->setMaxPendingConnections(1000);
    connect(m_server, &QWebSocketServer::newConnection, this, &EventHub::onConnection);
}

void EventHub::onConnection()
{
    while (QWebSocket *s = m_server->nextPendingConnection()) {
        s->setParent(this);
        s->setMaxAllowedIncomingFrameSize(4096);
        s->setMaxAllowedIncomingMessageSize(4096);
        m_pending.insert(s);
        connect(s, &QWebSocket::textMessageReceived, this, [this, s](const QString &t) { onText(s, t); });
        connect(s, &QWebSocket::binaryMessageReceived, s, [s] { s->close(QWebSocketProtocol::CloseCode(4400), QStringLiteral("text frames only")); });
        connect(s, &QWebSocket::disconnected, this, [this, s] {
            m_pending.remove(s);
            m_orgOf.remove(s);
            s->deleteLater();
        });
        QTimer::singleShot(10000, s, [this, s] {
            if (m_pending.contains(s))
                s->close(QWebSocketProtocol::CloseCode(4408), QStringLiteral("send {\"type\":\"auth\"} first"));
        });
    }
}

void EventHub::onText(QWebSocket *socket, const QString &text)
{
    const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = m.value(QStringLiteral("type")).toString();
    if (m_pending.contains(socket)) {
        const auto p = type == QLatin1String("auth") ? m_tokens->lookup(m.value(QStringLiteral("token")).toString()) : std::nullopt;
        if (!p) {
            socket->sendTextMessage(QStringLiteral(R"({"type":"error","code":"unauthorized","message":"unknown, expired or revoked access token"})"));
            socket->close(QWebSocketProtocol::CloseCode(4401), QStringLiteral("unauthorized"));
            return;
        }
        m_pending.remove(socket);
        m_orgOf.insert(socket, p->orgId);
        socket->sendTextMessage(QStringLiteral(R"({"type":"ready"})"));
        return;
    }
    if (type == QLatin1String("ping"))
        socket->sendTextMessage(QStringLiteral(R"({"type":"pong"})"));
}

void EventHub::publish(qint64 org, const QString &event, QJsonObject fields)
{
    if (m_orgOf.isEmpty())
        return;
    fields.insert(QStringLiteral("type"), QStringLiteral("event"));
    fields.insert(QStringLiteral("event"), event);
    fields.insert(QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    const QString text = QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact));
    for (auto it = m_orgOf.cbegin(); it != m_orgOf.cend(); ++it)
        if (it.value() == org)
            it.key()->sendTextMessage(text);
}

void EventHub::closeAll()
{
    const auto sockets = m_orgOf.keys() + QList<QWebSocket *>(m_pending.begin(), m_pending.end());
    for (QWebSocket *s : sockets)
        s->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
}

} // namespace intervox
