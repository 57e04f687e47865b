#pragma once

#include "ops/deleteplan.h"

#include "oci/core/result.h"

namespace ops {

struct RetentionRules;

// The plan that retention `rules` make of a scanned repository: a pure function (the same
// scan and rules give the same plan, in a fixed order), so the dry run shown is the plan
// that runs.
//
// Per tag, the first rule that decides, named in its reason:
// 1. a keep pattern matches: Kept;
// 2. its image is among the keepNewest newest images: Kept (images without a created date
//    count as the oldest, and the reason says so);
// 3. created before deleteOlderThan, or a delete pattern matches — or, with neither rule
//    given, not kept by 1 or 2: a candidate (Deleted);
// 4. otherwise Kept: no delete rule applies.
// Then candidates are Protected when a tag that stays shares their digest, or when a tag
// that stays points at a referrer (signature, SBOM, ...) whose subject is their image; the
// reason names that tag. A "sha256-<hex>" referrers tag is never a candidate: it goes
// exactly when its subject's manifest goes.
// Steps: a DeleteManifest step for a digest whose every tag goes (and that no index which
// stays lists), else a RemoveTag step per going tag.
//
// Fails (InvalidArgument) when the rules do not validate() or the scan holds a tag without
// details.
//
//     ops::RetentionRules rules;
//     rules.keepNewest = 5;
//     rules.keep = {u"release-.*"_s};
//     const oci::Result<ops::DeletePlan> plan = ops::planRetention(scanJob->scan(), rules);
//     if (plan)
//         for (const ops::TagFate &tag : plan->tags)
//             print(tag.tag, tag.fate, tag.reason); // the dry run; run plan.value() after "yes"
oci::Result<DeletePlan> planRetention(const RepositoryScan &scan, const RetentionRules &rules);

} // namespace ops
