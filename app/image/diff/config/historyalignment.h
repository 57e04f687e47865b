#pragma once

#include "image/diff/config/configdiff.h"

#include <QList>

namespace oci {
struct HistoryEntry;
} // namespace oci

namespace image {

// The two histories side by side (see HistoryRow): the longest run of equal entries
// (created_by and empty_layer) in order, found after the common head and tail are cut off;
// the entries between two matches paired in order, the surplus on its own. Histories
// whose differing middles exceed 4M cell pairs are paired by position instead.
QList<HistoryRow> alignHistories(const QList<oci::HistoryEntry> &a,
                                 const QList<oci::HistoryEntry> &b);

} // namespace image
