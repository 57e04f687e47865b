// MainWindow, pushing: an image file or OCI layout dropped on a repository (or on a registry,
// to name a new repository) or chosen with "Push Image…" opens the PushDialog; the push it
// asks for runs as an image::PushJob in the jobs panel docked at the bottom, and the tree and
// tag table show the result when it lands.

#include "mainwindow.h"

#include "jobsmodel.h"
#include "jobspanel.h"
#include "pushdialog.h"
#include "registrytreemodel.h"
#include "repositorypage.h"
#include "roles.h"

#include "image/push/bloblocations.h"
#include "image/push/pushjob.h"
#include "image/source/localimagesource.h"
#include "oci/client/registryclient.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>

using Kind = ModelRoles::NodeKind;

namespace {

QString blobLocationsFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/push-locations.json");
}

} // namespace

void MainWindow::createPushParts()
{
    m_blobLocations = std::make_unique<image::BlobLocations>();
    m_blobLocations->load(blobLocationsFile());

    m_jobs = new JobsModel(this);
    auto *panel = new JobsPanel(m_jobs, this);
    panel->setObjectName(QStringLiteral("jobsPanel"));
    m_jobsDock = new QDockWidget(tr("Jobs"), this);
    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(panel);
    m_jobsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    m_jobsDock->hide(); // shown by the first push

    m_pushImageAction = new QAction(tr("&Push Image File…"), this);
    m_pushImageAction->setStatusTip(
        tr("Push an image tarball or OCI layout to the selected repository or registry."));
    connect(m_pushImageAction, &QAction::triggered, this, [this] { choosePushSource(currentTreeIndex()); });
    m_showJobsAction = m_jobsDock->toggleViewAction();
    m_showJobsAction->setText(tr("&Jobs"));

    // Drops on the tree: on a repository (or one of its tags) or a registry they push;
    // anywhere else the window opens the image for a look (MainWindow::dropEvent).
    m_tree->viewport()->setAcceptDrops(true);
    m_tree->viewport()->installEventFilter(this);
}

QModelIndex MainWindow::pushTargetAt(const QPoint &viewportPosition) const
{
    QModelIndex index = toModel(m_tree->indexAt(viewportPosition));
    if (!index.isValid())
        return {};
    switch (index.data(ModelRoles::NodeKindRole).value<Kind>()) {
    case Kind::Tag:
        return index.parent();
    case Kind::Repository:
    case Kind::Registry:
        return index;
    case Kind::Folder:
    case Kind::Message:
        break;
    }
    return {};
}

bool MainWindow::handleTreeDrop(QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (localPathOf(drag->mimeData()).isEmpty())
            return false;
        const QModelIndex target = pushTargetAt(drag->position().toPoint());
        drag->acceptProposedAction();
        statusBar()->showMessage(
            target.isValid()
                ? tr("Drop to push the image to %1.")
                      .arg(target.data(ModelRoles::ReferenceRole).toString().isEmpty()
                               ? target.data(Qt::DisplayRole).toString()
                               : target.data(ModelRoles::ReferenceRole).toString())
                : tr("Drop on a repository to push the image there, or anywhere else to look "
                     "inside it."),
            StatusTimeoutMs);
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QString path = localPathOf(drop->mimeData());
        if (path.isEmpty())
            return false;
        drop->acceptProposedAction();
        const QModelIndex target = pushTargetAt(drop->position().toPoint());
        if (target.isValid())
            openPushDialog(target, QFileInfo(path).absoluteFilePath());
        else
            openImageFile(path);
        return true;
    }
    default:
        return false;
    }
}

void MainWindow::choosePushSource(const QModelIndex &index)
{
    QModelIndex target = index;
    if (target.isValid() && target.data(ModelRoles::NodeKindRole).value<Kind>() == Kind::Tag)
        target = target.parent();
    const Kind kind = target.isValid() ? target.data(ModelRoles::NodeKindRole).value<Kind>() : Kind::Message;
    if (kind != Kind::Repository && kind != Kind::Registry) {
        statusBar()->showMessage(tr("Select the repository or registry to push to first."),
                                 StatusTimeoutMs);
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Push Image File"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Image archives (*.tar *.tar.gz *.tgz *.oci *.docker)"),
                            tr("All files (*)")});
    const QPersistentModelIndex persistent(target);
    connect(dialog, &QFileDialog::fileSelected, this, [this, persistent](const QString &path) {
        if (persistent.isValid())
            openPushDialog(persistent, path);
    });
    dialog->open();
}

PushDialog *MainWindow::openPushDialog(const QModelIndex &target, const QString &path)
{
    oci::RegistryClient *client = m_model->client(target);
    if (!client) {
        statusBar()->showMessage(tr("That registry cannot be reached from here."), StatusTimeoutMs);
        return nullptr;
    }
    const bool repository =
        target.data(ModelRoles::NodeKindRole).value<Kind>() == Kind::Repository;
    auto *dialog = new PushDialog(client,
                                  repository ? target.data(ModelRoles::RepositoryRole).toString()
                                             : QString(),
                                  m_blobLocations.get(), path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<oci::RegistryClient> guarded(client);
    connect(dialog, &PushDialog::pushRequested, this, [this, guarded](const image::PushPlan &plan) {
        if (guarded)
            startPush(guarded, plan);
    });
    dialog->open();
    return dialog;
}

image::PushJob *MainWindow::startPush(oci::RegistryClient *client, const image::PushPlan &plan)
{
    auto *job = new image::PushJob(client, plan, m_blobLocations.get());
    const QString title = tr("%1 → %2")
                              .arg(QFileInfo(plan.source ? plan.source->path() : QString()).fileName(),
                                   plan.targetNames().join(QStringLiteral(", ")));
    m_jobs->addJob(job, title, JobsModel::Ownership::Model);
    m_jobsDock->show();
    m_jobsDock->raise();
    const QString host = plan.registry;
    const QString repositoryName = plan.repository;
    // A registry removed from the tree has its pushes stopped first (onTreeRowsAboutToBeRemoved);
    // a client replaced under a push (new settings) stops them here, as it goes.
    if (!m_pushClients.contains(client)) {
        m_pushClients.insert(client);
        connect(client, &QObject::destroyed, this, [this, client, host] {
            m_pushClients.remove(client);
            retirePushesTo(host, tr("%1 was reconnected with new settings").arg(host));
        });
    }
    connect(job, &oci::Job::finished, this, [this, job, host, repositoryName] {
        m_blobLocations->save(blobLocationsFile());
        if (!job->succeeded())
            return; // the panel says why; Retry is there
        statusBar()->showMessage(tr("Pushed %1.").arg(job->plan().targetNames().join(QStringLiteral(", "))),
                                 StatusTimeoutMs);
        refreshRepository(host, repositoryName);
    });
    return job;
}

void MainWindow::retirePushesTo(const QString &host, const QString &reason)
{
    if (!m_jobs) // the window is closing
        return;
    int cancelled = 0;
    for (int row = 0; row < m_jobs->jobCount(); ++row) {
        const image::PushJob *job = m_jobs->job(row);
        if (!job || job->plan().registry != host)
            continue;
        if (m_jobs->state(row) == JobsModel::State::Running)
            ++cancelled;
        m_jobs->retire(row, reason);
    }
    if (cancelled == 0)
        return;
    // After the line of whoever removed the registry ("Removed …"), which says less.
    const QString text = tr("Cancelled %n push(es): %1.", nullptr, cancelled).arg(reason);
    QTimer::singleShot(0, this, [this, text] { statusBar()->showMessage(text, StatusTimeoutMs); });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (m_tree && watched == m_tree->viewport() && (handleTagDrop(event) || handleTreeDrop(event)))
        return true;
    return QMainWindow::eventFilter(watched, event);
}
