#include "ops/delete/deleteplanview.h"

#include "dialogtext.h"
#include "ops/delete/deleteheadline.h"
#include "ops/delete/deleteplanmodel.h"
#include "ops/delete/deleteplantext.h"
#include "ops/delete/deletesummarytext.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

DeletePlanView::DeletePlanView(QWidget *parent) : QWidget(parent)
{
    m_headline = newDeleteHeadline(this);
    m_headline->setObjectName(QStringLiteral("planHeadline"));
    m_planLabel = new QLabel(this);
    m_planLabel->setObjectName(QStringLiteral("planLabel"));
    m_planLabel->setTextFormat(Qt::PlainText);
    m_planLabel->setWordWrap(true);
    m_planLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_choice = new QGroupBox(this); // titled by setPlan()
    m_choice->setObjectName(QStringLiteral("modeChoice"));
    m_tagOnly = new QRadioButton(m_choice);
    m_tagOnly->setObjectName(QStringLiteral("tagOnlyButton"));
    m_image = new QRadioButton(m_choice);
    m_image->setObjectName(QStringLiteral("imageButton"));
    m_modes = new QButtonGroup(this);
    m_modes->addButton(m_tagOnly, int(ops::DeleteMode::TagOnly));
    m_modes->addButton(m_image, int(ops::DeleteMode::Image));
    m_tagOnly->setChecked(true);
    m_methodLabel = DialogText::note(DeletePlanText::untagMethod(), m_choice);
    m_methodLabel->setObjectName(QStringLiteral("methodLabel"));
    auto *choiceLayout = new QVBoxLayout(m_choice);
    choiceLayout->addWidget(m_tagOnly);
    choiceLayout->addWidget(m_methodLabel);
    choiceLayout->addWidget(m_image);
    connect(m_modes, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            setMode(ops::DeleteMode(id));
    });

    m_onlyChanges = new QCheckBox(tr("Show only &what changes"), this);
    m_onlyChanges->setObjectName(QStringLiteral("onlyChangesCheck"));
    m_onlyChanges->setToolTip(tr("The tags that are deleted, and the tags that share an image "
                                 "with one of them"));
    m_onlyChanges->setChecked(true);
    connect(m_onlyChanges, &QCheckBox::toggled, this, &DeletePlanView::updateFilter);

    m_model = new DeletePlanModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DeletePlanModel::SortRole);
    m_proxy->setFilterRole(DeletePlanModel::TouchedRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("planTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DeletePlanModel::DecisionColumn, Qt::AscendingOrder);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // The reasons are sentences: rows grow to show them whole.
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DeletePlanModel::WhyColumn, QHeaderView::Stretch);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headline);
    layout->addWidget(m_planLabel);
    layout->addWidget(m_choice);
    layout->addWidget(m_onlyChanges);
    layout->addWidget(m_table, 1);
    m_choice->hide();
    updateFilter();
}

DeletePlanView::~DeletePlanView() = default;

void DeletePlanView::setPlan(const ops::DeletePlan &plan, const ops::RepositoryScan &scan,
                             const QStringList &selected, const QStringList &sharing)
{
    m_model->setPlan(plan, scan);
    const bool one = selected.size() == 1;
    m_choice->setTitle(tr("What to delete"));
    m_tagOnly->setText(one ? tr("Delete this &tag only") : tr("Delete these &tags only"));
    m_image->setText(one ? tr("Delete the &image (and its %n other tag(s))", nullptr, int(sharing.size()))
                         : tr("Delete the &images (and their %n other tag(s))", nullptr, int(sharing.size())));
    m_choice->setVisible(!sharing.isEmpty());
    QStringList sentences = DeletePlanText::sentences(plan, selected) + m_notes;
    m_headline->setText(sentences.takeFirst());
    m_planLabel->setText(sentences.join(u'\n'));
    m_planLabel->setVisible(!sentences.isEmpty());
}

void DeletePlanView::setNotes(const QStringList &notes)
{
    m_notes = notes;
}

void DeletePlanView::setMode(ops::DeleteMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    QAbstractButton *button = m_modes->button(int(mode));
    if (button && !button->isChecked())
        button->setChecked(true);
    Q_EMIT modeChanged(mode);
}

bool DeletePlanView::offersModeChoice() const
{
    return !m_choice->isHidden();
}

bool DeletePlanView::showsOnlyChanges() const
{
    return m_onlyChanges->isChecked();
}

void DeletePlanView::setShowOnlyChanges(bool only)
{
    m_onlyChanges->setChecked(only);
}

QString DeletePlanView::planText() const
{
    return m_planLabel->text().isEmpty() ? m_headline->text()
                                         : m_headline->text() + u'\n' + m_planLabel->text();
}

void DeletePlanView::updateFilter()
{
    m_proxy->setFilterFixedString(m_onlyChanges->isChecked() ? QStringLiteral("true") : QString());
}
