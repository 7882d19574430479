#pragma once
// Shared by the app's command-line tools (screenshots, list benchmark): run the event loop until something holds.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <functional>

// Processes events until `condition` holds or `ms` have passed; false on timeout.
inline bool waitFor(const std::function<bool()> &condition, int ms = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

// Prints "<tool>: <what>" to stderr and returns the exit code 1.
inline int fail(const char *tool, const QString &what)
{
    QTextStream(stderr) << tool << ": " << what << Qt::endl;
    return 1;
}
