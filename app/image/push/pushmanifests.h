#pragma once

#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace image {

struct PushPlan;

// A manifest or index as a push writes it.
struct FinalManifest
{
    QByteArray bytes;
    oci::Digest digest;
    QString mediaType;
};

// The manifests a push writes, by the archive's digest: each image's with the layers that go
// under another digest (gzip'ed) pointing at their blobs, each index's pointing at its
// rewritten images; unchanged documents keep their bytes (and digests). Only what is known
// yet: an image once every blob's registry digest is (always after the blobs were sent; in
// a plan, unless a plain layer was never compressed before), an index once all its images.
// PushJob writes these; the push dialog predicts digests with them.
oci::Result<QHash<oci::Digest, FinalManifest>> finalManifests(const PushPlan &plan);

} // namespace image
