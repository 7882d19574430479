#pragma once
// The candidate sessions' database work, off the event loop that acks audio. Work runs on a few "lanes",
// each a thread with its own database connection; everything of one invite (its hello, the state machine's
// writes, the save of its answers) goes to the same lane, so it runs in the order the event loop asked for it,
// and the result comes back to the event loop in that order too. A remote PostgreSQL's round trips or a
// database under load then delay that session's next step, never another candidate's acks.

#include "core/error.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace intervox {

class Database;
class WorkerThreads;

class SessionDb
{
public:
    // `lanes` threads (config: session_db_threads), each opening its own connection on first use. Results are
    // posted to `home`'s thread; `home` must outlive stop().
    SessionDb(Database *db, int lanes, QObject *home);
    ~SessionDb();
    SessionDb(const SessionDb &) = delete;
    SessionDb &operator=(const SessionDb &) = delete;

    // The lane of an invite, from its token hash (known at hello, before any row is read).
    static quint32 laneKey(const QString &tokenHash);

    // Runs `work` on lane `key` with that thread's connection, then `done` on `context`'s thread: with nullptr,
    // or with the error `work` threw (ApiException; anything else becomes `internal`). `done` is dropped if
    // `context` is deleted meanwhile. A lane that has 10,000 tasks waiting refuses more (`unavailable`).
    void run(quint32 key, QObject *context, std::function<void(Database &)> work, std::function<void(const ApiError *)> done);

    // Lets queued work finish, then ends the threads (before the database closes).
    void stop();

private:
    Database *m_db;
    QObject *m_home;
    std::vector<std::unique_ptr<WorkerThreads>> m_lanes;
};

} // namespace intervox
