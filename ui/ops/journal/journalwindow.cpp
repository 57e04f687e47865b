#include "ops/journal/journalwindow.h"

#include "ops/journal/journalentryview.h"
#include "ops/journal/journalmodel.h"

#include "ops/journal/journalentry.h"
#include "ops/journal/undojob.h"

#include "oci/manifest/mediatypes.h"

#include <QComboBox>
#include <QDir>
#include <QFileSystemWatcher>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using ops::JournalEntry;
using ops::UndoJob;
using ops::UndoTagResult;

namespace {

QString shortList(const QList<oci::Descriptor> &pieces)
{
    QStringList digests;
    for (const oci::Descriptor &piece : pieces)
        digests << piece.digest().shortString();
    return digests.join(QStringLiteral(", "));
}

// "the config and 2 layers", "1 of the manifests it lists": what garbage collection took.
QString missingText(const QList<oci::Descriptor> &pieces)
{
    int configs = 0;
    int layers = 0;
    int manifests = 0;
    for (const oci::Descriptor &piece : pieces) {
        if (oci::isConfig(piece.mediaType()))
            ++configs;
        else if (oci::isIndex(piece.mediaType()) || oci::isImageManifest(piece.mediaType()))
            ++manifests;
        else
            ++layers; // layers, and blobs of artifacts
    }
    QStringList parts;
    if (configs > 0)
        parts << JournalWindow::tr("the image's config");
    if (layers > 0)
        parts << JournalWindow::tr("%n layer(s)", nullptr, layers);
    if (manifests > 0)
        parts << JournalWindow::tr("%n of the manifests it lists", nullptr, manifests);
    return parts.size() < 2 ? parts.value(0)
                            : JournalWindow::tr("%1 and %2").arg(parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")),
                                                                 parts.constLast());
}

} // namespace

JournalWindow::JournalWindow(ClientForHost clientFor, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_clientFor(std::move(clientFor))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Deletion Journal"));

    m_model = new JournalModel(m_journal, this);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(JournalModel::RunRole);
    m_filter->setFilterKeyColumn(JournalModel::WhenColumn);

    auto *intro = new QLabel(tr("Every deletion is kept here with its exact manifest, so it can be "
                                "undone while the registry still has the image's layers."),
                             this);
    intro->setWordWrap(true);

    auto *showLabel = new QLabel(tr("&Show:"), this);
    m_runs = new QComboBox(this);
    m_runs->setObjectName(QStringLiteral("runFilter"));
    m_runs->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    showLabel->setBuddy(m_runs);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    auto *top = new QHBoxLayout;
    top->addWidget(showLabel);
    top->addWidget(m_runs);
    top->addStretch(1);
    top->addWidget(m_refresh);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("journalTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(JournalModel::WhenColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(JournalModel::WhereColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(JournalModel::WhatColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(JournalModel::StateColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(JournalModel::WhereColumn, 220);

    m_details = new JournalEntryView(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 300});
    splitter->setChildrenCollapsible(false);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_undo = new QPushButton(tr("&Undo"), this);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    auto *close = new QPushButton(tr("Close"), this);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_progress);
    bottom->addStretch(1);
    bottom->addWidget(m_undo);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status); // its own row: a result of several lines wraps in full
    layout->addLayout(bottom);

    m_watcher = new QFileSystemWatcher(this);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300); // a run writes several files in a burst

    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer, qOverload<>(&QTimer::start));
    connect(m_reloadTimer, &QTimer::timeout, this, &JournalWindow::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &JournalWindow::refresh);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_keepSelected.isEmpty())
            m_keepSelected = selectedIds();
    });
    connect(m_model, &JournalModel::loaded, this, &JournalWindow::onLoaded);
    connect(m_runs, &QComboBox::activated, this, [this](int index) { showRun(m_runs->itemData(index).toString()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JournalWindow::onSelectionChanged);
    connect(m_table, &QTableView::doubleClicked, this, [this] { m_details->setFocus(); });
    connect(m_undo, &QPushButton::clicked, this, &JournalWindow::undoSelected);
    connect(close, &QPushButton::clicked, this, &QWidget::close);

    resize(960, 640);
    updateButtons();
    refresh();
}

JournalWindow::~JournalWindow() = default;

void JournalWindow::setJournal(const ops::Journal &journal)
{
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_journal = journal;
    m_model->setJournal(journal);
}

void JournalWindow::refresh()
{
    m_model->reload();
}

void JournalWindow::watchFolder()
{
    const QString folder = m_journal.folder();
    if (QDir(folder).exists() && !m_watcher->directories().contains(folder))
        m_watcher->addPath(folder);
}

void JournalWindow::onLoaded()
{
    // "Registry and repository" as wide as its longest name, within reason (a tool tip
    // and the details have it whole): measured once per load, not on every row change.
    m_table->resizeColumnToContents(JournalModel::WhereColumn);
    const int widest = std::max(220, m_table->viewport()->width() * 2 / 5);
    if (m_table->columnWidth(JournalModel::WhereColumn) > widest)
        m_table->setColumnWidth(JournalModel::WhereColumn, widest);
    watchFolder();
    rebuildRuns();
    reselect();
    if (!m_model->damagedFiles().isEmpty() && !isUndoing() && m_results.isEmpty())
        m_status->setText(tr("%n file(s) in the journal folder could not be read and are not listed.", nullptr,
                             int(m_model->damagedFiles().size())));
}

void JournalWindow::reselect()
{
    const QStringList keep = std::exchange(m_keepSelected, {});
    QItemSelection selection;
    for (const QString &id : keep) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(JournalModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty()) {
        m_table->selectionModel()->setCurrentIndex(selection.indexes().constFirst(), QItemSelectionModel::NoUpdate);
        m_table->scrollTo(selection.indexes().constFirst());
    }
    onSelectionChanged();
}

void JournalWindow::rebuildRuns()
{
    struct Run
    {
        QString id;
        QString first; // "when, where" of its first entry
        int steps = 0;
    };
    QList<Run> runs;
    QHash<QString, qsizetype> seen;
    for (const JournalEntry &entry : m_model->entries()) {
        const auto found = seen.constFind(entry.run);
        if (found != seen.cend()) {
            ++runs[found.value()].steps;
            continue;
        }
        seen.insert(entry.run, runs.size());
        runs << Run{entry.run,
                    tr("%1, %2").arg(QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat),
                                     entry.registry + u'/' + entry.repository),
                    1};
    }
    m_runs->clear();
    m_runs->addItem(tr("All deletions"), QString());
    for (const Run &run : std::as_const(runs))
        m_runs->addItem(tr("%1 (%n step(s))", nullptr, run.steps).arg(run.first), run.id);
    if (!m_run.isEmpty() && !seen.contains(m_run))
        m_runs->addItem(tr("The chosen run (not in the journal)"), m_run);
    m_runs->setCurrentIndex(std::max(0, m_runs->findData(m_run)));
}

void JournalWindow::showRun(const QString &run)
{
    m_run = run;
    m_keepSelected = selectedIds();
    m_filter->setFilterRegularExpression(
        run.isEmpty() ? QRegularExpression()
                      : QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(run))));
    const int index = m_runs->findData(run);
    if (index >= 0)
        m_runs->setCurrentIndex(index);
    else if (!m_model->isLoading())
        rebuildRuns();
    reselect();
}

void JournalWindow::selectEntry(const QString &id)
{
    m_keepSelected = {id};
    if (m_model->rowOf(id) >= 0)
        reselect();
}

QStringList JournalWindow::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QList<int> sourceRows;
    for (const QModelIndex &row : rows)
        sourceRows << m_filter->mapToSource(row).row();
    std::sort(sourceRows.begin(), sourceRows.end()); // newest first, as listed
    for (int row : std::as_const(sourceRows))
        ids << m_model->entry(row).id;
    return ids;
}

void JournalWindow::onSelectionChanged()
{
    const QStringList ids = selectedIds();
    if (ids.size() == 1)
        m_details->showEntry(m_model->entry(m_model->rowOf(ids.constFirst())));
    else if (ids.isEmpty())
        m_details->showNothing(m_model->entries().isEmpty()
                                   ? tr("Nothing has been deleted yet: the journal is empty.")
                                   : tr("Select a deletion to see what the journal kept of it."));
    else
        m_details->showNothing(tr("%n deletion(s) selected.", nullptr, int(ids.size())));
    updateButtons();
}

void JournalWindow::updateButtons()
{
    int undoable = 0;
    const QStringList ids = selectedIds();
    for (const QString &id : ids) {
        if (m_model->entry(m_model->rowOf(id)).canUndo())
            ++undoable;
    }
    m_undo->setEnabled(undoable > 0 && !isUndoing());
    m_undo->setText(undoable > 1 ? tr("&Undo %n Deletion(s)", nullptr, undoable) : tr("&Undo"));
    if (ids.isEmpty() || undoable > 0)
        m_undo->setToolTip(tr("Put the selected deletions back: the manifest, then each tag that does "
                              "not point at another image now."));
    else
        m_undo->setToolTip(tr("The selection cannot be undone: it was undone already, or nothing "
                              "was deleted."));
    m_refresh->setEnabled(!isUndoing());
}

bool JournalWindow::isUndoing() const
{
    return !m_queue.isEmpty() || m_job;
}

QString JournalWindow::resultText() const
{
    return m_status->text();
}

void JournalWindow::undoSelected()
{
    if (isUndoing())
        return;
    QStringList ids;
    const QStringList selected = selectedIds();
    for (const QString &id : selected) {
        if (m_model->entry(m_model->rowOf(id)).canUndo())
            ids << id;
    }
    if (ids.isEmpty())
        return;
    m_queue = ids;
    m_undoTotal = int(ids.size());
    m_results.clear();
    m_progress->setRange(0, m_undoTotal);
    m_progress->setValue(0);
    m_progress->show();
    updateButtons();
    startNextUndo();
}

void JournalWindow::startNextUndo()
{
    if (m_queue.isEmpty()) {
        finishUndo();
        return;
    }
    const QString id = m_queue.takeFirst();
    const int row = m_model->rowOf(id);
    const JournalEntry entry = row >= 0 ? m_model->entry(row) : JournalEntry();
    m_progress->setValue(m_undoTotal - int(m_queue.size()) - 1);
    oci::RegistryClient *client = m_clientFor && row >= 0 ? m_clientFor(entry.registry) : nullptr;
    if (!client) {
        m_results << tr("Add %1 to the registry list to undo this.").arg(entry.registry);
        QTimer::singleShot(0, this, &JournalWindow::startNextUndo);
        return;
    }
    m_status->setText(tr("Undoing %1 of %2: %3 in %4…")
                          .arg(m_undoTotal - int(m_queue.size()))
                          .arg(m_undoTotal)
                          .arg(JournalModel::whatText(entry), entry.repository));
    m_job = new UndoJob(client, m_journal, id, this);
    connect(m_job.data(), &oci::Job::finished, this, &JournalWindow::onUndoFinished);
    m_job->start();
}

void JournalWindow::onUndoFinished()
{
    UndoJob *job = m_job.data();
    m_job.clear();
    job->deleteLater();
    const JournalEntry &entry = job->entry();
    const QString where = entry.repository + u'@' + entry.digest.shortString();

    QStringList back;
    for (const UndoTagResult &tag : job->tagResults()) {
        if (tag.result != UndoTagResult::Result::Skipped)
            back << tag.tag;
    }
    if (!job->restored().isEmpty()) {
        m_results << (back.isEmpty() ? tr("%1 is back, without tags.").arg(where)
                                     : tr("%1 is back, tagged %2.").arg(where, back.join(QStringLiteral(", "))));
    }
    for (const UndoTagResult &tag : job->tagResults()) {
        if (tag.result == UndoTagResult::Result::Skipped)
            m_results << tr("The tag %1 was left alone: it points at another image now (%2).")
                             .arg(tag.tag, tag.now.shortString());
    }
    if (!job->succeeded()) {
        const oci::Error &error = job->error();
        if (error.code() == oci::Error::Code::NotFound && !job->missing().isEmpty()) {
            m_results << tr("%1 cannot be undone: the registry no longer has %2 (%3); its garbage "
                            "collection has run since the deletion.")
                             .arg(where, missingText(job->missing()), shortList(job->missing()));
        } else if (error.code() == oci::Error::Code::DigestMismatch && !job->skippedTags().isEmpty()) {
            m_results << tr("Nothing of %1 was put back: its tags point at other images now.").arg(where);
        } else if (error.code() == oci::Error::Code::Cancelled) {
            m_results << tr("Undo of %1 stopped: the registry was removed.").arg(where);
        } else {
            m_results << tr("Undo of %1 failed: %2").arg(entry.id.isEmpty() ? tr("this entry") : where,
                                                          error.describe());
        }
    }
    if (!job->restored().isEmpty())
        Q_EMIT restored(entry.registry, entry.repository, back);
    startNextUndo();
}

void JournalWindow::finishUndo()
{
    m_progress->hide();
    m_status->setText(m_results.join(u'\n'));
    m_keepSelected = selectedIds();
    updateButtons();
    refresh();
    Q_EMIT undoFinished();
}
