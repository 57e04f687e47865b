#include "image/fs/wastereport.h"

#include "image/layer/pathtable.h"


#include <algorithm>
#include <vector>

namespace image {

namespace {

struct DivePath
{
    qint64 cumulative = 0;
    qint64 minimum = -1;
    int layers = 0;
};

} // namespace

WasteReport WasteReport::compute(const MergedFilesystem &fs)
{
    WasteReport report;

    // Content that survives: every regular file and hardlink of the final tree, once.
    // Per layer and entry: plain vectors, no hashing.
    std::vector<std::vector<char>> surviving(size_t(fs.layerCount()));
    std::vector<std::vector<qint32>> removal(size_t(fs.layerCount()));
    for (int n = 0; n < fs.layerCount(); ++n) {
        surviving[size_t(n)].assign(size_t(fs.layer(n).size()), 0);
        removal[size_t(n)].assign(size_t(fs.layer(n).size()), -1);
    }
    for (int i = 0; i < fs.size(); ++i) {
        const MergedNode &node = fs.node(i);
        if (node.contentLayer >= 0)
            surviving[size_t(node.contentLayer)][size_t(node.contentEntry)] = 1;
    }
    report.visibleBytes = fs.visibleBytes();

    // Who removed what, for the regular files that did not survive.
    const QList<Removal> &removals = fs.removals();
    for (qsizetype r = 0; r < removals.size(); ++r) {
        if (removals[r].entry >= 0)
            removal[size_t(removals[r].layer)][size_t(removals[r].entry)] = qint32(r);
    }

    PathTable pathSlot;
    PathTable diveSlot;
    std::vector<DivePath> dive;
    qint64 userBytes = 0;
    for (int n = 0; n < fs.layerCount(); ++n) {
        const LayerIndex &index = fs.layer(n);
        for (int i = 0; i < index.size(); ++i) {
            const LayerEntry &e = index.at(i);
            const QByteArrayView path = index.path(i);
            if (e.type == EntryType::Regular) {
                report.totalBytes += e.size;
                if (n > 0)
                    userBytes += e.size;
                if (!surviving[size_t(n)][size_t(i)]) {
                    WastedCopy copy;
                    copy.layer = n;
                    copy.entry = i;
                    copy.bytes = e.size;
                    if (const qint32 r = removal[size_t(n)][size_t(i)]; r >= 0) {
                        copy.removedBy = removals[r].removedBy;
                        copy.reason = removals[r].reason;
                    }
                    int slot = pathSlot.value(path, -1);
                    if (slot < 0) {
                        slot = int(report.paths.size());
                        pathSlot.insert(path, slot);
                        report.paths.append(WastedPath{path.toByteArray(), 0, {}});
                    }
                    WastedPath &wasted = report.paths[slot];
                    wasted.wastedBytes += copy.bytes;
                    wasted.copies.append(copy);
                }
            }
            // dive: every non-directory path per layer (a whiteout sized by what it hid).
            if (e.type == EntryType::Directory || e.type == EntryType::Opaque
                || e.has(Superseded) || e.has(InvalidWhiteout))
                continue;
            const qint64 size =
                e.type == EntryType::Whiteout ? fs.hiddenBytes(n, i) : e.size;
            int slot = diveSlot.value(path, -1);
            if (slot < 0) {
                slot = int(dive.size());
                diveSlot.insert(path, slot);
                dive.emplace_back();
            }
            DivePath &p = dive[size_t(slot)];
            p.cumulative += size;
            p.minimum = p.minimum < 0 ? size : qMin(p.minimum, size);
            ++p.layers;
        }
    }
    report.wastedBytes = report.totalBytes - report.visibleBytes;
    report.efficiency =
        report.totalBytes > 0 ? double(report.visibleBytes) / double(report.totalBytes) : 1.0;
    std::sort(report.paths.begin(), report.paths.end(),
              [](const WastedPath &a, const WastedPath &b) {
                  if (a.wastedBytes != b.wastedBytes)
                      return a.wastedBytes > b.wastedBytes;
                  return a.path < b.path;
              });

    qint64 minimumSum = 0;
    qint64 cumulativeSum = 0;
    for (const DivePath &p : dive) {
        minimumSum += p.minimum;
        cumulativeSum += p.cumulative;
        if (p.layers >= 2)
            report.dive.wastedBytes += p.cumulative;
    }
    report.dive.score = cumulativeSum > 0 ? double(minimumSum) / double(cumulativeSum) : 1.0;
    report.dive.wastedUserPercent =
        userBytes > 0 ? 100.0 * double(report.dive.wastedBytes) / double(userBytes) : 0.0;
    return report;
}

} // namespace image
