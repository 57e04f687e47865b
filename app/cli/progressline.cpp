#include "progressline.h"

#include <QLocale>

#include <cstdio>
#include <unistd.h>

namespace cli {

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

ProgressLine::ProgressLine() : m_terminal(::isatty(STDERR_FILENO) == 1)
{
    m_clock.start();
}

void ProgressLine::restart()
{
    m_clock.restart();
}

void ProgressLine::show(const QString &phase, qint64 done, qint64 total, bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!force && m_lastPrint >= 0 && now - m_lastPrint < 200)
        return;
    m_lastPrint = now;
    QString line = total > 0 ? QStringLiteral("%1 %2 of %3").arg(phase, sizeText(done), sizeText(total))
                             : phase;
    if (total > 0 && now > 500 && done > 0) {
        const double rate = double(done) * 1000.0 / double(now);
        line += QStringLiteral(", %1/s").arg(sizeText(qint64(rate)));
        if (rate > 0 && total > done)
            line += QStringLiteral(", about %1 s left").arg(qint64((total - done) / rate) + 1);
    }
    if (m_terminal) {
        std::fprintf(stderr, "\r\033[K%s", qUtf8Printable(line));
        std::fflush(stderr);
    } else if (force) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(line));
    }
}

void ProgressLine::clear()
{
    if (m_terminal)
        std::fputs("\r\033[K", stderr);
}

} // namespace cli
