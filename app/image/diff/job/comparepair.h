#pragma once

#include "image/diff/job/imagediff.h"
#include "image/layer/layerindex.h"
#include "image/reader/imagelayers.h"

#include <QByteArray>
#include <QList>

namespace image {

// Everything one platform pair's diff is made from, once its layers are read.
struct PairInput
{
    ImageLayers a;
    ImageLayers b;
    QList<LayerIndex> indexesA; // per layer of a, base first
    QList<LayerIndex> indexesB;
    QByteArray manifestA; // raw, as fetched or read
    QByteArray manifestB;
    QByteArray configA;
    QByteArray configB;
};

// Blocking (a worker thread): both merged filesystems built and compared (mtime-only paths
// listed), configs and layers compared, the summary filled with the file counts.
PlatformDiff comparePair(const PairInput &input);

} // namespace image
