#include "ladingresources.h"

namespace LadingResources {

QString appIconPath()
{
    return QStringLiteral(":/icons/lading.svg");
}

} // namespace LadingResources
