#include "ops/cleanup/cleanupdialog.h"

#include "dialogtext.h"
#include "ops/cleanup/cleanuplabel.h"
#include "ops/cleanup/cleanuppreview.h"
#include "ops/cleanup/retentionrulesform.h"
#include "ops/cleanup/retentionrulesstore.h"
#include "ops/delete/deleterunpanel.h"

#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "ops/journal/deletesummary.h"
#include "ops/plan/repositoryscanjob.h"
#include "ops/plan/retentionplanner.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// The planner is pure and fast; the pause only lets typing a pattern settle.
constexpr int kPlanDelayMs = 300;

} // namespace

CleanupDialog::CleanupDialog(oci::RegistryClient *client, oci::ContentFetcher *fetcher,
                             const QString &host, const QString &repository,
                             const QString &settingsFile, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_fetcher(fetcher)
    , m_host(host)
    , m_repository(repository)
    , m_settingsFile(settingsFile)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Clean Up %1").arg(repository));

    auto *title = new QLabel(
        tr("Clean up <b>%1</b> on %2").arg(repository.toHtmlEscaped(), host.toHtmlEscaped()), this);
    title->setObjectName(QStringLiteral("titleLabel"));
    auto *intro = DialogText::note(tr("Choose which tags to keep and which to delete. The "
                                      "preview shows what the rules would do; nothing is "
                                      "deleted until you confirm."),
                                   this);

    // The rules.
    m_form = new RetentionRulesForm(this);
    m_form->setCommand(QStringLiteral("ladingctl cleanup %1/%2").arg(host, repository));
    m_saveButton = new QPushButton(tr("&Save Rules"), this);
    m_saveButton->setObjectName(QStringLiteral("saveRulesButton"));
    m_saveButton->setAutoDefault(false);
    m_saveButton->setToolTip(tr("Remember these rules for %1 on %2; they are also saved "
                                "when the deletion starts.")
                                 .arg(repository, host));
    m_savedLabel = DialogText::note(QString(), this);
    m_savedLabel->setObjectName(QStringLiteral("savedLabel"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveButton);
    saveRow->addWidget(m_savedLabel, 1);
    m_rulesBox = new QGroupBox(tr("Rules"), this);
    auto *rulesLayout = new QVBoxLayout(m_rulesBox);
    rulesLayout->addWidget(m_form, 1);
    rulesLayout->addLayout(saveRow);

    // The scan's status line, then the preview or the run.
    m_scanProgress = new QProgressBar(this);
    m_scanProgress->setObjectName(QStringLiteral("scanProgress"));
    m_scanProgress->setTextVisible(false);
    m_scanProgress->setMaximumWidth(140);
    m_statusLabel = cleanupLabel(QStringLiteral("statusLabel"), 2, this);
    m_cancelScanButton = new QPushButton(tr("Cancel"), this);
    m_cancelScanButton->setObjectName(QStringLiteral("cancelScanButton"));
    m_cancelScanButton->setAutoDefault(false);
    m_rescanButton = new QPushButton(tr("Scan &Again"), this);
    m_rescanButton->setObjectName(QStringLiteral("rescanButton"));
    m_rescanButton->setAutoDefault(false);
    m_rescanButton->setToolTip(tr("Read every tag of the repository again."));
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_scanProgress, 0, Qt::AlignTop);
    statusRow->addWidget(m_statusLabel, 1);
    statusRow->addWidget(m_cancelScanButton, 0, Qt::AlignTop);
    statusRow->addWidget(m_rescanButton, 0, Qt::AlignTop);

    m_preview = new CleanupPreview(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_preview);
    m_previewBox = new QGroupBox(tr("What the rules would do"), this);
    m_previewBox->setObjectName(QStringLiteral("previewBox"));
    auto *previewLayout = new QVBoxLayout(m_previewBox);
    previewLayout->addLayout(statusRow);
    previewLayout->addWidget(m_pages, 1);

    auto *columns = new QHBoxLayout;
    columns->addWidget(m_rulesBox, 0);
    columns->addWidget(m_previewBox, 1);
    m_rulesBox->setMaximumWidth(420);
    m_rulesBox->setMinimumWidth(340);

    auto *buttons = new QDialogButtonBox(this);
    m_runButton = buttons->addButton(tr("Delete Tags"), QDialogButtonBox::AcceptRole);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setAutoDefault(false);
    m_runButton->setAutoDefault(false);
    connect(m_runButton, &QPushButton::clicked, this, &CleanupDialog::confirmRun);
    connect(m_closeButton, &QPushButton::clicked, this, &CleanupDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    m_planTimer = new QTimer(this);
    m_planTimer->setSingleShot(true);
    m_planTimer->setInterval(kPlanDelayMs);
    connect(m_planTimer, &QTimer::timeout, this, &CleanupDialog::replan);
    connect(m_form, &RetentionRulesForm::rulesChanged, this, &CleanupDialog::onRulesChanged);
    connect(m_saveButton, &QPushButton::clicked, this, &CleanupDialog::saveRules);
    connect(m_cancelScanButton, &QPushButton::clicked, this, [this] {
        if (m_scanJob) {
            m_scanJob->cancel(); // silent: no finished()
            m_scanJob->deleteLater();
        }
        m_scanProgress->hide();
        m_cancelScanButton->hide();
        setStatus(tr("Reading the tags was cancelled. Scan Again to see what the rules would "
                     "delete."));
        dropPlan(tr("No preview: the tags were not read."));
        updateButtons();
    });
    connect(m_rescanButton, &QPushButton::clicked, this, &CleanupDialog::rescan);

    resize(1100, 680);
    loadRules();
    if (!m_client || !m_fetcher) {
        onRegistryRemoved();
        return;
    }
    connect(m_client, &QObject::destroyed, this, &CleanupDialog::onRegistryRemoved);
    // The main window drops a registry's fetcher before (or with) its client.
    connect(m_fetcher, &QObject::destroyed, this, [this] {
        if (!m_runPanel || !m_runPanel->isRunning())
            onRegistryRemoved();
    });
    rescan();
}

CleanupDialog::~CleanupDialog()
{
    if (m_scanJob)
        m_scanJob->cancel();
}

// --- rules ------------------------------------------------------------------------------

ops::RetentionRules CleanupDialog::rules() const
{
    return m_form->rules();
}

void CleanupDialog::setRules(const ops::RetentionRules &rules)
{
    m_form->setRules(rules);
}

void CleanupDialog::loadRules()
{
    QString problem;
    const std::optional<ops::RetentionRules> saved =
        RetentionRulesStore(m_settingsFile).load(m_host, m_repository, &problem);
    if (saved) {
        m_form->setRules(*saved);
        m_savedLabel->setText(tr("These are the rules saved for this repository."));
    } else if (!problem.isEmpty()) {
        m_form->setNote(tr("The rules saved for this repository could not be read, so the "
                           "form starts empty."),
                        problem);
    }
}

bool CleanupDialog::saveRules()
{
    if (const QString problem = m_form->problem(); !problem.isEmpty()) {
        m_savedLabel->setText(tr("Not saved: %1").arg(problem));
        return false;
    }
    const oci::Result<void> saved =
        RetentionRulesStore(m_settingsFile).save(m_host, m_repository, m_form->rules());
    if (!saved) {
        m_savedLabel->setText(tr("The rules could not be saved: %1").arg(saved.error().message()));
        return false;
    }
    m_savedLabel->setText(tr("Saved for this repository at %1.")
                              .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    return true;
}

void CleanupDialog::onRulesChanged()
{
    m_savedLabel->clear();
    // The plan on screen no longer matches the rules: nothing runs until the new one is made.
    m_planCurrent = false;
    updateButtons();
    m_planTimer->start();
}

// --- scan -------------------------------------------------------------------------------

void CleanupDialog::rescan()
{
    if (m_registryRemoved || !m_fetcher || isRunning())
        return;
    if (m_scanJob) {
        m_scanJob->cancel();
        m_scanJob->deleteLater();
    }
    if (m_runPanel) { // after a run: back to the preview
        m_pages->setCurrentWidget(m_preview);
        m_pages->removeWidget(m_runPanel);
        m_runPanel->deleteLater();
        m_runPanel = nullptr;
        m_rulesBox->setEnabled(true);
        m_previewBox->setTitle(tr("What the rules would do"));
    }
    m_hasScan = false;
    dropPlan(tr("The preview appears once every tag has been read."));
    m_scanJob = ops::RepositoryScanJob::start(m_fetcher, m_repository, this);
    connect(m_scanJob, &ops::RepositoryScanJob::progress, this, &CleanupDialog::onScanProgress);
    connect(m_scanJob, &ops::RepositoryScanJob::phaseChanged, this,
            [this] { onScanProgress(0, 0); });
    connect(m_scanJob, &oci::Job::finished, this, &CleanupDialog::onScanFinished);
    m_scanProgress->setRange(0, 0);
    m_scanProgress->show();
    m_cancelScanButton->show();
    setStatus(tr("Listing the tags of %1…").arg(m_repository));
    updateButtons();
}

bool CleanupDialog::isScanning() const
{
    return m_scanJob && !m_scanJob->isFinished() && !m_scanJob->isCancelled();
}

void CleanupDialog::onScanProgress(int done, int total)
{
    if (!m_scanJob)
        return;
    // The words first: whoever follows the bar reads the line that goes with it.
    const QLocale locale;
    switch (m_scanJob->phase()) {
    case ops::RepositoryScanJob::Phase::ListingTags:
        setStatus(
            done > 0
                ? tr("Listing the tags of %1: %2 so far…").arg(m_repository, locale.toString(done))
                : tr("Listing the tags of %1…").arg(m_repository));
        total = 0; // unknown until the list is complete
        break;
    case ops::RepositoryScanJob::Phase::ResolvingTags:
        setStatus(
            total > 0
                ? tr("Reading %1 of %2 tags…").arg(locale.toString(done), locale.toString(total))
                : tr("Reading the tags…"));
        break;
    case ops::RepositoryScanJob::Phase::FindingReferrers:
        setStatus(total > 0 ? tr("Looking for signatures and other referrers: %1 of %2 images…")
                                  .arg(locale.toString(done), locale.toString(total))
                            : tr("Looking for signatures and other referrers…"));
        break;
    case ops::RepositoryScanJob::Phase::Done:
        return;
    }
    if (total > 0) {
        m_scanProgress->setRange(0, total);
        m_scanProgress->setValue(done);
    } else {
        m_scanProgress->setRange(0, 0);
    }
}

void CleanupDialog::onScanFinished()
{
    ops::RepositoryScanJob *job = m_scanJob;
    if (!job || sender() != job)
        return; // a scan replaced by a newer one
    job->deleteLater();
    m_scanJob = nullptr;
    m_scanProgress->hide();
    m_cancelScanButton->hide();
    if (m_registryRemoved)
        return;
    if (!job->succeeded()) {
        setStatus(tr("The tags of %1 could not be read, so nothing can be planned or deleted: %2")
                      .arg(m_repository, job->error().describe()),
                  true);
        dropPlan(tr("No preview: the tags could not be read."));
        updateButtons();
        Q_EMIT scanFinished(false);
        return;
    }
    m_scan = job->scan();
    m_hasScan = true;
    setStatus(tr("%n tag(s) read at %1.", "", int(m_scan.tags.size()))
                  .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_planTimer->stop();
    replan();
    Q_EMIT scanFinished(true);
}

// --- plan -------------------------------------------------------------------------------

void CleanupDialog::replan()
{
    m_planTimer->stop();
    if (!m_hasScan || isRunning() || m_runPanel)
        return;
    if (const QString problem = m_form->problem(); !problem.isEmpty()) {
        dropPlan(tr("%n tag(s) read. Set the rules to see what they would delete.", "",
                    int(m_scan.tags.size())));
        return;
    }
    oci::Result<ops::DeletePlan> plan = ops::planRetention(m_scan, m_form->rules());
    if (!plan) {
        dropPlan(tr("No preview: %1").arg(plan.error().message()));
        return;
    }
    m_plan = std::move(plan).value();
    m_planCurrent = true;
    ++m_planGeneration;
    m_preview->setPlan(m_plan, m_scan);
    updateButtons();
    Q_EMIT planChanged();
}

void CleanupDialog::dropPlan(const QString &why)
{
    const bool had = m_planCurrent || !m_plan.tags.isEmpty();
    m_plan = ops::DeletePlan();
    m_planCurrent = false;
    ++m_planGeneration;
    m_preview->showMessage(why);
    updateButtons();
    if (had)
        Q_EMIT planChanged();
}

// --- run --------------------------------------------------------------------------------

void CleanupDialog::confirmRun()
{
    if (!m_planCurrent || m_plan.isEmpty() || !m_client || m_confirmation)
        return;
    const int count = m_plan.deletedTagCount();
    const int generation = m_planGeneration;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Delete Tags"),
                        tr("Delete %n tag(s) from %1 on %2?", "", count).arg(m_repository, m_host),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    int stay = 0;
    for (const ops::TagFate &tag : std::as_const(m_plan.tags))
        stay += tag.fate == ops::TagFate::Fate::Deleted ? 0 : 1;
    box->setInformativeText(
        tr("%n other tag(s) stay, as the preview shows.", "", stay) + u' ' +
        tr("Each deletion is written to the journal first, so it can be undone while the "
           "registry still has the image data."));
    QPushButton *deleteButton =
        box->addButton(tr("Delete %n Tag(s)", "", count), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QDialog::finished, this, [this, box, deleteButton, generation] {
        if (box->clickedButton() == deleteButton)
            startRun(generation);
    });
    m_confirmation = box;
    box->open();
}

void CleanupDialog::startRun(int planGeneration)
{
    if (planGeneration != m_planGeneration || !m_planCurrent || m_plan.isEmpty()) {
        setStatus(tr("The preview changed while you were asked; look at it again before "
                     "deleting."),
                  true);
        return;
    }
    if (!m_client) {
        onRegistryRemoved();
        return;
    }
    saveRules(); // says so itself if it cannot
    m_planTimer->stop();
    m_rulesBox->setEnabled(false);
    m_runPanel = new DeleteRunPanel(this);
    m_runPanel->setObjectName(QStringLiteral("runPanel"));
    connect(m_runPanel, &DeleteRunPanel::finished, this, &CleanupDialog::onRunFinished);
    connect(m_runPanel, &DeleteRunPanel::journalRequested, this, &CleanupDialog::journalRequested);
    m_pages->addWidget(m_runPanel);
    m_previewBox->setTitle(tr("Deleting"));
    m_pages->setCurrentWidget(m_runPanel);
    setStatus(tr("Deleting what the preview showed: %n tag(s).", "", m_plan.deletedTagCount()));
    m_runPanel->start(m_client, m_plan, m_journal);
    updateButtons();
}

bool CleanupDialog::isRunning() const
{
    return m_runPanel && m_runPanel->isRunning();
}

void CleanupDialog::onRunFinished(const ops::DeleteSummary &summary)
{
    if (!m_fetcher || !m_client) // removed while the run went on
        onRegistryRemoved();
    m_planCurrent = false; // the registry changed: this plan is history
    m_previewBox->setTitle(tr("What was done"));
    if (!m_registryRemoved)
        setStatus(tr("Done. Scan Again to see the repository as it is now."));
    updateButtons();
    Q_EMIT runFinished(summary);
    if (m_closeWhenStopped)
        QDialog::reject();
}

void CleanupDialog::reject()
{
    if (isRunning()) {
        // Aborting would leave the deletion in flight half-recorded: stop after it instead.
        m_closeWhenStopped = true;
        m_runPanel->requestStop();
        setStatus(tr("Stopping after the deletion under way, then closing…"));
        return;
    }
    QDialog::reject();
}

// --- state ------------------------------------------------------------------------------

void CleanupDialog::onRegistryRemoved()
{
    if (m_registryRemoved)
        return;
    m_registryRemoved = true;
    m_planTimer->stop();
    if (m_scanJob) {
        m_scanJob->cancel();
        m_scanJob->deleteLater();
        m_scanJob = nullptr;
    }
    if (m_confirmation)
        m_confirmation->reject();
    m_scanProgress->hide();
    m_cancelScanButton->hide();
    m_rulesBox->setEnabled(false);
    if (!m_runPanel)
        dropPlan(tr("No preview: the registry was removed."));
    setStatus(tr("The registry %1 was removed, so this window can no longer read or delete "
                 "anything. Close it, add the registry again and start over.")
                  .arg(m_host),
              true);
    updateButtons();
}

QMessageBox *CleanupDialog::confirmation() const
{
    return m_confirmation;
}

QString CleanupDialog::statusText() const
{
    return m_statusLabel->text();
}

void CleanupDialog::setStatus(const QString &text, bool problem)
{
    m_statusLabel->setText(text);
    if (problem)
        DialogText::setColour(m_statusLabel, DialogText::problemColour());
    else
        m_statusLabel->setPalette(QPalette());
}

void CleanupDialog::updateButtons()
{
    const bool ran = m_runPanel != nullptr;
    const bool scanning = isScanning();
    m_rescanButton->setVisible(!scanning);
    m_rescanButton->setEnabled(!m_registryRemoved && !isRunning());
    m_saveButton->setEnabled(!m_registryRemoved && !ran);
    m_runButton->setVisible(!ran);
    const int count = m_planCurrent ? m_plan.deletedTagCount() : 0;
    if (m_planCurrent && count == 0)
        m_runButton->setText(tr("Nothing to Delete"));
    else if (m_planCurrent)
        m_runButton->setText(tr("&Delete %n Tag(s) from %1", "", count).arg(m_host));
    else
        m_runButton->setText(tr("Delete Tags"));
    m_runButton->setEnabled(!m_registryRemoved && !ran && m_planCurrent && count > 0 && m_client);
}
