#pragma once

#include <QString>

// What the lading_resources library embeds. Linking it is enough: the resources register
// themselves at start-up (Qt's object-library propagation for static libraries).
namespace LadingResources {

// The application icon, an SVG: ":/icons/lading.svg".
QString appIconPath();

} // namespace LadingResources
