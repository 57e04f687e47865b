#pragma once

#include "ops/journal/journalentry.h"

#include "oci/core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ops {

// The journal of deletions on disk: a folder of JSON files, one per entry (the format is
// in journalentry.h). Every write is a whole file through QSaveFile (written beside,
// flushed to disk, renamed over), so a crash leaves the old entry or the new one, never
// half of one. Entries are small (a manifest is at most 4 MiB, usually a few KiB): reads
// and writes here are synchronous; the jobs (DeleteStepJob, UndoJob) run them on the
// thread pool (journalio.h) and wait for each write before they touch the registry.
//
// A Journal is its folder: copies write the same files. Not thread-safe; two processes
// (GUI and ladingctl) may share a folder: ids carry a random part and every update
// rewrites one file.
//
//     ops::Journal journal;                       // ~/.local/share/lading/journal (GenericDataLocation)
//     const QList<ops::JournalEntry> recent = journal.entries(); // newest first
//     for (const ops::JournalEntry &entry : recent)
//         qInfo() << entry.id << entry.describe();
class Journal final
{
public:
    Journal();                      // defaultFolder()
    explicit Journal(QString folder); // tests, ladingctl --journal

    static QString defaultFolder();
    const QString &folder() const { return m_folder; }

    // Writes a new entry: id, time and updated are assigned here (ids of one process
    // strictly increase, so entries written in turn list in that order). The folder is
    // made if needed. Io on failure: nothing may be deleted then.
    oci::Result<JournalEntry> add(JournalEntry entry);
    // Rewrites the entry with the same id (which must exist); sets updated.
    oci::Result<JournalEntry> update(JournalEntry entry);
    // NotFound for an unknown id; the entry's own errors (journalentry.h) for a damaged file.
    oci::Result<JournalEntry> read(const QString &id) const;

    // Every readable entry, newest first. Files that are not readable entries are left
    // out and described in `damaged` ("<file>: <why>"), if given.
    QList<JournalEntry> entries(QStringList *damaged = nullptr) const;
    // The entries one DeleteRun wrote, in the order it wrote them.
    QList<JournalEntry> entriesOfRun(const QString &run) const;

private:
    QString pathOf(const QString &id) const;
    oci::Result<JournalEntry> write(JournalEntry entry, bool mustExist);

    QString m_folder;
};

} // namespace ops
