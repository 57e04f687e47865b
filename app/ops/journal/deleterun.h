#pragma once

#include "ops/deleteplan.h"
#include "ops/journal/deletesummary.h"
#include "ops/journal/journal.h"

#include "oci/client/job.h"

#include <memory>

namespace oci {
class RegistryClient;
}

namespace ops {

// Runs a DeletePlan against the registry, one step after the other (the journal's order
// is the plan's), each journaled before the registry is touched (DeleteStepJob). A
// RemoveTag step that names several tags runs as one removal per tag, each with its
// journal entry and outcome.
//
// First the repository is checked again against the plan (RepositoryRecheck): if a tag
// appeared, went or moved since the scan, nothing runs — summary().stopped, stopReason
// "the repository changed since the scan: …; scan again", changedTags. A plan without the
// scan's tags (plan.tags empty: made by hand) has nothing to compare with and is not
// re-checked.
//
// finished() always comes with summary(): one outcome per step, in plan order. error()
// is set only when the plan could not run at all (a plan for another registry), or
// Cancelled ("the registry was removed") when the client is destroyed mid-run: the step
// in flight then ends Failed and the rest NotRun. The run goes on after a step failed,
// except when the registry could not be reached, the journal could not be written, or
// the registry's tag DELETE took the whole image: then it stops, and the steps left are
// NotRun (summary().stopped, stopReason). A manifest listed by an index whose deletion
// failed is not deleted (Skipped: the index would point at nothing). requestCancel()
// stops before the next step; the step in flight finishes and is reported.
// oci::Job::cancel() instead aborts at once and silently: the step in flight keeps a
// Pending journal entry.
//
//     auto *run = new ops::DeleteRun(client, ops::Journal(), plan, this);
//     connect(run, &ops::DeleteRun::progress, this, [](int done, int total) { … });
//     connect(run, &oci::Job::finished, this, [run] {
//         show(run->summary().describe());   // deleted / skipped / failed, with reasons
//         run->deleteLater();
//     });
//     run->start();
class DeleteRun final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteRun)

public:
    DeleteRun(oci::RegistryClient *client, Journal journal, DeletePlan plan,
              QObject *parent = nullptr);
    ~DeleteRun() override;

    void start();
    void requestCancel();

    const DeletePlan &plan() const;
    const QString &runId() const; // the "run" of its journal entries
    // Filled in as steps end; NotRun until then.
    const DeleteSummary &summary() const;
    int stepCount() const; // outcomes (a RemoveTag step counts once per tag)
    int stepsDone() const;

Q_SIGNALS:
    void checkingRepository();      // the re-check before the first step began
    void stepStarted(int outcome);  // index into summary().outcomes
    void stepFinished(int outcome);
    void progress(int done, int total);

protected:
    void abort() override;

private:
    void recheck();
    void onRechecked();
    void runNext();
    void onStepFinished();
    void onClientGone();
    void end();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
