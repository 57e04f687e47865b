#pragma once

#include "ops/journal/deletesummary.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace oci {
class RegistryClient;
}

namespace ops {
class DeleteRun;
class Journal;
struct DeletePlan;
} // namespace ops

// Runs an ops::DeletePlan (ops::DeleteRun, journaled) and tells how it went: while running,
// a progress bar ("Deleting 3 of 12…"), what is being deleted, and Stop (the step in
// flight finishes, the rest is not run); at the end, the summary in words (deleted,
// skipped, failed and not run, each with its reason; a registry that refuses deletion is
// said plainly), the garbage-collection reminder when something was deleted, and
// "Open Journal…" (journalRequested()) to undo.
//
// One run per panel. The panel owns its run: deleting the panel aborts it (the step in
// flight keeps a Pending journal entry). If the client is deleted mid-run, the run is
// aborted at once and the panel says the registry was removed.
//
//     auto *panel = new DeleteRunPanel(this);
//     connect(panel, &DeleteRunPanel::finished, this, [](const ops::DeleteSummary &summary) {
//         refreshTags(summary.deletedTags());
//     });
//     connect(panel, &DeleteRunPanel::journalRequested, this, &Window::openJournal);
//     panel->start(client, plan);            // ops::Journal() unless given
class DeleteRunPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteRunPanel)

public:
    explicit DeleteRunPanel(QWidget *parent = nullptr);
    ~DeleteRunPanel() override;

    // Starts the run (once). `client` must be the plan's registry.
    void start(oci::RegistryClient *client, const ops::DeletePlan &plan);
    void start(oci::RegistryClient *client, const ops::DeletePlan &plan,
               const ops::Journal &journal);

    bool isRunning() const;
    bool isFinished() const { return m_finished; }
    // Stop after the step in flight (the Stop button); finished() follows.
    void requestStop();
    // Filled in as steps end; complete once finished.
    const ops::DeleteSummary &summary() const { return m_summary; }

    // What the panel says, for tests and screenshots.
    QString progressText() const;
    QString headlineText() const;
    QStringList outcomeTexts() const;
    bool showsGarbageCollectionReminder() const;

Q_SIGNALS:
    void finished(const ops::DeleteSummary &summary);
    void journalRequested();

private:
    void onProgress(int done, int total);
    void onStepStarted(int outcome);
    void onFinished();
    void onClientGone();
    void showSummary();

    QPointer<oci::RegistryClient> m_client;
    ops::DeleteRun *m_run = nullptr;
    ops::DeleteSummary m_summary;
    bool m_finished = false;
    bool m_clientGone = false;
    QString m_failure; // the run could not run at all (DeleteRun::error())

    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stepLabel = nullptr;
    QPushButton *m_stopButton = nullptr;
    QWidget *m_running = nullptr;
    QWidget *m_done = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_counts = nullptr;
    QListWidget *m_outcomes = nullptr;
    QLabel *m_reminder = nullptr;
    QPushButton *m_journalButton = nullptr;
};
