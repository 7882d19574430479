#pragma once
// A candidate's page, as far as the server can tell: the session protocol over a WebSocket (docs/protocol.md),
// for the app's tests — join, consent, and record real answers (Opus in WebM made by ffmpeg) chunk by chunk
// until the server says they are saved.
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtCore/qtestsupport_core.h>
#include <QWebSocket>
#include <QtEndian>
#include <zlib.h>

class CandidatePage
{
public:
    QWebSocket socket;
    QList<QJsonObject> received;
    QJsonObject last; // the message the last successful waitFor() found

    bool join(const QUrl &server, const QString &token)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &t) { received << QJsonDocument::fromJson(t.toUtf8()).object(); });
        QUrl url = server;
        url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
        url.setPath(QStringLiteral("/ws/session"));
        socket.open(url);
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 10000))
            return false;
        send(QJsonObject{{"type", "hello"}, {"protocol", 1}, {"token", token}, {"mime", "audio/webm;codecs=opus"}});
        return waitFor("state");
    }
    void send(const QJsonObject &m) { socket.sendTextMessage(QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact))); }
    bool waitFor(const QString &type, const QString &phase = QString(), int ms = 10000)
    {
        return QTest::qWaitFor([&] {
            for (int i = 0; i < received.size(); ++i) {
                if (received.at(i).value("type").toString() == type && (phase.isEmpty() || received.at(i).value("phase").toString() == phase)) {
                    last = received.at(i);
                    received.remove(0, i + 1);
                    return true;
                }
            }
            return false;
        }, ms);
    }

    // `seconds` of a sine tone as the browser would record it (WebM/Opus), or empty if ffmpeg failed.
    static QByteArray makeWebm(int seconds, int frequency = 440)
    {
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"), {"-v", "error", "-f", "lavfi", "-i", QStringLiteral("sine=frequency=%1:duration=%2").arg(frequency).arg(seconds),
                                                "-c:a", "libopus", "-b:a", "32k", "-f", "webm", "-"});
        if (!ffmpeg.waitForFinished(30000) || ffmpeg.exitCode() != 0)
            return {};
        return ffmpeg.readAllStandardOutput();
    }

    // From `consent` to `finished`: consents, begins and records one answer of `media` for each of `questions`.
    bool answerAll(int questions, const QByteArray &media)
    {
        send(QJsonObject{{"type", "consent"}, {"accepted", true}});
        if (!waitFor("state", "intro"))
            return false;
        send(QJsonObject{{"type", "begin"}});
        for (int q = 0; q < questions; ++q) {
            if (!waitFor("state", "thinking") || !recordAnswer(media))
                return false;
            send(QJsonObject{{"type", "next"}});
        }
        return waitFor("state", "finished");
    }

    // start_answer, the chunks, finish_answer, and answer_saved.
    bool recordAnswer(const QByteArray &media, int chunkSize = 4096)
    {
        send(QJsonObject{{"type", "start_answer"}});
        if (!waitFor("answer_started"))
            return false;
        const quint32 answer = quint32(last.value("answer").toInteger());
        quint32 seq = 0;
        for (qsizetype at = 0; at < media.size(); at += chunkSize, ++seq) {
            const QByteArray payload = media.mid(at, chunkSize);
            QByteArray frame(16, '\0');
            frame[0] = 1;
            qToBigEndian<quint32>(answer, frame.data() + 4);
            qToBigEndian<quint32>(seq, frame.data() + 8);
            qToBigEndian<quint32>(quint32(crc32(0, reinterpret_cast<const Bytef *>(payload.constData()), uInt(payload.size()))), frame.data() + 12);
            socket.sendBinaryMessage(frame + payload);
        }
        const QJsonObject segment{{"chunks", int(seq)}, {"bytes", media.size()},
                                  {"sha256", QString::fromLatin1(QCryptographicHash::hash(media, QCryptographicHash::Sha256).toHex())},
                                  {"durationMs", 3000}};
        send(QJsonObject{{"type", "finish_answer"}, {"answer", qint64(answer)}, {"segments", QJsonArray{segment}}});
        return waitFor("answer_saved", QString(), 20000) && waitFor("state", "review");
    }
};
