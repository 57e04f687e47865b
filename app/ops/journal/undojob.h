#pragma once

#include "ops/journal/journal.h"
#include "ops/journal/journalentry.h"

#include "oci/client/job.h"
#include "oci/core/digest.h"
#include "oci/manifest/descriptor.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace oci {
class RegistryClient;
}

namespace ops {

// What undo did with one tag of the entry.
struct UndoTagResult
{
    enum class Result {
        Restored,     // PUT back (it was absent, or on the throwaway manifest of its untag)
        AlreadyThere, // it already pointed at the entry's digest: nothing written
        Skipped,      // it points at another digest now (moved on since): left alone
    };
    QString tag;
    Result result = Result::Restored;
    oci::Digest now; // Skipped: where it points now
    QString reason;  // Skipped: why, a full English sentence
};

// Undoes one journal entry: puts the exact manifest bytes back, then the tags.
//
// First every piece the manifest needs is looked for in the repository: the config and
// layers of an image (HEAD each blob; layers with external URLs are not stored there),
// the child manifests of an index (HEAD each by digest). If any is gone — the registry's
// garbage collection ran since the deletion — nothing is written and the job fails
// (NotFound) naming each missing piece; missing() lists them. Otherwise:
//   DeleteManifest: PUT the bytes by digest, then under each tag the entry carried;
//   RemoveTag: PUT the bytes under the tag(s).
// Each tag is HEADed just before its PUT: one that now points at another digest (it moved
// on since the deletion) is left alone and reported Skipped in tagResults(); one already
// on the digest is accepted as it is. Then the entry is marked Undone (undoSkipped names
// the skipped tags: "partly undone"). When nothing at all could be put back because every
// tag moved on, the job fails (DigestMismatch) and the entry stays as it was.
// The client must be for the entry's registry; destroyed mid-job, the job ends Cancelled
// ("the registry was removed"; undo again later: tags already back are accepted).
// Entries that cannot be undone (Skipped, Undone, without bytes) fail with InvalidArgument.
// The journal is read and written on the thread pool (journalio.h).
//
//     auto *undo = new ops::UndoJob(client, ops::Journal(), entryId, this);
//     connect(undo, &oci::Job::finished, this, [undo] {
//         if (!undo->succeeded()) say(undo->error().describe()); // names the missing blobs
//         for (const ops::UndoTagResult &tag : undo->tagResults()) say(tag.tag, tag.reason);
//         undo->deleteLater();
//     });
//     undo->start();
class UndoJob final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UndoJob)

public:
    UndoJob(oci::RegistryClient *client, Journal journal, QString entryId, QObject *parent = nullptr);
    ~UndoJob() override;

    void start();
    // The entry as read; once succeeded, as marked Undone.
    const JournalEntry &entry() const;
    // What the registry no longer has (config, layers, child manifests), when refused.
    const QList<oci::Descriptor> &missing() const;
    // What is back so far: "@sha256:…" for the digest, then the tags (Restored or
    // AlreadyThere).
    const QStringList &restored() const;
    // One per tag looked at, in the entry's order.
    const QList<UndoTagResult> &tagResults() const;
    QStringList skippedTags() const;

protected:
    void abort() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
