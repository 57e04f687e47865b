#pragma once

#include "ops/deleteplan.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace ops::detail {

class ScanFacts;

// What a planner decided, before it becomes a plan.
struct Decisions
{
    // Every tag of the scan with its fate and the planner's reason (a full sentence).
    QHash<QString, TagFate> fates;
    // The Deleted tags in the order the planner decided them: the steps follow it.
    QStringList going;
};

// Turns decisions into a plan, the same way for every planner:
// - a "sha256-<hex>" referrers tag follows its subject: it goes when the subject's
//   manifest is deleted;
// - per digest, one DeleteManifest step when every tag on it goes and no index that stays
//   lists it; otherwise one RemoveTag step per going tag (the manifest stays);
// - steps in the order the tags were decided, manifests an index lists after that index;
// - each reason completed with what happens to the manifest, and what deleting it means
//   for the tags that stay (shared index children, referrers left without a subject);
// - orphanedReferrers and sharedChildren; every tag once, in the scan's order.
DeletePlan assemblePlan(const ScanFacts &facts, Decisions decisions);

} // namespace ops::detail
