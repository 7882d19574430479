#include "sessiondb.h"

#include "core/log.h"
#include "core/workerthreads.h"
#include "storage/database.h"

#include <QHash>
#include <QMetaObject>
#include <QPointer>

#include <exception>
#include <optional>

namespace intervox {

namespace {
constexpr size_t kMaxQueuedPerLane = 10000;
}

SessionDb::SessionDb(Database *db, int lanes, QObject *home) : m_db(db), m_home(home)
{
    // At the event loop's priority (unlike the API's threads): each step is a few short statements that a
    // candidate waits for; at nice 10, saves of 3,000 answers that ended together lagged behind the acks.
    for (int i = 0; i < qMax(1, lanes); ++i)
        m_lanes.push_back(std::make_unique<WorkerThreads>(QStringLiteral("session-db-%1").arg(i), 1, kMaxQueuedPerLane,
                                                          [db] { db->releaseThreadConnection(); }, true));
}

SessionDb::~SessionDb()
{
    stop();
}

quint32 SessionDb::laneKey(const QString &tokenHash)
{
    return quint32(qHash(tokenHash));
}

void SessionDb::run(quint32 key, QObject *context, std::function<void(Database &)> work, std::function<void(const ApiError *)> done)
{
    // Posted to `home` (alive until stop() returned), and only there asked whether `context` still exists: the
    // event loop may delete a socket at any moment, and posting to a deleted object would touch freed memory.
    const auto reply = [home = m_home, context = QPointer<QObject>(context), done](std::optional<ApiError> error) {
        QMetaObject::invokeMethod(
            home, [context, done, error] {
                if (context)
                    done(error ? &*error : nullptr);
            },
            Qt::QueuedConnection);
    };
    if (m_lanes.empty()) {
        reply(ApiError{ErrorCode::Unavailable, QStringLiteral("the server is shutting down"), {}});
        return;
    }
    WorkerThreads &lane = *m_lanes[key % m_lanes.size()];
    const bool queued = lane.post([db = m_db, work = std::move(work), reply] {
        std::optional<ApiError> error;
        try {
            work(*db);
        } catch (const ApiException &e) {
            error = e.error;
        } catch (const std::exception &e) {
            qCCritical(lcSession) << "session database work failed:" << e.what();
            error = ApiError::internal();
        }
        reply(std::move(error));
    });
    if (!queued)
        reply(ApiError{ErrorCode::Unavailable, QStringLiteral("the server is busy; try again shortly"), {}});
}

void SessionDb::stop()
{
    for (auto &lane : m_lanes)
        lane->stop();
    m_lanes.clear();
}

} // namespace intervox
