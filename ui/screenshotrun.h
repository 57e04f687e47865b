#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class DemoTour;
class MainWindow;
class QTimer;

// `lading --screenshot FILE`: runs the DemoTour on one registry, grabs the main window to
// FILE once a manifest is shown, and quits with 0; quits with 1 (and says why on stderr)
// when it cannot get there within the timeout.
class ScreenshotRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotRun)

public:
    ScreenshotRun(MainWindow *window, const QString &host, QString file, int timeoutSeconds,
                  QObject *parent = nullptr);

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
