#pragma once

#include "oci/core/digest.h"

#include <QByteArray>
#include <QString>

namespace ops {

// The manifest a tag is pointed at so that deleting it (by digest) takes only that tag,
// where a registry has no tag-delete API (distribution 2.8): an OCI image manifest with
// the empty config ("{}", application/vnd.oci.empty.v1+json), no layers, and the
// annotation io.github.lading.untag=<uuid>, which makes its digest unique — no other tag
// can share it.
//
//     const ops::ThrowawayManifest throwaway = ops::ThrowawayManifest::make();
//     // upload ThrowawayManifest::configBytes() unless statBlob says it is there, then
//     client->putManifest(repo, tag, throwaway.mediaType(), throwaway.bytes);
//     client->deleteManifest(repo, throwaway.digest.toString());
struct ThrowawayManifest
{
    QString uuid;
    QByteArray bytes;
    oci::Digest digest;

    static ThrowawayManifest make();            // a fresh uuid
    static ThrowawayManifest make(const QString &uuid);
    static QString mediaType();                 // OCI image manifest
    static QByteArray configBytes();            // "{}"
    static oci::Digest configDigest();          // sha256:44136fa3…
    static QString annotation() { return QStringLiteral("io.github.lading.untag"); }
};

} // namespace ops
