#include "oci/manifest/manifestdocument.h"

#include "oci/manifest/mediatypes.h"
#include "oci/manifest/strictjson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace oci {

namespace {

using Kind = ManifestDocument::Kind;

// Manifests are shallow (the deepest standard member is manifests[].platform.os.features[]).
constexpr int MaxManifestDepth = 32;

Error malformed(const QString &message)
{
    return Error(Error::Code::MalformedDocument, message);
}

// Content-Types that say nothing about the kind of manifest: the body's shape decides.
bool isGenericType(QStringView type)
{
    return type.isEmpty() || type == u"application/json" || type == u"text/plain"
           || type == u"application/octet-stream";
}

Kind kindOf(QStringView type)
{
    if (type == MediaType::OciManifest)
        return Kind::OciManifest;
    if (type == MediaType::DockerManifest)
        return Kind::DockerManifest;
    if (type == MediaType::OciIndex)
        return Kind::OciIndex;
    if (type == MediaType::DockerManifestList)
        return Kind::DockerManifestList;
    if (isSchema1(type))
        return Kind::Schema1;
    if (type == MediaType::OciArtifactManifest)
        return Kind::ArtifactManifest;
    return Kind::Other;
}

// A body without mediaType under a generic Content-Type: decided by its members, the way
// the image-spec allows OCI manifests and indexes to omit mediaType.
QString typeFromShape(const QJsonObject &root)
{
    if (root.value(QLatin1String("schemaVersion")).toInteger(0) == 1) {
        return root.contains(QLatin1String("signatures")) ? QString(MediaType::DockerSchema1Signed)
                                                          : QString(MediaType::DockerSchema1);
    }
    if (root.contains(QLatin1String("manifests")))
        return MediaType::OciIndex;
    if (root.contains(QLatin1String("config")) || root.contains(QLatin1String("layers")))
        return MediaType::OciManifest;
    return {};
}

// Members that identify another format (containers/image's unambiguous-format rule): a
// schema 2 manifest with "fsLayers" or a schema 1 manifest with "layers" is refused.
QString foreignMember(const QJsonObject &root, Kind kind)
{
    QList<QLatin1String> foreign;
    switch (kind) {
    case Kind::OciManifest:
    case Kind::DockerManifest:
        foreign = {QLatin1String("manifests"), QLatin1String("fsLayers"), QLatin1String("history")};
        break;
    case Kind::OciIndex:
    case Kind::DockerManifestList:
        foreign = {QLatin1String("config"), QLatin1String("layers"), QLatin1String("fsLayers"),
                   QLatin1String("history")};
        break;
    case Kind::Schema1:
        foreign = {QLatin1String("config"), QLatin1String("layers"), QLatin1String("manifests")};
        break;
    default:
        break;
    }
    for (QLatin1String key : std::as_const(foreign)) {
        if (root.contains(key))
            return key;
    }
    return {};
}

} // namespace

Result<ManifestDocument> ManifestDocument::parse(const QByteArray &bytes, QStringView contentType)
{
    if (bytes.size() > MaxSize) {
        return Error(Error::Code::SizeLimitExceeded,
                     QStringLiteral("manifest of %1 bytes is over the %2-byte limit")
                         .arg(bytes.size())
                         .arg(MaxSize));
    }
    StrictJsonOptions options;
    options.maxDepth = MaxManifestDepth;
    options.manifestKeys = true;
    if (Result<void> strict = validateStrictJson(bytes, options); !strict.ok())
        return strict.error();
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(parseError.errorString());
    if (!json.isObject())
        return malformed(QStringLiteral("a manifest must be a JSON object"));
    const QJsonObject root = json.object();

    // GHSA-77vh-xpmg-72qh: one document must not read as both an index and a manifest.
    if (root.contains(QLatin1String("manifests"))
        && (root.contains(QLatin1String("layers")) || root.contains(QLatin1String("config")))) {
        return malformed(QStringLiteral(
            "the document has both \"manifests\" and \"layers\"/\"config\": it is ambiguous"));
    }

    const QJsonValue bodyTypeValue = root.value(QLatin1String("mediaType"));
    if (!bodyTypeValue.isUndefined() && !bodyTypeValue.isString())
        return malformed(QStringLiteral("mediaType: must be a string"));
    const QString bodyType = bodyTypeValue.toString();
    const QString headerType = stripParameters(contentType);

    // CVE-2021-41190: the type the registry announces and the type the body claims agree.
    if (!bodyType.isEmpty() && !headerType.isEmpty()
        && bodyType.compare(headerType, Qt::CaseInsensitive) != 0) {
        return Error(Error::Code::MediaTypeMismatch,
                     QStringLiteral("Content-Type is %1 but the manifest says it is %2")
                         .arg(headerType, bodyType));
    }

    ManifestDocument document;
    if (!bodyType.isEmpty())
        document.m_mediaType = bodyType.toLower();
    else if (!isGenericType(headerType))
        document.m_mediaType = headerType;
    else
        document.m_mediaType = typeFromShape(root);
    document.m_kind = kindOf(document.m_mediaType);
    if (const QString member = foreignMember(root, document.m_kind); !member.isEmpty()) {
        return malformed(QStringLiteral("\"%1\" does not belong in %2 documents: it is ambiguous")
                             .arg(member, document.m_mediaType));
    }

    switch (document.m_kind) {
    case Kind::OciManifest:
    case Kind::DockerManifest: {
        Result<ImageManifest> manifest = ImageManifest::fromJson(root);
        if (!manifest.ok())
            return manifest.error();
        document.m_manifest = std::move(manifest).value();
        break;
    }
    case Kind::OciIndex:
    case Kind::DockerManifestList: {
        Result<ImageIndex> index = ImageIndex::fromJson(root);
        if (!index.ok())
            return index.error();
        document.m_index = std::move(index).value();
        break;
    }
    case Kind::Schema1:
        if (root.value(QLatin1String("schemaVersion")).toInteger(0) != 1)
            return malformed(QStringLiteral("a schema 1 manifest must have schemaVersion 1"));
        break;
    case Kind::ArtifactManifest:
    case Kind::Other:
    case Kind::Invalid:
        break;
    }
    document.m_bytes = bytes;
    return document;
}

const std::optional<Descriptor> &ManifestDocument::subject() const
{
    static const std::optional<Descriptor> none;
    if (isImageManifest())
        return m_manifest.subject;
    if (isIndex())
        return m_index.subject;
    return none;
}

} // namespace oci
