#include "ops/plan/scanfacts.h"

#include "oci/manifest/manifestdocument.h"

namespace ops::detail {

ScanFacts::ScanFacts(const RepositoryScan &scan) : m_scan(scan)
{
    for (const oci::TagDetails &row : scan.tags) {
        const oci::Digest &digest = row.details.digest;
        if (digest.isNull() || m_digestOf.contains(row.tag))
            continue; // checkComplete() refuses such scans; nothing to index
        m_tags << row.tag;
        m_digestOf.insert(row.tag, digest);
        m_tagsOn[digest] << row.tag;
        if (const oci::Digest subject = fallbackSubject(row.tag); !subject.isNull())
            m_fallbackTags[subject] << row.tag;
        if (!m_details.contains(digest)) {
            m_details.insert(digest, &row.details);
            m_mediaTypes.insert(digest, row.details.mediaType);
        }
    }
    for (auto it = scan.referrers.cbegin(); it != scan.referrers.cend(); ++it) {
        for (const oci::Descriptor &referrer : it.value()) {
            QList<oci::Digest> &subjects = m_subjects[referrer.digest()];
            if (!subjects.contains(it.key()))
                subjects << it.key();
        }
    }
    for (auto it = m_details.cbegin(); it != m_details.cend(); ++it) {
        const oci::ImageDetails *details = it.value();
        if (!details->document)
            continue;
        if (const auto &subject = details->document->subject(); subject && !subject->isNull()) {
            QList<oci::Digest> &subjects = m_subjects[it.key()];
            if (!subjects.contains(subject->digest()))
                subjects << subject->digest();
        }
    }
}

oci::Result<void> ScanFacts::checkComplete(const RepositoryScan &scan)
{
    QSet<QString> seen;
    for (const oci::TagDetails &row : scan.tags) {
        const QString where = scan.repository + u':' + row.tag;
        if (row.error.code() != oci::Error::Code::None || row.details.digest.isNull()) {
            const QString why = row.error.code() != oci::Error::Code::None
                                    ? row.error.message()
                                    : QStringLiteral("its digest is unknown");
            return oci::Error(oci::Error::Code::InvalidArgument,
                              QStringLiteral("the tag '%1' could not be read (%2); a plan needs "
                                             "every tag of the repository")
                                  .arg(row.tag, why))
                .withRegistry(scan.registry)
                .withObject(where);
        }
        if (seen.contains(row.tag)) {
            return oci::Error(oci::Error::Code::InvalidArgument,
                              QStringLiteral("the tag '%1' is listed twice").arg(row.tag))
                .withRegistry(scan.registry)
                .withObject(where);
        }
        seen.insert(row.tag);
    }
    return {};
}

const oci::ImageDetails *ScanFacts::detailsOf(const oci::Digest &digest) const
{
    return m_details.value(digest);
}

QList<oci::Digest> ScanFacts::childrenOf(const oci::Digest &digest) const
{
    QList<oci::Digest> children;
    const oci::ImageDetails *details = m_details.value(digest);
    if (!details || !details->document || !details->document->isIndex())
        return children;
    for (const oci::Descriptor &entry : details->document->index().manifests) {
        if (!children.contains(entry.digest()))
            children << entry.digest();
    }
    return children;
}

QHash<oci::Digest, QString> ScanFacts::reachableFrom(const QSet<QString> &tags) const
{
    QHash<oci::Digest, QString> reached;
    for (const QString &tag : m_tags) {
        if (!tags.contains(tag))
            continue;
        QList<oci::Digest> pending{m_digestOf.value(tag)};
        while (!pending.isEmpty()) {
            const oci::Digest digest = pending.takeLast();
            if (reached.contains(digest))
                continue;
            reached.insert(digest, tag);
            pending << childrenOf(digest);
        }
    }
    return reached;
}

QList<oci::Digest> ScanFacts::subjectsOf(const oci::Digest &referrer) const
{
    return m_subjects.value(referrer);
}

oci::Digest ScanFacts::fallbackSubject(const QString &tag)
{
    if (!oci::isReferrerFallbackTag(tag))
        return {};
    QStringView name(tag);
    if (const qsizetype dot = name.indexOf(u'.'); dot >= 0)
        name = name.first(dot); // cosign's .sig/.att/.sbom
    const qsizetype dash = name.indexOf(u'-');
    const QString text = name.first(dash).toString() + u':' + name.sliced(dash + 1);
    oci::Result<oci::Digest> parsed = oci::Digest::parse(text);
    return parsed ? parsed.value() : oci::Digest();
}

QStringList ScanFacts::fallbackTagsOf(const oci::Digest &subject) const
{
    return m_fallbackTags.value(subject);
}

QString shortDigest(const oci::Digest &digest)
{
    return digest.shortString();
}

QString quoted(const QString &tag)
{
    return u'\'' + tag + u'\'';
}

QStringList quotedEach(const QStringList &tags)
{
    QStringList each;
    each.reserve(tags.size());
    for (const QString &tag : tags)
        each << quoted(tag);
    return each;
}

} // namespace ops::detail
