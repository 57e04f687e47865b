#include "image/push/manifestwriter.h"

#include "oci/manifest/mediatypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace image {

namespace {

// Replaces the descriptors of `array` found in `replaced`; true when one was.
bool replaceIn(QJsonArray &array, const QHash<oci::Digest, ReplacedBlob> &replaced)
{
    bool changed = false;
    for (qsizetype i = 0; i < array.size(); ++i) {
        QJsonObject descriptor = array.at(i).toObject();
        const auto digest = oci::Digest::parse(descriptor.value(u"digest").toString());
        if (!digest.ok())
            continue;
        const auto it = replaced.constFind(digest.value());
        if (it == replaced.cend())
            continue;
        descriptor.insert(QStringLiteral("digest"), it->digest.toString());
        descriptor.insert(QStringLiteral("size"), it->size);
        if (!it->mediaType.isEmpty())
            descriptor.insert(QStringLiteral("mediaType"), it->mediaType);
        array[i] = descriptor;
        changed = true;
    }
    return changed;
}

oci::Result<QByteArray> rewrite(const QByteArray &bytes, const QString &arrayKey,
                                const QHash<oci::Digest, ReplacedBlob> &replaced)
{
    if (replaced.isEmpty())
        return bytes;
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return oci::Error(oci::Error::Code::MalformedDocument,
                          QStringLiteral("the manifest to rewrite is not a JSON object: %1")
                              .arg(error.errorString()));
    QJsonObject root = document.object();
    QJsonArray array = root.value(arrayKey).toArray();
    if (!replaceIn(array, replaced))
        return bytes;
    root.insert(arrayKey, array);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

oci::Result<QByteArray> rewriteManifest(const QByteArray &bytes,
                                        const QHash<oci::Digest, ReplacedBlob> &replaced)
{
    return rewrite(bytes, QStringLiteral("layers"), replaced);
}

oci::Result<QByteArray> rewriteIndex(const QByteArray &bytes,
                                     const QHash<oci::Digest, ReplacedBlob> &replaced)
{
    return rewrite(bytes, QStringLiteral("manifests"), replaced);
}

QString gzipLayerType(const QString &mediaType)
{
    const QString type = oci::stripParameters(mediaType);
    if (type == oci::MediaType::OciLayer)
        return QString(oci::MediaType::OciLayerGzip);
    if (type == oci::MediaType::DockerLayer)
        return QString(oci::MediaType::DockerLayerGzip);
    if (type == oci::MediaType::OciLayerNondistributable)
        return QString(oci::MediaType::OciLayerNondistributableGzip);
    return mediaType;
}

} // namespace image
