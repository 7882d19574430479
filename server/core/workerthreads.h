#pragma once
// A fixed set of threads that run posted tasks in order of arrival, for work that must not run on the event
// loop (the recruiter API's reads, each on the thread's own database connection). Threads live until stop(),
// so per-thread resources (database connections) are made once and released in the thread that made them.

#include <QMutex>
#include <QString>
#include <QWaitCondition>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace intervox {

class WorkerThreads
{
public:
    // `atExit` runs in each thread just before it ends (e.g. Database::releaseThreadConnection). Unless
    // `sameAsEventLoop`, the threads run below the event loop's priority (yieldToEventLoop()).
    WorkerThreads(const QString &name, int threads, size_t maxQueued, std::function<void()> atExit = {}, bool sameAsEventLoop = false);

    // Lowers the calling thread's CPU weight (Linux: each thread has its own nice value; Qt's LowPriority does
    // nothing for normal threads there), so background work never competes as an equal with the event loop.
    static void yieldToEventLoop();
    ~WorkerThreads();
    WorkerThreads(const WorkerThreads &) = delete;
    WorkerThreads &operator=(const WorkerThreads &) = delete;

    // False (and `task` dropped) when maxQueued tasks are waiting already, or after stop().
    bool post(std::function<void()> task);
    // Lets the queued tasks finish, then joins the threads.
    void stop();

private:
    void run();
    std::function<void()> m_atExit;
    const bool m_sameAsEventLoop;
    const size_t m_maxQueued;
    std::vector<std::unique_ptr<QThread>> m_threads;
    QMutex m_lock;
    QWaitCondition m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
};

} // namespace intervox
