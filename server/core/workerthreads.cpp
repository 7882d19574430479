#include "workerthreads.h"

#include <QThread>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace intervox {

WorkerThreads::WorkerThreads(const QString &name, int threads, size_t maxQueued, std::function<void()> atExit, bool sameAsEventLoop)
    : m_atExit(std::move(atExit)), m_sameAsEventLoop(sameAsEventLoop), m_maxQueued(maxQueued)
{
    for (int i = 0; i < threads; ++i) {
        std::unique_ptr<QThread> thread(QThread::create([this] { run(); }));
        thread->setObjectName(QStringLiteral("%1-%2").arg(name).arg(i));
        thread->start();
        m_threads.push_back(std::move(thread));
    }
}

void WorkerThreads::yieldToEventLoop()
{
    // nice 10: about a tenth of the event loop's share of a busy CPU.
    ::setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), 10);
}

WorkerThreads::~WorkerThreads()
{
    stop();
}

bool WorkerThreads::post(std::function<void()> task)
{
    QMutexLocker lock(&m_lock);
    if (m_stopping || m_queue.size() >= m_maxQueued)
        return false;
    m_queue.push_back(std::move(task));
    m_wake.wakeOne();
    return true;
}

void WorkerThreads::stop()
{
    {
        QMutexLocker lock(&m_lock);
        m_stopping = true;
        m_wake.wakeAll();
    }
    for (auto &thread : m_threads)
        thread->wait();
    m_threads.clear();
}

void WorkerThreads::run()
{
    if (!m_sameAsEventLoop)
        yieldToEventLoop();
    for (;;) {
        std::function<void()> task;
        {
            QMutexLocker lock(&m_lock);
            while (m_queue.empty() && !m_stopping)
                m_wake.wait(&m_lock);
            if (m_queue.empty())
                break; // stopping, and nothing left to do
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        task();
    }
    if (m_atExit)
        m_atExit();
}

} // namespace intervox
