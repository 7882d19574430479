#pragma once
// Readiness of many sockets through one epoll set, itself watched by a single QSocketNotifier.
// Qt's event dispatcher polls every notifier's fd on every loop iteration (poll(2) is O(sockets));
// with thousands of candidates streaming that cost more CPU than storing their audio.

#include <QHash>
#include <QObject>

class QSocketNotifier;

namespace intervox {

class PollWatcher
{
public:
    virtual ~PollWatcher() = default;
    virtual void onReadable() = 0;
    virtual void onWritable() = 0;
};

class SocketPoller : public QObject
{
    Q_OBJECT
public:
    static SocketPoller *forThisThread();
    ~SocketPoller() override;

    void watch(int fd, PollWatcher *watcher, bool read, bool write);
    void forget(int fd);

private:
    SocketPoller();
    void dispatch();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, PollWatcher *> m_watchers;
};

} // namespace intervox
