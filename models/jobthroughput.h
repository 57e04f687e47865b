#pragma once

#include <QList>
#include <QtGlobal>

// Bytes per second over a sliding window of (time, bytes done) samples: the rate of the last
// few seconds, so a stalled transfer shows its speed falling instead of a lifetime average.
// A value type; the caller samples (JobsModel on its update tick) with its own clock.
class JobThroughput final
{
public:
    static constexpr qint64 DefaultWindowMs = 3000;
    // Less than this much time between the oldest and newest sample says nothing yet.
    static constexpr qint64 MinimumSpanMs = 400;

    explicit JobThroughput(qint64 windowMs = DefaultWindowMs) : m_windowMs(windowMs) {}

    // `bytes` is the running total done. A total that goes down (a new phase counting from
    // zero) starts the window over.
    void addSample(qint64 nowMs, qint64 bytes);
    void reset() { m_samples.clear(); }
    bool isEmpty() const { return m_samples.isEmpty(); }

    // -1 while unknown (too few samples).
    double bytesPerSecond() const;
    // Whole seconds (rounded up) until `remaining` more bytes are done at this rate; -1 when
    // the rate is unknown or zero.
    qint64 secondsLeft(qint64 remaining) const;

private:
    struct Sample
    {
        qint64 ms;
        qint64 bytes;
    };
    QList<Sample> m_samples; // oldest first; the first may be older than the window (its edge)
    qint64 m_windowMs;
};
