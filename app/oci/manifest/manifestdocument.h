#pragma once

#include "oci/core/result.h"
#include "oci/manifest/imageindex.h"
#include "oci/manifest/imagemanifest.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace oci {

// A manifest-like document exactly as fetched: the bytes (the digest is over these), the
// effective media type and, for the types Lading reads, the parsed manifest or index.
// Immutable; parse() is the only way to make a non-empty one.
class ManifestDocument
{
public:
    enum class Kind {
        Invalid,          // default-constructed
        OciManifest,
        DockerManifest,   // schema 2
        OciIndex,
        DockerManifestList,
        Schema1,          // recognised; not read in detail (isSupported() == false)
        ArtifactManifest, // image-spec 1.1 RC artifact manifest; display only
        Other,            // a JSON object of a type Lading does not know; display only
    };

    static constexpr qsizetype MaxSize = 4 * 1024 * 1024;
    static constexpr qsizetype MaxDescriptors = Descriptor::MaxListLength;

    ManifestDocument() = default;

    // Checks, in order: size <= MaxSize (SizeLimitExceeded); the strict JSON gate
    // (duplicate or case-folded known keys, BOM, invalid UTF-8, trailing bytes, depth:
    // MalformedDocument); a JSON object; `manifests` never together with `layers` or
    // `config` (MalformedDocument); `contentType` with its parameters stripped equals the
    // body's `mediaType` when both are present (MediaTypeMismatch); then the kind is
    // decided (body mediaType, else Content-Type, else the shape) and manifests and
    // indexes are read with every descriptor validated. `contentType` may be empty (a
    // file on disk) or generic (application/json).
    static Result<ManifestDocument> parse(const QByteArray &bytes, QStringView contentType);

    Kind kind() const { return m_kind; }
    bool isIndex() const { return m_kind == Kind::OciIndex || m_kind == Kind::DockerManifestList; }
    bool isImageManifest() const
    {
        return m_kind == Kind::OciManifest || m_kind == Kind::DockerManifest;
    }
    // True for the kinds whose manifest() or index() is filled in.
    bool isSupported() const { return isIndex() || isImageManifest(); }

    // The effective media type: the body's mediaType, else the Content-Type, else the
    // type the shape implies (empty for Kind::Other without either).
    const QString &mediaType() const { return m_mediaType; }
    const QByteArray &bytes() const { return m_bytes; }

    // Filled in when isImageManifest() / isIndex(); empty otherwise.
    const ImageManifest &manifest() const { return m_manifest; }
    const ImageIndex &index() const { return m_index; }
    // The subject of either kind (OCI 1.1 referrers), if any.
    const std::optional<Descriptor> &subject() const;

private:
    Kind m_kind = Kind::Invalid;
    QString m_mediaType;
    QByteArray m_bytes;
    ImageManifest m_manifest;
    ImageIndex m_index;
};

} // namespace oci
