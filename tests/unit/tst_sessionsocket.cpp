// The candidate-session logic driven through a transport of the test's own (no network): hello, consent,
// begin, a chunk acked only once it is stored, and an unusable invite closed with the code from the one table.
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

#include <QJsonDocument>
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

    QJsonObject take(const QString &type)
    {
        for (qsizetype i = 0; i < sent.size(); ++i)
            if (sent.at(i).value(QLatin1String("type")).toString() == type)
                return sent.takeAt(i);
        return {};
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
        m_token = secrets::newToken();
        m_db->exec("INSERT INTO invites (org_id, interview_id, candidate_id, token_hash, expires_at, max_uses, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
                   {org, interview, candidate, secrets::tokenHash(m_token), now + 3600000, now});
        m_store = std::make_unique<RecordingStore>(m_tmp.path() + "/recordings", "ffmpeg");
        m_tokens = std::make_unique<AccessTokens>(m_db.get());
        m_events = std::make_unique<EventHub>(m_tokens.get());
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
};

QTEST_GUILESS_MAIN(TestSessionSocket)
#include "tst_sessionsocket.moc"
