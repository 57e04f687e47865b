#pragma once

// How long the thread's event loop went without running, measured while it runs: the
// gaps between the ticks of a 5 ms timer. Printed by the stall benchmarks (the GUI never
// stalls; goal ≤ 50 ms), never asserted: a loaded machine stretches every gap.
//
//     StallProbe probe;                 // ticking from now on, while the event loop runs
//     ... run the work under an event loop (testsupport::waitFor, not QTRY_*) ...
//     qInfo("longest stall: %lld ms", probe.longest());
//
// With each gap it takes the thread's CPU time over it: a long gap with little CPU is the
// scheduler's (the thread was runnable but not running), not work done on the thread.

#include <QElapsedTimer>
#include <QTimer>

class StallProbe final
{
    Q_DISABLE_COPY_MOVE(StallProbe)

public:
    static constexpr int TickMs = 5;

    StallProbe();

    qint64 longest() const { return m_longest; } // ms
    // When the longest gap ended, in ms since the first tick.
    qint64 longestEndedAt() const { return m_longestEndedAt; }
    int gapsOver(qint64 ms) const;
    // The thread's CPU time within the longest gap.
    double longestCpuMs() const { return m_longestCpu / 1000.0; }
    // The most CPU time the thread spent between two ticks: its own longest stall.
    double busiestMs() const { return m_busiest / 1000.0; }

private:
    void onTick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    QElapsedTimer m_since;
    QList<qint64> m_gaps;
    qint64 m_longest = 0;
    qint64 m_longestEndedAt = 0;
    qint64 m_longestCpu = 0; // µs
    qint64 m_lastCpu = 0;    // µs
    qint64 m_busiest = 0;    // µs
};
