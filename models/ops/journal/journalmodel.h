#pragma once

#include "ops/journal/journal.h"
#include "ops/journal/journalentry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

// The deletion journal as a table, newest first: one row per ops::JournalEntry (one step of
// a deletion run). Columns: when (local time), where (registry/repository), what was
// deleted (the tags, the digest's short form), and its state in words (deleted, undone,
// partly undone, failed, …). Roles below give the entry's id, run, state and whether it
// can be undone; entry(row) the whole entry for a details view.
//
// reload() reads the journal folder on the thread pool (the GUI never waits for the disk)
// and replaces the rows when it is read (a model reset: keep selections by EntryIdRole).
//
//     auto *model = new JournalModel(ops::Journal(), this);
//     connect(model, &JournalModel::loaded, this, [model] { … model->damagedFiles() … });
//     model->reload();
class JournalModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalModel)

public:
    enum Column { WhenColumn, WhereColumn, WhatColumn, StateColumn, ColumnCount };
    enum Role {
        EntryIdRole = Qt::UserRole + 1, // QString
        RunRole,                        // QString: the DeleteRun that wrote it
        TimeRole,                       // QDateTime (UTC)
        StateRole,                      // int: ops::JournalEntry::State
        CanUndoRole,                    // bool
        RegistryRole,                   // QString: host[:port]
    };

    explicit JournalModel(ops::Journal journal, QObject *parent = nullptr);
    ~JournalModel() override;

    const ops::Journal &journal() const { return m_journal; }
    // Another folder: the rows are cleared and it is read.
    void setJournal(ops::Journal journal);
    void reload();
    bool isLoading() const { return m_loading; }
    // Files in the folder that are not readable entries, as of the last load.
    const QStringList &damagedFiles() const { return m_damaged; }

    // The rows as entries, in order (replaces the rows at once; for tests and callers that
    // read the journal themselves).
    void setEntries(QList<ops::JournalEntry> entries);
    const QList<ops::JournalEntry> &entries() const { return m_entries; }
    const ops::JournalEntry &entry(int row) const { return m_entries.at(row); }
    int rowOf(const QString &id) const; // -1 when not listed

    // The state as a person reads it: "deleted", "undone", "partly undone", "failed",
    // "not finished" (Pending), "nothing deleted" (Skipped).
    static QString stateText(const ops::JournalEntry &entry);
    // "image sha256:1a2b3c4d5e6f (1.1, latest)", "tag latest (sha256:1a2b3c4d5e6f)",
    // "image sha256:1a2b3c4d5e6f (untagged)"
    static QString whatText(const ops::JournalEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(); // a reload() is done (rows replaced)

private:
    ops::Journal m_journal;
    QList<ops::JournalEntry> m_entries;
    QStringList m_damaged;
    bool m_loading = false;
    int m_generation = 0; // a reload superseded by another one is dropped
};
