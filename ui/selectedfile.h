#pragma once

#include "image/fs/mergedfilesystem.h"
#include "image/layer/layerentry.h"
#include "image/layer/layerindex.h"
#include "oci/core/digest.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

// The file chosen in the Files page, as the preview and export need it: the bytes are entry
// `ordinal` of the layer blob `layerDigest` (for a hard link: its target's entry, so the
// preview reads content, not a link). Read them with image::LayerCache::readFile(
// layerDigest, ordinal, offset, maxBytes) once the layer was read (its blob is then cached).
struct SelectedFile
{
    oci::Digest layerDigest; // the blob holding the content (null for directories, links)
    int layer = -1;          // 0-based layer of layerDigest; -1 when nothing holds bytes
    qint64 ordinal = -1;     // the content entry's ordinal in that blob's tar; -1 if none
    int writtenBy = -1;      // 0-based layer that wrote the path (merged: the last writer)
    QString path;            // "/etc/passwd" for people (escaped, never used as a file name)
    QByteArray rawPath;      // "etc/passwd": the cleaned raw path (safe names: image/export)
    qint64 size = 0;         // content bytes; for directories the bytes below
    image::EntryType type = image::EntryType::Regular;
    QString linkTarget;  // symlinks and hard links, as shown
    bool merged = false; // chosen in the merged view (else in one layer's files)
    // For FilePreview: the merged view's filesystem and node (showMergedNode), or the
    // layer's complete index and entry (showLayerEntry; entry -1 while the layer streams).
    image::MergedFilesystem filesystem;
    int node = -1;
    image::LayerIndex layerIndex;
    int entry = -1;

    bool isNull() const { return rawPath.isEmpty() && path.isEmpty(); }
    bool hasContent() const { return layer >= 0 && ordinal >= 0; }
    bool isDirectory() const { return type == image::EntryType::Directory; }
};
Q_DECLARE_METATYPE(SelectedFile)
