#include "ops/tagfatetext.h"

#include "ops/deleteplan.h"

#include <QCoreApplication>

QString tagFateName(int fate)
{
    switch (ops::TagFate::Fate(fate)) {
    case ops::TagFate::Fate::Deleted:
        return QCoreApplication::translate("TagFate", "Deleted");
    case ops::TagFate::Fate::Kept:
        return QCoreApplication::translate("TagFate", "Kept");
    case ops::TagFate::Fate::Protected:
        return QCoreApplication::translate("TagFate", "Protected");
    }
    return {};
}

namespace {

// "'a'", "'a' und 'b'", "'a', 'b' und 'c'"
QString translatedList(const QStringList &items)
{
    if (items.size() < 2)
        return items.value(0);
    const QString head = items.sliced(0, items.size() - 1)
                             .join(QCoreApplication::translate("TagFate", ", ", "between list items"));
    return QCoreApplication::translate("TagFate", "%1 and %2", "the last two of a list")
        .arg(head, items.last());
}

} // namespace

QString tagFateText(const ops::TagFate &fate)
{
    if (fate.reasons.isEmpty())
        return fate.reason;
    QStringList sentences;
    for (const ops::TagReason &sentence : fate.reasons) {
        sentences << sentence.fill(QCoreApplication::translate("TagFate", sentence.sourceText()),
                                   &translatedList);
    }
    return sentences.join(u' ');
}
