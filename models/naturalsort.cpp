#include "naturalsort.h"

#include <QLocale>

namespace {

QLocale collationLocale()
{
    const QLocale system;
    return system.language() == QLocale::C ? QLocale(QLocale::English) : system;
}

} // namespace

NaturalLess::NaturalLess() : m_collator(collationLocale())
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

int NaturalLess::compare(const QString &a, const QString &b) const
{
    const int byCollator = m_collator.compare(a, b);
    if (byCollator != 0)
        return byCollator;
    return a.compare(b);
}

bool NaturalLess::operator()(const QString &a, const QString &b) const
{
    return compare(a, b) < 0;
}
