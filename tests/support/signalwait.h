#pragma once

// Waiting in a test for a condition that a signal announces, with a real event loop.
//
//     QVERIFY(testsupport::waitFor(&model, &JobsModel::jobStateChanged,
//                                  [&] { return model.state(0) != JobsModel::State::Running; },
//                                  120000));
//
// Why not QTRY_VERIFY: QTest::qWait, which it polls with, processes events and then sleeps
// 10 ms, over and over; a network transfer only moves while events are processed, so an
// upload under a QTRY_* wait crawls (about 2 MiB/s here) and a push test takes minutes.

#include <QEventLoop>
#include <QObject>
#include <QTimer>

namespace testsupport {

// Runs an event loop until `done()` holds: checked at once, then each time `sender` emits
// `signal`. False when `timeoutMs` passed first (or `sender` was destroyed) and done() is
// still false.
template<typename Sender, typename Signal, typename Done>
bool waitFor(const Sender *sender, Signal signal, Done done, int timeoutMs)
{
    if (done())
        return true;
    if (!sender)
        return false;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(sender, signal, &loop, [&] {
        if (done())
            loop.quit();
    });
    QObject::connect(sender, &QObject::destroyed, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    return done();
}

// Runs an event loop for `ms` milliseconds (QTest::qWait sleeps between its rounds; this
// does not, so what runs meanwhile runs at full speed).
inline void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace testsupport
