// The HTTP request-head parser: any bytes give a parsed head or a refusal with a 4xx/505 status, never a
// crash, and a parsed head obeys what the parser promises.
#include "http/requestparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace intervox;
    const RequestHead head = parseRequestHead(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (head.errorStatus) {
        if (head.errorStatus != 400 && head.errorStatus != 431 && head.errorStatus != 505)
            abort();
        return 0;
    }
    if (head.method.isEmpty() || !head.path.startsWith(QLatin1Char('/')) || head.contentLength < 0)
        abort();
    int lengths = 0;
    for (const auto &h : head.headers) {
        if (h.first != h.first.toLower() || h.first.isEmpty() || h.first == "transfer-encoding")
            abort();
        if (h.second.contains('\r') || h.second.contains('\n') || h.second.contains('\0'))
            abort();
        lengths += h.first == "content-length";
    }
    if (lengths > 1)
        abort();
    return 0;
}
