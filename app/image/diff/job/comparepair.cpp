#include "image/diff/job/comparepair.h"

#include "image/fs/mergedfilesystem.h"
#include "oci/manifest/imageconfig.h"

namespace image {

namespace {

QList<LayerFacts> factsWithSizes(const ImageLayers &image, const QList<LayerIndex> &indexes)
{
    QList<LayerFacts> facts = layerFacts(image);
    for (qsizetype i = 0; i < facts.size() && i < indexes.size(); ++i)
        facts[i].uncompressedSize = indexes.at(i).tarBytes();
    return facts;
}

SummarySide sideOf(const ImageLayers &image, const QByteArray &rawConfig)
{
    SummarySide side = summarySide(image);
    // ImageLayers keeps no config digest; the raw bytes are the verified blob.
    if (!rawConfig.isEmpty())
        side.configDigest = oci::Digest::sha256Of(rawConfig);
    return side;
}

} // namespace

PlatformDiff comparePair(const PairInput &input)
{
    PlatformDiff diff;
    diff.platformA = input.a.platform;
    diff.platformB = input.b.platform;
    diff.manifestA = input.manifestA;
    diff.manifestB = input.manifestB;
    diff.configA = input.configA;
    diff.configB = input.configB;

    const MergedFilesystem fsA = MergedFilesystem::build(input.indexesA);
    const MergedFilesystem fsB = MergedFilesystem::build(input.indexesB);
    FileDiffOptions options;
    options.includeMtimeOnly = true; // a view hides them with filtered(); a report counts them
    diff.files = diffFilesystems(fsA, fsB, options);

    diff.layers = alignLayers(factsWithSizes(input.a, input.indexesA),
                              factsWithSizes(input.b, input.indexesB));
    // A side without a readable config compares as an empty one: its keys show as added
    // or removed.
    const oci::ImageConfig none;
    diff.config = diffConfigs(input.a.config ? *input.a.config : none,
                              input.b.config ? *input.b.config : none, input.configA,
                              input.configB);

    diff.summary = summarizeImages(sideOf(input.a, input.configA), sideOf(input.b, input.configB),
                                   diff.layers, diff.config);
    diff.summary.filesAdded = diff.files.totals.added;
    diff.summary.filesRemoved = diff.files.totals.removed;
    diff.summary.filesChanged = diff.files.totals.changed;
    return diff;
}

} // namespace image
