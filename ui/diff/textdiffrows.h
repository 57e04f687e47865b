#pragma once

#include <QList>
#include <QSet>

namespace image {
struct LineDiff;
}

// What the side-by-side view shows, top to bottom: the line diff's rows, with long runs of
// unchanged lines folded into one "⋯ 120 unchanged lines" row that expands on a click.
struct TextDiffDisplayRow
{
    enum class Type : quint8 { Line, Fold };
    Type type = Type::Line;
    int diffRow = 0;   // Line: the row in LineDiff::rows; Fold: the first row it hides
    int foldCount = 0; // Fold: how many rows it hides
};

struct TextDiffRowOptions
{
    bool collapse = true;
    int context = 3;     // unchanged rows kept next to each change
    int minimumFold = 4; // fewer hidden rows than this are shown instead
    QSet<int> expanded;  // folds opened, by their first hidden diff row
};

// Rows in order; with no change at all nothing is folded (there would be nothing to show).
QList<TextDiffDisplayRow> layoutTextDiffRows(const image::LineDiff &diff,
                                             const TextDiffRowOptions &options);

// The display row showing diff row `diffRow` (or the fold hiding it); -1 when out of range.
int displayRowOf(const QList<TextDiffDisplayRow> &rows, int diffRow);
