#pragma once

#include "ops/deleteplan.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

class QColor;

// The tags of an ops::DeletePlan as a table, one row per ops::TagFate in the plan's order:
// the tag, its digest (short; full as tool tip), when its image was created (when known),
// the decision ("Deleted" in red, "Protected" in amber, "Kept" plain) and why, both in the
// user's language (tagFateName / tagFateText of models/ops/tagfatetext.h).
//
// Sorting: a QSortFilterProxyModel with setSortRole(DeletePlanModel::SortRole) sorts every
// column sensibly (tags and digests naturally, dates by time, decisions Deleted, Protected,
// Kept). Filtering: FateRole (int, ops::TagFate::Fate) for "only what is deleted", or
// TouchedRole (bool) for "only what changes": the deleted tags and the tags that share an
// image with one of them (they stay, and say so).
//
//     auto *model = new DeletePlanModel(this);
//     model->setPlan(plan, scan);                 // created dates from the scan
//     auto *proxy = new QSortFilterProxyModel(this);
//     proxy->setSourceModel(model);
//     proxy->setSortRole(DeletePlanModel::SortRole);
//     proxy->setFilterRole(DeletePlanModel::TouchedRole);
//     proxy->setFilterFixedString(QStringLiteral("true")); // only what changes
//     view->setModel(proxy);
class DeletePlanModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeletePlanModel)

public:
    enum Column { TagColumn, DigestColumn, CreatedColumn, DecisionColumn, WhyColumn, ColumnCount };
    Q_ENUM(Column)
    // Beyond Qt's roles; the same value in every column of a row (SortRole per column).
    enum Role {
        FateRole = Qt::UserRole + 256, // int: ops::TagFate::Fate of the row
        TouchedRole, // bool: deleted, or shares its digest with a deleted tag
        SortRole,    // the column's sort key (QString, QDateTime or int)
        TagRole,     // QString: the tag
        DigestRole,  // QString: the full digest
        CreatedRole, // QDateTime (UTC): invalid when unknown
    };
    Q_ENUM(Role)

    explicit DeletePlanModel(QObject *parent = nullptr);
    ~DeletePlanModel() override;

    // Shows `plan`; created dates come from `scan` (the one the plan was made from) or
    // from `created` (tag -> date), else the column stays empty.
    void setPlan(const ops::DeletePlan &plan);
    void setPlan(const ops::DeletePlan &plan, const ops::RepositoryScan &scan);
    void setPlan(const ops::DeletePlan &plan, const QHash<QString, QDateTime> &created);
    void clear();
    const ops::DeletePlan &plan() const { return m_plan; }

    // The row of `tag`, -1 when the plan does not hold it.
    int rowOf(const QString &tag) const;
    const ops::TagFate &fateAt(int row) const { return m_plan.tags.at(row); }
    // Rows for which TouchedRole is true.
    int touchedCount() const;

    // The colour the Decision column gives a fate (invalid for Kept: the view's own).
    static QColor fateColour(int fate);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QVariant sortKey(int row, int column) const;

    ops::DeletePlan m_plan;
    QHash<QString, QDateTime> m_created;
    QSet<oci::Digest> m_deletedDigests; // digests of the deleted tags
    QList<int> m_tagRank;               // per row: its place in natural order of the tags
};
