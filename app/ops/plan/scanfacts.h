#pragma once

#include "ops/deleteplan.h"

#include "oci/core/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ops::detail {

// What both planners look up in a RepositoryScan, indexed once: tags by name and by
// digest, the manifests each index lists, which manifests refer to which subject, and
// whose referrers list a "sha256-<hex>" tag is. Internal to ops/plan.
class ScanFacts final
{
public:
    explicit ScanFacts(const RepositoryScan &scan);

    // A plan needs every tag with its digest: a failed or missing row could be a tag that
    // shares a digest with the ones being deleted.
    static oci::Result<void> checkComplete(const RepositoryScan &scan);

    const RepositoryScan &scan() const { return m_scan; }
    const QStringList &allTags() const { return m_tags; } // the scan's order
    bool contains(const QString &tag) const { return m_digestOf.contains(tag); }
    oci::Digest digestOf(const QString &tag) const { return m_digestOf.value(tag); }
    // The tags on `digest`, in the scan's order.
    QStringList tagsOn(const oci::Digest &digest) const { return m_tagsOn.value(digest); }
    QString mediaTypeOf(const oci::Digest &digest) const { return m_mediaTypes.value(digest); }
    const oci::ImageDetails *detailsOf(const oci::Digest &digest) const;

    // The manifests an index lists (every entry, attestations too); empty for the rest.
    QList<oci::Digest> childrenOf(const oci::Digest &digest) const;
    // Every digest reachable from the digests of `tags` through index entries, each with
    // the first of `tags` (in scan order) that reaches it. The tags' own digests are in it.
    QHash<oci::Digest, QString> reachableFrom(const QSet<QString> &tags) const;

    // The subjects `referrer` refers to: where a scanned referrers list names it, and its
    // own "subject" field when a tag points at it.
    QList<oci::Digest> subjectsOf(const oci::Digest &referrer) const;
    // For "sha256-<hex>" (the referrers tag schema) and cosign's "sha256-<hex>.sig|.att|
    // .sbom": the digest whose referrers it holds; null for any other tag.
    static oci::Digest fallbackSubject(const QString &tag);
    bool isFallbackTag(const QString &tag) const { return !fallbackSubject(tag).isNull(); }
    // The fallback tags of `subject` in this repository, in scan order.
    QStringList fallbackTagsOf(const oci::Digest &subject) const;

private:
    const RepositoryScan &m_scan;
    QStringList m_tags;
    QHash<QString, oci::Digest> m_digestOf;
    QHash<oci::Digest, QStringList> m_tagsOn;
    QHash<oci::Digest, QString> m_mediaTypes;
    QHash<oci::Digest, const oci::ImageDetails *> m_details;
    QHash<oci::Digest, QList<oci::Digest>> m_subjects; // referrer -> subjects
    QHash<oci::Digest, QStringList> m_fallbackTags;    // subject -> its fallback tags
};

// Words for reasons.
QString shortDigest(const oci::Digest &digest); // "sha256:0123456789ab"
QString quoted(const QString &tag);              // "'latest'"
QStringList quotedEach(const QStringList &tags); // {"'a'", "'b'"}

} // namespace ops::detail
