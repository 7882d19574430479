#include "socketpoller.h"

#include "core/log.h"

#include <QSocketNotifier>
#include <QThread>
#include <QThreadStorage>

#include <cerrno>
#include <sys/epoll.h>
#include <unistd.h>

namespace intervox {

SocketPoller *SocketPoller::forThisThread()
{
    static QThreadStorage<SocketPoller *> pollers;
    if (!pollers.hasLocalData())
        pollers.setLocalData(new SocketPoller);
    return pollers.localData();
}

SocketPoller::SocketPoller()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        qFatal("epoll_create1 failed");
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SocketPoller::dispatch);
}

SocketPoller::~SocketPoller()
{
    ::close(m_epoll);
}

void SocketPoller::watch(int fd, PollWatcher *watcher, bool read, bool write)
{
    epoll_event ev {};
    ev.events = (read ? uint32_t(EPOLLIN) : 0u) | (write ? uint32_t(EPOLLOUT) : 0u) | uint32_t(EPOLLRDHUP);
    ev.data.fd = fd;
    const bool known = m_watchers.contains(fd);
    if (::epoll_ctl(m_epoll, known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) != 0)
        qCWarning(lcHttp) << "epoll_ctl failed for fd" << fd << errno;
    m_watchers.insert(fd, watcher);
}

void SocketPoller::forget(int fd)
{
    if (m_watchers.remove(fd))
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
}

void SocketPoller::dispatch()
{
    epoll_event events[256];
    for (int round = 0; round < 8; ++round) {
        const int n = ::epoll_wait(m_epoll, events, 256, 0);
        for (int i = 0; i < n; ++i) {
            // Look the watcher up per event: handling an earlier event may have closed this socket.
            const int fd = events[i].data.fd;
            if (PollWatcher *w = m_watchers.value(fd)) {
                if (events[i].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
                    w->onReadable();
                if ((events[i].events & EPOLLOUT) && (w = m_watchers.value(fd)))
                    w->onWritable();
            }
        }
        if (n < 256)
            return;
    }
}

} // namespace intervox
