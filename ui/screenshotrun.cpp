#include "screenshotrun.h"

#include "jobsmodel.h"
#include "jobspanel.h"
#include "mainwindow.h"
#include "manifestpanel.h"
#include "pushdialog.h"
#include "registrytreemodel.h"
#include "repositorypage.h"
#include "tagtablemodel.h"
#include "tagtableview.h"

#include "diff/comparefilespage.h"
#include "diff/comparewindow.h"
#include "diff/sidebysidediffview.h"
#include "diff/sidebysidepane.h"
#include "ops/cleanup/cleanupdialog.h"
#include "ops/cleanup/cleanuppreview.h"
#include "ops/delete/deletedialog.h"
#include "ops/delete/deleteplanmodel.h"
#include "ops/journal/journalmodel.h"
#include "ops/journal/journalwindow.h"

#include "image/diff/job/imagediffjob.h"
#include "image/push/pushplan.h"
#include "ops/plan/retentionrules.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QPainter>
#include <QHeaderView>
#include <QPixmap>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

namespace {

// Lets the last layout, highlighting and status bar updates reach the screen first.
constexpr int kSettleMs = 600;
// How often the jobs picture checks whether the push landed and the tag table shows it.
constexpr int kPollMs = 100;
// The jobs panel's height in the picture, in rows of its tree: a push and its blobs.
constexpr int kJobsRows = 8;
// The push dialog in the picture: roomy enough for every column of the plan.
constexpr QSize kDialogSize(820, 480);
// How much of the window shows at least around a dialog of the operations (each opens at
// its own size, at most the window's less this).
constexpr QSize kWindowAround(120, 90);
// The delete window in the picture: room for the plan and a few rows of its table.
constexpr int kDeleteDialogHeight = 470;
// The window's strip right of a dialog put near its right edge.
constexpr int kRightMargin = 20;
// The gap between the tag table's last row and the delete window below it.
constexpr int kBelowTags = 36;
// The compare window's file tree in the picture, in rows (the script's 13: every change);
// the side-by-side diff below gets the rest.
constexpr int kCompareTreeRows = 13;
// What the tree keeps at least when the diff needs more room (a headline wrapped in German).
constexpr int kCompareTreeMinRows = 6;

void printError(const QString &text)
{
    std::fprintf(stderr, "lading: %s\n", qUtf8Printable(text));
}

// A soft shadow below and beside `rect`, as a window manager would draw one.
void paintShadow(QPainter &painter, const QRect &rect)
{
    constexpr int kSpread = 14;
    painter.setPen(Qt::NoPen);
    for (int i = kSpread; i > 0; --i) {
        const int alpha = 3 + (kSpread - i) * 2;
        painter.setBrush(QColor(0, 0, 0, alpha));
        painter.drawRoundedRect(rect.adjusted(-i, -i + 4, i, i + 4), i, i);
    }
}

// The height that shows `rows` rows of `tree` below its header.
int treeHeight(const QTreeView *tree, int rows)
{
    const int rowHeight = qMax(tree->sizeHintForRow(0), tree->fontMetrics().height());
    return tree->header()->sizeHint().height() + 2 * tree->frameWidth() + rowHeight * rows;
}

} // namespace

ScreenshotRun::ScreenshotRun(MainWindow *window, const QString &host, QString file,
                             int timeoutSeconds, DemoTour::Destination destination,
                             QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_tour(new DemoTour(window, host, destination, this))
    , m_timeout(new QTimer(this))
    , m_poll(new QTimer(this))
    , m_host(host)
    , m_file(std::move(file))
    , m_timeoutSeconds(timeoutSeconds)
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("The screenshot was not taken: the window was not ready within %1 s.")
                 .arg(m_timeoutSeconds));
    });
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &ScreenshotRun::checkJobs);
    connect(m_tour, &DemoTour::arrived, this, &ScreenshotRun::onArrived);
    connect(m_tour, &DemoTour::failed, this, [this](const QString &reason) {
        fail(tr("The screenshot was not taken: %1").arg(reason));
    });
}

void ScreenshotRun::setPush(Push push, const QString &imageFile)
{
    m_push = push;
    m_imageFile = imageFile;
}

PushDialog *ScreenshotRun::pushDialog() const
{
    return m_dialog;
}

void ScreenshotRun::setOperation(Operation operation)
{
    m_operation = operation;
}

DeleteDialog *ScreenshotRun::deleteDialog() const
{
    return m_deleteDialog;
}

CleanupDialog *ScreenshotRun::cleanupDialog() const
{
    return m_cleanupDialog;
}

JournalWindow *ScreenshotRun::journalWindow() const
{
    return m_journalWindow;
}

CompareWindow *ScreenshotRun::compareWindow() const
{
    return m_compareWindow;
}

QStringList ScreenshotRun::compareTags()
{
    return {QStringLiteral("1.2"), QStringLiteral("2.0")};
}

QByteArray ScreenshotRun::compareFile()
{
    return QByteArrayLiteral("etc/hello/hello.conf");
}

ops::RetentionRules ScreenshotRun::cleanupRules()
{
    ops::RetentionRules rules;
    rules.keepNewest = 2;
    rules.keep = {QStringLiteral(".*-lts")};
    return rules;
}

void ScreenshotRun::start()
{
    m_timeout->start(m_timeoutSeconds * 1000);
    m_tour->start();
}

void ScreenshotRun::onArrived()
{
    switch (m_operation) {
    case Operation::Delete:
        openDeleteDialog();
        return;
    case Operation::Cleanup:
        openCleanupDialog();
        return;
    case Operation::Journal:
        openJournal();
        return;
    case Operation::Compare:
        openCompareWindow();
        return;
    case Operation::None:
        break;
    }
    if (m_push == Push::None)
        QTimer::singleShot(kSettleMs, this, &ScreenshotRun::capture);
    else
        openPushDialog();
}

void ScreenshotRun::placeOverWindow(QWidget *overlay, QSize size, Qt::Alignment horizontal)
{
    const QSize room = m_window->size() - kWindowAround;
    overlay->resize(size.boundedTo(room).expandedTo(overlay->minimumSize()));
    QPoint topLeft = m_window->rect().center() - QPoint(overlay->width(), overlay->height()) / 2;
    if (horizontal & Qt::AlignRight)
        topLeft.setX(m_window->width() - overlay->width() - kRightMargin);
    overlay->move(m_window->mapToGlobal(topLeft));
    m_overlay = overlay;
}

void ScreenshotRun::placeBelowTags(QWidget *overlay, QSize size)
{
    // Below the last row of the tag table (the selected tag and those sharing its image
    // stay in sight), centred on the repository page.
    RepositoryPage *page = m_window->repositoryPage();
    const TagTableView *view = page->view();
    const QAbstractItemModel *rows = view->model();
    const int count = rows->rowCount();
    const QRect last = count > 0 ? view->visualRect(rows->index(count - 1, 0)) : QRect();
    if (!last.isValid() || !view->viewport()->rect().contains(last)) {
        placeOverWindow(overlay, size);
        return;
    }
    const int top = view->viewport()->mapTo(m_window, last.bottomLeft()).y() + kBelowTags;
    const QRect pageRect(page->mapTo(m_window, QPoint(0, 0)), page->size());
    const int height = qMin(size.height(), m_window->height() - top - kBelowTags);
    overlay->resize(QSize(qMin(size.width(), pageRect.width() - kBelowTags), height)
                        .expandedTo(overlay->minimumSize()));
    overlay->move(m_window->mapToGlobal(QPoint(pageRect.center().x() - overlay->width() / 2, top)));
    m_overlay = overlay;
}

void ScreenshotRun::captureSoon()
{
    QTimer::singleShot(kSettleMs, this, &ScreenshotRun::capture);
}

void ScreenshotRun::openDeleteDialog()
{
    if (m_finished || !m_window)
        return;
    // The tour's tag, as if the person pressed Delete in the tag table.
    RepositoryPage *page = m_window->repositoryPage();
    QStringList tags = page->selectedTags();
    if (tags.isEmpty() && !page->currentTag().isEmpty())
        tags = {page->currentTag()};
    m_deleteDialog = m_window->openDeleteDialog(tags);
    if (!m_deleteDialog) {
        fail(tr("The screenshot was not taken: the delete window did not open."));
        return;
    }
    placeBelowTags(m_deleteDialog, QSize(m_deleteDialog->width(), kDeleteDialogHeight));
    connect(m_deleteDialog, &DeleteDialog::stepChanged, this, &ScreenshotRun::onDeleteStep);
    onDeleteStep();
}

void ScreenshotRun::onDeleteStep()
{
    if (m_finished || m_planned || !m_deleteDialog)
        return;
    switch (m_deleteDialog->step()) {
    case DeleteDialog::Step::Scanning:
        return;
    case DeleteDialog::Step::Plan:
        if (!m_deleteDialog->hasPlan())
            return;
        m_planned = true;
        captureSoon();
        return;
    case DeleteDialog::Step::Running:
    case DeleteDialog::Step::Summary:
    case DeleteDialog::Step::Failed:
        break;
    }
    const QString problem = m_deleteDialog->problemText();
    fail(tr("The screenshot was not taken: %1")
             .arg(problem.isEmpty() ? tr("the delete window showed no plan.") : problem));
}

void ScreenshotRun::openCleanupDialog()
{
    if (m_finished || !m_window)
        return;
    const QModelIndex repository = m_window->model()->repositoryIndex(
        m_host, m_window->repositoryPage()->repository());
    m_cleanupDialog = repository.isValid() ? m_window->openCleanupDialog(repository) : nullptr;
    if (!m_cleanupDialog) {
        fail(tr("The screenshot was not taken: the clean-up window did not open."));
        return;
    }
    // Rules of the picture's own, not saved (the dialog saves them only when asked to).
    m_cleanupDialog->setRules(cleanupRules());
    // To the right: the tree beside it shows the repository selected.
    placeOverWindow(m_cleanupDialog, m_cleanupDialog->size(), Qt::AlignRight);
    connect(m_cleanupDialog, &CleanupDialog::planChanged, this, &ScreenshotRun::onCleanupPlan);
    connect(m_cleanupDialog, &CleanupDialog::scanFinished, this, [this](bool succeeded) {
        if (!succeeded && m_cleanupDialog)
            fail(tr("The screenshot was not taken: %1").arg(m_cleanupDialog->statusText()));
    });
    onCleanupPlan();
}

void ScreenshotRun::onCleanupPlan()
{
    if (m_finished || m_planned || !m_cleanupDialog)
        return;
    if (m_cleanupDialog->isScanning() || !m_cleanupDialog->hasPlan())
        return;
    m_planned = true;
    // The first protected tag current (else the first deleted one): its reason in full
    // below the table says what the rules are for.
    const QTableView *table = m_cleanupDialog->preview()->table();
    const QAbstractItemModel *rows = table->model();
    QModelIndex chosen;
    for (const auto fate : {ops::TagFate::Fate::Protected, ops::TagFate::Fate::Deleted}) {
        for (int row = 0; row < rows->rowCount() && !chosen.isValid(); ++row) {
            const QModelIndex index = rows->index(row, 0);
            if (index.data(DeletePlanModel::FateRole).toInt() == int(fate))
                chosen = index;
        }
    }
    if (chosen.isValid()) {
        table->selectionModel()->setCurrentIndex(
            chosen, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    captureSoon();
}

void ScreenshotRun::openJournal()
{
    if (m_finished || !m_window)
        return;
    m_journalWindow = m_window->showJournal();
    if (!m_journalWindow) {
        fail(tr("The screenshot was not taken: the journal window did not open."));
        return;
    }
    placeOverWindow(m_journalWindow, m_journalWindow->size());
    connect(m_journalWindow->model(), &JournalModel::loaded, this, &ScreenshotRun::onJournalLoaded);
    onJournalLoaded();
}

void ScreenshotRun::onJournalLoaded()
{
    if (m_finished || m_planned || !m_journalWindow)
        return;
    const JournalModel *journal = m_journalWindow->model();
    if (journal->isLoading())
        return;
    if (journal->rowCount() == 0) {
        fail(tr("The screenshot was not taken: the deletion journal in %1 is empty.")
                 .arg(journal->journal().folder()));
        return;
    }
    m_planned = true;
    m_journalWindow->selectEntry(journal->entry(0).id); // the newest, with its details
    captureSoon();
}

void ScreenshotRun::openCompareWindow()
{
    if (m_finished || !m_window)
        return;
    // Two tags of the tour's repository, as Compare on them would open them (in this order).
    RepositoryPage *page = m_window->repositoryPage();
    const QString repository = page->repository();
    const QStringList tags = compareTags();
    QStringList missing;
    for (const QString &tag : tags) {
        if (page->model()->rowOfTag(tag) < 0)
            missing << tag;
    }
    if (!missing.isEmpty()) {
        fail(tr("The screenshot was not taken: %1 has no tags %2 to compare.")
                 .arg(repository, missing.join(QStringLiteral(", "))));
        return;
    }
    const QModelIndex registry = m_window->model()->registryIndex(m_host);
    oci::RegistryClient *client = registry.isValid() ? m_window->model()->client(registry) : nullptr;
    oci::ContentFetcher *fetcher = client ? m_window->fetcherFor(client) : nullptr;
    if (!fetcher) {
        fail(tr("The screenshot was not taken: no registry to compare in."));
        return;
    }
    const auto ref = [&](const QString &tag) {
        return image::DiffImageRef::fromRegistry(fetcher, repository, tag,
                                                 m_host + u'/' + repository + u':' + tag);
    };
    m_compareWindow = m_window->openCompareWindow(ref(tags.at(0)), ref(tags.at(1)));
    if (!m_compareWindow) {
        fail(tr("The screenshot was not taken: the compare window did not open."));
        return;
    }
    // Pictured on its own, as large as the other pictures.
    m_compareWindow->resize(m_window->size());
    connect(m_compareWindow, &CompareWindow::finished, this, &ScreenshotRun::onCompared);
    CompareFilesPage *files = m_compareWindow->filesPage();
    connect(files, &CompareFilesPage::fileShown, this, &ScreenshotRun::onCompareFileShown);
    connect(files->textView(), &SideBySideDiffView::compared, this,
            &ScreenshotRun::onCompareFileShown);
    if (!m_compareWindow->isRunning())
        onCompared(); // finished already (a result from the diff cache)
}

void ScreenshotRun::onCompared()
{
    if (m_finished || m_planned || !m_compareWindow)
        return;
    if (!m_compareWindow->result()) {
        fail(tr("The screenshot was not taken: %1").arg(m_compareWindow->statusText()));
        return;
    }
    // The Files tab, the file selected: its two versions are read, then compared.
    CompareFilesPage *files = m_compareWindow->filesPage();
    QTabWidget *tabs = m_compareWindow->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i) == files || tabs->widget(i)->isAncestorOf(files))
            tabs->setCurrentIndex(i);
    }
    if (!files->selectPath(compareFile())) {
        fail(tr("The screenshot was not taken: %1 is not among the changed files.")
                 .arg(QString::fromUtf8(compareFile())));
        return;
    }
    // The tree split off at kCompareTreeRows rows, so that the diff shows its changes.
    QTreeView *tree = files->view();
    auto *splitter = qobject_cast<QSplitter *>(tree->parentWidget());
    if (splitter && splitter->count() == 2) {
        const int height = treeHeight(tree, kCompareTreeRows);
        const int total = splitter->height();
        if (total > height * 2)
            splitter->setSizes({height, total - height});
    }
    onCompareFileShown();
}

void ScreenshotRun::onCompareFileShown()
{
    if (m_finished || m_planned || !m_compareWindow || !m_compareWindow->result())
        return;
    const CompareFilesPage *files = m_compareWindow->filesPage();
    const SideBySideDiffView *text = files->textView();
    if (files->isReading() || text->isComparing())
        return;
    if (!text->message().isEmpty()) {
        fail(tr("The screenshot was not taken: %1").arg(text->message()));
        return;
    }
    if (text->changeCount() == 0)
        return; // not compared yet
    m_planned = true;
    fitCompareDiff();
    captureSoon();
}

void ScreenshotRun::fitCompareDiff()
{
    // Every row of the diff in sight when the tree can spare the room (longer languages
    // wrap the headline above).
    const CompareFilesPage *files = m_compareWindow->filesPage();
    const SideBySideDiffView *text = files->textView();
    const SideBySidePane *pane = text->leftPane();
    auto *splitter = qobject_cast<QSplitter *>(files->view()->parentWidget());
    if (!splitter || splitter->count() != 2 || pane->rowHeight() <= 0)
        return;
    const int missing = text->displayRowCount() - pane->viewport()->height() / pane->rowHeight();
    QList<int> sizes = splitter->sizes();
    const int spare = sizes.at(0) - treeHeight(files->view(), kCompareTreeMinRows);
    const int give = qMin(missing * pane->rowHeight(), spare);
    if (give <= 0)
        return;
    sizes[0] -= give;
    sizes[1] += give;
    splitter->setSizes(sizes);
}

void ScreenshotRun::openPushDialog()
{
    if (m_finished || !m_window)
        return;
    // The repository the tour shows, as if the file had been dropped on its row.
    const QModelIndex target = m_window->model()->repositoryIndex(
        m_host, m_window->repositoryPage()->repository());
    if (!target.isValid()) {
        fail(tr("The screenshot was not taken: no repository to push to."));
        return;
    }
    m_dialog = m_window->openPushDialog(target, m_imageFile);
    if (!m_dialog) {
        fail(tr("The screenshot was not taken: the push dialog did not open."));
        return;
    }
    // Where the window's centre puts it, at a size that shows every column.
    placeOverWindow(m_dialog, kDialogSize);
    connect(m_dialog, &PushDialog::stateChanged, this, &ScreenshotRun::onDialogChanged);
    onDialogChanged();
}

void ScreenshotRun::onDialogChanged()
{
    if (m_finished || m_planned || !m_dialog)
        return;
    if (!m_dialog->hasPlan()) {
        if (!m_dialog->isBusy() && !m_dialog->problem().isEmpty())
            fail(tr("The screenshot was not taken: %1").arg(m_dialog->problem()));
        return;
    }
    m_planned = true;
    if (m_push == Push::Dialog) {
        QTimer::singleShot(kSettleMs, this, &ScreenshotRun::capture);
        return;
    }
    const QList<image::PushTarget> &targets = m_dialog->plan().targets;
    m_pushedTag = targets.isEmpty() ? QString() : targets.constFirst().tag;
    m_dialog->accept(); // the window starts the push and shows the jobs panel
    showJobs();
}

void ScreenshotRun::showJobs()
{
    QDockWidget *dock = m_window->jobsDock();
    auto *panel = qobject_cast<JobsPanel *>(dock->widget());
    if (!panel || m_window->jobsModel()->jobCount() == 0) {
        fail(tr("The screenshot was not taken: the push did not start."));
        return;
    }
    panel->view()->expandAll(); // the push's blobs under it
    m_poll->start();
}

void ScreenshotRun::fitJobsPanel()
{
    // Room for kJobsRows rows below the header, whatever the title, buttons and summary take.
    QDockWidget *dock = m_window->jobsDock();
    auto *panel = qobject_cast<JobsPanel *>(dock->widget());
    if (!panel)
        return;
    QTreeView *view = panel->view();
    const int rowHeight = qMax(view->sizeHintForRow(0), view->fontMetrics().height());
    const int around = dock->height() - view->viewport()->height();
    m_window->resizeDocks({dock}, {around + rowHeight * kJobsRows}, Qt::Vertical);
}

void ScreenshotRun::checkJobs()
{
    if (m_finished || !m_window)
        return;
    const JobsModel *jobs = m_window->jobsModel();
    switch (jobs->state(0)) {
    case JobsModel::State::Running:
        return;
    case JobsModel::State::Failed:
    case JobsModel::State::Cancelled:
        m_poll->stop();
        fail(tr("The screenshot was not taken: the push did not land: %1")
                 .arg(jobs->error(0).describe()));
        return;
    case JobsModel::State::Done:
        break;
    }
    // The window lists the new tag once it reloaded the repository; it is then selected so
    // that the inspector shows what landed.
    if (!m_pushedTag.isEmpty()) {
        RepositoryPage *page = m_window->repositoryPage();
        if (page->model()->rowOfTag(m_pushedTag) < 0 || page->model()->isLoadingDetails())
            return;
        if (page->currentTag() != m_pushedTag) {
            page->selectTag(m_pushedTag);
            return;
        }
        const ManifestPanel *inspector = m_window->manifestPanel();
        if (!inspector->isManifestShown() ||
            !inspector->reference().endsWith(QString(u':' + m_pushedTag)))
            return;
    }
    m_poll->stop();
    fitJobsPanel();
    QTimer::singleShot(kSettleMs, this, &ScreenshotRun::capture);
}

QPixmap ScreenshotRun::picture() const
{
    if (m_compareWindow)
        return m_compareWindow->grab();
    QPixmap shot = m_window->grab();
    if (!m_overlay || !m_overlay->isVisible())
        return shot;
    const QPixmap dialog = m_overlay->grab();
    const QRect where(m_overlay->mapToGlobal(QPoint(0, 0)) - m_window->mapToGlobal(QPoint(0, 0)),
                      m_overlay->size());
    QPainter painter(&shot);
    painter.setRenderHint(QPainter::Antialiasing);
    paintShadow(painter, where);
    painter.drawPixmap(where.topLeft(), dialog);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(m_overlay->palette().color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(where.adjusted(-1, -1, 0, 0));
    return shot;
}

void ScreenshotRun::capture()
{
    if (m_finished || !m_window)
        return;
    m_finished = true;
    m_timeout->stop();
    const QFileInfo info(m_file);
    QDir().mkpath(info.absolutePath());
    if (!picture().save(m_file, "PNG")) {
        printError(tr("Could not write the screenshot to %1.").arg(info.absoluteFilePath()));
        Q_EMIT finished(1);
        return;
    }
    std::fprintf(stdout, "%s\n", qUtf8Printable(info.absoluteFilePath()));
    std::fflush(stdout);
    Q_EMIT finished(0);
}

void ScreenshotRun::fail(const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_poll->stop();
    printError(reason);
    Q_EMIT finished(1);
}
