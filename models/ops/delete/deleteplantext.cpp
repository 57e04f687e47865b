#include "ops/delete/deleteplantext.h"

#include "ops/delete/deletesummarytext.h"
#include "ops/deleteplan.h"

#include <QSet>

using Fate = ops::TagFate::Fate;

namespace {

QString quoted(const QStringList &tags)
{
    return DeleteSummaryText::quotedTags(tags);
}

} // namespace

QString DeletePlanText::headline(const ops::DeletePlan &plan)
{
    const int count = plan.deletedTagCount();
    if (count == 0)
        return plan.steps.isEmpty() ? tr("Nothing will be deleted.")
                                    : tr("No tag will be deleted, only untagged content.");
    return tr("%n tag(s) will be deleted from %1.", nullptr, count)
        .arg(plan.registry + u'/' + plan.repository);
}

QStringList DeletePlanText::sentences(const ops::DeletePlan &plan, const QStringList &selected)
{
    QStringList lines{headline(plan)};
    const QSet<QString> chosen(selected.cbegin(), selected.cend());

    // Per digest the plan touches: the tags that go and the tags that stay.
    QList<oci::Digest> digests;
    QHash<oci::Digest, QStringList> going, staying;
    for (const ops::TagFate &tag : plan.tags) {
        if (tag.fate == Fate::Deleted) {
            if (!going.contains(tag.digest))
                digests << tag.digest;
            going[tag.digest] << tag.tag;
        }
    }
    for (const ops::TagFate &tag : plan.tags) {
        if (tag.fate != Fate::Deleted && going.contains(tag.digest))
            staying[tag.digest] << tag.tag;
    }
    for (const oci::Digest &digest : std::as_const(digests)) {
        const QStringList &gone = going.value(digest);
        QStringList alongside; // deleted without being selected
        for (const QString &tag : gone) {
            if (!chosen.contains(tag))
                alongside << tag;
        }
        const QStringList kept = staying.value(digest);
        if (!kept.isEmpty()) {
            QString sentence;
            if (gone.size() == 1)
                sentence = kept.size() == 1
                               ? tr("%1 shares its image with %2, which stays: only the tag is removed.")
                               : tr("%1 shares its image with %2, which stay: only the tag is removed.");
            else
                sentence = kept.size() == 1
                               ? tr("%1 share their image with %2, which stays: only the tags are removed.")
                               : tr("%1 share their image with %2, which stay: only the tags are removed.");
            lines << sentence.arg(quoted(gone), quoted(kept));
        }
        if (!alongside.isEmpty()) {
            lines << (alongside.size() == 1
                          ? tr("%1 goes too: it is on the same image (%2) as the selected tag.")
                          : tr("%1 go too: they are on the same image (%2) as the selected tag."))
                         .arg(quoted(alongside), digest.shortString());
        }
    }
    if (const int n = int(plan.orphanedReferrers.size()))
        lines << tr("%n referrer(s) (signatures, SBOMs, attestations) will be left without their "
                    "image: they stay in the registry and point at nothing.",
                    nullptr, n);
    if (const int n = int(plan.sharedChildren.size()))
        lines << tr("%n platform image(s) of a deleted index stay, because other tags still use "
                    "them.",
                    nullptr, n);
    return lines;
}

QStringList DeletePlanText::sharingTags(const ops::RepositoryScan &scan, const QStringList &selected)
{
    const QSet<QString> chosen(selected.cbegin(), selected.cend());
    QSet<oci::Digest> digests;
    for (const QString &tag : selected) {
        if (const oci::TagDetails *row = scan.find(tag))
            digests.insert(row->details.digest);
    }
    QStringList sharing;
    for (const oci::TagDetails &row : scan.tags) {
        if (!chosen.contains(row.tag) && digests.contains(row.details.digest))
            sharing << row.tag;
    }
    return sharing;
}

QString DeletePlanText::untagMethod()
{
    return tr("A tag is removed on its own with the registry's tag API where it has one; "
              "otherwise Lading points the tag at a throwaway manifest and deletes that, so the "
              "image and its other tags are not touched. The summary says which way was used.");
}
