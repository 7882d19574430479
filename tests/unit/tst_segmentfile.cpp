// SegmentFile: what was appended survives reopening; a half-written tail is cut away, never served.
#include "recording/segmentfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace intervox;

class TestSegmentFile : public QObject
{
    Q_OBJECT
    QByteArray chunk(int n) { return QByteArray(1000 + n, char('a' + n % 26)); }

    void appendChunks(const QString &dir, int count)
    {
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QVERIFY2(f, qPrintable(error));
        for (int i = 0; i < count; ++i) {
            const QByteArray c = chunk(i);
            QVERIFY(f->append(c.constData(), c.size(), crc32Of(c.constData(), c.size())));
        }
    }

private slots:
    void appendedChunksSurviveReopen()
    {
        QTemporaryDir tmp;
        appendChunks(tmp.path() + "/a", 5);
        QString error;
        auto f = SegmentFile::open(tmp.path() + "/a", 0, &error);
        QVERIFY(f);
        QCOMPARE(f->chunks(), 5u);
        qint64 expectedBytes = 0;
        QByteArray all;
        for (int i = 0; i < 5; ++i) {
            expectedBytes += chunk(i).size();
            all += chunk(i);
        }
        QCOMPARE(f->bytes(), expectedBytes);
        QFile data(SegmentFile::mediaPath(tmp.path() + "/a", 0));
        QVERIFY(data.open(QIODevice::ReadOnly));
        QCOMPARE(data.readAll(), all);
    }

    void dataWrittenWithoutIndexRecordIsCutOnOpen()
    {
        // A crash between the data write and the index write: that chunk was never acked.
        QTemporaryDir tmp;
        const QString dir = tmp.path() + "/b";
        appendChunks(dir, 3);
        QFile data(SegmentFile::mediaPath(dir, 0));
        QVERIFY(data.open(QIODevice::Append));
        data.write(QByteArray(777, 'x'));
        data.close();
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QVERIFY(f);
        QCOMPARE(f->chunks(), 3u);
        QCOMPARE(QFileInfo(SegmentFile::mediaPath(dir, 0)).size(), f->bytes());
    }

    void partialIndexRecordIsCutOnOpen()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + "/c";
        appendChunks(dir, 4);
        QFile index(SegmentFile::indexPath(dir, 0));
        QVERIFY(index.open(QIODevice::Append));
        index.write("\x00\x00\x03", 3);
        index.close();
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QVERIFY(f);
        QCOMPARE(f->chunks(), 4u);
        QCOMPARE(QFileInfo(SegmentFile::indexPath(dir, 0)).size(), 32);
    }

    void indexRecordsBeyondTheDataAreDropped()
    {
        // Power loss can keep the index but lose data pages: those chunks are not claimed as stored.
        QTemporaryDir tmp;
        const QString dir = tmp.path() + "/d";
        appendChunks(dir, 4);
        QFile data(SegmentFile::mediaPath(dir, 0));
        const qint64 firstTwo = chunk(0).size() + chunk(1).size();
        QVERIFY(data.resize(firstTwo + 10));
        quint32 chunks = 0;
        qint64 bytes = 0;
        SegmentFile::stat(dir, 0, &chunks, &bytes);
        QCOMPARE(chunks, 2u);
        QCOMPARE(bytes, firstTwo);
        QString error;
        auto f = SegmentFile::open(dir, 0, &error);
        QCOMPARE(f->chunks(), 2u);
        QCOMPARE(QFileInfo(SegmentFile::mediaPath(dir, 0)).size(), firstTwo);
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
        QCOMPARE(QFileInfo(SegmentFile::mediaPath(dir, 0)).size(), 0);
    }

    void crcMatchesZlibReference()
    {
        QCOMPARE(crc32Of("123456789", 9), 0xCBF43926u); // the standard CRC-32 check value
    }
};

QTEST_GUILESS_MAIN(TestSegmentFile)
#include "tst_segmentfile.moc"
