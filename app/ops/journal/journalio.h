#pragma once

#include "ops/journal/journal.h"
#include "ops/journal/journalentry.h"

#include "oci/core/result.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

namespace ops::journalio {

// Journal reads and writes on the thread pool, so that the jobs that run deletions and
// undo never hold the event loop while QSaveFile flushes to disk. Each takes its own copy
// of the Journal (a folder name) and of the entry: nothing is shared with the caller's
// thread. Hand the result back with oci::whenFinished(context, future, …); a job waits
// for the write before it touches the registry.
//
//     oci::whenFinished(this, ops::journalio::add(journal, entry),
//                       [this](const oci::Result<ops::JournalEntry> &written) { … });
QFuture<oci::Result<JournalEntry>> add(Journal journal, JournalEntry entry);
QFuture<oci::Result<JournalEntry>> update(Journal journal, JournalEntry entry);
QFuture<oci::Result<JournalEntry>> read(Journal journal, QString id);

// Journal::entries() off the thread: every readable entry, newest first, and the files
// that are not (described as Journal::entries() does).
struct Listing
{
    QList<JournalEntry> entries;
    QStringList damaged;
};
QFuture<Listing> entries(Journal journal);

} // namespace ops::journalio
