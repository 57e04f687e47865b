// The OCI image layout (image-spec image-layout.md), in a folder or a tar, and the Docker 25+
// manifest.json that `docker save` writes beside it.

#include "image/source/archivestore.h"
#include "image/source/sourcecontents.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/mediatypes.h"
#include "oci/manifest/strictjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace image::source {

using oci::Error;

namespace {

const QLatin1String RefNameAnnotation("org.opencontainers.image.ref.name");
const QLatin1String ContainerdNameAnnotation("io.containerd.image.name");

QStringList namesOf(const oci::Descriptor &descriptor)
{
    QStringList names;
    for (const QLatin1String key : {ContainerdNameAnnotation, RefNameAnnotation}) {
        const QString value = descriptor.annotation(key);
        if (!value.isEmpty() && !names.contains(value))
            names.append(value);
    }
    return names;
}

class LayoutReader
{
public:
    LayoutReader(const ArchiveStore &store, SourceContents &contents)
        : m_store(store)
        , m_contents(contents)
    {}

    oci::Result<void> read();

private:
    oci::Result<QByteArray> readBlob(const oci::Descriptor &descriptor, qint64 cap, const QString &where);
    oci::Result<void> checkBlob(const oci::Descriptor &descriptor, const QString &where, bool mayBeMissing,
                                bool *present = nullptr);
    oci::Result<void> walk(const oci::Descriptor &descriptor, const QStringList &names,
                           const oci::Digest &parent, const QString &where, int depth);
    oci::Result<void> addImage(const oci::Descriptor &descriptor, oci::ManifestDocument document,
                               const QStringList &names, const oci::Digest &parent, const QString &where);

    const ArchiveStore &m_store;
    SourceContents &m_contents;
};

oci::Result<void> LayoutReader::read()
{
    auto layout = m_store.readAll("oci-layout", MaxLayoutFileBytes);
    if (!layout)
        return layout.error();
    if (auto strict = oci::validateStrictJson(*layout); !strict)
        return Error(Error::Code::MalformedDocument, strict.error().message()).withObject(m_store.describe("oci-layout"));
    const QJsonObject layoutObject = QJsonDocument::fromJson(*layout).object();
    const QString version = layoutObject.value(QLatin1String("imageLayoutVersion")).toString();
    if (version != u"1.0.0")
        return Error(Error::Code::Unsupported, QStringLiteral("imageLayoutVersion \"%1\" (only 1.0.0 is read)").arg(version))
            .withObject(m_store.describe("oci-layout"));

    auto indexBytes = m_store.readAll("index.json", MaxDocumentBytes);
    if (!indexBytes)
        return indexBytes.error();
    auto indexDocument = oci::ManifestDocument::parse(*indexBytes, QString(oci::MediaType::OciIndex));
    if (!indexDocument)
        return Error(indexDocument.error().code(), indexDocument.error().message()).withObject(m_store.describe("index.json"));
    if (!indexDocument->isIndex())
        return Error(Error::Code::MalformedDocument, QStringLiteral("not an image index")).withObject(m_store.describe("index.json"));

    const QList<oci::Descriptor> &entries = indexDocument->index().manifests;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = QStringLiteral("index.json manifests[%1]").arg(i);
        if (auto r = walk(entries.at(i), namesOf(entries.at(i)), oci::Digest(), where, 0); !r)
            return r;
    }
    return {};
}

oci::Result<void> LayoutReader::checkBlob(const oci::Descriptor &descriptor, const QString &where, bool mayBeMissing,
                                          bool *present)
{
    const QByteArray member = blobMemberName(descriptor.digest());
    if (present)
        *present = false;
    auto resolved = m_store.resolve(member);
    if (!resolved) {
        if (mayBeMissing && resolved.error().code() == Error::Code::NotFound)
            return {};
        return Error(resolved.error().code(), resolved.error().message() + QStringLiteral(" (%1)").arg(where))
            .withObject(resolved.error().object());
    }
    if (resolved->size != descriptor.size()) {
        return Error(Error::Code::MalformedDocument,
                     QStringLiteral("blob is %1 bytes, %2 says %3").arg(resolved->size).arg(where).arg(descriptor.size()))
            .withObject(m_store.describe(member));
    }
    if (present)
        *present = true;
    m_contents.addBlob(descriptor.digest(),
                       BlobEntry{member, descriptor.size(), QStringLiteral("content does not match its digest")});
    return {};
}

oci::Result<QByteArray> LayoutReader::readBlob(const oci::Descriptor &descriptor, qint64 cap, const QString &where)
{
    if (!descriptor.digest().isVerifiable())
        return Error(Error::Code::InvalidDigest, QStringLiteral("unverifiable digest %1 (%2)")
                                                      .arg(descriptor.digest().toString(), where))
            .withObject(m_store.path());
    if (auto r = checkBlob(descriptor, where, false); !r)
        return r.error();
    const QByteArray member = blobMemberName(descriptor.digest());
    auto bytes = m_store.readAll(member, cap);
    if (!bytes)
        return bytes.error();
    if (!descriptor.digest().matches(*bytes))
        return Error(Error::Code::DigestMismatch,
                     QStringLiteral("content does not match its digest (%1)").arg(where))
            .withObject(m_store.describe(member));
    return bytes;
}

oci::Result<void> LayoutReader::walk(const oci::Descriptor &descriptor, const QStringList &names,
                                     const oci::Digest &parent, const QString &where, int depth)
{
    const QString type = descriptor.mediaType();
    if (!type.isEmpty() && !oci::isImageManifest(type) && !oci::isIndex(type)) {
        // Unknown media types in an index must not be an error (image-layout.md).
        m_contents.notes.append(QStringLiteral("%1: skipped media type %2").arg(where, type));
        return {};
    }
    if (depth > MaxIndexDepth)
        return Error(Error::Code::MalformedDocument, QStringLiteral("indexes nested deeper than %1 (%2)").arg(MaxIndexDepth).arg(where))
            .withObject(m_store.path());

    auto bytes = readBlob(descriptor, MaxDocumentBytes, where);
    if (!bytes)
        return bytes.error();
    auto document = oci::ManifestDocument::parse(*bytes, type);
    if (!document)
        return Error(document.error().code(), document.error().message() + QStringLiteral(" (%1)").arg(where))
            .withObject(m_store.describe(blobMemberName(descriptor.digest())));

    if (document->isImageManifest())
        return addImage(descriptor, std::move(document).value(), names, parent, where);
    if (!document->isIndex()) {
        m_contents.notes.append(QStringLiteral("%1: skipped %2").arg(where, document->mediaType()));
        return {};
    }

    for (LocalIndex &known : m_contents.indexes) {
        if (known.digest == descriptor.digest()) {
            for (const QString &name : names) {
                if (!known.names.contains(name))
                    known.names.append(name);
            }
            return {};
        }
    }
    LocalIndex index;
    index.names = names;
    index.digest = descriptor.digest();
    index.where = where;
    const QList<oci::Descriptor> children = document->index().manifests;
    index.document = std::move(document).value();
    const qsizetype position = m_contents.indexes.size();
    m_contents.indexes.append(index);
    for (qsizetype i = 0; i < children.size(); ++i) {
        const oci::Descriptor &child = children.at(i);
        const QString childWhere = where + QStringLiteral(" → manifests[%1]").arg(i);
        // Platforms an export left out are allowed; they are listed as missing.
        bool present = false;
        if (!child.digest().isVerifiable())
            return Error(Error::Code::InvalidDigest, QStringLiteral("unverifiable digest (%1)").arg(childWhere)).withObject(m_store.path());
        if (auto r = checkBlob(child, childWhere, true, &present); !r)
            return r;
        if (!present) {
            m_contents.indexes[position].missingManifests.append(child.digest());
            continue;
        }
        if (auto r = walk(child, {}, descriptor.digest(), childWhere, depth + 1); !r)
            return r;
    }
    return {};
}

oci::Result<void> LayoutReader::addImage(const oci::Descriptor &descriptor, oci::ManifestDocument document,
                                         const QStringList &names, const oci::Digest &parent, const QString &where)
{
    for (LocalImage &known : m_contents.images) {
        if (known.manifestDigest == descriptor.digest() && known.index == parent) {
            for (const QString &name : names) {
                if (!known.names.contains(name))
                    known.names.append(name);
            }
            return {};
        }
    }
    const oci::ImageManifest &manifest = document.manifest();
    LocalImage image;
    image.names = names;
    image.manifestDigest = descriptor.digest();
    image.platform = descriptor.platform();
    image.index = parent;
    image.where = where;

    auto config = readBlob(manifest.config, MaxDocumentBytes, where + QStringLiteral(" config"));
    if (!config)
        return config.error();
    if (oci::isConfig(manifest.config.mediaType())) {
        auto parsed = oci::ImageConfig::parse(*config);
        if (!parsed)
            return Error(parsed.error().code(), parsed.error().message() + QStringLiteral(" (%1 config)").arg(where))
                .withObject(m_store.describe(blobMemberName(manifest.config.digest())));
        image.diffIds = parsed->diffIds;
        if (image.diffIds.size() != manifest.layers.size())
            return Error(Error::Code::MalformedDocument,
                         QStringLiteral("%1 layers but %2 rootfs.diff_ids in the config (%3)")
                             .arg(manifest.layers.size()).arg(image.diffIds.size()).arg(where))
                .withObject(m_store.describe(blobMemberName(descriptor.digest())));
    }
    image.config = *config;

    for (qsizetype i = 0; i < manifest.layers.size(); ++i) {
        const oci::Descriptor &layer = manifest.layers.at(i);
        if (!layer.digest().isVerifiable())
            return Error(Error::Code::InvalidDigest, QStringLiteral("unverifiable layer digest (%1 layers[%2])").arg(where).arg(i))
                .withObject(m_store.path());
        // Non-distributable layers may be left out of an export (image-spec layer.md).
        if (auto r = checkBlob(layer, where + QStringLiteral(" layers[%1]").arg(i),
                               oci::isNondistributableLayer(layer.mediaType()));
            !r)
            return r;
    }
    image.manifest = std::move(document);
    m_contents.images.append(std::move(image));
    return {};
}

} // namespace

QByteArray blobMemberName(const oci::Digest &digest)
{
    return "blobs/" + digest.algorithm().toUtf8() + '/' + digest.encoded().toUtf8();
}

oci::Result<void> readOciLayout(const ArchiveStore &store, SourceContents &contents)
{
    LayoutReader reader(store, contents);
    return reader.read();
}

oci::Result<void> readDockerCompatManifest(const ArchiveStore &store, SourceContents &contents)
{
    auto bytes = store.readAll("manifest.json", MaxDocumentBytes);
    if (!bytes)
        return bytes.error();
    if (auto strict = oci::validateStrictJson(*bytes); !strict)
        return Error(Error::Code::MalformedDocument, strict.error().message()).withObject(store.describe("manifest.json"));
    const QJsonDocument json = QJsonDocument::fromJson(*bytes);
    if (!json.isArray())
        return Error(Error::Code::MalformedDocument, QStringLiteral("not a JSON array")).withObject(store.describe("manifest.json"));
    const QJsonArray entries = json.array();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QString where = QStringLiteral("manifest.json[%1]").arg(i);
        QByteArrayList members{entry.value(QLatin1String("Config")).toString().toUtf8()};
        const QJsonArray layers = entry.value(QLatin1String("Layers")).toArray();
        for (const QJsonValue &layer : layers)
            members.append(layer.toString().toUtf8());
        for (const QByteArray &member : members) {
            if (auto r = store.resolve(member); !r)
                return Error(r.error().code(), r.error().message() + QStringLiteral(" (named by %1)").arg(where))
                    .withObject(r.error().object());
        }
        // Config "blobs/sha256/<hex>": the image whose config that is gets the RepoTags.
        QStringList tags;
        for (const QJsonValue &tag : entry.value(QLatin1String("RepoTags")).toArray())
            tags.append(tag.toString());
        const QByteArray config = members.first();
        for (LocalImage &image : contents.images) {
            if (blobMemberName(image.manifest.manifest().config.digest()) != config)
                continue;
            for (const QString &tag : std::as_const(tags)) {
                if (!tag.isEmpty() && !image.names.contains(tag))
                    image.names.append(tag);
            }
        }
    }
    return {};
}

} // namespace image::source
