#include "eventhub.h"

#include "auth/accesstokens.h"
#include "core/error.h"
#include "core/log.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>
#include <QJsonDocument>
#include <QTimer>
#include <QTimerEvent>
#include <QUuid>
#include <optional>

namespace intervox {

EventSubscriber::EventSubscriber(EventHub *h, WebSocketConnection *w)
    : QObject(h), hub(h), ws(w)
{
    ws->setParent(this);
    ws->setHandler(this);
    QTimer::singleShot(10000, this, [this] {
        if (org == 0)
            ws->close(closeCode(CloseCode::Timeout), "send {\"type\":\"auth\",\"token\":…} first");
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
            ws->close(closeCode(CloseCode::Unauthorized), "unauthorized");
            return;
        }
        org = p->orgId;
        tokenId = p->tokenId;
        userId = p->userId;
        reviewer = p->isReviewer();
        if (reviewer) {
            try {
                QSqlQuery q = hub->m_db->exec(QStringLiteral("SELECT interview_id FROM interview_reviewers WHERE org_id = ? AND user_id = ?"),
                                              {org, userId});
                while (q.next())
                    interviews.insert(q.value(0).toLongLong());
            } catch (const ApiException &) {
                ws->close(closeCode(CloseCode::GoingAway), "the database is unreachable; reconnect in a moment");
                return;
            }
        }
        // Checked again by the server when the token expires: the stream ends with it.
        m_expiresAt = p->tokenExpiresAt;
        m_expiry.start(int(qBound<qint64>(0, m_expiresAt - nowMs(), 24LL * 3600 * 1000)), Qt::CoarseTimer, this);
        // `after`: the last event id this client saw before it lost its connection. resumed = every event since
        // then follows; false = some may be missing (first connection, server restart, too long away): reload
        // what is shown from the API.
        const QString after = m.value(QLatin1String("after")).toString();
        const bool resumed = !after.isEmpty() && after.size() <= 64 && hub->canReplay(after);
        ws->sendText(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("ready")}, {QStringLiteral("stream"), hub->m_stream},
                                               {QStringLiteral("resumed"), resumed}}).toJson(QJsonDocument::Compact));
        if (resumed)
            hub->replay(this, after);
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
    ws->close(closeCode(CloseCode::Unauthorized), "token expired");
}

void EventSubscriber::onBinary(QByteArrayView)
{
    ws->close(closeCode(CloseCode::Protocol), "text frames only");
}

void EventSubscriber::onClosed()
{
    hub->m_subscribers.remove(this);
    deleteLater();
}

namespace {
constexpr size_t kKeepEvents = 4096;
constexpr qint64 kKeepEventsMs = 15 * 60 * 1000;
} // namespace

EventHub::EventHub(AccessTokens *tokens, Database *db, QObject *parent)
    : QObject(parent), m_tokens(tokens), m_db(db), m_stream(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    connect(m_tokens, &AccessTokens::revoked, this, &EventHub::tokenRevoked);
}

void EventHub::tokenRevoked(qint64 tokenId)
{
    for (EventSubscriber *s : std::as_const(m_subscribers)) {
        if (s->tokenId != tokenId)
            continue;
        s->ws->sendText(R"({"type":"error","code":"unauthorized","message":"signed out: the access token was revoked"})");
        s->ws->close(closeCode(CloseCode::Unauthorized), "token revoked");
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
    const qint64 now = nowMs();
    const quint64 seq = ++m_seq;
    fields.insert(QStringLiteral("type"), QStringLiteral("event"));
    fields.insert(QStringLiteral("event"), event);
    fields.insert(QStringLiteral("id"), QStringLiteral("%1-%2").arg(m_stream).arg(seq));
    fields.insert(QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs));
    const qint64 interview = fields.value(QStringLiteral("interviewId")).toInteger();
    const QByteArray text = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    m_recent.push_back(Recent{seq, org, interview, now, text});
    while (m_recent.size() > kKeepEvents || now - m_recent.front().atMs > kKeepEventsMs)
        m_recent.pop_front();
    for (EventSubscriber *s : std::as_const(m_subscribers)) {
        if (s->org == org && s->wants(interview))
            s->ws->sendText(text);
    }
}

void EventHub::reviewersChanged(qint64 org, qint64 interview, const QList<qint64> &userIds)
{
    QJsonArray ids;
    for (qint64 id : userIds)
        ids.append(id);
    // Removed reviewers still hear of it (their stream stops after it); added ones start with it.
    for (EventSubscriber *s : std::as_const(m_subscribers)) {
        if (s->org == org && s->reviewer && userIds.contains(s->userId))
            s->interviews.insert(interview);
    }
    publish(org, QStringLiteral("reviewers"), QJsonObject{{QStringLiteral("interviewId"), interview}, {QStringLiteral("userIds"), ids}});
    for (EventSubscriber *s : std::as_const(m_subscribers)) {
        if (s->org == org && s->reviewer && !userIds.contains(s->userId))
            s->interviews.remove(interview);
    }
}

namespace {
// "<stream>-<seq>" → seq, if the stream is `stream`.
std::optional<quint64> sequenceOf(const QString &id, const QString &stream)
{
    if (!id.startsWith(stream) || id.size() < stream.size() + 2 || id.at(stream.size()) != QLatin1Char('-'))
        return std::nullopt;
    bool ok = false;
    const quint64 seq = QStringView(id).mid(stream.size() + 1).toULongLong(&ok);
    return ok ? std::optional<quint64>(seq) : std::nullopt;
}
} // namespace

bool EventHub::canReplay(const QString &afterId) const
{
    const auto seq = sequenceOf(afterId, m_stream);
    // Everything after `seq` is still kept if the oldest kept event is at most seq + 1.
    return seq && *seq <= m_seq && (m_recent.empty() ? *seq == m_seq : m_recent.front().seq <= *seq + 1);
}

void EventHub::replay(EventSubscriber *s, const QString &afterId)
{
    const quint64 after = sequenceOf(afterId, m_stream).value_or(m_seq);
    for (const Recent &e : m_recent) {
        if (e.seq > after && e.org == s->org && s->wants(e.interview))
            s->ws->sendText(e.text);
    }
}

void EventHub::closeAll()
{
    for (EventSubscriber *s : std::as_const(m_subscribers))
        s->ws->close(closeCode(CloseCode::GoingAway), "server shutting down");
}

} // namespace intervox
