#pragma once

#include "oci/core/digest.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace image {

// What Lading learnt about blobs while pushing (and browsing), so that a later push mounts
// instead of uploading and does not compress a layer again to find its digest:
// - which repositories of a registry hold a blob;
// - which gzip blob igzip made from an uncompressed layer (its diff ID): the compressor is
//   deterministic, so the same layer always gives the same blob, on any registry.
// GUI thread only. Kept in memory; load()/save() keep it across runs (a small JSON file).
class BlobLocations final
{
public:
    struct Compressed
    {
        oci::Digest digest;
        qint64 size = 0;
    };

    void remember(const QString &registry, const QString &repository, const oci::Digest &blob);
    // Other repositories than `except` known to hold `blob`, most recent first.
    QStringList repositoriesWith(const QString &registry, const oci::Digest &blob,
                                 const QString &except = {}) const;
    void forget(const QString &registry, const QString &repository, const oci::Digest &blob);

    void rememberCompressed(const oci::Digest &diffId, const Compressed &blob);
    std::optional<Compressed> compressedOf(const oci::Digest &diffId) const;

    bool load(const QString &path);
    bool save(const QString &path) const;

private:
    static constexpr int MaxRepositoriesPerBlob = 8;
    // "<registry>\n<digest>" -> repositories, most recent first
    QHash<QString, QStringList> m_repositories;
    QHash<oci::Digest, Compressed> m_compressed;
};

} // namespace image
