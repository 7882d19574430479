// The WebSocket frame parser on a real (socketpair) connection: the first part of the input arrives with the
// upgrade, the rest in a later read, so partial frames are carried over between reads as on the network.
// Handlers that close or abort the connection from inside a callback are exercised too.
#include "http/socketpoller.h"
#include "http/websocket.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>
#include <sys/socket.h>
#include <unistd.h>

namespace {
using namespace intervox;

class Handler : public WebSocketHandler
{
public:
    WebSocketConnection *ws = nullptr;
    int mode = 0;
    bool closed = false;
    void onText(QByteArrayView utf8) override
    {
        volatile char sink = 0;
        for (char c : utf8)
            sink ^= c;
        (void)sink;
        if (mode == 1)
            ws->close(4000, "fuzz");
        else if (mode == 2)
            ws->abort();
        else
            ws->sendText(utf8);
    }
    void onBinary(QByteArrayView data) override
    {
        if (mode == 2)
            ws->abort();
        else
            ws->sendBinary(data.first(qMin<qsizetype>(data.size(), 64)));
    }
    void onClosed() override
    {
        if (closed)
            abort(); // onClosed must come once
        closed = true;
    }
};
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int mode = data[0] % 3;
    const size_t split = size_t(data[1]) * (size - 2) / 255;
    const char *bytes = reinterpret_cast<const char *>(data + 2);
    const size_t n = size - 2;

    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
        abort();
    Handler handler;
    auto *ws = new WebSocketConnection(fds[0], QByteArray(bytes, qsizetype(split)), 4096);
    handler.ws = ws;
    handler.mode = mode;
    ws->setHandler(&handler);
    ws->start();
    if (n > split && !handler.closed) {
        // The rest arrives in the next read, as a separate segment would.
        if (::write(fds[1], bytes + split, n - split) < 0)
            abort();
        static_cast<PollWatcher *>(ws)->onReadable();
    }
    delete ws;
    ::close(fds[1]);
    return 0;
}
