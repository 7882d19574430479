// The candidate-session logic driven through a transport of the test's own (no network): hello, consent,
// begin, a chunk acked only once it is stored, and an unusable invite closed with the code from the one table.
// The session's SQL runs on its lanes (SessionDb), never on the thread that acks: the test checks that too.
#include "auth/accesstokens.h"
#include "auth/secrets.h"
#include "core/config.h"
#include "events/eventhub.h"
#include "recording/recordingstore.h"
#include "recording/segmentfile.h"
#include "server.h"
#include "session/sessionhub.h"
#include "session/sessionsocket.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace intervox;

namespace {

// Records what the session sends; the test plays the page by calling the session's handler directly.
class FakeTransport : public SessionTransport
{
public:
    void attach(WebSocketHandler *session) override { handler = session; }
    void sendText(QByteArrayView utf8) override { sent.append(QJsonDocument::fromJson(utf8.toByteArray()).object()); }
    void close(CloseCode code, QByteArrayView) override { closedWith = int(code); }

    // The first message of `type`, waiting up to 5 s for it: the session's database work runs on its own
    // threads (SessionDb) and answers through this thread's event loop.
    QJsonObject take(const QString &type)
    {
        QJsonObject found;
        const bool arrived = QTest::qWaitFor([&] {
            for (qsizetype i = 0; i < sent.size(); ++i)
                if (sent.at(i).value(QLatin1String("type")).toString() == type) {
                    found = sent.takeAt(i);
                    return true;
                }
            return false;
        }, 5000);
        return arrived ? found : QJsonObject();
    }
    void say(const QJsonObject &message) { handler->onText(QJsonDocument(message).toJson(QJsonDocument::Compact)); }

    WebSocketHandler *handler = nullptr;
    QList<QJsonObject> sent;
    int closedWith = 0;
};

QByteArray chunkFrame(quint32 answer, quint16 segment, quint32 seq, const QByteArray &payload)
{
    QByteArray frame(16, '\0');
    uchar *h = reinterpret_cast<uchar *>(frame.data());
    h[0] = 1;
    qToBigEndian<quint16>(segment, h + 2);
    qToBigEndian<quint32>(answer, h + 4);
    qToBigEndian<quint32>(seq, h + 8);
    qToBigEndian<quint32>(crc32Of(payload.constData(), payload.size()), h + 12);
    return frame + payload;
}

} // namespace

class TestSessionSocket : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    Config m_config;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RecordingStore> m_store;
    std::unique_ptr<AccessTokens> m_tokens;
    std::unique_ptr<EventHub> m_events;
    std::unique_ptr<SessionHub> m_hub;
    QString m_token;
    qint64 m_org = 0, m_interview = 0, m_candidate = 0;

    QString newInvite()
    {
        const QString token = secrets::newToken();
        const qint64 now = nowMs();
        m_db->exec("INSERT INTO invites (org_id, interview_id, candidate_id, token_hash, expires_at, max_uses, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
                   {m_org, m_interview, m_candidate, secrets::tokenHash(token), now + 3600000, now});
        return token;
    }

    // hello, consent, begin: returns the id of the answer the server started.
    qint64 startAnswer(FakeTransport *page, const QString &token)
    {
        page->say({{"type", "hello"}, {"protocol", 1}, {"token", token}, {"mime", "audio/webm;codecs=opus"}});
        if (page->take("state").value("phase").toString() != QLatin1String("consent"))
            return 0;
        page->say({{"type", "consent"}, {"accepted", true}});
        if (page->take("state").value("phase").toString() != QLatin1String("intro"))
            return 0;
        page->say({{"type", "begin"}}); // no think time: straight to answering
        return page->take("answer_started").value("answer").toInteger();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(secrets::init());
        m_config.dataDir = m_tmp.path();
        m_db = std::make_unique<Database>();
        QString error;
        QVERIFY2(m_db->open(m_config, &error) && m_db->migrate(&error), qPrintable(error));
        QString json;
        QVERIFY2(createOrganizationAdmin(*m_db, "Org", "owner@example.com", "Owner", "a-long-password", &json, &error), qPrintable(error));
        const qint64 org = QJsonDocument::fromJson(json.toUtf8()).object().value("organizationId").toInteger();
        const qint64 now = nowMs();
        const qint64 interview = m_db->insert("INSERT INTO interviews (org_id, title, intro, language, created_at, updated_at) VALUES (?, 'T', 'I', 'en', ?, ?)", {org, now, now});
        m_db->exec("INSERT INTO questions (org_id, interview_id, position, body, think_seconds, answer_seconds, retakes) VALUES (?, ?, 0, 'Q', 0, 60, 0)", {org, interview});
        const qint64 candidate = m_db->insert("INSERT INTO candidates (org_id, name, email, created_at) VALUES (?, 'C', 'c@example.com', ?)", {org, now});
        m_org = org;
        m_interview = interview;
        m_candidate = candidate;
        m_token = newInvite();
        m_store = std::make_unique<RecordingStore>(m_tmp.path() + "/recordings", "ffmpeg");
        m_tokens = std::make_unique<AccessTokens>(m_db.get());
        m_events = std::make_unique<EventHub>(m_tokens.get(), m_db.get());
        m_hub = std::make_unique<SessionHub>(m_db.get(), m_store.get(), m_events.get(), 90);
    }

    void anUnknownInviteIsClosedWithUnauthorized()
    {
        auto transport = std::make_unique<FakeTransport>();
        FakeTransport *page = transport.get();
        m_hub->adopt(std::move(transport));
        page->say({{"type", "hello"}, {"protocol", 1}, {"token", secrets::newToken()}, {"mime", "audio/webm;codecs=opus"}});
        QCOMPARE(page->take("error").value("code").toString(), QStringLiteral("invite_invalid"));
        QCOMPARE(page->closedWith, int(CloseCode::Unauthorized));
    }

    void helloConsentBeginAndAChunkAckedOnceStored()
    {
        auto transport = std::make_unique<FakeTransport>();
        FakeTransport *page = transport.get();
        m_hub->adopt(std::move(transport));
        page->say({{"type", "hello"}, {"protocol", 1}, {"token", m_token}, {"mime", "audio/webm;codecs=opus"}});
        QCOMPARE(page->take("state").value("phase").toString(), QStringLiteral("consent"));
        page->say({{"type", "consent"}, {"accepted", true}});
        QCOMPARE(page->take("state").value("phase").toString(), QStringLiteral("intro"));
        page->say({{"type", "begin"}}); // no think time: straight to answering
        const QJsonObject started = page->take("answer_started");
        const qint64 answer = started.value("answer").toInteger();
        QVERIFY2(answer > 0, qPrintable(QJsonDocument(started).toJson()));
        QCOMPARE(page->take("state").value("phase").toString(), QStringLiteral("answering"));

        const QByteArray payload(4000, 'x');
        page->handler->onBinary(chunkFrame(quint32(answer), 0, 0, payload));
        const QJsonObject ack = page->take("ack");
        QCOMPARE(ack.value("seq").toInteger(), 0);
        quint32 chunks = 0;
        qint64 bytes = 0;
        QSqlQuery q = m_db->exec("SELECT org_id, session_id FROM answers WHERE id = ?", {answer});
        QVERIFY(q.next());
        SegmentFile::stat(m_store->answerDir(q.value(0).toLongLong(), q.value(1).toLongLong(), answer), 0, &chunks, &bytes);
        QCOMPARE(chunks, 1u); // acked only once it is in the segment file
        QCOMPARE(bytes, qint64(payload.size()));
        QCOMPARE(page->closedWith, 0);
    }

    void aHelloTheDatabaseCannotServeClosesWithGoingAway()
    {
        // Another connection holds SQLite's write lock for longer than the busy timeout (5 s): a first hello,
        // which must count the invite's use, fails. The page is told to come back (1001), not left waiting.
        const QString token = newInvite();
        QSqlDatabase locker = QSqlDatabase::addDatabase("QSQLITE", "locker2");
        locker.setDatabaseName(m_db->handle().databaseName());
        QVERIFY(locker.open());
        QSqlQuery lock(locker);
        QVERIFY2(lock.exec("BEGIN IMMEDIATE"), qPrintable(lock.lastError().text()));
        auto transport = std::make_unique<FakeTransport>();
        FakeTransport *page = transport.get();
        m_hub->adopt(std::move(transport));
        page->say({{"type", "hello"}, {"protocol", 1}, {"token", token}, {"mime", "audio/webm;codecs=opus"}});
        QTRY_COMPARE_WITH_TIMEOUT(page->closedWith, int(CloseCode::GoingAway), 15000);
        QCOMPARE(page->take("error").value("code").toString(), QStringLiteral("unavailable"));
        for (const QJsonObject &m : std::as_const(page->sent))
            QVERIFY2(m.value("type").toString() != QLatin1String("state"), "no state for a session that could not be looked up");
        QVERIFY(lock.exec("ROLLBACK"));
        lock = QSqlQuery();
        locker.close();
        locker = QSqlDatabase();
        QSqlDatabase::removeDatabase("locker2");
    }

    void chunksAreAckedWhileTheSessionsDatabaseWorkWaits()
    {
        auto transport = std::make_unique<FakeTransport>();
        FakeTransport *page = transport.get();
        m_hub->adopt(std::move(transport));
        const qint64 answer = startAnswer(page, newInvite());
        QVERIFY(answer > 0);
        page->sent.clear();
        const QByteArray first(3000, 'a'), second(2000, 'b');
        page->handler->onBinary(chunkFrame(quint32(answer), 0, 0, first));
        QCOMPARE(page->take("ack").value("seq").toInteger(), 0);

        // Another connection holds SQLite's write lock: the session's next step (recording `closing` and
        // `uploading`) waits for it on the session's lane, while this thread goes on acking audio.
        QSqlDatabase locker = QSqlDatabase::addDatabase("QSQLITE", "locker");
        locker.setDatabaseName(m_db->handle().databaseName());
        QVERIFY(locker.open());
        QSqlQuery lock(locker);
        QVERIFY2(lock.exec("BEGIN IMMEDIATE"), qPrintable(lock.lastError().text()));
        QCryptographicHash sha(QCryptographicHash::Sha256);
        sha.addData(first);
        sha.addData(second);
        page->say({{"type", "finish_answer"}, {"answer", answer},
                   {"segments", QJsonArray{QJsonObject{{"chunks", 2}, {"bytes", first.size() + second.size()},
                                                       {"sha256", QString::fromLatin1(sha.result().toHex())}, {"durationMs", 1000}}}}});
        page->handler->onBinary(chunkFrame(quint32(answer), 0, 1, second));
        // Acked at once (the handler returned without waiting for the database) …
        QCOMPARE(page->sent.size(), 1);
        QCOMPARE(page->sent.first().value("type").toString(), QStringLiteral("ack"));
        QCOMPARE(page->sent.first().value("seq").toInteger(), 1);
        page->sent.clear();
        // … and the step is still waiting for the lock: no state, no save yet.
        QCoreApplication::processEvents();
        QVERIFY(page->sent.isEmpty());
        QVERIFY(lock.exec("COMMIT"));
        // Then, in order: the state of the finished answer, and the save.
        QCOMPARE(page->take("state").value("phase").toString(), QStringLiteral("uploading"));
        const QJsonObject saved = page->take("answer_saved");
        QCOMPARE(saved.value("answer").toInteger(), answer);
        QCOMPARE(saved.value("bytes").toInteger(), qint64(first.size() + second.size()));
        QCOMPARE(m_db->scalar("SELECT status FROM answers WHERE id = ?", {answer}).toString(), QStringLiteral("saved"));
        lock = QSqlQuery();
        locker.close();
        locker = QSqlDatabase();
        QSqlDatabase::removeDatabase("locker");
    }
};

QTEST_GUILESS_MAIN(TestSessionSocket)
#include "tst_sessionsocket.moc"
