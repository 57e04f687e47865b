#include "screenshotrun.h"

#include "jobsmodel.h"
#include "jobspanel.h"
#include "mainwindow.h"
#include "manifestpanel.h"
#include "pushdialog.h"
#include "registrytreemodel.h"
#include "repositorypage.h"
#include "tagtablemodel.h"

#include "image/push/pushplan.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

namespace {

// Lets the last layout, highlighting and status bar updates reach the screen first.
constexpr int kSettleMs = 600;
// How often the jobs picture checks whether the push landed and the tag table shows it.
constexpr int kPollMs = 100;
// The jobs panel's height in the picture, in rows of its tree: a push and its blobs.
constexpr int kJobsRows = 8;
// The push dialog in the picture: roomy enough for every column of the plan.
constexpr QSize kDialogSize(820, 480);

void printError(const QString &text)
{
    std::fprintf(stderr, "lading: %s\n", qUtf8Printable(text));
}

// A soft shadow below and beside `rect`, as a window manager would draw one.
void paintShadow(QPainter &painter, const QRect &rect)
{
    constexpr int kSpread = 14;
    painter.setPen(Qt::NoPen);
    for (int i = kSpread; i > 0; --i) {
        const int alpha = 3 + (kSpread - i) * 2;
        painter.setBrush(QColor(0, 0, 0, alpha));
        painter.drawRoundedRect(rect.adjusted(-i, -i + 4, i, i + 4), i, i);
    }
}

} // namespace

ScreenshotRun::ScreenshotRun(MainWindow *window, const QString &host, QString file,
                             int timeoutSeconds, DemoTour::Destination destination,
                             QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_tour(new DemoTour(window, host, destination, this))
    , m_timeout(new QTimer(this))
    , m_poll(new QTimer(this))
    , m_host(host)
    , m_file(std::move(file))
    , m_timeoutSeconds(timeoutSeconds)
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("The screenshot was not taken: the window was not ready within %1 s.")
                 .arg(m_timeoutSeconds));
    });
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &ScreenshotRun::checkJobs);
    connect(m_tour, &DemoTour::arrived, this, &ScreenshotRun::onArrived);
    connect(m_tour, &DemoTour::failed, this, [this](const QString &reason) {
        fail(tr("The screenshot was not taken: %1").arg(reason));
    });
}

void ScreenshotRun::setPush(Push push, const QString &imageFile)
{
    m_push = push;
    m_imageFile = imageFile;
}

PushDialog *ScreenshotRun::pushDialog() const
{
    return m_dialog;
}

void ScreenshotRun::start()
{
    m_timeout->start(m_timeoutSeconds * 1000);
    m_tour->start();
}

void ScreenshotRun::onArrived()
{
    if (m_push == Push::None)
        QTimer::singleShot(kSettleMs, this, &ScreenshotRun::capture);
    else
        openPushDialog();
}

void ScreenshotRun::openPushDialog()
{
    if (m_finished || !m_window)
        return;
    // The repository the tour shows, as if the file had been dropped on its row.
    const QModelIndex target = m_window->model()->repositoryIndex(
        m_host, m_window->repositoryPage()->repository());
    if (!target.isValid()) {
        fail(tr("The screenshot was not taken: no repository to push to."));
        return;
    }
    m_dialog = m_window->openPushDialog(target, m_imageFile);
    if (!m_dialog) {
        fail(tr("The screenshot was not taken: the push dialog did not open."));
        return;
    }
    // Where the window's centre puts it, at a size that shows every column.
    m_dialog->resize(kDialogSize.expandedTo(m_dialog->minimumSize()));
    const QPoint centre = m_window->mapToGlobal(m_window->rect().center());
    m_dialog->move(centre - QPoint(m_dialog->width() / 2, m_dialog->height() / 2));
    connect(m_dialog, &PushDialog::stateChanged, this, &ScreenshotRun::onDialogChanged);
    onDialogChanged();
}

void ScreenshotRun::onDialogChanged()
{
    if (m_finished || m_planned || !m_dialog)
        return;
    if (!m_dialog->hasPlan()) {
        if (!m_dialog->isBusy() && !m_dialog->problem().isEmpty())
            fail(tr("The screenshot was not taken: %1").arg(m_dialog->problem()));
        return;
    }
    m_planned = true;
    if (m_push == Push::Dialog) {
        QTimer::singleShot(kSettleMs, this, &ScreenshotRun::capture);
        return;
    }
    const QList<image::PushTarget> &targets = m_dialog->plan().targets;
    m_pushedTag = targets.isEmpty() ? QString() : targets.constFirst().tag;
    m_dialog->accept(); // the window starts the push and shows the jobs panel
    showJobs();
}

void ScreenshotRun::showJobs()
{
    QDockWidget *dock = m_window->jobsDock();
    auto *panel = qobject_cast<JobsPanel *>(dock->widget());
    if (!panel || m_window->jobsModel()->jobCount() == 0) {
        fail(tr("The screenshot was not taken: the push did not start."));
        return;
    }
    panel->view()->expandAll(); // the push's blobs under it
    m_poll->start();
}

void ScreenshotRun::fitJobsPanel()
{
    // Room for kJobsRows rows below the header, whatever the title, buttons and summary take.
    QDockWidget *dock = m_window->jobsDock();
    auto *panel = qobject_cast<JobsPanel *>(dock->widget());
    if (!panel)
        return;
    QTreeView *view = panel->view();
    const int rowHeight = qMax(view->sizeHintForRow(0), view->fontMetrics().height());
    const int around = dock->height() - view->viewport()->height();
    m_window->resizeDocks({dock}, {around + rowHeight * kJobsRows}, Qt::Vertical);
}

void ScreenshotRun::checkJobs()
{
    if (m_finished || !m_window)
        return;
    const JobsModel *jobs = m_window->jobsModel();
    switch (jobs->state(0)) {
    case JobsModel::State::Running:
        return;
    case JobsModel::State::Failed:
    case JobsModel::State::Cancelled:
        m_poll->stop();
        fail(tr("The screenshot was not taken: the push did not land: %1")
                 .arg(jobs->error(0).describe()));
        return;
    case JobsModel::State::Done:
        break;
    }
    // The window lists the new tag once it reloaded the repository; it is then selected so
    // that the inspector shows what landed.
    if (!m_pushedTag.isEmpty()) {
        RepositoryPage *page = m_window->repositoryPage();
        if (page->model()->rowOfTag(m_pushedTag) < 0 || page->model()->isLoadingDetails())
            return;
        if (page->currentTag() != m_pushedTag) {
            page->selectTag(m_pushedTag);
            return;
        }
        const ManifestPanel *inspector = m_window->manifestPanel();
        if (!inspector->isManifestShown() ||
            !inspector->reference().endsWith(QString(u':' + m_pushedTag)))
            return;
    }
    m_poll->stop();
    fitJobsPanel();
    QTimer::singleShot(kSettleMs, this, &ScreenshotRun::capture);
}

QPixmap ScreenshotRun::picture() const
{
    QPixmap shot = m_window->grab();
    if (!m_dialog || !m_dialog->isVisible())
        return shot;
    const QPixmap dialog = m_dialog->grab();
    const QRect where(m_dialog->mapToGlobal(QPoint(0, 0)) - m_window->mapToGlobal(QPoint(0, 0)),
                      m_dialog->size());
    QPainter painter(&shot);
    painter.setRenderHint(QPainter::Antialiasing);
    paintShadow(painter, where);
    painter.drawPixmap(where.topLeft(), dialog);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(m_dialog->palette().color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(where.adjusted(-1, -1, 0, 0));
    return shot;
}

void ScreenshotRun::capture()
{
    if (m_finished || !m_window)
        return;
    m_finished = true;
    m_timeout->stop();
    const QFileInfo info(m_file);
    QDir().mkpath(info.absolutePath());
    if (!picture().save(m_file, "PNG")) {
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
    m_poll->stop();
    printError(reason);
    Q_EMIT finished(1);
}
