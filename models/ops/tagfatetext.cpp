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

QString tagFateText(const ops::TagFate &fate)
{
    return fate.reason;
}
