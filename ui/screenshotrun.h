#pragma once

#include "demotour.h"

#include <QObject>
#include <QPointer>
#include <QByteArray>
#include <QSize>
#include <QString>
#include <QStringList>

class CleanupDialog;
class CompareWindow;
class DeleteDialog;
class JournalWindow;
class MainWindow;
class PushDialog;
class QPixmap;
class QTimer;
class QWidget;

namespace ops {
struct RetentionRules;
}

// `lading --screenshot FILE [--screenshot-view VIEW]`: runs the DemoTour on one registry
// (or the image file being opened), grabs the main window to FILE once it arrived (a
// manifest shown, or the Files tab with its merged filesystem), and finishes with 0; with 1
// (and says why on stderr) when it cannot get there within the timeout. main() quits with
// that code. (The run does not call QCoreApplication::exit() itself: outside exec(), as in
// a test, exit() leaves a flag that makes every later QEventLoop::exec() return at once.)
//
// With setPush(), the tour's repository then gets an image file: Push::Dialog pictures the
// push dialog with its plan over the window (dialogs are separate windows, so the picture
// is composed: the window, then the dialog with a shadow where it stands); Push::Jobs
// presses Push and pictures the window with the jobs panel once the push landed and the
// tag table lists the new tag.
//
// With setOperation(), the tour's repository then gets one of the tag operations, pictured
// over the window the same way once it shows its real state; nothing is deleted.
// Operation::Delete: the delete window for the tour's selected tag ("latest" of the demo's
// demo/hello, which shares its image with "1.1") at its plan, with the choice between the
// tag alone and the image, below the tag table. Operation::Cleanup: Clean Up with
// cleanupRules() once the scan and the dry run are done, the first protected tag (else the
// first deleted one) current so that its reason shows in full. Operation::Journal: the
// deletion journal (ops::Journal's default folder: it must hold entries) once read, the
// newest entry selected with its details. Operation::Compare: a compare window for
// compareTags() of the tour's repository (the script seeds them), pictured on its own at the
// main window's size once the comparison finished, on the Files tab with compareFile()
// selected and its two versions side by side.
class ScreenshotRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotRun)

public:
    enum class Push { None, Dialog, Jobs };
    enum class Operation { None, Delete, Cleanup, Journal, Compare };

    ScreenshotRun(MainWindow *window, const QString &host, QString file, int timeoutSeconds,
                  DemoTour::Destination destination, QObject *parent = nullptr);

    // Before start(): push `imageFile` (a tarball or OCI layout) to the tour's repository.
    void setPush(Push push, const QString &imageFile);
    PushDialog *pushDialog() const; // once open(ing), until it closes
    // Before start(): one of the tag operations instead of a push.
    void setOperation(Operation operation);
    // Once open, until they close.
    DeleteDialog *deleteDialog() const;
    CleanupDialog *cleanupDialog() const;
    JournalWindow *journalWindow() const;
    CompareWindow *compareWindow() const;
    // What Operation::Cleanup previews: keep the 2 newest images and every tag matching
    // ".*-lts" (the demo repository the script makes has tags for each case).
    static ops::RetentionRules cleanupRules();
    // What Operation::Compare compares (A, then B: "1.2" and "2.0", two images on the demo's
    // layers that differ by an application layer and their configs) and the changed text
    // file it shows ("etc/hello/hello.conf").
    static QStringList compareTags();
    static QByteArray compareFile();

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onArrived();
    void openPushDialog();
    void openDeleteDialog();
    void onDeleteStep();
    void openCleanupDialog();
    void onCleanupPlan();
    void openJournal();
    void onJournalLoaded();
    void openCompareWindow();
    void onCompared();
    void onCompareFileShown();
    void fitCompareDiff();
    // Sizes `overlay` (at most `size`, leaving some window around it), centres it on the
    // window (or puts it near its right edge: Qt::AlignRight) and makes it what picture()
    // draws over the window.
    void placeOverWindow(QWidget *overlay, QSize size, Qt::Alignment horizontal = Qt::AlignHCenter);
    // The same, its top below the tag table's rows, centred on the repository page.
    void placeBelowTags(QWidget *overlay, QSize size);
    void captureSoon();
    void onDialogChanged();
    void showJobs();
    void checkJobs();
    void fitJobsPanel();
    QPixmap picture() const;
    void capture();
    void fail(const QString &reason);

    QPointer<MainWindow> m_window;
    DemoTour *m_tour = nullptr;
    QTimer *m_timeout = nullptr;
    QTimer *m_poll = nullptr;
    QString m_host;
    QString m_file;
    int m_timeoutSeconds;
    Push m_push = Push::None;
    QString m_imageFile;
    Operation m_operation = Operation::None;
    QPointer<PushDialog> m_dialog;
    QPointer<DeleteDialog> m_deleteDialog;
    QPointer<CleanupDialog> m_cleanupDialog;
    QPointer<JournalWindow> m_journalWindow;
    QPointer<CompareWindow> m_compareWindow; // pictured alone, not over the window
    QPointer<QWidget> m_overlay; // the dialog or window pictured over the main window
    QString m_pushedTag;
    bool m_planned = false;
    bool m_finished = false;
};
