// The candidate chunk frame header: parse() accepts exactly version-1 frames of 17 … 16 + 256 KiB bytes and
// never points outside the frame.
#include "session/chunkframe.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace intervox;
    // A copy of exactly `size` bytes, so ASan catches any read past the frame.
    QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    ChunkFrame c;
    const bool ok = c.parse(frame);
    const bool sizeOk = size > size_t(ChunkFrame::kHeaderSize) && size <= size_t(ChunkFrame::kHeaderSize + ChunkFrame::kMaxPayload);
    if (ok != (sizeOk && data[0] == 1))
        abort();
    if (ok) {
        if (c.payload != frame.constData() + ChunkFrame::kHeaderSize || c.payloadSize != qint64(size) - ChunkFrame::kHeaderSize)
            abort();
        volatile char sink = 0;
        for (qint64 i = 0; i < c.payloadSize; ++i)
            sink ^= c.payload[i];
        (void)sink;
    }
    return 0;
}
