#include "ops/copy/referrersindex.h"

#include "oci/manifest/mediatypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ops {

QList<oci::Descriptor> mergeReferrers(const QList<oci::Descriptor> &existing,
                                      const QList<oci::Descriptor> &added)
{
    QList<oci::Descriptor> merged = existing;
    QSet<oci::Digest> listed;
    for (const oci::Descriptor &entry : existing)
        listed.insert(entry.digest());
    for (const oci::Descriptor &entry : added) {
        if (listed.contains(entry.digest()))
            continue;
        listed.insert(entry.digest());
        merged.append(entry);
    }
    return merged;
}

QByteArray referrersIndex(const QList<oci::Descriptor> &referrers)
{
    QJsonArray manifests;
    for (const oci::Descriptor &entry : referrers) {
        QJsonObject object{
            {QStringLiteral("mediaType"), entry.mediaType()},
            {QStringLiteral("digest"), entry.digest().toString()},
            {QStringLiteral("size"), double(entry.size())},
        };
        if (!entry.artifactType().isEmpty())
            object.insert(QStringLiteral("artifactType"), entry.artifactType());
        if (!entry.annotations().isEmpty()) {
            QJsonObject annotations;
            for (auto it = entry.annotations().cbegin(); it != entry.annotations().cend(); ++it)
                annotations.insert(it.key(), it.value());
            object.insert(QStringLiteral("annotations"), annotations);
        }
        manifests.append(object);
    }
    const QJsonObject index{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), referrersIndexMediaType()},
        {QStringLiteral("manifests"), manifests},
    };
    return QJsonDocument(index).toJson(QJsonDocument::Compact);
}

QString referrersIndexMediaType()
{
    return oci::MediaType::OciIndex;
}

} // namespace ops
