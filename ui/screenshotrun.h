#pragma once

#include "demotour.h"

#include <QObject>
#include <QPointer>
#include <QString>

class MainWindow;
class PushDialog;
class QPixmap;
class QTimer;

// `lading --screenshot FILE [--screenshot-view files|local|push|jobs]`: runs the DemoTour on
// one registry (or the image file being opened), grabs the main window to FILE once it
// arrived (a manifest shown, or the Files tab with its merged filesystem), and finishes with
// 0; with 1 (and says why on stderr) when it cannot get there within the timeout. main()
// quits with that code. (The run does not call QCoreApplication::exit() itself: outside
// exec(), as in a test, exit() leaves a flag that makes every later QEventLoop::exec()
// return at once.)
//
// With setPush(), the tour's repository then gets an image file: Push::Dialog pictures the
// push dialog with its plan over the window (dialogs are separate windows, so the picture
// is composed: the window, then the dialog with a shadow where it stands); Push::Jobs
// presses Push and pictures the window with the jobs panel once the push landed and the
// tag table lists the new tag.
class ScreenshotRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotRun)

public:
    enum class Push { None, Dialog, Jobs };

    ScreenshotRun(MainWindow *window, const QString &host, QString file, int timeoutSeconds,
                  DemoTour::Destination destination, QObject *parent = nullptr);

    // Before start(): push `imageFile` (a tarball or OCI layout) to the tour's repository.
    void setPush(Push push, const QString &imageFile);
    PushDialog *pushDialog() const; // once open(ing), until it closes

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onArrived();
    void openPushDialog();
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
    QPointer<PushDialog> m_dialog;
    QString m_pushedTag;
    bool m_planned = false;
    bool m_finished = false;
};
