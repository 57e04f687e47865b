#include "ops/plan/planassembly.h"

#include "ops/plan/scanfacts.h"

#include <QSet>

#include <algorithm>

namespace ops::detail {

using Why = TagReason::Why;

namespace {

QSet<QString> stayingTags(const ScanFacts &facts, const QSet<QString> &going)
{
    QSet<QString> staying;
    for (const QString &tag : facts.allTags()) {
        if (!going.contains(tag))
            staying.insert(tag);
    }
    return staying;
}

// Digests whose every tag goes and that no staying index lists: their manifests go.
QList<oci::Digest> deletedDigests(const ScanFacts &facts, const QStringList &going,
                                  const QSet<QString> &goingSet,
                                  const QHash<oci::Digest, QString> &keptReach)
{
    QList<oci::Digest> deleted;
    QSet<oci::Digest> seen;
    for (const QString &tag : going) {
        const oci::Digest digest = facts.digestOf(tag);
        if (seen.contains(digest) || keptReach.contains(digest))
            continue;
        seen.insert(digest);
        const QStringList onDigest = facts.tagsOn(digest);
        const bool allGo = std::all_of(onDigest.cbegin(), onDigest.cend(),
                                       [&](const QString &t) { return goingSet.contains(t); });
        if (allGo)
            deleted << digest;
    }
    return deleted;
}

} // namespace

DeletePlan assemblePlan(const ScanFacts &facts, Decisions decisions)
{
    QHash<QString, TagFate> &fates = decisions.fates;
    QStringList &going = decisions.going;
    QSet<QString> goingSet(going.cbegin(), going.cend());

    // Referrers tags follow their subject; each round can delete more manifests.
    QHash<oci::Digest, QString> keptReach;
    QList<oci::Digest> deleted;
    for (;;) {
        keptReach = facts.reachableFrom(stayingTags(facts, goingSet));
        deleted = deletedDigests(facts, going, goingSet, keptReach);
        QStringList followers;
        for (const oci::Digest &subject : std::as_const(deleted)) {
            const QStringList subjectTags = facts.tagsOn(subject);
            for (const QString &tag : facts.fallbackTagsOf(subject)) {
                if (goingSet.contains(tag) || followers.contains(tag))
                    continue;
                followers << tag;
                TagFate &fate = fates[tag];
                fate.fate = TagFate::Fate::Deleted;
                fate.say({Why::ReferrersListOfDeleted, {{shortDigest(subject)}, quotedEach(subjectTags)}});
            }
        }
        if (followers.isEmpty())
            break;
        going << followers;
        for (const QString &tag : std::as_const(followers))
            goingSet.insert(tag);
    }
    const QSet<oci::Digest> deletedSet(deleted.cbegin(), deleted.cend());

    DeletePlan plan;
    plan.registry = facts.scan().registry;
    plan.repository = facts.scan().repository;

    // Steps, in the order the tags were decided.
    QSet<oci::Digest> stepped;
    for (const QString &tag : std::as_const(going)) {
        const oci::Digest digest = facts.digestOf(tag);
        const QStringList onDigest = facts.tagsOn(digest);
        if (deletedSet.contains(digest)) {
            if (stepped.contains(digest))
                continue;
            stepped.insert(digest);
            plan.steps << DeleteStep{DeleteStep::Kind::DeleteManifest, digest,
                                     facts.mediaTypeOf(digest), onDigest};
            const TagReason sentence =
                onDigest.size() == 1
                    ? TagReason{Why::ManifestDeletedAlone, {{shortDigest(digest)}}}
                    : TagReason{Why::ManifestDeletedWithTags, {{shortDigest(digest)}, quotedEach(onDigest)}};
            for (const QString &each : onDigest)
                fates[each].sayAlso(sentence);
            continue;
        }
        plan.steps << DeleteStep{DeleteStep::Kind::RemoveTag, digest, facts.mediaTypeOf(digest),
                                 QStringList{tag}};
        QStringList stayingHere;
        for (const QString &other : onDigest) {
            if (!goingSet.contains(other))
                stayingHere << other;
        }
        if (!stayingHere.isEmpty()) {
            fates[tag].sayAlso({Why::TagRemovedImageStaysFor, {{shortDigest(digest)}, quotedEach(stayingHere)}});
        } else {
            fates[tag].sayAlso({Why::TagRemovedIndexKeeps,
                                {{quoted(keptReach.value(digest))}, {shortDigest(digest)}}});
        }
    }

    // Manifests that a deleted index lists, each with the first tag of that index.
    QHash<oci::Digest, QString> listedByDeleted;
    QList<oci::Digest> listedOrder;
    for (const oci::Digest &index : std::as_const(deleted)) {
        for (const oci::Digest &child : facts.childrenOf(index)) {
            if (deletedSet.contains(child) || listedByDeleted.contains(child))
                continue;
            listedByDeleted.insert(child, facts.tagsOn(index).value(0));
            listedOrder << child;
        }
    }
    // A manifest listed by a deleted index after that index: the index never points at
    // nothing, even if the run stops between the two.
    QSet<oci::Digest> listedByAnother;
    for (const oci::Digest &index : std::as_const(deleted)) {
        for (const oci::Digest &child : facts.childrenOf(index)) {
            if (child != index)
                listedByAnother.insert(child);
        }
    }
    std::stable_partition(plan.steps.begin(), plan.steps.end(), [&](const DeleteStep &step) {
        return !listedByAnother.contains(step.digest);
    });

    for (const oci::Digest &child : std::as_const(listedOrder)) {
        if (keptReach.contains(child))
            plan.sharedChildren << child;
    }

    QSet<oci::Digest> orphaned;
    for (const oci::Digest &subject : std::as_const(deleted)) {
        for (const oci::Descriptor &referrer : facts.scan().referrers.value(subject)) {
            if (deletedSet.contains(referrer.digest()) || orphaned.contains(referrer.digest()))
                continue;
            orphaned.insert(referrer.digest());
            plan.orphanedReferrers << referrer;
        }
    }

    // What the deletions mean for the tags that stay.
    for (const QString &tag : facts.allTags()) {
        if (goingSet.contains(tag))
            continue;
        TagFate &fate = fates[tag];
        const oci::Digest digest = facts.digestOf(tag);
        QStringList removedHere;
        for (const QString &other : facts.tagsOn(digest)) {
            if (goingSet.contains(other))
                removedHere << other;
        }
        if (!removedHere.isEmpty()) {
            fate.sayAlso({removedHere.size() == 1 ? Why::OtherTagRemovedHere : Why::OtherTagsRemovedHere,
                          {quotedEach(removedHere), {shortDigest(digest)}}});
        }
        if (const auto index = listedByDeleted.constFind(digest); index != listedByDeleted.cend()) {
            fate.sayAlso({Why::AlsoListedByDeletedIndex, {{shortDigest(digest)}, {quoted(index.value())}}});
        }
        for (const oci::Digest &subject : facts.subjectsOf(digest)) {
            if (deletedSet.contains(subject)) {
                fate.sayAlso({Why::RefersToDeleted, {{shortDigest(subject)}}});
            }
        }
        if (const oci::Digest subject = ScanFacts::fallbackSubject(tag);
            !subject.isNull() && !facts.tagsOn(subject).isEmpty() && !deletedSet.contains(subject)) {
            fate.sayAlso({Why::ReferrersListOfKept, {{shortDigest(subject)}}});
        }
    }

    for (const QString &tag : facts.allTags()) {
        TagFate fate = fates.value(tag);
        fate.tag = tag;
        fate.digest = facts.digestOf(tag);
        plan.tags << fate;
    }
    return plan;
}

} // namespace ops::detail
