#pragma once

#include "oci/inspect/imagedetails.h"

#include <QHash>
#include <QList>
#include <QStringView>

namespace oci {

// Orders of a tag table, for `ladingctl tags --sort` and anyone else who sorts rows of
// TagDetails outside a model.
enum class TagSortKey {
    Name,    // natural order: "1.9" < "1.10", "v2" < "v10"
    Created, // newest first; rows without a date last
    Size,    // largest first; rows without a size last
};

// Natural comparison, locale-independent: runs of digits compare as numbers, the rest by
// code point; equal-valued runs with different zero padding ("01" / "1") tie-break last.
int naturalCompare(QStringView a, QStringView b);

// Sorts in place; ties (and rows missing the key) in natural name order.
void sortTagDetails(QList<TagDetails> &rows, TagSortKey key);

// How many of `rows` point at each digest (rows without details are not counted).
QHash<Digest, int> tagsPerDigest(const QList<TagDetails> &rows);

} // namespace oci
