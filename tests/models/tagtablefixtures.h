#pragma once

// Fixtures for the tag table tests, written straight into a RegistryProcess's storage
// (the way RegistrySeeder links tags): variants of a pushed image that differ in their
// config's "created" date and size, and a referrers fallback tag ("sha256-<hex>") whose
// index lists an SBOM artifact for a subject. Milliseconds, no HTTP; the registry reads
// storage on every request.

#include "support/fixtures.h"

#include <QDateTime>
#include <QList>

class RegistryProcess;

namespace tagtablefixtures {

struct DatedImage
{
    SeededImage image;         // repository, tag, digest, manifest, config, layers
    QDateTime created;         // UTC, as written in the config
    qint64 compressedSize = 0; // config + layers, as the manifest lists them
};

// Variants of `base` (an image, not an index, already in its repository): variant i has
// the config's "created" set to created[i] and `paddingBytes[i]` bytes of label padding,
// and is tagged `tags[i]`.
oci::Result<QList<DatedImage>> pushDatedImages(RegistryProcess &registry, const SeededImage &base,
                                               const QList<QDateTime> &created,
                                               const QList<int> &paddingBytes,
                                               const QStringList &tags);

// An SBOM artifact manifest whose subject is `subject` (a manifest in `repository`), and
// the referrers fallback tag "sha256-<hex of subject>" pointing at an index that lists
// it, as registries without the referrers API keep them. Returns the artifact's digest.
oci::Result<oci::Digest> pushFallbackReferrer(RegistryProcess &registry, const QString &repository,
                                              const SeededImage &subject);

// The size an image's manifest lists: config + layers.
qint64 compressedSizeOf(const QByteArray &manifest);

} // namespace tagtablefixtures
