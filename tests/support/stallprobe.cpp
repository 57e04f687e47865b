#include "stallprobe.h"

#include <algorithm>

#include <time.h>

namespace {

qint64 threadCpuUs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

} // namespace

StallProbe::StallProbe()
{
    m_timer.setInterval(TickMs);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { onTick(); });
    m_timer.start();
}

int StallProbe::gapsOver(qint64 ms) const
{
    return int(std::count_if(m_gaps.cbegin(), m_gaps.cend(), [ms](qint64 gap) { return gap > ms; }));
}

void StallProbe::onTick()
{
    const qint64 cpu = threadCpuUs();
    if (m_clock.isValid()) {
        const qint64 gap = m_clock.restart();
        m_busiest = qMax(m_busiest, cpu - m_lastCpu);
        if (gap > m_longest) {
            m_longest = gap;
            m_longestCpu = cpu - m_lastCpu;
            m_longestEndedAt = m_since.elapsed();
        }
        if (gap > 2 * TickMs) // the rest are ticks on time
            m_gaps << gap;
    } else {
        m_clock.start();
        m_since.start();
    }
    m_lastCpu = cpu;
}
