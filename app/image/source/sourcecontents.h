#pragma once

// Internal to app/image/source: what the format readers find, before LocalImageSource
// publishes it.

#include "image/source/localimage.h"
#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace image::source {

class ArchiveStore;

struct BlobEntry
{
    QByteArray member;   // name in the archive / path below the layout folder
    qint64 size = 0;
    QString mismatchText; // what a digest mismatch means for this blob
};

struct SourceContents
{
    LocalFormat format = LocalFormat::OciLayout;
    QList<LocalImage> images;
    QList<LocalIndex> indexes;
    QHash<oci::Digest, BlobEntry> blobs;
    QList<oci::Digest> blobOrder; // first-seen order, for listing and verification
    QStringList notes;            // things skipped on purpose (unknown media types, ...)

    void addBlob(const oci::Digest &digest, BlobEntry entry)
    {
        if (!blobs.contains(digest)) {
            blobs.insert(digest, std::move(entry));
            blobOrder.append(digest);
        }
    }
};

// Caps on documents read into memory (oci-client-notes §1.9, §6.1).
inline constexpr qint64 MaxDocumentBytes = 4 * 1024 * 1024; // index.json, manifest.json, manifests, configs
inline constexpr qint64 MaxLayoutFileBytes = 64 * 1024;      // oci-layout, repositories
inline constexpr int MaxIndexDepth = 4;

oci::Result<void> readOciLayout(const ArchiveStore &store, SourceContents &contents);
// Docker 25+: the OCI layout was read; adds RepoTags from manifest.json and checks that
// every member it names exists.
oci::Result<void> readDockerCompatManifest(const ArchiveStore &store, SourceContents &contents);
oci::Result<void> readDockerArchive(const ArchiveStore &store, SourceContents &contents);

// "blobs/sha256/<hex>" for a digest whose parts are safe as path components.
QByteArray blobMemberName(const oci::Digest &digest);

} // namespace image::source
