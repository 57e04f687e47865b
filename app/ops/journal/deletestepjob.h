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

// One step of a DeletePlan against the registry, journaled (DeleteRun runs them in turn;
// a RemoveTag step here names exactly one tag). finished() always comes with outcome();
// error() is only Cancelled after cancel(), which leaves the journal entry as it was
// (Pending if the registry may have been touched).
//
// DeleteManifest: GET the manifest by digest (verified: the journal's copy) and HEAD each
// of the step's tags (those that moved elsewhere stay and are not journaled as carried);
// entry written Pending; DELETE by digest; entry Done / Failed / Skipped.
//
// RemoveTag: GET the manifest by tag and check it still is the planned digest (else
// Skipped: the tag moved); entry written Pending; DELETE by tag (the registry's tag API).
// If the registry refuses that (Unsupported): DELETE of a digest that does not exist
// tells whether deleting works at all (404 yes, 405 no: Failed, the tag untouched); the
// empty config blob is uploaded if missing; the entry records the throwaway manifest;
// the throwaway is PUT under the tag and DELETEd by digest (if that DELETE fails, the
// original bytes are PUT back under the tag). The method used is in outcome().method.
//
// A registry whose tag DELETE removes the manifest too (and so every other tag on it, as
// zot does) is caught: after a tag-API delete the digest is HEADed; if it went, the entry
// records every tag that went with it (setTagsSharingDigest() names the ones to look
// for), so undo restores them, and the run stops (stopsRun()).
//
// A lost answer to a DELETE (network, timeout) is settled by asking the registry
// whether the object is still there. stopsRun() when the registry could not be reached,
// the journal could not be written, or the client was destroyed mid-step (the job then
// ends with error() Cancelled, "the registry was removed", and the outcome Failed):
// later steps would fare no better.
//
// Journal writes run on the thread pool (journalio.h); the job waits for each before it
// sends the request that depends on it.
//
//     auto *job = new ops::DeleteStepJob(client, journal, u"team/app"_s, step, 0, runId, this);
//     connect(job, &oci::Job::finished, this, [job] { use(job->outcome()); job->deleteLater(); });
//     job->start();
class DeleteStepJob final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteStepJob)

public:
    DeleteStepJob(oci::RegistryClient *client, Journal journal, QString repository,
                  DeleteStep step, int stepIndex, QString run, QObject *parent = nullptr);
    ~DeleteStepJob() override;

    // RemoveTag: the other tags the scan saw on the step's digest (they stay, unless the
    // registry's tag DELETE takes the manifest along: then the ones gone are journaled too).
    void setTagsSharingDigest(const QStringList &tags);

    void start();
    const DeleteOutcome &outcome() const;
    // The manifests the step's index lists, from the bytes fetched (empty for an image or
    // when nothing was read); manifestWasRead() tells the two apart.
    QList<oci::Digest> listedManifests() const;
    bool manifestWasRead() const;
    bool stopsRun() const;
    const QString &stopReason() const;

    // The registry could not be reached (network, timeout, 5xx or 429 after the retries).
    static bool isUnreachable(const oci::Error &error);

protected:
    void abort() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
