#include "image/diff/config/layeralignment.h"

#include "image/reader/imagelayers.h"
#include "oci/manifest/descriptor.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/layerhistory.h"

#include <QHash>
#include <QLocale>

namespace image {

namespace {

bool sameLayer(const LayerFacts &a, const LayerFacts &b)
{
    return a.digest == b.digest || (!a.diffId.isNull() && a.diffId == b.diffId);
}

void pair(LayerAlignment &alignment, int i, int j)
{
    const LayerMatch match = alignment.a.at(i).layer.digest == alignment.b.at(j).layer.digest
                                 ? LayerMatch::SameDigest
                                 : LayerMatch::SameDiffId;
    alignment.a[i].counterpart = j;
    alignment.a[i].match = match;
    alignment.b[j].counterpart = i;
    alignment.b[j].match = match;
}

// b's layers from `from` on, by a key, in order; each taken once.
class Candidates
{
public:
    Candidates(const QList<AlignedLayer> &b, int from, oci::Digest LayerFacts::*key)
    {
        for (int j = from; j < b.size(); ++j) {
            const oci::Digest &digest = b.at(j).layer.*key;
            if (!digest.isNull())
                m_byKey[digest].append(j);
        }
    }

    // The first of `key`'s layers not paired yet, or -1.
    int take(const oci::Digest &key, const QList<AlignedLayer> &b)
    {
        auto it = m_byKey.find(key);
        if (key.isNull() || it == m_byKey.end())
            return -1;
        QList<int> &list = it.value();
        while (!list.isEmpty()) {
            const int j = list.takeFirst();
            if (b.at(j).counterpart < 0)
                return j;
        }
        return -1;
    }

private:
    QHash<oci::Digest, QList<int>> m_byKey;
};

qint64 compressedSum(const QList<AlignedLayer> &layers)
{
    qint64 total = 0;
    for (const AlignedLayer &layer : layers)
        total += layer.layer.size;
    return total;
}

std::optional<qint64> uncompressedSum(const QList<AlignedLayer> &layers)
{
    qint64 total = 0;
    for (const AlignedLayer &layer : layers) {
        if (layer.layer.uncompressedSize < 0)
            return std::nullopt;
        total += layer.layer.uncompressedSize;
    }
    return total;
}

QList<int> unpaired(const QList<AlignedLayer> &layers)
{
    QList<int> indexes;
    for (int i = 0; i < layers.size(); ++i) {
        if (layers.at(i).counterpart < 0)
            indexes.append(i);
    }
    return indexes;
}

} // namespace

QList<LayerFacts> layerFacts(const QList<oci::Descriptor> &layers, const oci::ImageConfig *config)
{
    const bool haveDiffIds = config && config->diffIds.size() == layers.size();
    const oci::LayerHistory history = config ? oci::LayerHistory(config->history, layers.size())
                                             : oci::LayerHistory();
    QList<LayerFacts> facts;
    facts.reserve(layers.size());
    for (qsizetype i = 0; i < layers.size(); ++i) {
        LayerFacts layer;
        layer.digest = layers.at(i).digest();
        layer.mediaType = layers.at(i).mediaType();
        layer.size = layers.at(i).size();
        if (haveDiffIds)
            layer.diffId = config->diffIds.at(i);
        if (const int entry = history.historyOf(i); entry >= 0)
            layer.createdBy = config->history.at(entry).createdBy;
        facts.append(std::move(layer));
    }
    return facts;
}

QList<LayerFacts> layerFacts(const ImageLayers &image)
{
    return layerFacts(image.layers, image.config.get());
}

QString layerMatchName(LayerMatch match)
{
    switch (match) {
    case LayerMatch::None:
        return QStringLiteral("none");
    case LayerMatch::SameDigest:
        return QStringLiteral("digest");
    case LayerMatch::SameDiffId:
        return QStringLiteral("diffId");
    }
    return {};
}

LayerAlignment alignLayers(const QList<LayerFacts> &a, const QList<LayerFacts> &b)
{
    LayerAlignment alignment;
    alignment.a.reserve(a.size());
    for (const LayerFacts &layer : a)
        alignment.a.append(AlignedLayer{layer, -1, LayerMatch::None});
    alignment.b.reserve(b.size());
    for (const LayerFacts &layer : b)
        alignment.b.append(AlignedLayer{layer, -1, LayerMatch::None});

    int leading = 0;
    while (leading < a.size() && leading < b.size() && sameLayer(a.at(leading), b.at(leading))) {
        pair(alignment, leading, leading);
        ++leading;
    }
    alignment.sharedLeading = leading;

    // The rest: the same blob anywhere first, so that a recompressed copy does not take
    // the place of an identical one; then the same tar.
    Candidates byDigest(alignment.b, leading, &LayerFacts::digest);
    for (int i = leading; i < a.size(); ++i) {
        if (const int j = byDigest.take(a.at(i).digest, alignment.b); j >= 0)
            pair(alignment, i, j);
    }
    Candidates byDiffId(alignment.b, leading, &LayerFacts::diffId);
    for (int i = leading; i < a.size(); ++i) {
        if (alignment.a.at(i).counterpart >= 0)
            continue;
        if (const int j = byDiffId.take(a.at(i).diffId, alignment.b); j >= 0)
            pair(alignment, i, j);
    }
    return alignment;
}

int LayerAlignment::sharedCount() const
{
    return int(a.size() - onlyA().size());
}

QList<int> LayerAlignment::onlyA() const
{
    return unpaired(a);
}

QList<int> LayerAlignment::onlyB() const
{
    return unpaired(b);
}

QList<std::pair<int, int>> LayerAlignment::moved() const
{
    QList<std::pair<int, int>> pairs;
    for (int i = 0; i < a.size(); ++i) {
        if (a.at(i).counterpart >= 0 && a.at(i).counterpart != i)
            pairs.append({i, a.at(i).counterpart});
    }
    return pairs;
}

QList<std::pair<int, int>> LayerAlignment::recompressed() const
{
    QList<std::pair<int, int>> pairs;
    for (int i = 0; i < a.size(); ++i) {
        if (a.at(i).match == LayerMatch::SameDiffId)
            pairs.append({i, a.at(i).counterpart});
    }
    return pairs;
}

bool LayerAlignment::identical() const
{
    if (a.size() != b.size() || sharedLeading != a.size())
        return false;
    for (const AlignedLayer &layer : a) {
        if (layer.match != LayerMatch::SameDigest)
            return false;
    }
    return true;
}

qint64 LayerAlignment::compressedSizeA() const
{
    return compressedSum(a);
}

qint64 LayerAlignment::compressedSizeB() const
{
    return compressedSum(b);
}

std::optional<qint64> LayerAlignment::uncompressedSizeA() const
{
    return uncompressedSum(a);
}

std::optional<qint64> LayerAlignment::uncompressedSizeB() const
{
    return uncompressedSum(b);
}

std::optional<qint64> LayerAlignment::uncompressedDelta() const
{
    const std::optional<qint64> sizeA = uncompressedSizeA();
    const std::optional<qint64> sizeB = uncompressedSizeB();
    if (!sizeA || !sizeB)
        return std::nullopt;
    return *sizeB - *sizeA;
}

QString diffSizeText(qint64 bytes, bool withSign)
{
    const QString text = QLocale::c().formattedDataSize(bytes < 0 ? -bytes : bytes, 2,
                                                        QLocale::DataSizeSIFormat);
    if (bytes < 0)
        return u'-' + text;
    return withSign ? u'+' + text : text;
}

} // namespace image
