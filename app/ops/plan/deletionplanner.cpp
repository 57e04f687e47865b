#include "ops/plan/deletionplanner.h"

#include "ops/plan/planassembly.h"
#include "ops/plan/scanfacts.h"

#include <QSet>

namespace ops {

using detail::quoted;
using detail::shortDigest;
using Why = TagReason::Why;

oci::Result<DeletePlan> planDeletion(const RepositoryScan &scan, const QStringList &selectedTags,
                                     DeleteMode mode)
{
    if (oci::Result<void> complete = detail::ScanFacts::checkComplete(scan); !complete)
        return complete.error();
    const detail::ScanFacts facts(scan);

    QStringList selected; // in the order given, each once
    QSet<QString> selectedSet;
    for (const QString &tag : selectedTags) {
        if (!facts.contains(tag)) {
            return oci::Error(oci::Error::Code::InvalidArgument,
                              QStringLiteral("the tag '%1' is not in the repository").arg(tag))
                .withRegistry(scan.registry)
                .withObject(scan.repository + u':' + tag);
        }
        if (!selectedSet.contains(tag)) {
            selectedSet.insert(tag);
            selected << tag;
        }
    }

    // Image mode cannot delete a manifest that an index which stays lists (the index would
    // point at nothing): there, as in TagOnly mode, only the selected tags go.
    QSet<oci::Digest> listedByKept;
    if (mode == DeleteMode::Image) {
        QSet<oci::Digest> selectedDigests;
        for (const QString &tag : std::as_const(selected))
            selectedDigests.insert(facts.digestOf(tag));
        QSet<QString> staying;
        for (const QString &tag : facts.allTags()) {
            if (!selectedDigests.contains(facts.digestOf(tag)))
                staying.insert(tag);
        }
        const QHash<oci::Digest, QString> reach = facts.reachableFrom(staying);
        for (const oci::Digest &digest : std::as_const(selectedDigests)) {
            if (reach.contains(digest))
                listedByKept.insert(digest);
        }
    }

    detail::Decisions decisions;
    for (const QString &tag : facts.allTags()) {
        TagFate &fate = decisions.fates[tag];
        fate.fate = TagFate::Fate::Kept;
        fate.say({Why::NotSelected, {}});
    }
    for (const QString &tag : std::as_const(selected)) {
        const oci::Digest digest = facts.digestOf(tag);
        const QStringList onDigest = facts.tagsOn(digest);
        TagFate &fate = decisions.fates[tag];
        if (fate.fate == TagFate::Fate::Deleted)
            continue; // already going with an earlier selected tag's image
        fate.fate = TagFate::Fate::Deleted;
        decisions.going << tag;
        if (mode == DeleteMode::TagOnly || listedByKept.contains(digest)) {
            bool all = onDigest.size() > 1;
            for (const QString &other : onDigest)
                all = all && selectedSet.contains(other);
            fate.say(all ? TagReason{Why::SelectedWithAllOnDigest, {{shortDigest(digest)}}}
                         : TagReason{Why::Selected, {}});
            if (mode == DeleteMode::Image)
                fate.sayAlso({Why::ImageListedByKeptIndex, {}});
            continue;
        }
        fate.say({Why::SelectedImage, {{shortDigest(digest)}}});
        for (const QString &other : onDigest) {
            TagFate &with = decisions.fates[other];
            if (with.fate == TagFate::Fate::Deleted)
                continue;
            with.fate = TagFate::Fate::Deleted;
            decisions.going << other;
            with.say(selectedSet.contains(other)
                         ? TagReason{Why::SelectedImage, {{shortDigest(digest)}}}
                         : TagReason{Why::OnSelectedImage, {{quoted(tag)}}});
        }
    }
    return detail::assemblePlan(facts, std::move(decisions));
}

} // namespace ops
