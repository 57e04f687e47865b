#pragma once

#include "demotour.h"

#include <QObject>
#include <QPointer>
#include <QString>

class MainWindow;
class QTimer;

// `lading --screenshot FILE [--screenshot-view files|local]`: runs the DemoTour on one
// registry (or the image file being opened), grabs the main window to FILE once it arrived
// (a manifest shown, or the Files tab with its merged filesystem), and finishes with 0;
// with 1 (and says why on stderr) when it cannot get there within the timeout. main()
// quits with that code. (The run does not call QCoreApplication::exit() itself: outside
// exec(), as in a test, exit() leaves a flag that makes every later QEventLoop::exec()
// return at once.)
class ScreenshotRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotRun)

public:
    ScreenshotRun(MainWindow *window, const QString &host, QString file, int timeoutSeconds,
                  DemoTour::Destination destination, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void capture();
    void fail(const QString &reason);

    QPointer<MainWindow> m_window;
    DemoTour *m_tour = nullptr;
    QTimer *m_timeout = nullptr;
    QString m_file;
    int m_timeoutSeconds;
    bool m_finished = false;
};
