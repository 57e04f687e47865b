#include "image/fs/wastereport.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace image {

namespace {

qint64 key(qint32 layer, qint32 entry)
{
    return (qint64(layer) << 32) | quint32(entry);
}

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
    QSet<qint64> surviving;
    for (int i = 0; i < fs.size(); ++i) {
        const MergedNode &node = fs.node(i);
        if (node.contentLayer >= 0)
            surviving.insert(key(node.contentLayer, node.contentEntry));
    }
    report.visibleBytes = fs.visibleBytes();

    // Who removed what, for the regular files that did not survive.
    QHash<qint64, const Removal *> removedBy;
    removedBy.reserve(fs.removals().size());
    for (const Removal &removal : fs.removals()) {
        if (removal.entry >= 0)
            removedBy.insert(key(removal.layer, removal.entry), &removal);
    }

    QHash<QByteArrayView, qsizetype> pathSlot;
    QHash<QByteArrayView, DivePath> dive;
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
                if (!surviving.contains(key(n, i))) {
                    WastedCopy copy;
                    copy.layer = n;
                    copy.entry = i;
                    copy.bytes = e.size;
                    if (const Removal *removal = removedBy.value(key(n, i), nullptr)) {
                        copy.removedBy = removal->removedBy;
                        copy.reason = removal->reason;
                    }
                    auto slot = pathSlot.find(path);
                    if (slot == pathSlot.end()) {
                        slot = pathSlot.insert(path, report.paths.size());
                        report.paths.append(WastedPath{path.toByteArray(), 0, {}});
                    }
                    WastedPath &wasted = report.paths[slot.value()];
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
            DivePath &p = dive[path];
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
    for (auto it = dive.cbegin(); it != dive.cend(); ++it) {
        minimumSum += it->minimum;
        cumulativeSum += it->cumulative;
        if (it->layers >= 2)
            report.dive.wastedBytes += it->cumulative;
    }
    report.dive.score = cumulativeSum > 0 ? double(minimumSum) / double(cumulativeSum) : 1.0;
    report.dive.wastedUserPercent =
        userBytes > 0 ? 100.0 * double(report.dive.wastedBytes) / double(userBytes) : 0.0;
    return report;
}

} // namespace image
