#pragma once

#include "ops/journal/journal.h"
#include "ops/journal/journalentry.h"

#include "oci/client/job.h"
#include "oci/manifest/descriptor.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace oci {
class RegistryClient;
}

namespace ops {

// Undoes one journal entry: puts the exact manifest bytes back, then the tags.
//
// First every piece the manifest needs is looked for in the repository: the config and
// layers of an image (HEAD each blob; layers with external URLs are not stored there),
// the child manifests of an index (HEAD each by digest). If any is gone — the registry's
// garbage collection ran since the deletion — nothing is written and the job fails
// (NotFound) naming each missing piece; missing() lists them. Otherwise:
//   DeleteManifest: PUT the bytes by digest, then under each tag the entry carried;
//   RemoveTag: PUT the bytes under the tag.
// Then the entry is marked Undone. The client must be for the entry's registry.
// Entries that cannot be undone (Skipped, Undone, without bytes) fail with InvalidArgument.
//
//     auto *undo = new ops::UndoJob(client, ops::Journal(), entryId, this);
//     connect(undo, &oci::Job::finished, this, [undo] {
//         if (!undo->succeeded()) say(undo->error().describe()); // names the missing blobs
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
    // What was PUT back so far: "@sha256:…" for the digest, then the tags.
    const QStringList &restored() const;

protected:
    void abort() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
