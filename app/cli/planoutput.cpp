#include "planoutput.h"

#include "ops/deleteplan.h"
#include "ops/journal/deletesummary.h"

#include <QSet>

namespace cli {

namespace {

QString fateWord(ops::TagFate::Fate fate)
{
    switch (fate) {
    case ops::TagFate::Fate::Deleted: return QStringLiteral("delete");
    case ops::TagFate::Fate::Kept: return QStringLiteral("keep");
    case ops::TagFate::Fate::Protected: return QStringLiteral("protect");
    }
    return {};
}

QString stepLine(int number, const ops::DeleteStep &step)
{
    const QString tags = step.tags.isEmpty() ? QStringLiteral("no tags")
                                             : step.tags.join(QStringLiteral(", "));
    if (step.kind == ops::DeleteStep::Kind::DeleteManifest)
        return QStringLiteral("  %1. delete the manifest %2 (%3)")
            .arg(number)
            .arg(step.digest.toString(), tags);
    return QStringLiteral("  %1. remove the tag %2 only (it points at %3, which other tags keep)")
        .arg(number)
        .arg(tags, step.digest.shortString());
}

} // namespace

QString tagCount(int count)
{
    return count == 1 ? QStringLiteral("1 tag") : QStringLiteral("%1 tags").arg(count);
}

QStringList planLines(const ops::DeletePlan &plan, bool allTags)
{
    QStringList lines;
    lines << QStringLiteral("plan for %1/%2: %3, %4 to delete, %5 to keep")
                 .arg(plan.registry, plan.repository, tagCount(int(plan.tags.size())))
                 .arg(plan.deletedTagCount())
                 .arg(plan.keptTagCount());
    if (plan.steps.isEmpty()) {
        lines << QStringLiteral("nothing to delete");
    } else {
        lines << QStringLiteral("steps, in this order:");
        for (int i = 0; i < plan.steps.size(); ++i)
            lines << stepLine(i + 1, plan.steps.at(i));
    }
    // rm: the tags that go, and those that stay on the digests the plan touches.
    QSet<oci::Digest> touched;
    for (const ops::TagFate &tag : plan.tags) {
        if (tag.fate == ops::TagFate::Fate::Deleted)
            touched.insert(tag.digest);
    }
    int unlisted = 0;
    lines << QStringLiteral("tags:");
    for (const ops::TagFate &tag : plan.tags) {
        if (!allTags && tag.fate != ops::TagFate::Fate::Deleted && !touched.contains(tag.digest)) {
            ++unlisted;
            continue;
        }
        lines << QStringLiteral("  %1 %2 %3  %4")
                     .arg(fateWord(tag.fate), -8)
                     .arg(tag.tag, -24)
                     .arg(tag.digest.shortString(), tag.reason);
    }
    if (unlisted > 0)
        lines << QStringLiteral("  (%1 more stay: not selected)").arg(tagCount(unlisted));
    for (const oci::Descriptor &referrer : plan.orphanedReferrers)
        lines << QStringLiteral("referrer left without its image: %1 %2")
                     .arg(referrer.digest().toString(), referrer.artifactType());
    for (const oci::Digest &child : plan.sharedChildren)
        lines << QStringLiteral("kept: %1, a manifest of a deleted index that other tags use")
                     .arg(child.toString());
    return lines;
}

QStringList summaryLines(const ops::DeleteSummary &summary)
{
    // describe() ends with the garbage-collection reminder when something was deleted.
    return summary.describe().split(u'\n', Qt::SkipEmptyParts);
}

} // namespace cli
