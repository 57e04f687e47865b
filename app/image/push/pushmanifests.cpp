#include "image/push/pushmanifests.h"

#include "image/push/manifestwriter.h"
#include "image/push/pushlookup.h"
#include "image/push/pushplan.h"
#include "image/source/localimagesource.h"

namespace image {

oci::Result<QHash<oci::Digest, FinalManifest>> finalManifests(const PushPlan &plan)
{
    QHash<oci::Digest, FinalManifest> result;
    if (!plan.source)
        return result;
    const LocalImageSource &source = *plan.source;
    QHash<oci::Digest, ReplacedBlob> layers;
    for (const PushBlob &blob : plan.blobs) {
        if (!blob.target.isNull() && blob.target != blob.source)
            layers.insert(blob.source, ReplacedBlob{blob.target, blob.targetSize, gzipLayerType(blob.mediaType)});
    }
    QHash<oci::Digest, ReplacedBlob> manifests;
    // Images come before their indexes in a plan: an index finds its images done.
    for (const PushManifest &manifest : plan.manifests) {
        oci::Result<QByteArray> bytes = QByteArray();
        QString mediaType;
        if (manifest.isIndex) {
            const LocalIndex *index = findIndex(source, manifest.source);
            if (!index)
                return oci::Error(oci::Error::Code::NotFound, QStringLiteral("no index %1 in the archive")
                                                                  .arg(manifest.source.toString()));
            bool known = true;
            for (const LocalImage &image : source.images()) {
                if (image.index == index->digest)
                    known = known && result.contains(image.manifestDigest);
            }
            if (!known)
                continue;
            mediaType = index->document.mediaType();
            bytes = rewriteIndex(index->document.bytes(), manifests);
        } else {
            const LocalImage *image = findImage(source, manifest.source);
            if (!image)
                return oci::Error(oci::Error::Code::NotFound, QStringLiteral("no image %1 in the archive")
                                                                  .arg(manifest.source.toString()));
            bool known = true;
            for (int blob : manifest.blobs)
                known = known && !plan.blobs.value(blob).target.isNull();
            if (!known)
                continue;
            mediaType = image->manifest.mediaType();
            bytes = rewriteManifest(image->manifest.bytes(), layers);
        }
        if (!bytes) {
            oci::Error error = bytes.error();
            return error.withObject(manifest.where);
        }
        FinalManifest final{bytes.value(), oci::Digest::sha256Of(bytes.value()), mediaType};
        if (final.digest != manifest.source)
            manifests.insert(manifest.source, ReplacedBlob{final.digest, final.bytes.size(), {}});
        result.insert(manifest.source, final);
    }
    return result;
}

} // namespace image
