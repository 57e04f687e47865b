#pragma once

#include "ops/deleteplan.h"

#include "oci/core/result.h"

#include <QStringList>

namespace ops {

// The plan for deleting `selectedTags` of a scanned repository, computed before anything
// is touched; a pure function of its arguments (the same scan and selection give the same
// plan, steps and reasons in a fixed order).
//
// DeleteMode::Image: one DeleteManifest step per distinct digest, carrying every tag on it
// (the tags that were not selected say which selected tag they go with).
// DeleteMode::TagOnly: a RemoveTag step per selected tag whose digest other tags keep;
// a DeleteManifest step when the selection holds every tag on that digest.
// For both: a manifest that an index which stays lists is never deleted (in Image mode only
// the selected tags on it are removed, as in TagOnly mode); a "sha256-<hex>" referrers tag
// goes with the manifest it describes; referrers
// whose subject goes are listed in orphanedReferrers, and manifests of a deleted index that
// other tags still use in sharedChildren (the registry keeps them). Every other tag is Kept
// ("Not selected.").
//
// Fails (InvalidArgument) when a selected tag is not in the scan, or when the scan holds a
// tag without details: a plan from a partial scan could delete a tag by surprise.
//
//     auto *scanJob = ops::RepositoryScanJob::start(fetcher, u"team/app"_s, this);
//     connect(scanJob, &oci::Job::finished, this, [scanJob] {
//         scanJob->deleteLater();
//         if (!scanJob->succeeded())
//             return report(scanJob->error());
//         const oci::Result<ops::DeletePlan> plan =
//             ops::planDeletion(scanJob->scan(), {u"latest"_s}, ops::DeleteMode::TagOnly);
//         if (plan)
//             show(plan.value()); // "latest" removed; "1.1" on the same digest Kept
//     });
oci::Result<DeletePlan> planDeletion(const RepositoryScan &scan, const QStringList &selectedTags,
                                     DeleteMode mode);

} // namespace ops
