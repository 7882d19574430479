#pragma once
// Live events for recruiters: authenticated WebSockets at /api/v1/events receive what happens in their
// organization's candidate sessions (joined, consent refused, answer saved, disconnected, finished) and jobs.
// Every event has an id "<stream>-<seq>"; a client that reconnects with the last id it saw gets what it missed,
// from the recent events this process keeps (the last 4,096, at most 15 minutes old), or is told to reload.

#include "http/websocket.h"

#include <QBasicTimer>
#include <QJsonObject>
#include <QObject>
#include <memory>
#include <QSet>
#include <deque>

namespace intervox {

class AccessTokens;
class Database;
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
    qint64 tokenId = 0;
    qint64 userId = 0;
    // A reviewer receives only the events of the interviews assigned to them (kept current by reviewersChanged).
    bool reviewer = false;
    QSet<qint64> interviews;
    bool wants(qint64 interview) const { return !reviewer || (interview != 0 && interviews.contains(interview)); }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    QBasicTimer m_expiry; // closes the socket when its token expires
    qint64 m_expiresAt = 0;
};

class EventHub : public QObject
{
    Q_OBJECT
public:
    // `db`: the event loop's connection, for a reviewer's assignments when their stream starts.
    EventHub(AccessTokens *tokens, Database *db, QObject *parent = nullptr);

    void accept(int fd, const QByteArray &initial, std::shared_ptr<void> slot);
    // Sends the event to the organization's subscribers; one with an "interviewId" also reaches the reviewers
    // assigned to that interview, one without reaches no reviewer.
    void publish(qint64 org, const QString &event, QJsonObject fields);
    // The reviewers of `interview` are now `userIds`: their streams follow, and a "reviewers" event reaches
    // everyone concerned (including a reviewer who was just removed, so their app drops the interview).
    void reviewersChanged(qint64 org, qint64 interview, const QList<qint64> &userIds);
    int subscribers() const { return int(m_subscribers.size()); }
    void closeAll();
    // Ends the streams of a token that was revoked: it may not keep receiving events.
    void tokenRevoked(qint64 tokenId);

private:
    friend class EventSubscriber;
    struct Recent
    {
        quint64 seq;
        qint64 org;
        qint64 interview; // 0: an event of no interview (jobs), never sent to reviewers
        qint64 atMs;
        QByteArray text;
    };
    // Whether every event after `afterId` is still known: false for another stream (the server restarted) or an
    // id older than what is kept.
    bool canReplay(const QString &afterId) const;
    // Sends the events of the subscriber's organization after `afterId`, in order.
    void replay(EventSubscriber *s, const QString &afterId);
    AccessTokens *m_tokens;
    Database *m_db;
    QSet<EventSubscriber *> m_subscribers;
    const QString m_stream; // random per process: ids of another process are recognised as such
    quint64 m_seq = 0;
    std::deque<Recent> m_recent;
};

} // namespace intervox
