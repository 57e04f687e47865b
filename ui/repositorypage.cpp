#include "repositorypage.h"

#include "roles.h"
#include "tagtablemodel.h"
#include "tagtableproxymodel.h"
#include "tagtablereferrers.h"
#include "tagtableview.h"

#include "oci/inspect/imagedetails.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int kFilterDebounceMs = 150;
constexpr int kReferrerRowsShown = 4;

} // namespace

RepositoryPage::RepositoryPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new TagTableModel(this))
    , m_proxy(new TagTableProxyModel(this))
    , m_referrers(new TagReferrersModel(this))
    , m_resortTimer(new QTimer(this))
    , m_filterTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("repositoryPage"));
    m_proxy->setSourceModel(m_model);

    m_view = new TagTableView(this);
    m_view->setAlternatingRowColors(true);
    m_view->setTagModels(m_model, m_proxy);

    m_tableMessage = new QLabel(this);
    m_tableMessage->setObjectName(QStringLiteral("tagTableMessage"));
    m_tableMessage->setAlignment(Qt::AlignCenter);
    m_tableMessage->setWordWrap(true);
    m_tableMessage->setTextFormat(Qt::PlainText);
    m_tableMessage->setMargin(24);
    m_tableStack = new QStackedWidget(this);
    m_tableStack->addWidget(m_view);
    m_tableStack->addWidget(m_tableMessage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(createHeader());
    layout->addWidget(m_tableStack, 1);
    layout->addWidget(createReferrers());

    m_resortTimer->setSingleShot(true);
    m_resortTimer->setInterval(ResortIntervalMs);
    connect(m_resortTimer, &QTimer::timeout, m_view, &TagTableView::resortKeepingPlace);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(kFilterDebounceMs);
    connect(m_filterTimer, &QTimer::timeout, this, [this] {
        m_proxy->setFilterText(m_filter->text());
        updateSummary();
    });

    connect(m_model, &TagTableModel::listingStateChanged, this,
            &RepositoryPage::onListingStateChanged);
    connect(m_model, &TagTableModel::detailsUpdated, this, &RepositoryPage::onDetailsUpdated);
    connect(m_model, &TagTableModel::detailsFinished, this, &RepositoryPage::onDetailsFinished);
    connect(m_model, &TagTableModel::detailsProgress, this, &RepositoryPage::onProgress);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateSummary();
        trySelectPendingTag();
    });
    connect(m_view, &TagTableView::currentTagChanged, this, &RepositoryPage::onCurrentTagChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RepositoryPage::selectionChanged);
    // A reset (reload) clears the selection without selectionChanged.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RepositoryPage::selectionChanged);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &RepositoryPage::showTagMenu);

    auto *find = new QAction(tr("Filter Tags"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(find);
    connect(m_referrers, &TagReferrersModel::stateChanged, this,
            &RepositoryPage::updateReferrersLabel);
    onListingStateChanged();
}

RepositoryPage::~RepositoryPage()
{
    // Requests go before the fetcher they run on.
    m_referrers->clear();
    m_model->clear();
}

QWidget *RepositoryPage::createHeader()
{
    auto *header = new QWidget(this);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("repositoryTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_summary = new QLabel(header);
    m_summary->setObjectName(QStringLiteral("tagSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    m_progress = new QProgressBar(header);
    m_progress->setObjectName(QStringLiteral("detailsProgress"));
    m_progress->setTextVisible(true);
    m_progress->setFixedWidth(
        m_progress->fontMetrics().horizontalAdvance(
            tr("Details: %1 of %2").arg(QLocale().toString(88888), QLocale().toString(88888))) +
        48);
    m_progress->setToolTip(tr("Digests, sizes, dates and platforms load in the background, "
                              "the rows on screen first."));
    m_progress->hide();

    m_filter = new QLineEdit(header);
    m_filter->setObjectName(QStringLiteral("tagFilter"));
    m_filter->setPlaceholderText(tr("Filter tags"));
    m_filter->setToolTip(tr("Shows the tags whose names contain the text; a digest "
                            "(sha256:…, or its beginning) shows the tags that point to it."));
    m_filter->setClearButtonEnabled(true);
    m_filter->setFixedWidth(m_filter->fontMetrics().averageCharWidth() * 30);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));

    m_hideFallback = new QCheckBox(tr("Hide referrer tags"), header);
    m_hideFallback->setObjectName(QStringLiteral("hideReferrerTags"));
    m_hideFallback->setToolTip(tr("Hide the sha256-… tags in which registries without the "
                                  "referrers API keep signatures, SBOMs and attestations."));
    m_hideFallback->setChecked(m_proxy->hidesFallbackTags());
    connect(m_hideFallback, &QCheckBox::toggled, this, [this](bool hide) {
        m_proxy->setHideFallbackTags(hide);
        m_model->setResolveFallbackTags(!hide);
        updateSummary();
    });

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addWidget(m_progress);
    layout->addWidget(m_filter);
    layout->addWidget(m_hideFallback);
    return header;
}

QWidget *RepositoryPage::createReferrers()
{
    auto *box = new QWidget(this);
    m_referrersLabel = new QLabel(box);
    m_referrersLabel->setObjectName(QStringLiteral("referrersLabel"));
    m_referrersLabel->setTextFormat(Qt::PlainText);
    m_referrersLabel->setWordWrap(true);

    m_referrersView = new QTableView(box);
    m_referrersView->setObjectName(QStringLiteral("referrersTable"));
    m_referrersView->setModel(m_referrers);
    m_referrersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_referrersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_referrersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_referrersView->setShowGrid(false);
    m_referrersView->setWordWrap(false);
    m_referrersView->verticalHeader()->hide();
    m_referrersView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_referrersView->horizontalHeader()->setStretchLastSection(true);
    m_referrersView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_referrersView->setToolTip(tr("Double-click to inspect."));
    m_referrersView->hide();
    connect(m_referrersView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT referrerActivated(index.data(TagReferrersModel::DigestRole).toString());
    });

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_referrersLabel);
    layout->addWidget(m_referrersView);
    return box;
}

// --- repository -------------------------------------------------------------------------

void RepositoryPage::showRepository(oci::ContentFetcher *fetcher, const QString &host,
                                    const QString &repository)
{
    if (fetcher == m_model->fetcher() && host == m_model->host() &&
        repository == m_model->repository() &&
        m_model->listingState() != TagTableModel::ListingState::Failed)
        return;
    m_pendingTag.clear();
    m_referrersTag.clear();
    m_referrers->clear();
    m_resortTimer->stop();
    m_columnsFitted = false;
    m_title->setText(repository);
    m_model->setRepository(fetcher, host, repository);
    m_model->setResolveFallbackTags(!m_hideFallback->isChecked());
    updateSummary();
    updateReferrersLabel();
}

void RepositoryPage::clear()
{
    m_pendingTag.clear();
    m_referrersTag.clear();
    m_referrers->clear();
    m_resortTimer->stop();
    m_model->clear();
    m_title->clear();
    updateSummary();
    updateReferrersLabel();
}

void RepositoryPage::reload()
{
    const QString tag = currentTag();
    m_referrers->clear();
    m_model->reload();
    if (!tag.isEmpty())
        selectTag(tag);
}

QString RepositoryPage::host() const
{
    return m_model->host();
}

QString RepositoryPage::repository() const
{
    return m_model->repository();
}

oci::ContentFetcher *RepositoryPage::fetcher() const
{
    return m_model->fetcher();
}

void RepositoryPage::selectTag(const QString &tag)
{
    m_pendingTag = tag;
    trySelectPendingTag();
}

void RepositoryPage::trySelectPendingTag()
{
    if (m_pendingTag.isEmpty())
        return;
    if (m_view->currentTag() == m_pendingTag || m_view->selectTag(m_pendingTag))
        m_pendingTag.clear();
}

QString RepositoryPage::currentTag() const
{
    return m_view->currentTag();
}

QByteArray RepositoryPage::saveHeaderState() const
{
    return m_view->horizontalHeader()->saveState();
}

void RepositoryPage::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty() && m_view->horizontalHeader()->restoreState(state))
        m_columnsFitted = true; // the person's widths win over fitted ones
}

// --- loading ----------------------------------------------------------------------------

void RepositoryPage::onListingStateChanged()
{
    using ListingState = TagTableModel::ListingState;
    switch (m_model->listingState()) {
    case ListingState::Empty:
        m_tableStack->setCurrentWidget(m_view);
        m_progress->hide();
        break;
    case ListingState::Listing:
        m_tableStack->setCurrentWidget(m_view);
        m_summary->setText(tr("Listing tags…"));
        break;
    case ListingState::Listed:
        if (!m_columnsFitted) {
            m_view->fitColumns();
            m_columnsFitted = true;
        }
        if (m_model->rowCount() == 0) {
            m_tableMessage->setForegroundRole(QPalette::PlaceholderText);
            m_tableMessage->setText(tr("%1 has no tags.").arg(m_model->repository()));
            m_tableStack->setCurrentWidget(m_tableMessage);
        }
        updateSummary();
        trySelectPendingTag();
        break;
    case ListingState::Failed:
        m_tableMessage->setForegroundRole(QPalette::WindowText);
        m_tableMessage->setText(m_model->listingError());
        m_tableStack->setCurrentWidget(m_tableMessage);
        m_progress->hide();
        updateSummary();
        Q_EMIT statusMessage(m_model->listingError());
        break;
    }
}

void RepositoryPage::onProgress(int done, int total)
{
    if (total <= 0 || done >= total) {
        m_progress->hide();
        return;
    }
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    const QLocale locale;
    m_progress->setFormat(
        tr("Details: %1 of %2").arg(locale.toString(done), locale.toString(total)));
    m_progress->show();
}

void RepositoryPage::onDetailsUpdated()
{
    // A digest filter depends on details: rows that just got theirs may match now.
    if (m_proxy->filtersByDigest())
        m_proxy->refilter();
    if (m_proxy->sortsByDetails() && !m_resortTimer->isActive())
        m_resortTimer->start();
    if (!m_referrersTag.isEmpty())
        updateReferrers();
    updateSummary();
}

void RepositoryPage::onDetailsFinished()
{
    m_progress->hide();
    m_resortTimer->stop();
    if (m_proxy->sortsByDetails())
        m_view->resortKeepingPlace();
    if (!m_referrersTag.isEmpty())
        updateReferrers();
    updateSummary();
}

void RepositoryPage::updateSummary()
{
    if (m_model->repository().isEmpty()) {
        m_summary->clear();
        return;
    }
    if (m_model->listingState() == TagTableModel::ListingState::Listing &&
        m_model->rowCount() == 0) {
        m_summary->setText(tr("Listing tags…"));
        return;
    }
    const QLocale locale;
    QString text = tr("Tags: %1").arg(locale.toString(m_model->rowCount()));
    if (m_proxy->rowCount() != m_model->rowCount())
        text = tr("Tags: %1 of %2")
                   .arg(locale.toString(m_proxy->rowCount()), locale.toString(m_model->rowCount()));
    if (const int shared = m_model->sharedTagCount(); shared > 0)
        text += QStringLiteral(" · ") + tr("sharing a digest: %1").arg(locale.toString(shared));
    m_summary->setText(text);
}

// --- selection and referrers ------------------------------------------------------------

void RepositoryPage::onCurrentTagChanged(const QString &tag)
{
    m_referrers->clear();
    m_referrersTag = tag;
    updateReferrers();
    Q_EMIT currentTagChanged(tag);
}

void RepositoryPage::updateReferrers()
{
    const QString tag = m_referrersTag;
    if (tag.isEmpty()) {
        updateReferrersLabel();
        return;
    }
    const int row = m_model->rowOfTag(tag);
    const auto state = m_model->index(row, 0)
                           .data(TagTableModel::DetailsStateRole)
                           .value<TagTableModel::DetailsState>();
    if (row < 0 || state == TagTableModel::DetailsState::Failed) {
        m_referrersTag.clear(); // no digest, no referrers; the row's tool tip says why
        updateReferrersLabel();
        return;
    }
    const oci::Digest digest = m_model->digestAt(row);
    if (digest.isNull()) {
        // Asked for again when the tag's details arrive.
        m_model->prioritize({row});
        updateReferrersLabel();
        return;
    }
    m_referrersTag.clear();
    m_referrers->setSubject(m_model->fetcher(), m_model->repository(), tag, digest);
}

void RepositoryPage::updateReferrersLabel()
{
    using State = TagReferrersModel::State;
    const int rows = m_referrers->rowCount();
    QString text;
    switch (m_referrers->state()) {
    case State::Empty:
        if (!m_referrersTag.isEmpty())
            text = tr("Referrers of %1: waiting for its digest…").arg(m_referrersTag);
        break;
    case State::Loading:
        text = tr("Looking for signatures, SBOMs and attestations of %1…").arg(m_referrers->tag());
        break;
    case State::Loaded:
        if (rows == 0) {
            text = tr("No signatures, SBOMs or attestations refer to %1.").arg(m_referrers->tag());
        } else {
            text = m_referrers->source() == TagReferrersModel::Source::Api
                       ? tr("Referrers of %1: %2 (from the referrers API)")
                       : tr("Referrers of %1: %2 (from its sha256-… tag)");
            text = text.arg(m_referrers->tag(), QLocale().toString(rows));
        }
        if (m_referrers->isStale())
            text += u' ' + tr("The registry could not be reached: this list may be out of date.");
        break;
    case State::Failed:
        text = m_referrers->errorText();
        break;
    }
    const bool quiet = m_referrers->state() != State::Failed && rows == 0;
    m_referrersLabel->setForegroundRole(quiet ? QPalette::PlaceholderText : QPalette::WindowText);
    m_referrersLabel->setText(text);
    m_referrersLabel->setVisible(!text.isEmpty());
    m_referrersView->setVisible(rows > 0);
    if (rows > 0) {
        const int rowHeight = m_referrersView->verticalHeader()->defaultSectionSize();
        m_referrersView->setFixedHeight(m_referrersView->horizontalHeader()->height() +
                                        rowHeight * std::min(rows, kReferrerRowsShown) +
                                        2 * m_referrersView->frameWidth());
        m_referrersView->resizeColumnsToContents();
    }
}

void RepositoryPage::showTagMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    // The menu is about the row under the mouse: it joins the selection or replaces it.
    if (!m_view->selectionModel()->isRowSelected(index.row(), index.parent()))
        m_view->setCurrentIndex(index);
    const QString tag = index.data(ModelRoles::TagRole).toString();
    const QString digest = index.data(TagTableModel::DigestRole).toString();
    const QString name = m_model->host() + u'/' + m_model->repository();
    QMenu menu(this);
    menu.addAction(tr("Copy &Reference"), this,
                   [this, name, tag] { copyText(QString(name + u':' + tag)); });
    if (!digest.isEmpty()) {
        menu.addAction(tr("Copy Reference with &Digest"), this,
                       [this, name, digest] { copyText(QString(name + u'@' + digest)); });
        menu.addAction(tr("Copy Digest"), this, [this, digest] { copyText(digest); });
        if (index.data(TagTableModel::GroupSizeRole).toInt() > 1) {
            menu.addSeparator();
            menu.addAction(tr("Show Only Tags with This Digest"), this,
                           [this, digest] { m_filter->setText(digest); });
        }
    }
    if (!m_tagActions.isEmpty()) {
        menu.addSeparator();
        for (QAction *action : std::as_const(m_tagActions)) {
            if (action->isVisible())
                menu.addAction(action);
        }
    }
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

QStringList RepositoryPage::selectedTags() const
{
    return m_view->selectedTags();
}

void RepositoryPage::setTagActions(const QList<QAction *> &actions)
{
    for (QAction *action : std::as_const(m_tagActions))
        m_view->removeAction(action);
    m_tagActions = actions;
    // Their shortcuts (Delete) work while the table has the focus.
    for (QAction *action : actions)
        m_view->addAction(action);
}

void RepositoryPage::copyText(const QString &text)
{
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("Copied %1 to the clipboard.").arg(text));
}

void RepositoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange && m_model->rowCount() > 0)
        m_view->fitColumns();
    QWidget::changeEvent(event);
}
