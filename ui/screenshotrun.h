#pragma once

#include "demotour.h"

#include <QObject>
#include <QPointer>
#include <QString>

class MainWindow;
class QTimer;

// `lading --screenshot FILE [--screenshot-view files]`: runs the DemoTour on one registry,
// grabs the main window to FILE once it arrived (a manifest shown, or the Files tab with its
// merged filesystem), and quits with 0; quits with 1 (and says why on stderr) when it
// cannot get there within the timeout.
class ScreenshotRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotRun)

public:
    ScreenshotRun(MainWindow *window, const QString &host, QString file, int timeoutSeconds,
                  DemoTour::Destination destination, QObject *parent = nullptr);

    void start();

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
