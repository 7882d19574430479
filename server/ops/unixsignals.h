#pragma once
// Turns SIGTERM/SIGINT/SIGHUP into Qt signals on the event loop (self-pipe: the handler only writes a byte).

#include <QObject>

class QSocketNotifier;

namespace intervox {

class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

signals:
    void terminate();  // SIGTERM, SIGINT
    void reload();     // SIGHUP

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace intervox
