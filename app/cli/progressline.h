#pragma once

#include <QElapsedTimer>
#include <QString>

namespace cli {

// "sending 12.3 MB of 40.1 MB, 9.8 MB/s, about 3 s left" on standard error: redrawn in
// place at most five times a second on a terminal; elsewhere only the forced lines (phase
// changes), one a line, so logs stay short.
class ProgressLine final
{
public:
    ProgressLine();

    bool isTerminal() const { return m_terminal; }
    // A new phase: its rate counts from now.
    void restart();
    // `total` <= 0: the phase alone, no byte count.
    void show(const QString &phase, qint64 done, qint64 total, bool force = false);
    // Clears the line on a terminal (before the result is printed).
    void clear();

private:
    QElapsedTimer m_clock;
    qint64 m_lastPrint = -1;
    bool m_terminal = false;
};

// "12.3 MB" (SI units, the C locale: output for scripts and logs).
QString sizeText(qint64 bytes);

} // namespace cli
