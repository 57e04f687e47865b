#include "ops/delete/deleterunpanel.h"

#include "dialogtext.h"
#include "ops/delete/deleteheadline.h"
#include "ops/delete/deletesummarytext.h"

#include "oci/client/registryclient.h"
#include "ops/journal/deleterun.h"
#include "ops/journal/journal.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using Result = ops::DeleteOutcome::Result;

DeleteRunPanel::DeleteRunPanel(QWidget *parent) : QWidget(parent)
{
    // finished() and DeleteDialog::deleted() carry it, also through queued connections.
    qRegisterMetaType<ops::DeleteSummary>();
    // While running.
    m_running = new QWidget(this);
    m_progressLabel = new QLabel(tr("Getting ready to delete…"), m_running);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar(m_running);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_stepLabel = DialogText::note(QString(), m_running);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_stopButton = new QPushButton(tr("&Stop"), m_running);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop after the deletion under way: what is left is not deleted."));
    connect(m_stopButton, &QPushButton::clicked, this, &DeleteRunPanel::requestStop);
    auto *barRow = new QHBoxLayout;
    barRow->addWidget(m_progress, 1);
    barRow->addWidget(m_stopButton);
    auto *runningLayout = new QVBoxLayout(m_running);
    runningLayout->setContentsMargins(0, 0, 0, 0);
    runningLayout->addWidget(m_progressLabel);
    runningLayout->addLayout(barRow);
    runningLayout->addWidget(m_stepLabel);
    runningLayout->addStretch(1);

    // At the end.
    m_done = new QWidget(this);
    m_headline = newDeleteHeadline(m_done);
    m_headline->setObjectName(QStringLiteral("headlineLabel"));
    m_counts = DialogText::note(QString(), m_done);
    m_counts->setObjectName(QStringLiteral("countsLabel"));
    m_outcomes = new QListWidget(m_done);
    m_outcomes->setObjectName(QStringLiteral("outcomeList"));
    m_outcomes->setWordWrap(true);
    m_outcomes->setSelectionMode(QAbstractItemView::NoSelection);
    m_outcomes->setFocusPolicy(Qt::NoFocus);
    m_outcomes->setTextElideMode(Qt::ElideNone);
    m_outcomes->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_outcomes->setSpacing(2);
    m_outcomes->setIconSize(QSize(16, 16));
    // A list of sentences, not a table to work in: on the window's own background.
    m_outcomes->setFrameShape(QFrame::NoFrame);
    QPalette palette = m_outcomes->palette();
    palette.setColor(QPalette::Base, palette.color(QPalette::Window));
    m_outcomes->setPalette(palette);
    m_reminder = DialogText::note(DeleteSummaryText::garbageCollectionReminder(), m_done);
    m_reminder->setObjectName(QStringLiteral("reminderLabel"));
    m_journalButton = new QPushButton(tr("Open &Journal…"), m_done);
    m_journalButton->setObjectName(QStringLiteral("journalButton"));
    m_journalButton->setToolTip(tr("The journal keeps every deletion with its manifest, to undo it."));
    connect(m_journalButton, &QPushButton::clicked, this, &DeleteRunPanel::journalRequested);
    auto *journalRow = new QHBoxLayout;
    journalRow->addWidget(m_reminder, 1);
    journalRow->addWidget(m_journalButton, 0, Qt::AlignTop);
    auto *doneLayout = new QVBoxLayout(m_done);
    doneLayout->setContentsMargins(0, 0, 0, 0);
    doneLayout->addWidget(m_headline);
    doneLayout->addWidget(m_counts);
    doneLayout->addWidget(m_outcomes, 1);
    doneLayout->addLayout(journalRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_running);
    layout->addWidget(m_done, 1);
    m_done->hide();
}

DeleteRunPanel::~DeleteRunPanel()
{
    // Our run goes with us (aborting the step in flight) before the client can.
    delete m_run;
}

void DeleteRunPanel::start(oci::RegistryClient *client, const ops::DeletePlan &plan)
{
    start(client, plan, ops::Journal());
}

void DeleteRunPanel::start(oci::RegistryClient *client, const ops::DeletePlan &plan,
                           const ops::Journal &journal)
{
    if (m_run || m_finished)
        return;
    m_client = client;
    m_summary = {};
    m_summary.registry = plan.registry;
    m_summary.repository = plan.repository;
    if (!client) {
        onClientGone();
        return;
    }
    m_run = new ops::DeleteRun(client, journal, plan, this);
    connect(m_run, &ops::DeleteRun::progress, this, &DeleteRunPanel::onProgress);
    connect(m_run, &ops::DeleteRun::stepStarted, this, &DeleteRunPanel::onStepStarted);
    connect(m_run, &ops::DeleteRun::checkingRepository, this, [this] {
        m_progressLabel->setText(tr("Checking that the repository has not changed since it was read…"));
    });
    connect(m_run, &oci::Job::finished, this, &DeleteRunPanel::onFinished);
    // A run must not outlive its client: abort it the moment the client goes.
    connect(client, &QObject::destroyed, this, &DeleteRunPanel::onClientGone);
    onProgress(0, m_run->stepCount());
    m_run->start();
}

bool DeleteRunPanel::isRunning() const
{
    return m_run && !m_finished;
}

void DeleteRunPanel::requestStop()
{
    if (!isRunning())
        return;
    m_run->requestCancel();
    m_stopButton->setEnabled(false);
    m_stepLabel->setText(tr("Stopping after the deletion under way…"));
}

QString DeleteRunPanel::progressText() const
{
    return m_progressLabel->text();
}

QString DeleteRunPanel::headlineText() const
{
    return m_headline->text();
}

QStringList DeleteRunPanel::outcomeTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_outcomes->count(); ++row)
        texts << m_outcomes->item(row)->text();
    return texts;
}

bool DeleteRunPanel::showsGarbageCollectionReminder() const
{
    return m_finished && !m_reminder->isHidden();
}

void DeleteRunPanel::onProgress(int done, int total)
{
    m_progress->setRange(0, qMax(total, 1));
    m_progress->setValue(done);
    m_progressLabel->setText(total > 0 ? tr("Deleting %1 of %2…").arg(qMin(done + 1, total)).arg(total)
                                       : tr("Getting ready to delete…"));
}

void DeleteRunPanel::onStepStarted(int outcome)
{
    if (!m_run || outcome < 0 || outcome >= m_run->summary().outcomes.size())
        return;
    if (m_stopButton->isEnabled())
        m_stepLabel->setText(tr("Now: %1").arg(DeleteSummaryText::subject(m_run->summary().outcomes.at(outcome))));
}

void DeleteRunPanel::onFinished()
{
    m_summary = m_run->summary();
    if (!m_client)
        m_clientGone = true; // the run ended Cancelled: "the registry was removed"
    else if (m_run->error().code() != oci::Error::Code::None)
        m_failure = m_run->error().describe();
    m_run->deleteLater();
    m_run = nullptr;
    showSummary();
}

void DeleteRunPanel::onClientGone()
{
    if (m_finished)
        return;
    m_clientGone = true;
    // The run notices too: the step in flight ends (Failed), the rest is not run, and
    // finished() comes with a summary that says so.
    if (!m_run)
        showSummary();
}

void DeleteRunPanel::showSummary()
{
    m_finished = true;
    m_running->hide();
    m_done->show();

    if (m_clientGone) {
        m_headline->setText(tr("The registry was removed from Lading, so deleting stopped."));
        const QString counts = DeleteSummaryText::counts(m_summary);
        m_counts->setText(counts.isEmpty() ? tr("Nothing was deleted.") : counts);
    } else if (!m_failure.isEmpty()) {
        m_headline->setText(tr("Nothing was deleted."));
        m_counts->setText(m_failure);
    } else {
        m_headline->setText(DeleteSummaryText::headline(m_summary));
        QString counts = DeleteSummaryText::counts(m_summary);
        if (m_summary.cancelled)
            counts += u' ' + tr("Stopped on request.");
        if (m_summary.stopped) {
            // stopReason is a clause that follows "because".
            QString reason = m_summary.stopReason;
            while (reason.endsWith(u'.'))
                reason.chop(1);
            counts += u' ' + tr("Stopped because %1.").arg(reason);
        }
        m_counts->setText(counts);
    }

    m_outcomes->clear();
    const QStyle *style = this->style();
    for (const ops::DeleteOutcome &outcome : std::as_const(m_summary.outcomes)) {
        auto *item = new QListWidgetItem(DeleteSummaryText::outcome(outcome), m_outcomes);
        switch (outcome.result) {
        case Result::Deleted:
            item->setIcon(style->standardIcon(QStyle::SP_DialogApplyButton));
            break;
        case Result::Skipped:
        case Result::NotRun:
            item->setIcon(style->standardIcon(QStyle::SP_MessageBoxInformation));
            break;
        case Result::Failed:
            item->setIcon(style->standardIcon(QStyle::SP_MessageBoxCritical));
            item->setForeground(DialogText::problemColour());
            break;
        }
    }
    m_outcomes->setVisible(m_outcomes->count() > 0);
    m_reminder->setVisible(m_summary.garbageCollectionNeeded());
    // Undo is in the journal: offered when there is something to undo (or may be).
    m_journalButton->setVisible(m_summary.count(Result::Deleted) > 0 || m_clientGone);
    Q_EMIT finished(m_summary);
}
