#pragma once

#include "ops/deleteplan.h"
#include "ops/journal/journal.h"
#include "ops/plan/retentionrules.h"

#include <QDialog>
#include <QPointer>

class CleanupPreview;
class DeleteRunPanel;
class QGroupBox;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTimer;
class RetentionRulesForm;

namespace oci {
class ContentFetcher;
class RegistryClient;
} // namespace oci

namespace ops {
class RepositoryScanJob;
struct DeleteSummary;
} // namespace ops

// "Clean Up…" of a repository: retention rules and their dry run, then the deletion.
//
// Left, the rules (keep the newest N images, keep tags matching patterns, delete tags
// created before a date or matching patterns), loaded from the settings file for this
// registry and repository (RetentionRulesStore) and said in plain words, or what is wrong
// with them. Right, the preview: the repository is scanned once (ops::RepositoryScanJob:
// "Reading 120 of 340 tags…", Cancel, Scan Again), then ops::planRetention runs again
// ~300 ms after each change of the rules and the table shows every tag with its decision
// and the rule that decided it. The run button names the count and the registry; after a
// window-modal confirmation naming both and the repository, DeleteRunPanel runs exactly
// the plan on screen (ops::DeleteRun, journaled) and shows its summary. The rules are
// saved for the repository when the run starts, and with "Save Rules".
//
// Opens non-modal with show() (or window-modal with open()); deletes itself when closed.
// Closing during a run stops it after the deletion in flight, then closes. If the client
// or its fetcher is deleted (the registry removed), it says so and stops.
//
//     auto *dialog = new CleanupDialog(client, fetcherFor(client), host, repository,
//                                      m_settingsFile, this);
//     connect(dialog, &CleanupDialog::runFinished, this,
//             [this, host, repository] { refreshTags(host, repository); });
//     connect(dialog, &CleanupDialog::journalRequested, this, &MainWindow::showJournal);
//     dialog->show();
class CleanupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CleanupDialog)

public:
    // `host` is "host[:port]" as the registry is configured; `settingsFile` the INI file
    // the rules are kept in (the main window's).
    CleanupDialog(oci::RegistryClient *client, oci::ContentFetcher *fetcher, const QString &host,
                  const QString &repository, const QString &settingsFile,
                  QWidget *parent = nullptr);
    ~CleanupDialog() override;

    const QString &host() const { return m_host; }
    const QString &repository() const { return m_repository; }

    // Where the run writes its journal (ops::Journal() unless set; set it before the run).
    void setJournal(const ops::Journal &journal) { m_journal = journal; }

    ops::RetentionRules rules() const;
    void setRules(const ops::RetentionRules &rules);
    // Saves the rules on screen for this repository; false (and says why) when they are
    // not valid or the settings file cannot be written.
    bool saveRules();

    // Reads the repository again (the plan follows).
    void rescan();
    bool isScanning() const;
    bool hasScan() const { return m_hasScan; }
    // A plan for exactly the rules on screen: the one shown, and the one that will run.
    bool hasPlan() const { return m_planCurrent; }
    const ops::DeletePlan &plan() const { return m_plan; }
    const CleanupPreview *preview() const { return m_preview; }
    // What the status line says ("Reading 120 of 340 tags…", problems).
    QString statusText() const;
    // The confirmation while it is open.
    QMessageBox *confirmation() const;
    // The run's panel once the run started.
    DeleteRunPanel *runPanel() const { return m_runPanel; }
    bool isRunning() const;

    void reject() override;

Q_SIGNALS:
    // A plan was made or dropped (hasPlan() says which).
    void planChanged();
    void scanFinished(bool succeeded);
    // The deletion ended: refresh what shows this repository's tags.
    void runFinished(const ops::DeleteSummary &summary);
    // "Open Journal…" in the summary: show the journal (to undo).
    void journalRequested();

private:
    void loadRules();
    void onRulesChanged();
    void onScanProgress(int done, int total);
    void onScanFinished();
    void replan();
    void dropPlan(const QString &why);
    void confirmRun();
    void startRun(int planGeneration);
    void onRunFinished(const ops::DeleteSummary &summary);
    void onRegistryRemoved();
    void setStatus(const QString &text, bool problem = false);
    void updateButtons();

    QPointer<oci::RegistryClient> m_client;
    QPointer<oci::ContentFetcher> m_fetcher;
    QString m_host;
    QString m_repository;
    QString m_settingsFile;
    ops::Journal m_journal;

    QPointer<ops::RepositoryScanJob> m_scanJob;
    ops::RepositoryScan m_scan;
    bool m_hasScan = false;
    ops::DeletePlan m_plan;
    bool m_planCurrent = false;
    int m_planGeneration = 0; // which plan a confirmation was asked for
    bool m_registryRemoved = false;
    bool m_closeWhenStopped = false;

    RetentionRulesForm *m_form = nullptr;
    QLabel *m_savedLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QGroupBox *m_rulesBox = nullptr;
    QGroupBox *m_previewBox = nullptr;
    QProgressBar *m_scanProgress = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_cancelScanButton = nullptr;
    QPushButton *m_rescanButton = nullptr;
    QStackedWidget *m_pages = nullptr;
    CleanupPreview *m_preview = nullptr;
    DeleteRunPanel *m_runPanel = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QPointer<QMessageBox> m_confirmation;
    QTimer *m_planTimer = nullptr;
};
