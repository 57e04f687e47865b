#include "ops/journal/journalmodel.h"

#include "ops/journal/journalio.h"

#include "oci/core/futurecontinuation.h"

#include <QLocale>

using ops::JournalEntry;

JournalModel::JournalModel(ops::Journal journal, QObject *parent)
    : QAbstractTableModel(parent)
    , m_journal(std::move(journal))
{
}

JournalModel::~JournalModel() = default;

void JournalModel::setJournal(ops::Journal journal)
{
    m_journal = std::move(journal);
    setEntries({});
    reload();
}

void JournalModel::reload()
{
    m_loading = true;
    const int generation = ++m_generation;
    oci::whenFinished(this, ops::journalio::entries(m_journal),
                      [this, generation](const ops::journalio::Listing &listing) {
                          if (generation != m_generation)
                              return;
                          m_loading = false;
                          m_damaged = listing.damaged;
                          setEntries(listing.entries);
                          Q_EMIT loaded();
                      });
}

void JournalModel::setEntries(QList<JournalEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int JournalModel::rowOf(const QString &id) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id)
            return int(row);
    }
    return -1;
}

QString JournalModel::stateText(const JournalEntry &entry)
{
    switch (entry.state) {
    case JournalEntry::State::Pending:
        return tr("not finished");
    case JournalEntry::State::Done:
        return tr("deleted");
    case JournalEntry::State::Failed:
        return tr("failed");
    case JournalEntry::State::Skipped:
        return tr("nothing deleted");
    case JournalEntry::State::Undone:
        return entry.isPartlyUndone() ? tr("partly undone") : tr("undone");
    }
    return {};
}

QString JournalModel::whatText(const JournalEntry &entry)
{
    const QString digest = entry.digest.shortString();
    const QString tags = entry.tags.join(QStringLiteral(", "));
    if (entry.kind == ops::DeleteStep::Kind::RemoveTag) {
        if (entry.tags.size() > 1) // the registry took the image along (see DeleteStepJob)
            return tr("tags %1 (%2)").arg(tags, digest);
        return tr("tag %1 (%2)").arg(tags, digest);
    }
    if (entry.tags.isEmpty())
        return tr("image %1 (untagged)").arg(digest);
    return tr("image %1 (%2)").arg(digest, tags);
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat);
        case WhereColumn:
            return QString(entry.registry + u'/' + entry.repository);
        case WhatColumn:
            return whatText(entry);
        case StateColumn:
            return stateText(entry);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case WhenColumn:
            return QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat);
        case WhatColumn:
            return entry.digest.toString();
        case StateColumn:
            if (entry.isPartlyUndone())
                return tr("Left alone, as they point at another image now: %1")
                    .arg(entry.undoSkipped.join(QStringLiteral(", ")));
            return entry.reason.isEmpty() ? QVariant() : QVariant(entry.reason);
        default:
            return {};
        }
    case EntryIdRole:
        return entry.id;
    case RunRole:
        return entry.run;
    case TimeRole:
        return entry.time;
    case StateRole:
        return int(entry.state);
    case CanUndoRole:
        return entry.canUndo();
    case RegistryRole:
        return entry.registry;
    default:
        return {};
    }
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case WhereColumn:
        return tr("Registry and repository");
    case WhatColumn:
        return tr("Deleted");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}
