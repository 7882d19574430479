#include "eventstream.h"

#include "apiclient.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimerEvent>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcEvents, "intervox.app.events")

EventStream::EventStream(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

EventStream::~EventStream()
{
    stop();
}

void EventStream::start()
{
    m_running = true;
    m_refused = false;
    m_backoffMs = kMinBackoffMs;
    open();
}

void EventStream::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_ping.stop();
    m_pongDeadline.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setLive(false);
}

void EventStream::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    emit liveChanged();
}

void EventStream::open()
{
    if (!m_running || !m_client || !m_client->signedIn())
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        QJsonObject auth{{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), m_client->accessToken()}};
        if (!m_lastId.isEmpty())
            auth.insert(QStringLiteral("after"), m_lastId);
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact)));
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EventStream::onText);
    connect(m_socket, &QWebSocket::disconnected, this, &EventStream::onClosed);
    QUrl url = m_client->baseUrl();
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/api/v1/events"));
    m_socket->open(url);
}

void EventStream::onText(const QString &text)
{
    const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = m.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ready")) {
        ++m_connections;
        m_backoffMs = kMinBackoffMs;
        setLive(true);
        m_ping.start(kPingEveryMs, this);
        if (!m.value(QStringLiteral("resumed")).toBool()) {
            qCInfo(lcEvents) << "live events: connected, reloading what is shown";
            emit resynced();
        } else {
            qCInfo(lcEvents) << "live events: resumed after" << m_lastId;
        }
    } else if (type == QLatin1String("event")) {
        m_lastId = m.value(QStringLiteral("id")).toString();
        emit event(m);
    } else if (type == QLatin1String("pong")) {
        m_pongDeadline.stop();
    } else if (type == QLatin1String("error") && m.value(QStringLiteral("code")).toString() == QLatin1String("unauthorized")) {
        m_refused = true; // the close follows; no reconnect with this token
        emit unauthorized();
    }
}

void EventStream::onClosed()
{
    m_ping.stop();
    m_pongDeadline.stop();
    setLive(false);
    if (m_socket) {
        qCInfo(lcEvents) << "live events: disconnected" << m_socket->closeCode() << m_socket->closeReason();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (!m_refused)
        scheduleReconnect();
}

void EventStream::scheduleReconnect()
{
    if (!m_running)
        return;
    // Backoff with jitter, so that many apps do not come back at the same instant after a server restart.
    const int delay = m_backoffMs / 2 + int(QRandomGenerator::global()->bounded(m_backoffMs / 2 + 1));
    m_backoffMs = qMin(m_backoffMs * 2, kMaxBackoffMs);
    m_reconnect.start(delay, this);
}

void EventStream::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_reconnect.timerId()) {
        m_reconnect.stop();
        open();
    } else if (event->timerId() == m_ping.timerId()) {
        if (m_socket && !m_pongDeadline.isActive()) {
            m_socket->sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
            m_pongDeadline.start(kPongWithinMs, this);
        }
    } else if (event->timerId() == m_pongDeadline.timerId()) {
        // No pong in time: the connection is dead even if no FIN arrived (network gone, laptop slept).
        m_pongDeadline.stop();
        qCInfo(lcEvents) << "live events: no pong in time, reconnecting";
        if (m_socket)
            m_socket->abort(); // disconnected() follows, and with it the reconnect
    } else {
        QObject::timerEvent(event);
    }
}
