#pragma once

#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace image {

// A blob a push sends under another digest than the archive's (an uncompressed layer it
// gzip'ed, or a manifest it had to rewrite for that reason).
struct ReplacedBlob
{
    oci::Digest digest;
    qint64 size = 0;
    QString mediaType; // empty: keep the old one
};

// The manifest to push for `bytes` (an image manifest from the archive, real or synthesised)
// with the layers in `replaced` (keyed by the archive's digest) pointing at their new blobs.
// Every other field stays as it was; with nothing to replace the bytes come back unchanged
// (so the digest stays the archive's).
oci::Result<QByteArray> rewriteManifest(const QByteArray &bytes,
                                        const QHash<oci::Digest, ReplacedBlob> &replaced);
// The same for an index: entries whose manifests were rewritten point at the new ones.
oci::Result<QByteArray> rewriteIndex(const QByteArray &bytes,
                                     const QHash<oci::Digest, ReplacedBlob> &replaced);

// The media type of `mediaType`'s layer once gzip'ed (OCI and Docker; others unchanged).
QString gzipLayerType(const QString &mediaType);

} // namespace image
