#pragma once
// The 16-byte header of a candidate audio chunk (docs/protocol.md), parsed without allocation.

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>

namespace intervox {

struct ChunkFrame
{
    static constexpr int kHeaderSize = 16;
    static constexpr int kMaxPayload = 256 * 1024;

    quint8 version = 0;
    quint8 flags = 0;
    quint16 segment = 0;
    quint32 answer = 0;
    quint32 seq = 0;
    quint32 crc = 0;
    const char *payload = nullptr;
    qint64 payloadSize = 0;

    // False if the frame is too short, too long or of an unknown version.
    bool parse(QByteArrayView frame)
    {
        if (frame.size() <= kHeaderSize || frame.size() > kHeaderSize + kMaxPayload)
            return false;
        const auto *p = reinterpret_cast<const uchar *>(frame.data());
        version = p[0];
        flags = p[1];
        segment = qFromBigEndian<quint16>(p + 2);
        answer = qFromBigEndian<quint32>(p + 4);
        seq = qFromBigEndian<quint32>(p + 8);
        crc = qFromBigEndian<quint32>(p + 12);
        payload = frame.data() + kHeaderSize;
        payloadSize = frame.size() - kHeaderSize;
        return version == 1;
    }

    static QByteArray build(quint16 segment, quint32 answer, quint32 seq, quint32 crc, const QByteArray &payload)
    {
        QByteArray f(kHeaderSize, '\0');
        auto *p = reinterpret_cast<uchar *>(f.data());
        p[0] = 1;
        qToBigEndian(segment, p + 2);
        qToBigEndian(answer, p + 4);
        qToBigEndian(seq, p + 8);
        qToBigEndian(crc, p + 12);
        return f + payload;
    }
};

} // namespace intervox
