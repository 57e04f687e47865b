#pragma once

#include "roles.h"

#include <QIcon>

// The registry tree's icons, drawn by Lading itself so they look the same with or without
// an icon theme (the offscreen and Xvfb platforms have none).
namespace TreeIcons {

QIcon registry();
QIcon folder();
QIcon repository();
QIcon tag();
QIcon loading();
QIcon error();
QIcon information();

// The icon of a row: its kind, or for message rows the state of the node above it.
QIcon forNode(ModelRoles::NodeKind kind, ModelRoles::NodeState state);

} // namespace TreeIcons
