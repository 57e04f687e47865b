// MainWindow, images on disk: File › Open Image File / Folder, dropping a file or folder on
// the window, and the page that shows it in place of the registry side.

#include "mainwindow.h"

#include "localimagepage.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>

namespace {

const QString kLastImageFolderKey = QStringLiteral("images/lastFolder");

} // namespace

QString MainWindow::localPathOf(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

void MainWindow::createImageActions()
{
    m_openImageAction = new QAction(tr("&Open Image File…"), this);
    m_openImageAction->setShortcut(QKeySequence::Open);
    m_openImageAction->setStatusTip(
        tr("Look inside an image tarball: docker save, OCI archive, skopeo docker-archive."));
    connect(m_openImageAction, &QAction::triggered, this, [this] { showOpenImageDialog(false); });

    m_openImageFolderAction = new QAction(tr("Open Image F&older…"), this);
    m_openImageFolderAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openImageFolderAction->setStatusTip(tr("Look inside an OCI image layout folder."));
    connect(m_openImageFolderAction, &QAction::triggered, this,
            [this] { showOpenImageDialog(true); });

    setAcceptDrops(true);
    connect(m_localImagePage, &LocalImagePage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusTimeoutMs); });
    connect(m_localImagePage, &LocalImagePage::closeRequested, this, [this] {
        showHint(tr("Select a repository to see its tags."));
        updateCentralPage();
    });
}

void MainWindow::showOpenImageDialog(bool folder)
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    const QString start = settings.value(kLastImageFolderKey).toString();
    // Window-modal and asynchronous: the window keeps painting while the dialog is up.
    auto *dialog = new QFileDialog(this, folder ? tr("Open OCI Image Layout Folder")
                                                : tr("Open Image File"),
                                   start);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (folder) {
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
    } else {
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setNameFilters({tr("Image archives (*.tar *.tar.gz *.tgz *.oci *.docker)"),
                                tr("All files (*)")});
    }
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QSettings settings(m_settingsFile, QSettings::IniFormat);
        settings.setValue(kLastImageFolderKey, QFileInfo(path).absolutePath());
        openImageFile(path);
    });
    dialog->open();
}

void MainWindow::openImageFile(const QString &path)
{
    // The tree lets go of its row, so choosing a row again brings the registry side back.
    m_tree->selectionModel()->clearSelection();
    m_tree->selectionModel()->clearCurrentIndex();
    m_right->setCurrentWidget(m_localImagePage);
    updateCentralPage();
    m_localImagePage->open(QFileInfo(path).absoluteFilePath());
}

bool MainWindow::isLocalImageShown() const
{
    return m_right->currentWidget() == m_localImagePage;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPathOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = localPathOf(event->mimeData());
    if (path.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    if (event->mimeData()->urls().size() > 1)
        statusBar()->showMessage(tr("Lading opens one image at a time: %1.")
                                     .arg(QFileInfo(path).fileName()),
                                 StatusTimeoutMs);
    openImageFile(path);
}
