#include "screenshotrun.h"

#include "mainwindow.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

// Lets the last layout, highlighting and status bar updates reach the screen first.
constexpr int kSettleMs = 600;

void printError(const QString &text)
{
    std::fprintf(stderr, "lading: %s\n", qUtf8Printable(text));
}

} // namespace

ScreenshotRun::ScreenshotRun(MainWindow *window, const QString &host, QString file,
                             int timeoutSeconds, DemoTour::Destination destination,
                             QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_tour(new DemoTour(window, host, destination, this))
    , m_timeout(new QTimer(this))
    , m_file(std::move(file))
    , m_timeoutSeconds(timeoutSeconds)
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("The screenshot was not taken: the window was not ready within %1 s.")
                 .arg(m_timeoutSeconds));
    });
    connect(m_tour, &DemoTour::arrived, this,
            [this] { QTimer::singleShot(kSettleMs, this, &ScreenshotRun::capture); });
    connect(m_tour, &DemoTour::failed, this, [this](const QString &reason) {
        fail(tr("The screenshot was not taken: %1").arg(reason));
    });
}

void ScreenshotRun::start()
{
    m_timeout->start(m_timeoutSeconds * 1000);
    m_tour->start();
}

void ScreenshotRun::capture()
{
    if (m_finished || !m_window)
        return;
    m_finished = true;
    m_timeout->stop();
    const QFileInfo info(m_file);
    QDir().mkpath(info.absolutePath());
    if (!m_window->grab().save(m_file, "PNG")) {
        printError(tr("Could not write the screenshot to %1.").arg(info.absoluteFilePath()));
        Q_EMIT finished(1);
        return;
    }
    std::fprintf(stdout, "%s\n", qUtf8Printable(info.absoluteFilePath()));
    std::fflush(stdout);
    Q_EMIT finished(0);
}

void ScreenshotRun::fail(const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    printError(reason);
    Q_EMIT finished(1);
}
