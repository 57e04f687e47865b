#pragma once

// Shared by diffFilesystems() and filtered(): tree order, collapsing and totals over a list
// of changes. Internal to app/image/diff/files.

#include <QByteArrayView>

namespace image {

struct FileDiff;
struct FileSide;

namespace filediff {

// Tree order: a directory right before its contents ('/' sorts before every other byte).
bool treeLess(QByteArrayView a, QByteArrayView b);

// Recomputes each entry's collapsedInto/Count/Bytes and totals' listed counts and bytes
// from `diff.entries` (in tree order) and diff.unlistedMtimeOnly. O(entries).
void summarize(FileDiff &diff);

// Regular-file bytes a side adds to a total: hardlinks are not counted again.
qint64 countedBytes(const FileSide &side);

} // namespace filediff
} // namespace image
