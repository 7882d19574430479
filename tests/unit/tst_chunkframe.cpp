// ChunkFrame: the binary header of docs/protocol.md.
#include "session/chunkframe.h"

#include <QTest>

using namespace intervox;

class TestChunkFrame : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsEveryField()
    {
        const QByteArray frame = ChunkFrame::build(3, 0x01020304, 77, 0xCAFEBABE, QByteArray("abc"));
        ChunkFrame c;
        QVERIFY(c.parse(frame));
        QCOMPARE(c.version, quint8(1));
        QCOMPARE(c.segment, quint16(3));
        QCOMPARE(c.answer, 0x01020304u);
        QCOMPARE(c.seq, 77u);
        QCOMPARE(c.crc, 0xCAFEBABEu);
        QCOMPARE(QByteArray(c.payload, int(c.payloadSize)), QByteArray("abc"));
    }

    void headerIsBigEndianAtFixedOffsets()
    {
        const QByteArray frame = ChunkFrame::build(0x0102, 0x03040506, 0x0708090A, 0x0B0C0D0E, QByteArray("z"));
        QCOMPARE(frame.toHex(), QByteArray("01000102030405060708090a0b0c0d0e7a"));
    }

    void refusesFramesWithoutPayload()
    {
        ChunkFrame c;
        QVERIFY(!c.parse(QByteArray(16, '\1')));
        QVERIFY(!c.parse(QByteArray(3, '\1')));
    }

    void refusesOversizedPayload()
    {
        ChunkFrame c;
        QVERIFY(c.parse(ChunkFrame::build(0, 1, 0, 0, QByteArray(ChunkFrame::kMaxPayload, 'x'))));
        QVERIFY(!c.parse(ChunkFrame::build(0, 1, 0, 0, QByteArray(ChunkFrame::kMaxPayload + 1, 'x'))));
    }

    void refusesUnknownVersion()
    {
        QByteArray frame = ChunkFrame::build(0, 1, 0, 0, QByteArray("x"));
        frame[0] = 2;
        ChunkFrame c;
        QVERIFY(!c.parse(frame));
    }
};

QTEST_GUILESS_MAIN(TestChunkFrame)
#include "tst_chunkframe.moc"
