#pragma once

#include "image/diff/config/configdiff.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

// The two histories side by side (image::ConfigDiff::history, aligned by created_by): A's
// step number and command, B's step number and command. Rows that differ are in the
// change's colour and bold (only in A: Removed red, only in B: Added green, paired but
// different: Changed amber); equal rows are plain.
//
// Runs of two or more equal rows fold into one row ("12 unchanged steps", with the step
// numbers as ranges) unless showUnchanged() is on; expandRow() unfolds one such run.
//
//     auto *history = new HistoryDiffModel(this);
//     history->setHistory(diff.config.history);
//     connect(showUnchangedBox, &QCheckBox::toggled, history, &HistoryDiffModel::setShowUnchanged);
//     connect(view, &QTableView::doubleClicked, history,
//             [history](const QModelIndex &i) { history->expandRow(i.row()); });
class HistoryDiffModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDiffModel)

public:
    enum Column { StepAColumn, CreatedByAColumn, StepBColumn, CreatedByBColumn, ColumnCount };
    Q_ENUM(Column)

    explicit HistoryDiffModel(QObject *parent = nullptr);
    ~HistoryDiffModel() override;

    // Folded runs start folded again.
    void setHistory(const QList<image::HistoryRow> &rows);
    void clear();
    const QList<image::HistoryRow> &history() const { return m_history; }

    bool showUnchanged() const { return m_showUnchanged; }
    void setShowUnchanged(bool show);
    // Unfolds the run of equal rows `row` stands for; false when `row` is not folded.
    bool expandRow(int row);

    // The history row shown at `row` (a folded row: the first of its run).
    int historyRowAt(int row) const;
    // The rows DiffersRole is true for.
    int differingCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Shown
    {
        int first = 0; // into m_history
        int count = 1; // > 1: a folded run of equal rows
    };

    void rebuild();
    QVariant foldedData(const Shown &shown, int column, int role) const;

    QList<image::HistoryRow> m_history;
    QList<Shown> m_shown;
    QSet<int> m_unfolded; // first rows of runs the person unfolded
    bool m_showUnchanged = false;
};
