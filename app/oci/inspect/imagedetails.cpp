#include "oci/inspect/imagedetails.h"

#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace oci {

namespace {

ImageDetails::Format formatOf(const QString &mediaType)
{
    if (mediaType.isEmpty())
        return ImageDetails::Format::Unknown;
    if (isDocker(mediaType))
        return ImageDetails::Format::Docker;
    if (mediaType.startsWith(u"application/vnd.oci."))
        return ImageDetails::Format::Oci;
    return ImageDetails::Format::Unknown;
}

// Attestation entries (buildx) and other unknown/unknown entries are not platforms.
bool isPlatformEntry(const Descriptor &entry)
{
    return !entry.isAttestation() && !(entry.platform() && entry.platform()->isUnknown());
}

qint64 imageSize(const ImageManifest &manifest)
{
    return manifest.config.size() + manifest.layersSize();
}

QList<const Descriptor *> blobsOf(const ImageManifest &manifest)
{
    QList<const Descriptor *> blobs{&manifest.config};
    for (const Descriptor &layer : manifest.layers)
        blobs << &layer;
    return blobs;
}

} // namespace

QString ImageDetails::kindText() const
{
    const QString format = this->format == Format::Docker ? QStringLiteral("Docker")
                           : this->format == Format::Oci  ? QStringLiteral("OCI")
                                                          : QString();
    QString what;
    switch (kind) {
    case Kind::Image:
        what = QStringLiteral("image");
        break;
    case Kind::Index:
        what = this->format == Format::Docker ? QStringLiteral("manifest list")
                                              : QStringLiteral("index");
        break;
    case Kind::Artifact:
        what = QStringLiteral("artifact");
        break;
    case Kind::Other:
        what = QStringLiteral("other");
        break;
    case Kind::Unknown:
        what = QStringLiteral("unknown");
        break;
    }
    return format.isEmpty() ? what : format + u' ' + what;
}

ImageDetails
ImageDetails::fromDocuments(const Digest &digest,
                            std::shared_ptr<const ManifestDocument> documentPointer,
                            const QHash<Digest, std::shared_ptr<const ImageConfig>> &configs,
                            const QHash<Digest, std::shared_ptr<const ManifestDocument>> &children)
{
    const ManifestDocument &document = *documentPointer;
    ImageDetails details;
    details.digest = digest;
    details.mediaType = document.mediaType();
    details.format = formatOf(details.mediaType);
    details.manifestSize = document.bytes().size();
    details.document = std::move(documentPointer);

    if (document.isImageManifest()) {
        const ImageManifest &manifest = document.manifest();
        details.configDigest = manifest.config.digest();
        details.compressedSize = imageSize(manifest);
        const bool artifact = !manifest.artifactType.isEmpty() ||
                              !isConfig(stripParameters(manifest.config.mediaType()));
        if (artifact) {
            details.kind = Kind::Artifact;
            details.artifactType = manifest.effectiveArtifactType();
            return details;
        }
        details.kind = Kind::Image;
        PlatformDetails platform;
        platform.digest = digest;
        platform.compressedSize = details.compressedSize;
        platform.manifest = details.document;
        if (const auto config = configs.value(manifest.config.digest())) {
            details.config = config;
            platform.config = config;
            details.created = config->created;
            platform.created = config->created;
            platform.platform = config->platform.toString();
            if (!config->platform.isNull())
                details.platforms << platform.platform;
        }
        details.platformDetails << platform;
        return details;
    }

    if (document.isIndex()) {
        const ImageIndex &index = document.index();
        details.kind = Kind::Index;
        details.artifactType = index.artifactType;
        // Blobs shared between platforms (often every layer but the last) count once.
        QSet<Digest> counted;
        qint64 total = 0;
        bool allSizesKnown = true;
        for (const Descriptor &entry : index.manifests) {
            if (!isPlatformEntry(entry)) {
                ++details.attestationCount;
                continue;
            }
            PlatformDetails platform;
            platform.digest = entry.digest();
            platform.platform = entry.platform() && !entry.platform()->isNull()
                                    ? entry.platform()->toString()
                                    : QStringLiteral("unknown");
            const auto child = children.value(entry.digest());
            if (child && child->isImageManifest()) {
                const ImageManifest &manifest = child->manifest();
                platform.manifest = child;
                platform.compressedSize = imageSize(manifest);
                for (const Descriptor *blob : blobsOf(manifest)) {
                    if (!counted.contains(blob->digest())) {
                        counted.insert(blob->digest());
                        total += blob->size();
                    }
                }
                if (const auto config = configs.value(manifest.config.digest())) {
                    platform.config = config;
                    platform.created = config->created;
                }
            }
            if (platform.compressedSize < 0)
                allSizesKnown = false;
            if (platform.created.isValid() &&
                (!details.created.isValid() || platform.created > details.created)) {
                details.created = platform.created;
            }
            details.platforms << platform.platform;
            details.platformDetails << platform;
        }
        details.compressedSize = allSizesKnown ? total : -1;
        return details;
    }

    if (document.kind() == ManifestDocument::Kind::ArtifactManifest) {
        details.kind = Kind::Artifact;
        details.format = Format::Oci;
        return details;
    }
    details.kind = Kind::Other;
    return details;
}

bool isReferrerFallbackTag(QStringView tag)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        u"(sha256-[a-f0-9]{64}|sha512-[a-f0-9]{128})(\\.(sig|att|sbom))?"));
    return pattern.match(tag).hasMatch();
}

} // namespace oci
