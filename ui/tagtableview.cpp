#include "tagtableview.h"

#include "roles.h"
#include "tagtablemodel.h"
#include "tagtableproxymodel.h"
#include "tagtabletext.h"

#include "oci/inspect/imagedetails.h"

#include <QDrag>
#include <QHeaderView>
#include <QMimeData>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>

namespace {

// Scrolling fires many events; the model hears about the rows on screen once it settles.
constexpr int kVisibleDebounceMs = 40;
// Names wider than this are elided (the tool tip and the inspector have them whole).
constexpr int kMaxNameChars = 40;
constexpr int kMinNameChars = 14;
// The longest names among this many decide the name column's width.
constexpr int kNamesMeasured = 2000;

} // namespace

TagTableView::TagTableView(QWidget *parent) : QTableView(parent), m_visibleTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("tagTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setCornerButtonEnabled(false);
    setSortingEnabled(true);
    // Fixed row heights: a table of thousands of rows must not measure them.
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_visibleTimer->setSingleShot(true);
    m_visibleTimer->setInterval(kVisibleDebounceMs);
    connect(m_visibleTimer, &QTimer::timeout, this, &TagTableView::requestVisibleRows);
}

void TagTableView::setTagModels(TagTableModel *model, TagTableProxyModel *proxy)
{
    m_model = model;
    m_proxy = proxy;
    setModel(proxy);
    sortByColumn(TagTableModel::NameColumn, Qt::AscendingOrder);
    for (const auto signal :
         {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(proxy, signal, this, &TagTableView::scheduleVisibleRequest);
    }
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &TagTableView::scheduleVisibleRequest);
    connect(proxy, &QAbstractItemModel::modelReset, this, &TagTableView::scheduleVisibleRequest);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT currentTagChanged(current.data(ModelRoles::TagRole).toString());
            });
    fitColumns();
}

void TagTableView::fitColumns()
{
    const QFontMetrics metrics = fontMetrics();
    const int padding = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 16;
    const auto chars = [&](int count) {
        return metrics.horizontalAdvance(u'0') * count + padding;
    };
    const auto text = [&](const QString &sample) {
        return metrics.horizontalAdvance(sample) + padding;
    };

    int nameWidth = chars(kMinNameChars);
    if (m_model) {
        const int rows = std::min(m_model->rowCount(), kNamesMeasured);
        const bool fallbackHidden = m_proxy && m_proxy->hidesFallbackTags();
        for (int row = 0; row < rows; ++row) {
            const QString tag = m_model->tagAt(row);
            if (!fallbackHidden || !oci::isReferrerFallbackTag(tag))
                nameWidth = std::max(nameWidth, text(tag));
        }
        nameWidth = std::min(nameWidth, chars(kMaxNameChars));
    }
    QHeaderView *header = horizontalHeader();
    header->resizeSection(TagTableModel::NameColumn, nameWidth);
    // The digest column has a colour swatch in front for shared digests.
    const int swatch = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) +
                       2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 4;
    header->resizeSection(TagTableModel::DigestColumn,
                          text(QStringLiteral("sha256:0123456789ab")) + swatch);
    header->resizeSection(TagTableModel::SizeColumn, text(QStringLiteral("000.0 MiB")));
    header->resizeSection(TagTableModel::CreatedColumn, text(QStringLiteral("0000-00-00 00:00")));
    header->resizeSection(TagTableModel::PlatformsColumn,
                          text(QStringLiteral("linux/amd64, linux/arm64/v8")));
    header->resizeSection(TagTableModel::TypeColumn, text(TagTableText::tr("Docker index")) + 8);
}

QList<int> TagTableView::visibleSourceRows() const
{
    QList<int> rows;
    if (!m_proxy || !m_model || m_proxy->rowCount() == 0)
        return rows;
    const int height = viewport()->height();
    int first = rowAt(0);
    if (first < 0)
        first = 0;
    int last = rowAt(height - 1);
    if (last < 0)
        last = m_proxy->rowCount() - 1;
    // A screenful beyond, so scrolling on shows rows that are ready.
    last = std::min(m_proxy->rowCount() - 1, last + (last - first + 1));
    rows.reserve(last - first + 1);
    for (int row = first; row <= last; ++row)
        rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    return rows;
}

QString TagTableView::currentTag() const
{
    return currentIndex().data(ModelRoles::TagRole).toString();
}

QStringList TagTableView::selectedTags() const
{
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList tags;
    tags.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        tags << row.data(ModelRoles::TagRole).toString();
    return tags;
}

void TagTableView::setDragPayload(std::function<QMimeData *(const QStringList &tags)> payload)
{
    m_dragPayload = std::move(payload);
    setDragEnabled(bool(m_dragPayload));
    setDragDropMode(m_dragPayload ? QAbstractItemView::DragOnly : QAbstractItemView::NoDragDrop);
}

void TagTableView::startDrag(Qt::DropActions supportedActions)
{
    const QStringList tags = selectedTags();
    if (!m_dragPayload || tags.isEmpty())
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(m_dragPayload(tags));
    drag->exec(supportedActions & Qt::CopyAction ? Qt::CopyAction : supportedActions, Qt::CopyAction);
}

bool TagTableView::selectTag(const QString &tag)
{
    if (!m_model || !m_proxy)
        return false;
    const int sourceRow = m_model->rowOfTag(tag);
    if (sourceRow < 0)
        return false;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxyIndex.isValid())
        return false;
    setCurrentIndex(proxyIndex);
    scrollTo(proxyIndex, QAbstractItemView::EnsureVisible);
    return true;
}

void TagTableView::resortKeepingPlace()
{
    if (!m_proxy || m_proxy->sortColumn() < 0)
        return;
    QScrollBar *bar = verticalScrollBar();
    const bool atTop = bar->value() == bar->minimum();
    QPersistentModelIndex anchor;
    const QModelIndex current = currentIndex();
    const QRect currentRect = current.isValid() ? visualRect(current) : QRect();
    if (current.isValid() && viewport()->rect().intersects(currentRect))
        anchor = current;
    else if (!atTop)
        anchor = indexAt(QPoint(0, 0));
    const int offset = anchor.isValid() ? visualRect(anchor).top() : 0;

    m_proxy->resort();

    if (anchor.isValid())
        bar->setValue(bar->value() + visualRect(anchor).top() - offset);
    else if (atTop)
        bar->setValue(bar->minimum());
    scheduleVisibleRequest();
}

void TagTableView::scrollContentsBy(int dx, int dy)
{
    QTableView::scrollContentsBy(dx, dy);
    if (dy != 0)
        scheduleVisibleRequest();
}

void TagTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    scheduleVisibleRequest();
}

void TagTableView::scheduleVisibleRequest()
{
    if (!m_visibleTimer->isActive())
        m_visibleTimer->start();
}

void TagTableView::requestVisibleRows()
{
    if (m_model && isVisible())
        m_model->prioritize(visibleSourceRows());
}
