#pragma once

#include "ops/journal/journal.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>

class JournalEntryView;
class JournalModel;
class QComboBox;
class QFileSystemWatcher;
class QItemSelection;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace oci {
class RegistryClient;
}

namespace ops {
class UndoJob;
struct JournalEntry;
} // namespace ops

// Window › Deletion Journal: every deletion Lading (or ladingctl) made, newest first, from
// the journal on disk (ops::Journal), filterable by run; the details of the selected entry
// (tags, digest, media type, the manifest kept); and "Undo" for the selected entries, one
// after the other (newest first), with progress and the result in words: tags put back,
// tags left alone because they point at another image now, and what garbage collection
// took ("cannot be undone: the registry no longer has …").
//
// Undo needs a client for the entry's registry: `clientFor(host)` gives it (null when that
// registry is not in Lading's list: the window says "Add <host> to the registry list to
// undo this."). The list follows the journal folder (QFileSystemWatcher) and Refresh.
// Non-modal; deletes itself when closed; survives a client being removed mid-undo.
//
//     auto *window = new JournalWindow(
//         [this](const QString &host) { return clientForHost(host); }, this);
//     connect(window, &JournalWindow::restored, this,
//             [this](const QString &host, const QString &repository, const QStringList &) {
//                 refreshTagsOf(host, repository);   // the tag table shows them again
//             });
//     window->show();
//     window->showRun(runId);  // optional: only the entries of one deletion run
class JournalWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalWindow)

public:
    using ClientForHost = std::function<oci::RegistryClient *(const QString &host)>;

    explicit JournalWindow(ClientForHost clientFor, QWidget *parent = nullptr);
    ~JournalWindow() override;

    // The journal shown (default: ops::Journal(), the user's). Reads it again.
    void setJournal(const ops::Journal &journal);
    const ops::Journal &journal() const { return m_journal; }

    // Only the entries of one deletion run (DeleteRun::runId()); an empty id shows all.
    void showRun(const QString &run);
    // Selects the entry (and scrolls to it) once it is listed.
    void selectEntry(const QString &id);
    void refresh();

    bool isUndoing() const;
    // The last undo's result in words (the status line), for tests.
    QString resultText() const;
    JournalModel *model() const { return m_model; }

public Q_SLOTS:
    void undoSelected();

Q_SIGNALS:
    // Tags (possibly none: an untagged image) of `repository` on `host` are back.
    void restored(const QString &host, const QString &repository, const QStringList &tags);
    void undoFinished(); // the last of the selected entries is done

private:
    void onLoaded();
    void reselect(); // selects m_keepSelected (those still shown)
    void rebuildRuns();
    void onSelectionChanged();
    void updateButtons();
    QStringList selectedIds() const;
    void startNextUndo();
    void onUndoFinished();
    void finishUndo();
    void watchFolder();

    ClientForHost m_clientFor;
    ops::Journal m_journal;
    JournalModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QComboBox *m_runs = nullptr;
    QPushButton *m_refresh = nullptr;
    QTableView *m_table = nullptr;
    JournalEntryView *m_details = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_undo = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_reloadTimer = nullptr;

    QString m_run;              // the run shown; empty: all
    QStringList m_keepSelected; // ids to select again after a reload
    QStringList m_queue;        // entries still to undo
    int m_undoTotal = 0;
    QPointer<ops::UndoJob> m_job;
    QStringList m_results;      // one line per entry undone (or not)
};
