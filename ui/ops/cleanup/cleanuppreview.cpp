#include "ops/cleanup/cleanuppreview.h"

#include "dialogtext.h"
#include "ops/cleanup/cleanuplabel.h"
#include "ops/cleanup/planfatefilter.h"
#include "ops/delete/deleteplanmodel.h"

#include "ops/deleteplan.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using Fate = ops::TagFate::Fate;

namespace {

QPushButton *filterButton(const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(objectName);
    button->setCheckable(true);
    button->setAutoDefault(false);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

CleanupPreview::CleanupPreview(QWidget *parent) : QWidget(parent)
{
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("countsLabel"));
    m_counts->setWordWrap(true);
    m_counts->setTextFormat(Qt::PlainText);
    QFont bold = m_counts->font();
    bold.setBold(true);
    m_counts->setFont(bold);

    m_filterGroup = new QButtonGroup(this);
    m_filterGroup->setExclusive(true);
    m_allButton = filterButton(QStringLiteral("showAllButton"), this);
    m_deletedButton = filterButton(QStringLiteral("showDeletedButton"), this);
    m_keptButton = filterButton(QStringLiteral("showKeptButton"), this);
    m_protectedButton = filterButton(QStringLiteral("showProtectedButton"), this);
    m_filterGroup->addButton(m_allButton, All);
    m_filterGroup->addButton(m_deletedButton, int(Fate::Deleted));
    m_filterGroup->addButton(m_keptButton, int(Fate::Kept));
    m_filterGroup->addButton(m_protectedButton, int(Fate::Protected));
    m_allButton->setChecked(true);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("tagSearchEdit"));
    m_search->setPlaceholderText(tr("Find a tag"));
    m_search->setClearButtonEnabled(true);
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->setSpacing(4);
    filterRow->addWidget(new QLabel(tr("Show:"), this));
    filterRow->addWidget(m_allButton);
    filterRow->addWidget(m_deletedButton);
    filterRow->addWidget(m_keptButton);
    filterRow->addWidget(m_protectedButton);
    filterRow->addSpacing(12);
    filterRow->addWidget(m_search, 1);
    updateFilterButtons(0, 0, 0);

    m_model = new DeletePlanModel(this);
    m_filterModel = new PlanFateFilter(this);
    m_filterModel->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("planTable"));
    m_table->setModel(m_filterModel);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionsMovable(false);
    // Newest first: the order "keep the newest N" counts in.
    m_table->sortByColumn(DeletePlanModel::CreatedColumn, Qt::DescendingOrder);

    // The Why column is often wider than the window: the current tag's reason in full.
    m_detail = cleanupLabel(QStringLiteral("detailLabel"), 2, this);

    m_notes = DialogText::note(QString(), this);
    m_notes->setObjectName(QStringLiteral("planNotes"));
    m_notes->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_counts);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_notes);

    connect(m_filterGroup, &QButtonGroup::idClicked, this, &CleanupPreview::setFilter);
    connect(m_search, &QLineEdit::textChanged, m_filterModel, &PlanFateFilter::setTagText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CleanupPreview::showDetail);
    connect(m_filterModel, &QAbstractItemModel::modelReset, this, &CleanupPreview::showDetail);
    connect(m_filterModel, &QAbstractItemModel::layoutChanged, this, &CleanupPreview::showDetail);
    showDetail();
}

CleanupPreview::~CleanupPreview() = default;

void CleanupPreview::setPlan(const ops::DeletePlan &plan, const ops::RepositoryScan &scan)
{
    const QString currentTag = m_table->currentIndex().data(DeletePlanModel::TagRole).toString();
    m_model->setPlan(plan, scan);
    if (const int row = currentTag.isEmpty() ? -1 : m_model->rowOf(currentTag); row >= 0) {
        const QModelIndex index = m_filterModel->mapFromSource(m_model->index(row, 0));
        if (index.isValid()) {
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
        }
    }
    int deleted = 0;
    int kept = 0;
    int protectedTags = 0;
    for (const ops::TagFate &tag : plan.tags) {
        switch (tag.fate) {
        case Fate::Deleted:
            ++deleted;
            break;
        case Fate::Kept:
            ++kept;
            break;
        case Fate::Protected:
            ++protectedTags;
            break;
        }
    }
    m_counts->setText(counts(deleted, kept, protectedTags));
    m_counts->setToolTip(protectedTags > 0
                             ? tr("Protected tags are ones a rule would delete, but another tag "
                                  "that stays is on the same image (or on a signature or other "
                                  "referrer of it), so they stay too.")
                             : QString());
    updateFilterButtons(deleted, kept, protectedTags);

    QStringList notes;
    if (!plan.orphanedReferrers.isEmpty()) {
        notes << tr("%n signature(s) or other referrer(s) without a tag will be left pointing at "
                    "a deleted image.",
                    "", int(plan.orphanedReferrers.size()));
    }
    if (!plan.sharedChildren.isEmpty()) {
        notes << tr("%n image(s) listed by a deleted multi-platform index stay, because tags "
                    "that stay still use them.",
                    "", int(plan.sharedChildren.size()));
    }
    m_notes->setText(notes.join(u' '));
    m_notes->setVisible(!notes.isEmpty());

    // Columns fit the new content once; the person may widen them afterwards.
    for (int column = 0; column < DeletePlanModel::WhyColumn; ++column)
        m_table->resizeColumnToContents(column);
}

void CleanupPreview::showMessage(const QString &message)
{
    m_model->clear();
    m_counts->setText(message);
    m_counts->setToolTip(QString());
    updateFilterButtons(0, 0, 0);
    m_notes->hide();
}

int CleanupPreview::filter() const
{
    return m_filterGroup->checkedId();
}

void CleanupPreview::setFilter(int filter)
{
    if (QAbstractButton *button = m_filterGroup->button(filter))
        button->setChecked(true);
    m_filterModel->setFate(filter == All ? std::nullopt : std::optional<int>(filter));
}

QString CleanupPreview::countsText() const
{
    return m_counts->text();
}

QString CleanupPreview::counts(int deleted, int kept, int protectedTags)
{
    if (deleted == 0)
        return tr("Nothing will be deleted: all %n tag(s) stay.", "", kept + protectedTags);
    const QString gone = tr("%n tag(s) will be deleted", "", deleted);
    if (protectedTags == 0)
        return tr("%1, %n kept.", "", kept).arg(gone);
    return tr("%1, %2 kept and %3 protected.")
        .arg(gone, QLocale().toString(kept), QLocale().toString(protectedTags));
}

void CleanupPreview::showDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->setText(m_model->rowCount() > 0
                              ? tr("Select a tag to read in full why it goes or stays.")
                              : QString());
        m_detail->setForegroundRole(QPalette::PlaceholderText);
        return;
    }
    const QString tag = current.data(DeletePlanModel::TagRole).toString();
    const QString why = current.siblingAtColumn(DeletePlanModel::WhyColumn).data().toString();
    m_detail->setText(tr("%1 — %2").arg(tag, why));
    m_detail->setForegroundRole(QPalette::WindowText);
}

QString CleanupPreview::detailText() const
{
    return m_detail->text();
}

void CleanupPreview::updateFilterButtons(int deleted, int kept, int protectedTags)
{
    const QLocale locale;
    m_allButton->setText(tr("All (%1)").arg(locale.toString(deleted + kept + protectedTags)));
    m_deletedButton->setText(tr("Deleted (%1)").arg(locale.toString(deleted)));
    m_keptButton->setText(tr("Kept (%1)").arg(locale.toString(kept)));
    m_protectedButton->setText(tr("Protected (%1)").arg(locale.toString(protectedTags)));
}
