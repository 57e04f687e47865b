#pragma once

#include "ops/deleteplan.h"

#include <QStringList>
#include <QWidget>

class DeletePlanModel;
class QButtonGroup;
class QCheckBox;
class QGroupBox;
class QLabel;
class QRadioButton;
class QSortFilterProxyModel;
class QTableView;

// The plan step of the delete window: the plan in plain words (DeletePlanText), the choice
// between removing the selected tag only and deleting its image with the other tags on it
// (shown only when a selected tag shares its image), how a tag alone is removed, and every
// tag's fate in a sortable table (DeletePlanModel) with "Show only what changes".
class DeletePlanView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeletePlanView)

public:
    explicit DeletePlanView(QWidget *parent = nullptr);
    ~DeletePlanView() override;

    // `sharing`: the tags on the selected tags' images that are not selected (the choice is
    // offered when there are any).
    void setPlan(const ops::DeletePlan &plan, const ops::RepositoryScan &scan,
                 const QStringList &selected, const QStringList &sharing);
    void setNotes(const QStringList &notes); // extra sentences after the plan's

    ops::DeleteMode mode() const { return m_mode; }
    void setMode(ops::DeleteMode mode); // emits modeChanged() when it changes
    bool offersModeChoice() const;
    bool showsOnlyChanges() const;
    void setShowOnlyChanges(bool only);

    QString planText() const;
    DeletePlanModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void modeChanged(ops::DeleteMode mode);

private:
    void updateFilter();

    ops::DeleteMode m_mode = ops::DeleteMode::TagOnly;
    QStringList m_notes;
    QLabel *m_headline = nullptr;
    QLabel *m_planLabel = nullptr;
    QGroupBox *m_choice = nullptr;
    QRadioButton *m_tagOnly = nullptr;
    QRadioButton *m_image = nullptr;
    QButtonGroup *m_modes = nullptr;
    QLabel *m_methodLabel = nullptr;
    QCheckBox *m_onlyChanges = nullptr;
    DeletePlanModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
};
