#pragma once

#include "ops/deleteplan.h"

#include "oci/core/digest.h"
#include "oci/core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ops {

// What became of one step of a plan when it ran (a RemoveTag step naming several tags
// runs, and is reported, tag by tag).
struct DeleteOutcome
{
    enum class Result {
        Deleted, // done: `tags` are gone from the registry
        Skipped, // nothing to do or not safe to do, `reason` says why; nothing was changed
        Failed,  // `error` (and `reason`) say what went wrong; `tags` were NOT deleted
        NotRun,  // cancelled, or the run stopped before this step (`reason`)
    };

    int step = -1; // index in DeletePlan::steps
    DeleteStep::Kind kind = DeleteStep::Kind::DeleteManifest;
    oci::Digest digest;
    // Deleted: the tags that are gone. Otherwise: the tags the step was about (still there,
    // unless another change than ours took them).
    QStringList tags;
    QString method; // RemoveTag that ran: "tag API" or "throwaway manifest sha256:…"
    Result result = Result::NotRun;
    // A full English sentence: why skipped, failed, not run; for Deleted, anything worth
    // knowing ("'rc' now points at sha256:…, not at this image: it stays").
    QString reason;
    oci::Error error;  // Failed
    QString journalId; // the journal entry of this step (empty when it did not run)
};

// The end of a DeleteRun: one outcome per step (per tag for RemoveTag), in plan order.
//
//     const ops::DeleteSummary &summary = run->summary();
//     qInfo("%s", qPrintable(summary.describe()));
//     if (summary.garbageCollectionNeeded()) showNote(ops::DeleteSummary::garbageCollectionReminder());
struct DeleteSummary
{
    QString registry;
    QString repository;
    QString run; // the run id, as in the journal entries
    QList<DeleteOutcome> outcomes;
    bool cancelled = false;
    // The run stopped before its end: the repository changed since the scan, the registry
    // could not be reached, the journal could not be written, the registry deleted more
    // than a tag, or the client was removed. `stopReason` says which (a clause that follows
    // "because"); later steps are NotRun.
    bool stopped = false;
    QString stopReason;
    // The re-check before the first step found these tags appeared, went or moved since the
    // scan the plan came from: nothing ran (stopped, stopReason names them: "scan again").
    QStringList changedTags;

    int count(DeleteOutcome::Result result) const;
    QStringList deletedTags() const; // over all Deleted outcomes, in order
    QList<oci::Digest> deletedDigests() const; // DeleteManifest steps that were done
    bool isComplete() const; // every step Deleted or Skipped

    // Something was deleted: the registry frees the space only when its garbage
    // collection runs. The UI shows garbageCollectionReminder() then.
    bool garbageCollectionNeeded() const { return count(DeleteOutcome::Result::Deleted) > 0; }
    static QString garbageCollectionReminder();

    // Several lines of English for ladingctl and logs: the counts, then each step.
    QString describe() const;
};

} // namespace ops
