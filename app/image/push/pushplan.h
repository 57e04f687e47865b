#pragma once

#include "oci/core/digest.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace image {

class LocalImageSource;

// One blob a push sends (or finds already there), once per push however many images name it.
struct PushBlob
{
    enum class Kind { Config, Layer };
    // What happens to it, decided by asking the registry before any byte is sent:
    //   Present  the repository has it (HEAD): nothing to send;
    //   Mount    another repository of the registry has it: mounted, nothing to send;
    //   Upload   sent as it is in the archive (compressed layers, configs);
    //   Compress an uncompressed layer: gzip'ed with igzip as it is sent (its digest and
    //            size are known once compressed, unless an earlier push remembered them).
    enum class Fate { Unknown, Present, Mount, Upload, Compress };

    Kind kind = Kind::Layer;
    oci::Digest source; // the blob in the archive (for plain layers: the diff ID)
    qint64 size = 0;    // bytes in the archive
    oci::Digest target; // the blob in the registry: == source unless compressed; null until known
    qint64 targetSize = -1;
    QString mediaType;  // as the pushed manifest will name it
    Fate fate = Fate::Unknown;
    QString mountFrom;  // for Fate::Mount: the repository it comes from
};

// One manifest or index to PUT, images before the index that lists them.
struct PushManifest
{
    oci::Digest source; // the document in the archive
    bool isIndex = false;
    QList<int> blobs;   // PushPlan::blobs it refers to (images only)
    QString platform;   // "linux/arm64" for the images of an index; may be empty
    QString where;      // LocalImage::where / LocalIndex::where, for messages
};

// An image (or index) of the archive and the tag it is pushed as (empty: by digest only).
struct PushTarget
{
    oci::Digest root;  // a manifest or index digest of LocalImageSource
    QString tag;
    // What the tag points to in the registry now: null when the tag does not exist yet.
    oci::Digest tagCurrent;
    QString name;      // what the archive calls it ("alpine:3.19"), for the person
};

// Everything a push will do, for the dialog and `ladingctl push --dry-run` to show and for
// PushJob to carry out. Made by PushPlanner; value type.
struct PushPlan
{
    std::shared_ptr<const LocalImageSource> source;
    QString registry;   // host[:port], for messages
    QString repository;
    QList<PushTarget> targets;
    QList<PushBlob> blobs;          // unique by source digest, in the order they are needed
    QList<PushManifest> manifests;  // in PUT order: every image before its index

    qint64 totalBytes() const;      // all blobs, as in the archive
    qint64 bytesToSend() const;     // Upload and Compress blobs (Compress at archive size)
    int count(PushBlob::Fate fate) const;
    // "team/app:1.0", "team/app@sha256:…" for each target.
    QStringList targetNames() const;
};

} // namespace image
