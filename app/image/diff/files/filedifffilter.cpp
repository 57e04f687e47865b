#include "image/diff/files/filedifffilter.h"

#include "image/diff/files/filediff.h"
#include "image/diff/files/filediffentries.h"
#include "image/diff/files/pathglob.h"

namespace image {

namespace {

std::vector<PathGlob> compile(const QList<QByteArray> &patterns)
{
    std::vector<PathGlob> globs;
    for (const QByteArray &pattern : patterns) {
        PathGlob glob(pattern);
        if (!glob.isEmpty())
            globs.push_back(std::move(glob));
    }
    return globs;
}

bool anyMatches(const std::vector<PathGlob> &globs, QByteArrayView path)
{
    for (const PathGlob &glob : globs) {
        if (glob.matches(path))
            return true;
    }
    return false;
}

} // namespace

FileDiffFilter FileDiffFilter::onlyChanged()
{
    FileDiffFilter filter;
    filter.added = false;
    filter.removed = false;
    return filter;
}

FileDiff filtered(const FileDiff &diff, const FileDiffFilter &filter)
{
    const std::vector<PathGlob> include = compile(filter.includeGlobs);
    const std::vector<PathGlob> exclude = compile(filter.excludeGlobs);

    FileDiff out;
    out.layersA = diff.layersA;
    out.layersB = diff.layersB;
    out.totals = diff.totals;
    // Unlisted mtime-only paths have no path to match a glob against.
    const bool globs = !include.empty() || !exclude.empty();
    out.unlistedMtimeOnly = globs || !filter.changed ? 0 : diff.unlistedMtimeOnly;

    for (const FileChange &change : diff.entries) {
        const bool shownKind = change.kind == FileChangeKind::Added  ? filter.added
                               : change.kind == FileChangeKind::Removed ? filter.removed
                                                                        : filter.changed;
        if (!shownKind)
            continue;
        if (!include.empty() && !anyMatches(include, change.path))
            continue;
        if (anyMatches(exclude, change.path))
            continue;
        if (filter.hideMtimeOnly && change.isMtimeOnly()) {
            ++out.unlistedMtimeOnly; // still counted
            continue;
        }
        out.entries.append(change);
    }
    filediff::summarize(out);
    return out;
}

} // namespace image
