#include "jobspanel.h"

#include "jobprogressdelegate.h"
#include "jobsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

JobsPanel::JobsPanel(JobsModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("jobsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("jobsCancel"));
    m_cancel->setToolTip(tr("Stop the selected pushes. Nothing is published; Retry resumes."));
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("jobsRetry"));
    m_retry->setToolTip(
        tr("Push the selected jobs again, skipping what the registry already has."));
    m_clear = new QPushButton(tr("C&lear Finished"), this);
    m_clear->setObjectName(QStringLiteral("jobsClear"));

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new JobProgressDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setUniformRowHeights(true); // rows change ten times a second: no per-row measuring
    m_view->setAllColumnsShowFocus(true);
    m_view->setRootIsDecorated(true);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    // Fixed widths, not ResizeToContents: the texts change on every tick.
    header->setSectionResizeMode(JobsModel::NameColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = fontMetrics();
    header->resizeSection(JobsModel::StatusColumn,
                          metrics.horizontalAdvance(QLatin1Char('x')) * 34);
    header->resizeSection(JobsModel::ProgressColumn,
                          metrics.horizontalAdvance(QLatin1Char('x')) * 28);
    header->resizeSection(JobsModel::SpeedColumn, metrics.horizontalAdvance(QLatin1Char('x')) * 13);
    header->resizeSection(JobsModel::EtaColumn, metrics.horizontalAdvance(QLatin1Char('x')) * 14);

    m_empty = new QLabel(tr("No pushes yet. Drop an image file or folder on a repository or a "
                            "registry to push it; its progress shows here."),
                         this);
    m_empty->setObjectName(QStringLiteral("jobsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_cancel);
    bar->addWidget(m_retry);
    bar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_cancel, &QPushButton::clicked, this, &JobsPanel::cancelSelected);
    connect(m_retry, &QPushButton::clicked, this, &JobsPanel::retrySelected);
    connect(m_clear, &QPushButton::clicked, this, &JobsPanel::clearFinished);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsPanel::updateButtons);
    connect(m_model, &JobsModel::jobStateChanged, this, &JobsPanel::updateButtons);
    connect(m_model, &JobsModel::totalsChanged, this, &JobsPanel::updateSummary);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, [this](const QModelIndex &parent) {
            if (!parent.isValid()) {
                updateEmptyState();
                updateButtons();
                updateSummary();
            }
        });
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateEmptyState();
        updateButtons();
        updateSummary();
    });
    updateEmptyState();
    updateButtons();
    updateSummary();
}

JobsPanel::~JobsPanel() = default;

QList<int> JobsPanel::selectedJobRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        const int row = m_model->jobRow(index);
        if (row >= 0 && !rows.contains(row))
            rows << row;
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void JobsPanel::cancelSelected()
{
    const QList<int> rows = selectedJobRows();
    for (int row : rows)
        m_model->cancel(row);
}

void JobsPanel::retrySelected()
{
    const QList<int> rows = selectedJobRows();
    for (int row : rows)
        m_model->retry(row);
}

void JobsPanel::clearFinished()
{
    m_model->clearFinished();
}

void JobsPanel::updateButtons()
{
    bool cancel = false;
    bool retry = false;
    const QList<int> rows = selectedJobRows();
    for (int row : rows) {
        cancel = cancel || m_model->canCancel(row);
        retry = retry || m_model->canRetry(row);
    }
    m_cancel->setEnabled(cancel);
    m_retry->setEnabled(retry);
    m_clear->setEnabled(m_model->totals().finished > 0);
}

void JobsPanel::updateSummary()
{
    const JobsModel::Totals totals = m_model->totals();
    const QLocale locale;
    QString text;
    if (totals.running > 0) {
        // Two sentences rather than %n: each reads whole in English and German alike.
        QStringList parts{totals.running == 1 ? tr("1 job running")
                                              : tr("%1 jobs running").arg(totals.running)};
        if (totals.total > 0)
            parts << tr("%1 of %2")
                         .arg(locale.formattedDataSize(totals.done, 1),
                              locale.formattedDataSize(totals.total, 1));
        if (totals.bytesPerSecond >= 0)
            parts << JobsModel::speedText(totals.bytesPerSecond);
        text = parts.join(tr(", "));
    } else if (totals.finished > 0) {
        text = tr("No job running; %1 finished.").arg(totals.finished);
    }
    if (m_summary->text() != text)
        m_summary->setText(text);
    // Clear Finished follows the totals, which change without a selection change.
    m_clear->setEnabled(totals.finished > 0);
}

void JobsPanel::updateEmptyState()
{
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
}
