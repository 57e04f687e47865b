#pragma once

#include <QList>
#include <QWidget>

class JobsModel;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;

// The jobs panel (the main window docks it at the bottom): the jobs of a JobsModel in a tree
// (each push with its blobs below it; progress bars, speed, time left), Cancel and Retry for
// the selected jobs, Clear Finished, and a one-line summary ("2 jobs running, 34 MiB of
// 120 MiB, 18 MiB/s"). With no jobs it says how to start one.
class JobsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPanel)

public:
    // The model is not owned; it must outlive the panel.
    explicit JobsPanel(JobsModel *model, QWidget *parent = nullptr);
    ~JobsPanel() override;

    JobsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *clearButton() const { return m_clear; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *emptyLabel() const { return m_empty; }

    // Job rows of the selection (a selected blob stands for its job), ascending.
    QList<int> selectedJobRows() const;

    void cancelSelected();
    void retrySelected();
    void clearFinished();

private:
    void updateButtons();
    void updateSummary();
    void updateEmptyState();

    JobsModel *m_model;
    QTreeView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_clear = nullptr;
};
