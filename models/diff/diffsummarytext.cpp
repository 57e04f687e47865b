#include "diff/diffsummarytext.h"

#include "diff/diffcells.h"
#include "tagtabletext.h"

#include "image/diff/config/imagesummary.h"

#include <algorithm>

namespace {

QString change(const QString &a, const QString &b)
{
    return QString(a + u" \u2192 " + b);
}

} // namespace

QString DiffSummaryText::layersText(const image::ImageSummary &summary)
{
    const int total = std::max(summary.layerCountA, summary.layerCountB);
    const int differing = total - summary.sharedLayers;
    if (differing <= 0)
        return tr("%n layer(s), all shared", nullptr, total);
    return tr("%n of %1 layers differ", nullptr, differing).arg(total);
}

QString DiffSummaryText::sizeText(const image::ImageSummary &summary)
{
    const qint64 delta = summary.compressedDelta();
    if (delta == 0)
        return {};
    return tr("%1 compressed").arg(DiffCells::delta(delta));
}

QString DiffSummaryText::filesText(const image::ImageSummary &summary)
{
    if (!summary.filesCompared())
        return {};
    if (summary.filesAdded == 0 && summary.filesRemoved == 0 && summary.filesChanged == 0)
        return tr("no file differs");
    return tr("%n file(s) added, %1 removed, %2 changed", nullptr, summary.filesAdded)
        .arg(summary.filesRemoved)
        .arg(summary.filesChanged);
}

QString DiffSummaryText::configText(const image::ImageSummary &summary)
{
    if (summary.configKeysChanged == 0)
        return tr("no config key changed");
    return tr("%n config key(s) changed", nullptr, summary.configKeysChanged);
}

QString DiffSummaryText::headline(const image::ImageSummary &summary)
{
    if (summary.sameDigest)
        return tr("The same image (digest %1)").arg(summary.digestA.shortString());
    if (summary.noDifferences())
        return tr("No differences in content: the same layers, files and settings (digests %1 and %2)")
            .arg(summary.digestA.shortString(), summary.digestB.shortString());
    QString layers = layersText(summary);
    if (const QString size = sizeText(summary); !size.isEmpty())
        layers = tr("%1, %2").arg(layers, size);
    QStringList parts{layers};
    if (const QString files = filesText(summary); !files.isEmpty())
        parts << files;
    parts << configText(summary);
    return tr("Different images: %1").arg(parts.join(tr("; ")));
}

QStringList DiffSummaryText::details(const image::ImageSummary &summary)
{
    QStringList lines;
    if (summary.sameDigest)
        lines << tr("Digest: %1").arg(summary.digestA.toString());
    else
        lines << tr("Digests: %1").arg(change(summary.digestA.shortString(), summary.digestB.shortString()));
    const auto sizes = [](qint64 a, qint64 b) {
        return tr("%1 (%2)").arg(change(DiffCells::size(a), DiffCells::size(b)), DiffCells::delta(b - a));
    };
    lines << tr("Compressed: %1").arg(sizes(summary.compressedSizeA, summary.compressedSizeB));
    if (summary.uncompressedSizeA && summary.uncompressedSizeB)
        lines << tr("Unpacked: %1").arg(sizes(*summary.uncompressedSizeA, *summary.uncompressedSizeB));
    lines << tr("Layers: %1, %n shared", nullptr, summary.sharedLayers)
                 .arg(change(QString::number(summary.layerCountA), QString::number(summary.layerCountB)));
    if (summary.filesCompared())
        lines << tr("Files: %1 added, %2 removed, %3 changed")
                     .arg(summary.filesAdded)
                     .arg(summary.filesRemoved)
                     .arg(summary.filesChanged);
    lines << tr("Config keys changed: %1").arg(summary.configKeysChanged);
    if (!summary.platformA.isEmpty() || !summary.platformB.isEmpty()) {
        lines << (summary.platformA == summary.platformB
                      ? tr("Platform: %1").arg(summary.platformA)
                      : tr("Platform: %1").arg(change(summary.platformA, summary.platformB)));
    }
    if (summary.createdA.isValid() || summary.createdB.isValid()) {
        const auto when = [](const QDateTime &created) {
            return created.isValid() ? TagTableText::created(created) : tr("unknown");
        };
        const QString a = when(summary.createdA);
        const QString b = when(summary.createdB);
        lines << tr("Created: %1").arg(a == b ? a : change(a, b));
    }
    return lines;
}
