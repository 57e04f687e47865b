#pragma once

// Hand-built RepositoryScans for the planner tests: documents made here (an image
// manifest from a seed, an index of given manifests, an artifact with a subject, a
// referrers fallback index), parsed by ManifestDocument like fetched ones, and tags on
// them, in the order they are added (the registry's order). Also the few helpers every
// test of ops/plan uses.

#include "ops/deleteplan.h"

#include "oci/inspect/referrersjob.h"
#include "oci/manifest/manifestdocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

namespace plantest {

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// {mediaType, digest, size} of `bytes`.
inline QJsonObject descriptor(const QString &mediaType, const QByteArray &bytes)
{
    return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                       {QStringLiteral("digest"), oci::Digest::sha256Of(bytes).toString()},
                       {QStringLiteral("size"), bytes.size()}};
}

// The fate of `tag` in `plan` (every tag of the scan has one).
inline const ops::TagFate &fateOf(const ops::DeletePlan &plan, const QString &tag)
{
    for (const ops::TagFate &fate : plan.tags) {
        if (fate.tag == tag)
            return fate;
    }
    qFatal("no fate for %s", qPrintable(tag));
}

} // namespace plantest

class ScanBuilder final
{
public:
    static constexpr auto ManifestType = "application/vnd.oci.image.manifest.v1+json";
    static constexpr auto IndexType = "application/vnd.oci.image.index.v1+json";

    ScanBuilder()
    {
        scan.registry = QStringLiteral("registry.example:5000");
        scan.repository = QStringLiteral("team/app");
    }

    ops::RepositoryScan scan;

    // An image whose config is named by `seed` (so each seed is its own digest).
    oci::Digest image(const QString &seed, const QDateTime &created = {})
    {
        QJsonObject manifest = base(ManifestType);
        manifest.insert(QStringLiteral("config"), blob("application/vnd.oci.image.config.v1+json", seed));
        manifest.insert(QStringLiteral("layers"), QJsonArray{blob("application/vnd.oci.image.layer.v1.tar+gzip", seed + u"-layer")});
        return add(manifest, oci::ImageDetails::Kind::Image, created);
    }

    // An SBOM artifact whose subject is `subject` (made here before).
    oci::Digest artifact(const QString &seed, const oci::Digest &subject)
    {
        QJsonObject manifest = base(ManifestType);
        manifest.insert(QStringLiteral("artifactType"), QStringLiteral("application/spdx+json"));
        manifest.insert(QStringLiteral("config"), blob("application/vnd.oci.empty.v1+json", QStringLiteral("{}")));
        manifest.insert(QStringLiteral("layers"), QJsonArray{blob("application/spdx+json", seed)});
        manifest.insert(QStringLiteral("subject"), descriptorOf(subject));
        return add(manifest, oci::ImageDetails::Kind::Artifact, {});
    }

    // An index listing `children` (made here before) as linux/<arch> platforms.
    oci::Digest index(const QList<oci::Digest> &children, const QDateTime &created = {})
    {
        QJsonArray entries;
        int arch = 0;
        for (const oci::Digest &child : children) {
            QJsonObject entry = descriptorOf(child);
            entry.insert(QStringLiteral("platform"),
                         QJsonObject{{QStringLiteral("os"), QStringLiteral("linux")},
                                     {QStringLiteral("architecture"), QStringLiteral("arch%1").arg(arch++)}});
            entries.append(entry);
        }
        QJsonObject index = base(IndexType);
        index.insert(QStringLiteral("manifests"), entries);
        return add(index, oci::ImageDetails::Kind::Index, created);
    }

    // The referrers of `subject`, as a scan finds them: listed in scan.referrers and kept
    // in the "sha256-<hex>" tag's index (tagged here when `tagged`). Returns the index.
    oci::Digest referrers(const oci::Digest &subject, const QList<oci::Digest> &referrerDigests,
                          bool tagged = true)
    {
        QJsonArray entries;
        QList<oci::Descriptor> descriptors;
        for (const oci::Digest &referrer : referrerDigests) {
            QJsonObject entry = descriptorOf(referrer);
            entry.insert(QStringLiteral("artifactType"), QStringLiteral("application/spdx+json"));
            entries.append(entry);
            auto parsed = oci::Descriptor::fromJson(entry);
            descriptors << parsed.value();
        }
        scan.referrers.insert(subject, descriptors);
        QJsonObject index = base(IndexType);
        index.insert(QStringLiteral("manifests"), entries);
        const oci::Digest digest = add(index, oci::ImageDetails::Kind::Index, {});
        if (tagged)
            tag(oci::ReferrersJob::fallbackTag(subject), digest);
        return digest;
    }

    void tag(const QString &name, const oci::Digest &digest)
    {
        oci::TagDetails row;
        row.tag = name;
        row.details = m_details.value(digest);
        row.referrerFallbackTag = oci::isReferrerFallbackTag(name);
        scan.tags << row;
    }

    void tags(const QStringList &names, const oci::Digest &digest)
    {
        for (const QString &name : names)
            tag(name, digest);
    }

private:
    static QJsonObject base(const char *mediaType)
    {
        return QJsonObject{{QStringLiteral("schemaVersion"), 2},
                           {QStringLiteral("mediaType"), QString::fromLatin1(mediaType)}};
    }

    static QJsonObject blob(const char *mediaType, const QString &content)
    {
        return plantest::descriptor(QString::fromLatin1(mediaType), content.toUtf8());
    }

    QJsonObject descriptorOf(const oci::Digest &digest) const
    {
        const oci::ImageDetails details = m_details.value(digest);
        return QJsonObject{{QStringLiteral("mediaType"), details.mediaType},
                           {QStringLiteral("digest"), digest.toString()},
                           {QStringLiteral("size"), double(details.manifestSize)}};
    }

    oci::Digest add(const QJsonObject &object, oci::ImageDetails::Kind kind, const QDateTime &created)
    {
        const QByteArray bytes = plantest::compact(object);
        auto document = oci::ManifestDocument::parse(bytes, object.value(u"mediaType").toString());
        if (!document)
            qFatal("ScanBuilder made a document that does not parse: %s",
                   qPrintable(document.error().describe()));
        oci::ImageDetails details;
        details.digest = oci::Digest::sha256Of(bytes);
        details.mediaType = document->mediaType();
        details.kind = kind;
        details.format = oci::ImageDetails::Format::Oci;
        details.manifestSize = bytes.size();
        details.created = created;
        details.document = std::make_shared<const oci::ManifestDocument>(document.value());
        m_details.insert(details.digest, details);
        return details.digest;
    }

    QHash<oci::Digest, oci::ImageDetails> m_details;
};
