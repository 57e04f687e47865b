#pragma once

#include <QByteArray>
#include <QList>

namespace image {

struct FileDiff;

// What to show of a FileDiff: kinds, noise, and path globs (see PathGlob). Applying it is a
// function of values; the GUI re-applies it as the person types, from the unfiltered diff.
struct FileDiffFilter
{
    bool added = true;
    bool removed = true;
    bool changed = true;        // false with the two above true: "only added/removed"
    bool hideMtimeOnly = true;  // paths differing only by mtime
    QList<QByteArray> includeGlobs; // empty: every path; else paths matching any
    QList<QByteArray> excludeGlobs; // paths matching any are dropped

    // "Only changed": neither added nor removed paths.
    static FileDiffFilter onlyChanged();
};

// The paths of `diff` that pass `filter`, in the same order, with collapsing and totals
// recomputed over what is left (bytesA/B and pathsA/B stay the trees'). mtime-only paths
// are still counted in totals.mtimeOnly when hidden; those the diff never listed count
// while no glob is set (their paths are not known).
FileDiff filtered(const FileDiff &diff, const FileDiffFilter &filter);

} // namespace image
