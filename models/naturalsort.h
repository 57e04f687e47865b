#pragma once

#include <QCollator>
#include <QString>

// Orders names the way people expect: "v2" before "v10", "1.9" before "1.10", letters by
// the user's locale (English when the locale is "C"). Ties that the collator considers
// equal fall back to code-point order so the order is total.
class NaturalLess final
{
public:
    NaturalLess();
    bool operator()(const QString &a, const QString &b) const;
    int compare(const QString &a, const QString &b) const;

private:
    QCollator m_collator;
};
