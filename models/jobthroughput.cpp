#include "jobthroughput.h"

#include <cmath>

void JobThroughput::addSample(qint64 nowMs, qint64 bytes)
{
    if (!m_samples.isEmpty() &&
        (bytes < m_samples.constLast().bytes || nowMs < m_samples.constLast().ms))
        m_samples.clear();
    if (!m_samples.isEmpty() && m_samples.constLast().ms == nowMs)
        m_samples.last().bytes = bytes;
    else
        m_samples.append({nowMs, bytes});
    // Keep one sample at or before the window's start, so the span covers the whole window.
    const qint64 edge = nowMs - m_windowMs;
    qsizetype drop = 0;
    while (drop + 1 < m_samples.size() && m_samples.at(drop + 1).ms <= edge)
        ++drop;
    if (drop > 0)
        m_samples.remove(0, drop);
}

double JobThroughput::bytesPerSecond() const
{
    if (m_samples.size() < 2)
        return -1;
    const Sample &first = m_samples.constFirst();
    const Sample &last = m_samples.constLast();
    const qint64 span = last.ms - first.ms;
    if (span < MinimumSpanMs)
        return -1;
    return double(last.bytes - first.bytes) * 1000.0 / double(span);
}

qint64 JobThroughput::secondsLeft(qint64 remaining) const
{
    const double rate = bytesPerSecond();
    if (rate <= 0)
        return -1;
    if (remaining <= 0)
        return 0;
    return qint64(std::ceil(double(remaining) / rate));
}
