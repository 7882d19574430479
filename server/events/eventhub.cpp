#include "eventhub.h"

#include "auth/accesstokens.h"
#include "core/log.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>
#include <QTimerEvent>

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
        tokenId = p->tokenId;
        // Checked again by the server when the token expires: the stream ends with it.
        m_expiresAt = p->tokenExpiresAt;
        m_expiry.start(int(qBound<qint64>(0, m_expiresAt - nowMs(), 24LL * 3600 * 1000)), Qt::CoarseTimer, this);
        ws->sendText(R"({"type":"ready"})");
        return;
    }
    if (type == QLatin1String("ping"))
        ws->sendText(R"({"type":"pong"})");
}

void EventSubscriber::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_expiry.timerId())
        return QObject::timerEvent(event);
    m_expiry.stop();
    const qint64 left = m_expiresAt - nowMs();
    if (left > 0) { // coarse timers may fire a little early
        m_expiry.start(int(qMin<qint64>(left + 1, 24LL * 3600 * 1000)), Qt::PreciseTimer, this);
        return;
    }
    ws->sendText(R"({"type":"error","code":"unauthorized","message":"the access token expired; sign in again"})");
    ws->close(4401, "token expired");
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
    connect(m_tokens, &AccessTokens::revoked, this, &EventHub::tokenRevoked);
}

void EventHub::tokenRevoked(qint64 tokenId)
{
    for (EventSubscriber *s : std::as_const(m_subscribers)) {
        if (s->tokenId != tokenId)
            continue;
        s->ws->sendText(R"({"type":"error","code":"unauthorized","message":"signed out: the access token was revoked"})");
        s->ws->close(4401, "token revoked");
    }
}

void EventHub::accept(int fd, const QByteArray &initial, std::shared_ptr<void> slot)
{
    auto *ws = new WebSocketConnection(fd, initial, 4096);
    ws->holdSlot(std::move(slot));
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
