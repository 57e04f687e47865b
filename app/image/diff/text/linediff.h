#pragma once

#include <QByteArrayView>
#include <QList>
#include <QStringList>

namespace image {

// A line diff of two texts for a side-by-side view (issue 7: "a changed text file opens as
// a side-by-side text diff"). Myers' O(ND) greedy algorithm over interned lines, after the
// common head and tail are cut off; past `LineDiffOptions::maxWork` steps the middle is
// answered coarsely as one replaced block (`coarse` says so). Values only: the GUI runs
// diffTexts() on a worker and paints `rows`.
//
//     const image::LineDiff d = image::diffTexts(oldBytes, newBytes);
//     if (d.binary) showSizesAndHashes();
//     for (const image::LineDiffRow &r : d.rows)
//         paint(r.leftLine >= 0 ? d.leftLines[r.leftLine] : gap, ...);

enum class LineDiffRowKind : quint8 {
    Equal,   // the same line on both sides
    Removed, // only on the left (a gap on the right)
    Added,   // only on the right (a gap on the left)
    Changed, // a removed line paired with an added one; see leftChange/rightChange
};

// Characters [start, start + length) of a line (UTF-16 units of the QString in
// leftLines/rightLines). length 0: nothing to emphasize (e.g. only the other side grew).
struct CharRange
{
    qsizetype start = 0;
    qsizetype length = 0;
    bool operator==(const CharRange &) const = default;
};

struct LineDiffRow
{
    LineDiffRowKind kind = LineDiffRowKind::Equal;
    int leftLine = -1;  // index into LineDiff::leftLines, -1 for a gap
    int rightLine = -1; // index into LineDiff::rightLines, -1 for a gap
    CharRange leftChange;  // Changed rows: what differs within the line
    CharRange rightChange;
};

// A run of consecutive non-Equal rows: what "next change" jumps to.
struct LineDiffHunk
{
    int firstRow = 0;
    int rowCount = 0;
    int leftStart = 0;  // first left line of the hunk (or where it would be inserted)
    int leftCount = 0;
    int rightStart = 0;
    int rightCount = 0;
};

enum class LineEnding : quint8 {
    None,  // no line break at all (empty, or a single line without one)
    Lf,
    CrLf,
    Mixed, // both kinds appear
};

struct LineDiffOptions
{
    // Steps of the O(ND) search (diagonals tried plus matching lines followed) before the
    // middle is given up as one replaced block. The search keeps one int per step tried,
    // so this also caps memory (10M steps: at most 40 MB, ~0.1 s).
    qint64 maxWork = 10'000'000;
    // Whether "a\r\n" and "a\n" count as the same line (the difference is still reported
    // in leftEnding/rightEnding).
    bool ignoreLineEndings = true;
};

struct LineDiff
{
    // Either side holds a NUL byte: not compared line by line (no lines, no rows).
    bool binary = false;
    bool leftBinary = false;
    bool rightBinary = false;
    // The search gave up (see LineDiffOptions::maxWork): the part between the common head
    // and tail is one replaced block, paired line by line, rather than a minimal diff.
    bool coarse = false;

    QStringList leftLines;  // UTF-8 decoded, without their line breaks
    QStringList rightLines;
    LineEnding leftEnding = LineEnding::None;
    LineEnding rightEnding = LineEnding::None;
    // The last line has no line break after it (a text that does not end in a newline).
    bool leftMissingFinalNewline = false;
    bool rightMissingFinalNewline = false;

    QList<LineDiffRow> rows;
    QList<LineDiffHunk> hunks;
    int equalRows = 0;
    int removedRows = 0;
    int addedRows = 0;
    int changedRows = 0;
    qint64 work = 0; // steps the search took (for tests and benchmarks)

    // No line differs (line endings and the final newline may still; see below).
    bool linesEqual() const { return !binary && hunks.isEmpty(); }
    bool lineEndingsDiffer() const;
    bool finalNewlineDiffers() const
    {
        return leftMissingFinalNewline != rightMissingFinalNewline;
    }
    // Byte-for-byte the same as far as the diff can tell.
    bool identical() const
    {
        return linesEqual() && !lineEndingsDiffer() && !finalNewlineDiffers();
    }
};

// True when `bytes` holds a NUL byte (how git and diff tell binary from text).
bool looksBinary(QByteArrayView bytes);

LineDiff diffTexts(QByteArrayView left, QByteArrayView right, const LineDiffOptions &options = {});

// The changed middle of two lines after their common prefix and suffix, as the ranges of
// each (a cheap within-line diff: one range per side).
void changedCharacters(QStringView left, QStringView right, CharRange *leftRange,
                       CharRange *rightRange);

} // namespace image
