#include "eventhub.h"

#include "auth/accesstokens.h"
#include "core/log.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

namespace intervox {

EventSubscriber::EventSubscriber(EventHub *h, WebSocketConnection *w)
    : QObject(h), hub(h), ws(w)
{
    ws->setParent(this);
    ws->setHandler(this);
    QTimer::singleShot(10000, this, [this] {
        if (org == 0)
            ws->close(4408, "send {\"type\":\"auth\",\"token\":…} first");
    });
}

void EventSubscriber::onText(QByteArrayView utf8)
{
    const QJsonObject m = QJsonDocument::fromJson(QByteArray::fromRawData(utf8.data(), utf8.size())).object();
    const QString type = m.value(QLatin1String("type")).toString();
    if (org == 0) {
        const auto p = type == QLatin1String("auth") ? hub->m_tokens->lookup(m.value(QLatin1String("token")).toString()) : std::nullopt;
        if (!p) {
            ws->sendText(R"({"type":"error","code":"unauthorized","message":"unknown, expired or revoked access token"})");
            ws->close(4401, "unauthorized");
            return;
        }
        org = p->orgId;
        ws->sendText(R"({"type":"ready"})");
        return;
    }
    if (type == QLatin1String("ping"))
        ws->sendText(R"({"type":"pong"})");
}

void EventSubscriber::onBinary(QByteArrayView)
{
    ws->close(4400, "text frames only");
}

void EventSubscriber::onClosed()
{
    hub->m_subscribers.remove(this);
    deleteLater();
}

EventHub::EventHub(AccessTokens *tokens, QObject *parent)
    : QObject(parent), m_tokens(tokens)
{
}

void EventHub::accept(int fd, const QByteArray &initial)
{
    auto *ws = new WebSocketConnection(fd, initial, 4096);
    auto *subscriber = new EventSubscriber(this, ws);
    m_subscribers.insert(subscriber);
    ws->start();
}

void EventHub::publish(qint64 org, const QString &event, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), QStringLiteral("event"));
    fields.insert(QStringLiteral("event"), event);
    fields.insert(QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QByteArray text;
    for (EventSubscriber *s : std::as_const(m_subscribers)) {
        if (s->org != org)
            continue;
        if (text.isEmpty())
            text = QJsonDocument(fields).toJson(QJsonDocument::Compact);
        s->ws->sendText(text);
    }
}

void EventHub::closeAll()
{
    for (EventSubscriber *s : std::as_const(m_subscribers))
        s->ws->close(1001, "server shutting down");
}

} // namespace intervox
