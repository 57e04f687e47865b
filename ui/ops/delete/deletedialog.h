#pragma once

#include "ops/deleteplan.h"
#include "ops/journal/journal.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class DeletePlanView;
class DeleteRunPanel;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace oci {
class ContentFetcher;
class RegistryClient;
} // namespace oci

namespace ops {
class RepositoryScanJob;
struct DeleteSummary;
} // namespace ops

// "Delete…" for tags of one repository, safely, in three steps in one window:
//  1. reads every tag of the repository (ops::RepositoryScanJob; not the page on screen)
//     with progress and Cancel;
//  2. shows the plan (ops::planDeletion) in plain words and every tag's fate in a table;
//     when a selected tag shares its image with other tags, offers "Delete this tag only"
//     or "Delete the image (and its N other tags)" and plans again when that changes;
//     nothing is deleted until the person presses "Delete 2 Tags from host" (Cancel is
//     the default button);
//  3. runs the plan (DeleteRunPanel, journaled) and shows the summary, the garbage-
//     collection reminder and "Open Journal…" (journalRequested(): open the journal window
//     for undo; the dialog closes then). If the repository changed between the scan and the run, nothing runs
//     (ops::DeleteRun checks first) and "Scan Again" starts over at 1.
// A registry that refuses deletion is said plainly, and nothing is shown as deleted.
// Closing while deleting asks whether to stop (the deletion under way finishes).
//
// Window-modal; open it with open(). Deletes itself when closed. Survives the client being
// removed from Lading: it says so and stops.
//
//     auto *dialog = new DeleteDialog(client, fetcherFor(client), host, repository,
//                                     selectedTags, this);
//     connect(dialog, &DeleteDialog::deleted, this, [this](const ops::DeleteSummary &) {
//         m_repositoryPage->reload();                 // the tags changed
//     });
//     connect(dialog, &DeleteDialog::journalRequested, this, &MainWindow::showJournal);
//     dialog->open();
//
//     DeleteDialog::forRepository(client, fetcherFor(client), host, repository, this)->open();
class DeleteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteDialog)

public:
    enum class Step { Scanning, Plan, Running, Summary, Failed };
    Q_ENUM(Step)

    // `fetcher` reads the tags' details (MainWindow::fetcherFor(client)); `host` is
    // "host[:port]" as shown; `selectedTags` must not be empty.
    DeleteDialog(oci::RegistryClient *client, oci::ContentFetcher *fetcher, const QString &host,
                 const QString &repository, const QStringList &selectedTags,
                 QWidget *parent = nullptr);
    // Every tag of the repository ("Delete all tags of this repository…").
    static DeleteDialog *forRepository(oci::RegistryClient *client, oci::ContentFetcher *fetcher,
                                       const QString &host, const QString &repository,
                                       QWidget *parent = nullptr);
    ~DeleteDialog() override;

    // Where the deletions are journaled (default: ops::Journal(), the user's journal).
    void setJournal(const ops::Journal &journal) { m_journal = journal; }

    Step step() const { return m_step; }
    bool selectsEveryTag() const { return m_everyTag; }
    QStringList selectedTags() const { return m_selected; }
    bool hasPlan() const { return m_hasPlan; }
    const ops::DeletePlan &plan() const { return m_plan; }
    ops::DeleteMode mode() const;
    void setMode(ops::DeleteMode mode); // plans again (before the plan: the one it uses)
    bool offersModeChoice() const;

    QPushButton *deleteButton() const { return m_deleteButton; }
    // "Scan Again": shown when the run found the repository changed since the scan.
    QPushButton *rescanButton() const { return m_rescanButton; }
    DeletePlanView *planView() const { return m_planView; }
    DeleteRunPanel *runPanel() const { return m_runPanel; }
    QString statusText() const;  // the scan's progress
    QString problemText() const; // why nothing can be deleted; empty if nothing stops it

    void reject() override;

Q_SIGNALS:
    void stepChanged(DeleteDialog::Step step);
    // The run ended (also when nothing could be deleted): refresh the tag table.
    void deleted(const ops::DeleteSummary &summary);
    void journalRequested();

private:
    DeleteDialog(oci::RegistryClient *client, oci::ContentFetcher *fetcher, const QString &host,
                 const QString &repository, const QStringList &selectedTags, bool everyTag,
                 QWidget *parent);
    void startScan();
    void rescan();
    void onRunFinished(const ops::DeleteSummary &summary);
    DeleteRunPanel *newRunPanel();
    void onScanProgress(int done, int total);
    void onScanned();
    void replan();
    void runPlan();
    void onClientGone();
    void fail(const QString &problem);
    void setStep(Step step);
    void askToStop();

    QPointer<oci::RegistryClient> m_client;
    QPointer<oci::ContentFetcher> m_fetcher;
    QString m_host;
    QString m_repository;
    QStringList m_requested; // as asked for (the scan may not find them all)
    QStringList m_selected;
    bool m_everyTag = false;
    ops::Journal m_journal;
    Step m_step = Step::Scanning;
    QPointer<ops::RepositoryScanJob> m_scan;
    ops::RepositoryScan m_scanned;
    bool m_scanDone = false;
    QStringList m_missing; // selected tags the scan did not find
    ops::DeletePlan m_plan;
    bool m_hasPlan = false;
    QString m_problem;

    QLabel *m_intro = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_scanProgress = nullptr;
    DeletePlanView *m_planView = nullptr;
    DeleteRunPanel *m_runPanel = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QPushButton *m_rescanButton = nullptr;
    QString m_cancelText; // the Cancel button's own (translated by Qt)
};
