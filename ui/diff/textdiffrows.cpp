#include "textdiffrows.h"

#include "image/diff/text/linediff.h"

#include <algorithm>

QList<TextDiffDisplayRow> layoutTextDiffRows(const image::LineDiff &diff,
                                             const TextDiffRowOptions &options)
{
    QList<TextDiffDisplayRow> out;
    const int total = int(diff.rows.size());
    out.reserve(total);
    const auto addLines = [&out](int from, int to) {
        for (int i = from; i < to; ++i)
            out.append({TextDiffDisplayRow::Type::Line, i, 0});
    };
    const bool fold = options.collapse && !diff.hunks.isEmpty();
    int row = 0;
    while (row < total) {
        if (diff.rows.at(row).kind != image::LineDiffRowKind::Equal) {
            out.append({TextDiffDisplayRow::Type::Line, row, 0});
            ++row;
            continue;
        }
        int end = row;
        while (end < total && diff.rows.at(end).kind == image::LineDiffRowKind::Equal)
            ++end;
        // Context after the change above and before the change below (none at the ends).
        const int keepTop = row > 0 ? options.context : 0;
        const int keepBottom = end < total ? options.context : 0;
        const int hidden = (end - row) - keepTop - keepBottom;
        const int foldStart = row + keepTop;
        if (fold && hidden >= std::max(1, options.minimumFold) &&
            !options.expanded.contains(foldStart)) {
            addLines(row, foldStart);
            out.append({TextDiffDisplayRow::Type::Fold, foldStart, hidden});
            addLines(foldStart + hidden, end);
        } else {
            addLines(row, end);
        }
        row = end;
    }
    return out;
}

int displayRowOf(const QList<TextDiffDisplayRow> &rows, int diffRow)
{
    // Display rows are in diff-row order: the last one starting at or before diffRow.
    const auto it = std::upper_bound(rows.cbegin(), rows.cend(), diffRow,
                                     [](int value, const TextDiffDisplayRow &r) {
                                         return value < r.diffRow;
                                     });
    if (it == rows.cbegin())
        return -1;
    const TextDiffDisplayRow &found = *(it - 1);
    const int last = found.type == TextDiffDisplayRow::Type::Fold
                         ? found.diffRow + found.foldCount - 1
                         : found.diffRow;
    return diffRow <= last ? int(it - rows.cbegin()) - 1 : -1;
}
