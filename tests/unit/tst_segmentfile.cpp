// SegmentFile: what was appended survives reopening; a torn or damaged tail is cut away, never served;
// extraction gives back exactly the payloads, with their SHA-256.
#include "recording/segmentfile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace intervox;

class TestSegmentFile : public QObject
{
    Q_OBJECT
    static QByteArray chunk(int n) { return QByteArray(1000 + n, char('a' + n % 26)); }
    static QByteArray allChunks(int count)
    {
        QByteArray all;
        for (int i = 0; i < count; ++i)
            all += chunk(i);
        return all;
    }
    static qint64 recordSize(int count) { return allChunks(count).size() + 8LL * count; }

    void appendChunks(const QString &dir, int count)
    {
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QVERIFY2(f, qPrintable(error));
        for (int i = f->chunks(); i < count; ++i) {
            const QByteArray c = chunk(i);
            QVERIFY(f->append(c.constData(), c.size(), crc32Of(c.constData(), c.size())));
        }
    }

private slots:
    void appendedChunksSurviveReopenAndExtractExactly()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + "/a";
        appendChunks(dir, 5);
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QVERIFY(f);
        QCOMPARE(f->chunks(), 5u);
        QCOMPARE(f->bytes(), qint64(allChunks(5).size()));
        quint32 chunks = 0;
        qint64 bytes = 0;
        QString sha;
        QVERIFY(SegmentFile::digest(dir, 0, &chunks, &bytes, &sha));
        QCOMPARE(chunks, 5u);
        QVERIFY(!QFile::exists(SegmentFile::mediaPath(dir, 0))); // hashing writes nothing
        QVERIFY(SegmentFile::extract(dir, 0));
        QFile media(SegmentFile::mediaPath(dir, 0));
        QVERIFY(media.open(QIODevice::ReadOnly));
        QCOMPARE(media.readAll(), allChunks(5));
        QCOMPARE(sha, QString::fromLatin1(QCryptographicHash::hash(allChunks(5), QCryptographicHash::Sha256).toHex()));
    }

    void tornRecordAtTheEndIsCutOnOpen()
    {
        // A crash in the middle of a write: the header promises more payload than the file has.
        QTemporaryDir tmp;
        const QString dir = tmp.path() + "/b";
        appendChunks(dir, 3);
        QFile file(SegmentFile::recordPath(dir, 0));
        QVERIFY(file.open(QIODevice::Append));
        uchar header[8];
        qToBigEndian<quint32>(4000, header);
        qToBigEndian<quint32>(0x12345678, header + 4);
        file.write(reinterpret_cast<const char *>(header), 8);
        file.write(QByteArray(777, 'x'));
        file.close();
        quint32 chunks = 0;
        qint64 bytes = 0;
        SegmentFile::stat(dir, 0, &chunks, &bytes);
        QCOMPARE(chunks, 3u);
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QVERIFY(f);
        QCOMPARE(f->chunks(), 3u);
        QCOMPARE(QFileInfo(SegmentFile::recordPath(dir, 0)).size(), recordSize(3));
        // …and appending continues right after the last good record.
        const QByteArray c = chunk(3);
        QVERIFY(f->append(c.constData(), c.size(), crc32Of(c.constData(), c.size())));
        QCOMPARE(QFileInfo(SegmentFile::recordPath(dir, 0)).size(), recordSize(4));
    }

    void partialHeaderIsCutOnOpen()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + "/c";
        appendChunks(dir, 4);
        QFile file(SegmentFile::recordPath(dir, 0));
        QVERIFY(file.open(QIODevice::Append));
        file.write("\x00\x00\x03", 3);
        file.close();
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QVERIFY(f);
        QCOMPARE(f->chunks(), 4u);
        QCOMPARE(QFileInfo(SegmentFile::recordPath(dir, 0)).size(), recordSize(4));
    }

    void damagedPayloadEndsTheStoredPart()
    {
        // Damage on disk (e.g. after a power loss): the CRC catches it; later records are not claimed as stored.
        QTemporaryDir tmp;
        const QString dir = tmp.path() + "/d";
        appendChunks(dir, 4);
        QFile file(SegmentFile::recordPath(dir, 0));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(recordSize(2) + 8 + 10); // inside chunk 2's payload
        file.write("Z");
        file.close();
        quint32 chunks = 0;
        qint64 bytes = 0;
        SegmentFile::stat(dir, 0, &chunks, &bytes);
        QCOMPARE(chunks, 2u);
        QCOMPARE(bytes, qint64(allChunks(2).size()));
    }

    void statOfMissingSegmentIsEmpty()
    {
        QTemporaryDir tmp;
        quint32 chunks = 9;
        qint64 bytes = 9;
        SegmentFile::stat(tmp.path(), 3, &chunks, &bytes);
        QCOMPARE(chunks, 0u);
        QCOMPARE(bytes, 0);
    }

    void resetDropsEverything()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + "/e";
        appendChunks(dir, 2);
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QVERIFY(f->reset());
        QCOMPARE(f->chunks(), 0u);
        QCOMPARE(QFileInfo(SegmentFile::recordPath(dir, 0)).size(), 0);
    }

    void runningSha256FollowsAppendsReopensAndResets()
    {
        const auto shaOf = [](const QByteArray &b) { return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex()); };
        QTemporaryDir tmp;
        const QString dir = tmp.path() + "/s";
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->state().sha->hex(), shaOf({}));
        for (int i = 0; i < 3; ++i) {
            const QByteArray c = chunk(i);
            QVERIFY(f->append(c.constData(), c.size(), crc32Of(c.constData(), c.size())));
            QCOMPARE(f->state().sha->hex(), shaOf(allChunks(i + 1))); // hex() leaves the running state intact
        }
        // Closed and reopened with the state this process kept: not read again, and the hash goes on.
        const SegmentState kept = f->state();
        f.reset();
        const quint64 scansBefore = SegmentFile::scans();
        f = SegmentFile::open(dir, 0, &error, &kept);
        QCOMPARE(SegmentFile::scans(), scansBefore);
        const QByteArray c3 = chunk(3);
        QVERIFY(f->append(c3.constData(), c3.size(), crc32Of(c3.constData(), c3.size())));
        QCOMPARE(f->state().sha->hex(), shaOf(allChunks(4)));
        f.reset();
        // A new process (no kept state) learns the hash from the records, as stat() does.
        f = SegmentFile::open(dir, 0, &error);
        QCOMPARE(f->state().sha->hex(), shaOf(allChunks(4)));
        QCOMPARE(SegmentFile::stat(dir, 0).sha->hex(), shaOf(allChunks(4)));
        // reset(): an empty segment, and the state handed out before keeps its own hash.
        const SegmentState before = f->state();
        QVERIFY(f->reset());
        QCOMPARE(f->state().sha->hex(), shaOf({}));
        QCOMPARE(before.sha->hex(), shaOf(allChunks(4)));
    }

    void crcMatchesZlibReference()
    {
        QCOMPARE(crc32Of("123456789", 9), 0xCBF43926u); // the standard CRC-32 check value
    }
};

QTEST_GUILESS_MAIN(TestSegmentFile)
#include "tst_segmentfile.moc"
