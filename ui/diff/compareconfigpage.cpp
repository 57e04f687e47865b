#include "compareconfigpage.h"

#include "diff/configdiffmodel.h"
#include "diff/historydiffmodel.h"
#include "diff/sidebysidediffview.h"
#include "image/diff/job/imagediff.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

CompareConfigPage::CompareConfigPage(QWidget *parent)
    : QWidget(parent),
      m_config(new ConfigDiffModel(this)),
      m_history(new HistoryDiffModel(this))
{
    m_configLabel = new QLabel(this);
    m_configLabel->setWordWrap(true);
    m_jsonButton = new QToolButton(this);
    m_jsonButton->setText(tr("JSON Side by Side"));
    m_jsonButton->setToolTip(tr("Both configs as JSON, side by side, with the differences "
                                "highlighted"));
    m_jsonButton->setCheckable(true);
    m_jsonButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_configLabel, 1);
    bar->addWidget(m_jsonButton);

    // The tables: config keys above (hidden when none changed), history below.
    auto *tables = new QWidget(this);
    m_configView = makeTable(m_config, tables);
    auto *historyBox = new QWidget(tables);
    m_historyLabel = new QLabel(historyBox);
    m_showUnchanged = new QCheckBox(tr("Show unchanged steps"), historyBox);
    m_historyView = makeTable(m_history, historyBox);
    m_historyView->setToolTip(tr("Double-click a folded row to show its steps"));
    auto *historyBar = new QHBoxLayout;
    historyBar->addWidget(m_historyLabel, 1);
    historyBar->addWidget(m_showUnchanged);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 6, 0, 0);
    historyLayout->addLayout(historyBar);
    historyLayout->addWidget(m_historyView, 1);
    // Names and steps as wide as they need; the values (and commands) share the rest, their
    // whole text in the tooltip.
    QHeaderView *configHeader = m_configView->horizontalHeader();
    configHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    configHeader->setSectionResizeMode(ConfigDiffModel::BeforeColumn, QHeaderView::Stretch);
    configHeader->setSectionResizeMode(ConfigDiffModel::AfterColumn, QHeaderView::Stretch);
    QHeaderView *historyHeader = m_historyView->horizontalHeader();
    historyHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    historyHeader->setSectionResizeMode(HistoryDiffModel::CreatedByAColumn, QHeaderView::Stretch);
    historyHeader->setSectionResizeMode(HistoryDiffModel::CreatedByBColumn, QHeaderView::Stretch);
    auto *tablesLayout = new QVBoxLayout(tables);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    tablesLayout->addWidget(m_configView, 1);
    tablesLayout->addWidget(historyBox, 1);

    m_json = new SideBySideDiffView(this);
    m_json->setJsonMode(true);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(tables);
    m_stack->addWidget(m_json);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_jsonButton, &QToolButton::toggled, this, &CompareConfigPage::setJsonShown);
    connect(m_showUnchanged, &QCheckBox::toggled, m_history, &HistoryDiffModel::setShowUnchanged);
    connect(m_historyView, &QTableView::doubleClicked, m_history,
            [this](const QModelIndex &index) { m_history->expandRow(index.row()); });
    clear();
}

CompareConfigPage::~CompareConfigPage() = default;

void CompareConfigPage::setDiff(const image::PlatformDiff &diff, const QString &labelA,
                                const QString &labelB)
{
    m_config->setDiff(diff.config);
    m_history->setHistory(diff.config.history);
    const int keys = int(diff.config.changes.size()); // the history has its own line
    m_configLabel->setText(keys == 0 ? tr("No config key changed.")
                                     : tr("%n config key(s) changed:", nullptr, keys));
    const int steps = m_history->differingCount();
    m_historyLabel->setText(steps == 0 ? tr("History: the same steps.")
                                       : tr("History: %n step(s) differ.", nullptr, steps));
    m_configView->setVisible(keys > 0);
    m_json->setTexts(labelA, diff.configA, labelB, diff.configB, QStringLiteral("config.json"));
}

void CompareConfigPage::clear()
{
    m_config->clear();
    m_history->clear();
    m_json->clear();
    m_configLabel->clear();
    m_historyLabel->setText(tr("History"));
}

void CompareConfigPage::setJsonShown(bool shown)
{
    m_jsonButton->setChecked(shown);
    m_stack->setCurrentIndex(shown ? 1 : 0);
}

bool CompareConfigPage::isJsonShown() const
{
    return m_stack->currentIndex() == 1;
}
