#include "ops/delete/deletedialog.h"

#include "dialogtext.h"
#include "ops/delete/deleteplanmodel.h"
#include "ops/delete/deleteplantext.h"
#include "ops/delete/deleteplanview.h"
#include "ops/delete/deleterunpanel.h"
#include "ops/delete/deletesummarytext.h"

#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "ops/plan/deletionplanner.h"
#include "ops/plan/repositoryscanjob.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

enum Page { ScanPage, PlanPage, RunPage };

// Several hundred tag names do not belong in a sentence.
QString selectionText(const QStringList &tags)
{
    constexpr int shown = 6;
    if (tags.size() <= shown)
        return DeleteSummaryText::quotedTags(tags);
    return DeleteDialog::tr("%1 and %n more", nullptr, int(tags.size()) - shown)
        .arg(DeleteSummaryText::quotedTags(tags.mid(0, shown)));
}

} // namespace

DeleteDialog::DeleteDialog(oci::RegistryClient *client, oci::ContentFetcher *fetcher,
                           const QString &host, const QString &repository,
                           const QStringList &selectedTags, QWidget *parent)
    : DeleteDialog(client, fetcher, host, repository, selectedTags, false, parent)
{
}

DeleteDialog *DeleteDialog::forRepository(oci::RegistryClient *client, oci::ContentFetcher *fetcher,
                                          const QString &host, const QString &repository,
                                          QWidget *parent)
{
    return new DeleteDialog(client, fetcher, host, repository, {}, true, parent);
}

DeleteDialog::DeleteDialog(oci::RegistryClient *client, oci::ContentFetcher *fetcher,
                           const QString &host, const QString &repository,
                           const QStringList &selectedTags, bool everyTag, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_fetcher(fetcher)
    , m_host(host)
    , m_repository(repository)
    , m_requested(selectedTags)
    , m_selected(selectedTags)
    , m_everyTag(everyTag)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    const QString where = host + u'/' + repository;
    setWindowTitle(everyTag ? tr("Delete All Tags of %1").arg(where) : tr("Delete Tags from %1").arg(where));

    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("introLabel"));
    m_intro->setTextFormat(Qt::PlainText);
    m_intro->setWordWrap(true);
    m_intro->setText(everyTag ? tr("Every tag of %1.").arg(where)
                              : tr("Selected in %1: %2").arg(where, selectionText(selectedTags)));

    // 1. The scan.
    auto *scanPage = new QWidget(this);
    m_statusLabel = new QLabel(tr("Reading the repository's tags…"), scanPage);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_scanProgress = new QProgressBar(scanPage);
    m_scanProgress->setObjectName(QStringLiteral("scanProgress"));
    m_scanProgress->setRange(0, 0);
    m_scanProgress->setTextVisible(false);
    auto *why = DialogText::note(tr("Every tag of the repository is read, not only the ones on "
                                    "screen, so that no tag is deleted by surprise."),
                                 scanPage);
    auto *scanLayout = new QVBoxLayout(scanPage);
    scanLayout->setContentsMargins(0, 0, 0, 0);
    scanLayout->addWidget(m_statusLabel);
    scanLayout->addWidget(m_scanProgress);
    scanLayout->addWidget(why);
    scanLayout->addStretch(1);

    // 2. The plan; 3. the run.
    m_planView = new DeletePlanView(this);
    connect(m_planView, &DeletePlanView::modeChanged, this, &DeleteDialog::replan);
    m_runPanel = newRunPanel();

    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(ScanPage, scanPage);
    m_pages->insertWidget(PlanPage, m_planView);
    m_pages->insertWidget(RunPage, m_runPanel);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    DialogText::setColour(m_problemLabel, DialogText::problemColour());
    m_problemLabel->hide();

    // Cancel is the default: Enter never deletes.
    m_buttons = new QDialogButtonBox(this);
    m_deleteButton = m_buttons->addButton(tr("Delete"), QDialogButtonBox::AcceptRole);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setAutoDefault(false);
    m_deleteButton->setEnabled(false);
    m_closeButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelText = m_closeButton->text();
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setDefault(true);
    m_rescanButton = m_buttons->addButton(tr("&Scan Again"), QDialogButtonBox::ActionRole);
    m_rescanButton->setObjectName(QStringLiteral("rescanButton"));
    m_rescanButton->setAutoDefault(false);
    m_rescanButton->hide();
    connect(m_rescanButton, &QPushButton::clicked, this, &DeleteDialog::rescan);
    connect(m_deleteButton, &QPushButton::clicked, this, &DeleteDialog::runPlan);
    connect(m_closeButton, &QPushButton::clicked, this, &DeleteDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);
    setMinimumSize(720, 480);
    resize(820, 560);

    if (client)
        connect(client, &QObject::destroyed, this, &DeleteDialog::onClientGone);
    m_closeButton->setFocus();
    startScan();
}

DeleteDialog::~DeleteDialog()
{
    if (m_scan)
        m_scan->cancel();
}

ops::DeleteMode DeleteDialog::mode() const
{
    return m_planView->mode();
}

void DeleteDialog::setMode(ops::DeleteMode mode)
{
    m_planView->setMode(mode);
}

bool DeleteDialog::offersModeChoice() const
{
    return m_planView->offersModeChoice();
}

QString DeleteDialog::statusText() const
{
    return m_statusLabel->text();
}

QString DeleteDialog::problemText() const
{
    return m_problem;
}

DeleteRunPanel *DeleteDialog::newRunPanel()
{
    auto *panel = new DeleteRunPanel(this);
    panel->setObjectName(QStringLiteral("runPanel"));
    // The journal is another window: this one closes (the run is over) so that it does not
    // stand modal over the window the journal opens from.
    connect(panel, &DeleteRunPanel::journalRequested, this, [this] {
        Q_EMIT journalRequested();
        if (m_step == Step::Summary)
            accept();
    });
    connect(panel, &DeleteRunPanel::finished, this, &DeleteDialog::onRunFinished);
    return panel;
}

// --- 1. the scan ------------------------------------------------------------------------

void DeleteDialog::startScan()
{
    if (!m_client || !m_fetcher) {
        // Asynchronously, like every other ending: the caller connects after constructing.
        QMetaObject::invokeMethod(this, [this] { onClientGone(); }, Qt::QueuedConnection);
        return;
    }
    m_scan = ops::RepositoryScanJob::start(m_fetcher, m_repository, this);
    connect(m_scan, &ops::RepositoryScanJob::progress, this, &DeleteDialog::onScanProgress);
    connect(m_scan, &oci::Job::finished, this, &DeleteDialog::onScanned);
}

void DeleteDialog::onScanProgress(int done, int total)
{
    if (!m_scan)
        return;
    switch (m_scan->phase()) {
    case ops::RepositoryScanJob::Phase::ListingTags:
        m_statusLabel->setText(tr("Listing the tags: %1 so far…").arg(done));
        m_scanProgress->setRange(0, 0);
        return;
    case ops::RepositoryScanJob::Phase::ResolvingTags:
        m_statusLabel->setText(tr("Reading %1 of %2 tags…").arg(done).arg(total));
        break;
    case ops::RepositoryScanJob::Phase::FindingReferrers:
        m_statusLabel->setText(
            tr("Looking for signatures and other referrers: %1 of %2 images…").arg(done).arg(total));
        break;
    case ops::RepositoryScanJob::Phase::Done:
        return;
    }
    m_scanProgress->setRange(0, qMax(total, 1));
    m_scanProgress->setValue(done);
}

void DeleteDialog::onScanned()
{
    ops::RepositoryScanJob *scan = m_scan;
    m_scan = nullptr;
    if (!scan)
        return;
    scan->deleteLater();
    if (!m_client) {
        onClientGone();
        return;
    }
    if (!scan->succeeded()) {
        fail(tr("The repository could not be read, so nothing was planned or deleted: %1")
                 .arg(scan->error().describe()));
        return;
    }
    m_scanned = scan->scan();
    m_scanDone = true;
    if (m_everyTag) {
        m_selected.clear();
        for (const oci::TagDetails &row : std::as_const(m_scanned.tags))
            m_selected << row.tag;
        m_intro->setText(tr("Every tag of %1: %n tag(s).", nullptr, int(m_selected.size()))
                             .arg(m_host + u'/' + m_repository));
    } else {
        // A tag deleted since the table was loaded is no longer there: say so, plan the rest.
        QStringList present;
        for (const QString &tag : std::as_const(m_selected)) {
            if (m_scanned.find(tag))
                present << tag;
            else
                m_missing << tag;
        }
        m_selected = present;
    }
    if (m_selected.isEmpty()) {
        fail(m_everyTag ? tr("The repository has no tags: there is nothing to delete.")
                        : tr("None of the selected tags is in the repository any more: there is "
                             "nothing to delete."));
        return;
    }
    replan();
}

// --- 2. the plan ------------------------------------------------------------------------

void DeleteDialog::replan()
{
    // A mode chosen before the scan ends is used when it does; after Delete it is too late.
    if (!m_scanDone || (m_step != Step::Scanning && m_step != Step::Plan))
        return;
    const oci::Result<ops::DeletePlan> plan = ops::planDeletion(m_scanned, m_selected, mode());
    if (!plan) {
        fail(tr("No plan could be made, so nothing was deleted: %1").arg(plan.error().describe()));
        return;
    }
    m_plan = plan.value();
    m_hasPlan = true;
    QStringList notes;
    if (!m_missing.isEmpty())
        notes << tr("Not in the repository any more (deleted meanwhile?): %1.")
                     .arg(selectionText(m_missing));
    m_planView->setNotes(notes);
    m_planView->setPlan(m_plan, m_scanned, m_selected,
                        DeletePlanText::sharingTags(m_scanned, m_selected));
    const int count = m_plan.deletedTagCount();
    m_deleteButton->setText(count > 0 ? tr("&Delete %n Tag(s) from %1", nullptr, count).arg(m_host)
                                      : tr("&Delete"));
    m_deleteButton->setEnabled(!m_plan.isEmpty() && m_client);
    setStep(Step::Plan);
}

// --- 3. the run -------------------------------------------------------------------------

void DeleteDialog::runPlan()
{
    if (m_step != Step::Plan || !m_hasPlan || m_plan.isEmpty() || !m_client)
        return;
    m_deleteButton->hide();
    m_closeButton->setText(tr("&Stop"));
    setStep(Step::Running);
    m_runPanel->start(m_client, m_plan, m_journal);
}

void DeleteDialog::onRunFinished(const ops::DeleteSummary &summary)
{
    // Nothing ran because the repository is no longer what the plan was made from.
    m_rescanButton->setVisible(!summary.changedTags.isEmpty() && m_client);
    setStep(Step::Summary);
    Q_EMIT deleted(summary);
}

void DeleteDialog::rescan()
{
    if (m_step != Step::Summary || !m_client)
        return;
    // A panel runs once: the next plan gets a new one.
    DeleteRunPanel *old = m_runPanel;
    m_runPanel = newRunPanel();
    m_pages->removeWidget(old);
    old->deleteLater();
    m_pages->insertWidget(RunPage, m_runPanel);
    m_selected = m_requested;
    m_missing.clear();
    m_hasPlan = false;
    m_scanDone = false;
    m_rescanButton->hide();
    m_deleteButton->show();
    m_deleteButton->setEnabled(false);
    m_closeButton->setText(m_cancelText);
    m_statusLabel->setText(tr("Reading the repository's tags…"));
    m_scanProgress->setRange(0, 0);
    setStep(Step::Scanning);
    startScan();
}

void DeleteDialog::reject()
{
    if (m_step == Step::Running) {
        askToStop();
        return;
    }
    if (m_scan)
        m_scan->cancel();
    QDialog::reject();
}

void DeleteDialog::askToStop()
{
    if (findChild<QMessageBox *>(QStringLiteral("stopQuestion")))
        return;
    auto *question = new QMessageBox(QMessageBox::Question, tr("Stop Deleting?"),
                                     tr("Stop deleting after the deletion under way? What is "
                                        "left is not deleted; the summary then shows what was "
                                        "done."),
                                     QMessageBox::NoButton, this);
    question->setObjectName(QStringLiteral("stopQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *stop = question->addButton(tr("Stop Deleting"), QMessageBox::AcceptRole);
    stop->setObjectName(QStringLiteral("stopButton"));
    QPushButton *goOn = question->addButton(tr("Go On"), QMessageBox::RejectRole);
    question->setDefaultButton(goOn);
    connect(stop, &QPushButton::clicked, this, [this] {
        m_runPanel->requestStop();
        m_closeButton->setEnabled(false);
    });
    question->open();
}

void DeleteDialog::onClientGone()
{
    if (m_step == Step::Running || m_step == Step::Summary)
        return; // the run panel says it
    if (m_scan) {
        // The scan ends by itself (Cancelled) now that its fetcher goes; onScanned says it.
        return;
    }
    fail(tr("The registry was removed from Lading, so nothing was deleted."));
}

void DeleteDialog::fail(const QString &problem)
{
    m_problem = problem;
    m_problemLabel->setText(problem);
    m_problemLabel->show();
    m_deleteButton->setEnabled(false);
    m_deleteButton->hide();
    m_scanProgress->hide();
    m_closeButton->setText(tr("&Close"));
    m_closeButton->setEnabled(true);
    if (m_step == Step::Scanning)
        m_statusLabel->setText(tr("Nothing was deleted."));
    setStep(Step::Failed);
}

void DeleteDialog::setStep(Step step)
{
    if (step == m_step)
        return;
    m_step = step;
    switch (step) {
    case Step::Scanning: m_pages->setCurrentIndex(ScanPage); break;
    case Step::Plan: m_pages->setCurrentIndex(PlanPage); break;
    case Step::Running: m_pages->setCurrentIndex(RunPage); break;
    case Step::Summary:
        m_pages->setCurrentIndex(RunPage);
        m_closeButton->setText(tr("&Close"));
        m_closeButton->setEnabled(true);
        if (QMessageBox *question = findChild<QMessageBox *>(QStringLiteral("stopQuestion")))
            question->close();
        break;
    case Step::Failed: break; // the page stays: the plan or the scan's words, and why
    }
    Q_EMIT stepChanged(step);
}
