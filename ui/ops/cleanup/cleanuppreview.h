#pragma once

#include <QWidget>

class DeletePlanModel;
class PlanFateFilter;
class QAbstractButton;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QTableView;

namespace ops {
struct DeletePlan;
struct RepositoryScan;
} // namespace ops

// The dry run of retention rules: the counts in one sentence ("87 tags will be deleted,
// 256 kept and 12 protected"), a filter (All / Deleted / Kept / Protected, with counts,
// and a tag search), the DeletePlanModel table with the rule that decided each tag (the
// current row's reason in full below it), and notes for referrers left without their image.
//
//     preview->setPlan(plan, scan);   // the plan the run button will run
//     preview->showMessage(tr("…"));  // no plan: why (counts and table emptied)
class CleanupPreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CleanupPreview)

public:
    enum Filter { All = 100 }; // else an ops::TagFate::Fate (QButtonGroup ids must not be -1)

    explicit CleanupPreview(QWidget *parent = nullptr);
    ~CleanupPreview() override;

    void setPlan(const ops::DeletePlan &plan, const ops::RepositoryScan &scan);
    void showMessage(const QString &message);

    // All, or an ops::TagFate::Fate.
    int filter() const;
    void setFilter(int filter);

    const DeletePlanModel *model() const { return m_model; }
    const QTableView *table() const { return m_table; }
    QString countsText() const;
    // The current tag's reason in full, under the table.
    QString detailText() const;

    // "87 tags will be deleted, 256 kept and 12 protected." / "Nothing will be deleted: …"
    static QString counts(int deleted, int kept, int protectedTags);

private:
    void showDetail();
    void updateFilterButtons(int deleted, int kept, int protectedTags);

    DeletePlanModel *m_model = nullptr;
    PlanFateFilter *m_filterModel = nullptr;
    QLabel *m_counts = nullptr;
    QButtonGroup *m_filterGroup = nullptr;
    QAbstractButton *m_allButton = nullptr;
    QAbstractButton *m_deletedButton = nullptr;
    QAbstractButton *m_keptButton = nullptr;
    QAbstractButton *m_protectedButton = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_notes = nullptr;
};
