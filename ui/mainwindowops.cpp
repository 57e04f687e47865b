// MainWindow's operations on tags: Add Tags…, Copy To… (and dropping tag rows on a
// repository), Delete…, Delete All Tags…, Clean Up…; refreshing a repository afterwards.

#include "mainwindow.h"

#include "registrytreemodel.h"
#include "repositorypage.h"
#include "roles.h"
#include "tagtableview.h"

#include "ops/cleanup/cleanupdialog.h"
#include "ops/delete/deletedialog.h"
#include "ops/journal/journalwindow.h"
#include "ops/transfer/addtagsdialog.h"
#include "ops/transfer/copydialog.h"
#include "ops/transfer/tagdragpayload.h"

#include "oci/client/registryclient.h"
#include "ops/journal/deletesummary.h"

#include <QAction>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMenu>
#include <QMimeData>
#include <QStatusBar>
#include <QTreeView>

using Kind = ModelRoles::NodeKind;

void MainWindow::createOpsActions()
{
    m_addTagsAction = new QAction(tr("Add &Tags…"), this);
    m_addTagsAction->setStatusTip(tr("Give the selected image more tags in its repository."));
    connect(m_addTagsAction, &QAction::triggered, this,
            [this] { openAddTagsDialog(m_repositoryPage->currentTag()); });

    m_copyTagsAction = new QAction(tr("&Copy To…"), this);
    m_copyTagsAction->setStatusTip(
        tr("Copy the selected tags to another repository or registry."));
    connect(m_copyTagsAction, &QAction::triggered, this, [this] {
        openCopyDialog(m_repositoryPage->host(), m_repositoryPage->repository(),
                       m_repositoryPage->selectedTags(), QModelIndex());
    });

    m_deleteTagsAction = new QAction(tr("&Delete…"), this);
    m_deleteTagsAction->setShortcut(QKeySequence::Delete);
    // Only while the tag table has the focus (it is added there): Delete in a text field
    // deletes text.
    m_deleteTagsAction->setShortcutContext(Qt::WidgetShortcut);
    m_deleteTagsAction->setStatusTip(
        tr("Delete the selected tags, after a plan of what goes and what stays."));
    connect(m_deleteTagsAction, &QAction::triggered, this,
            [this] { openDeleteDialog(m_repositoryPage->selectedTags()); });

    m_cleanUpAction = new QAction(tr("Clean &Up Repository…"), this);
    m_cleanUpAction->setStatusTip(
        tr("Delete old tags by retention rules, with a dry run of what goes and why."));
    connect(m_cleanUpAction, &QAction::triggered, this, [this] {
        QModelIndex target = repositoryRowOf(currentTreeIndex());
        if (!target.isValid())
            target = shownRepositoryRow();
        openCleanupDialog(target);
    });

    m_deleteAllTagsAction = new QAction(tr("Delete &All Tags…"), this);
    m_deleteAllTagsAction->setStatusTip(tr("Delete every tag of the repository, with a plan first."));
    connect(m_deleteAllTagsAction, &QAction::triggered, this, [this] {
        QModelIndex target = repositoryRowOf(currentTreeIndex());
        if (!target.isValid())
            target = shownRepositoryRow();
        openDeleteAllDialog(target);
    });

    m_journalAction = new QAction(tr("Deletion &Journal"), this);
    m_journalAction->setStatusTip(tr("Every deletion, with Undo while the registry still has the blobs."));
    connect(m_journalAction, &QAction::triggered, this, [this] { showJournal(); });

    m_repositoryPage->setTagActions({m_addTagsAction, m_copyTagsAction, m_deleteTagsAction});
    m_repositoryPage->view()->setDragPayload([this](const QStringList &tags) {
        return TagDragPayload::encode(m_repositoryPage->host(), m_repositoryPage->repository(), tags);
    });
    connect(m_repositoryPage, &RepositoryPage::selectionChanged, this, &MainWindow::updateOpsActions);
    connect(m_repositoryPage, &RepositoryPage::currentTagChanged, this, &MainWindow::updateOpsActions);
    updateOpsActions();
}

void MainWindow::updateOpsActions()
{
    if (!m_addTagsAction)
        return;
    const bool shown = isRepositoryShown();
    const QStringList tags = shown ? m_repositoryPage->selectedTags() : QStringList();
    m_addTagsAction->setEnabled(tags.size() == 1);
    m_copyTagsAction->setEnabled(!tags.isEmpty());
    m_deleteTagsAction->setEnabled(!tags.isEmpty());
    m_deleteTagsAction->setText(tags.size() > 1 ? tr("&Delete %n Tags…", nullptr, int(tags.size()))
                                                : tr("&Delete…"));
    const bool repository = repositoryRowOf(currentTreeIndex()).isValid() || shownRepositoryRow().isValid();
    m_cleanUpAction->setEnabled(repository);
    m_deleteAllTagsAction->setEnabled(repository);
}

QModelIndex MainWindow::repositoryRowOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    switch (index.data(ModelRoles::NodeKindRole).value<Kind>()) {
    case Kind::Repository:
        return index;
    case Kind::Tag:
        return index.parent();
    default:
        return {};
    }
}

QModelIndex MainWindow::shownRepositoryRow() const
{
    if (!isRepositoryShown())
        return {};
    return m_model->repositoryIndex(m_repositoryPage->host(), m_repositoryPage->repository());
}

void MainWindow::addRepositoryMenuActions(QMenu *menu, const QModelIndex &index)
{
    const QPersistentModelIndex repository(repositoryRowOf(index));
    if (!repository.isValid() || !m_model->client(repository))
        return;
    menu->addSeparator();
    menu->addAction(tr("Clean &Up…"), this, [this, repository] { openCleanupDialog(repository); });
    menu->addAction(tr("Delete &All Tags…"), this,
                    [this, repository] { openDeleteAllDialog(repository); });
}

AddTagsDialog *MainWindow::openAddTagsDialog(const QString &tag)
{
    const QModelIndex repository = shownRepositoryRow();
    oci::RegistryClient *client = repository.isValid() ? m_model->client(repository) : nullptr;
    if (!client || tag.isEmpty())
        return nullptr;
    auto *dialog = new AddTagsDialog(client, m_repositoryPage->host(), m_repositoryPage->repository(),
                                     tag, this);
    connect(dialog, &AddTagsDialog::tagsAdded, this,
            [this](const QString &host, const QString &repository, const QStringList &) {
                refreshRepository(host, repository);
            });
    dialog->open();
    return dialog;
}

CopyDialog *MainWindow::openCopyDialog(const QString &host, const QString &repository,
                                       const QStringList &tags, const QModelIndex &target)
{
    const QModelIndex sourceRegistry = m_model->registryIndex(host);
    oci::RegistryClient *source = sourceRegistry.isValid() ? m_model->client(sourceRegistry) : nullptr;
    if (!source || tags.isEmpty())
        return nullptr;
    QList<CopyDialog::Registry> registries;
    for (const RegistryEntry &entry : m_model->registries()) {
        const QModelIndex registry = m_model->registryIndex(entry.config.host);
        if (oci::RegistryClient *client = registry.isValid() ? m_model->client(registry) : nullptr)
            registries.append({entry.config.host, fetcherFor(client)});
    }
    auto *dialog = new CopyDialog(fetcherFor(source), host, repository, tags, registries, this);
    if (target.isValid()) {
        dialog->setTarget(target.data(ModelRoles::RegistryRole).toString(),
                          target.data(ModelRoles::RepositoryRole).toString());
    }
    connect(dialog, &CopyDialog::copied, this,
            [this](const QString &host, const QString &repository, const QString &) {
                refreshRepository(host, repository);
            });
    dialog->show();
    return dialog;
}

DeleteDialog *MainWindow::openDeleteDialog(const QStringList &tags)
{
    const QModelIndex repository = shownRepositoryRow();
    oci::RegistryClient *client = repository.isValid() ? m_model->client(repository) : nullptr;
    if (!client || tags.isEmpty())
        return nullptr;
    auto *dialog = new DeleteDialog(client, fetcherFor(client), m_repositoryPage->host(),
                                    m_repositoryPage->repository(), tags, this);
    const QString host = m_repositoryPage->host();
    const QString name = m_repositoryPage->repository();
    connect(dialog, &DeleteDialog::deleted, this,
            [this, host, name](const ops::DeleteSummary &) { refreshRepository(host, name); });
    connect(dialog, &DeleteDialog::journalRequested, this, [this] { showJournal(); });
    dialog->open();
    return dialog;
}

DeleteDialog *MainWindow::openDeleteAllDialog(const QModelIndex &repositoryIndex)
{
    oci::RegistryClient *client = repositoryIndex.isValid() ? m_model->client(repositoryIndex) : nullptr;
    if (!client)
        return nullptr;
    const QString host = repositoryIndex.data(ModelRoles::RegistryRole).toString();
    const QString name = repositoryIndex.data(ModelRoles::RepositoryRole).toString();
    DeleteDialog *dialog = DeleteDialog::forRepository(client, fetcherFor(client), host, name, this);
    connect(dialog, &DeleteDialog::deleted, this,
            [this, host, name](const ops::DeleteSummary &) { refreshRepository(host, name); });
    connect(dialog, &DeleteDialog::journalRequested, this, [this] { showJournal(); });
    dialog->open();
    return dialog;
}

CleanupDialog *MainWindow::openCleanupDialog(const QModelIndex &repositoryIndex)
{
    oci::RegistryClient *client = repositoryIndex.isValid() ? m_model->client(repositoryIndex) : nullptr;
    if (!client)
        return nullptr;
    const QString host = repositoryIndex.data(ModelRoles::RegistryRole).toString();
    const QString name = repositoryIndex.data(ModelRoles::RepositoryRole).toString();
    auto *dialog = new CleanupDialog(client, fetcherFor(client), host, name, m_settingsFile, this);
    connect(dialog, &CleanupDialog::runFinished, this,
            [this, host, name] { refreshRepository(host, name); });
    connect(dialog, &CleanupDialog::journalRequested, this, [this] { showJournal(); });
    dialog->show();
    return dialog;
}

JournalWindow *MainWindow::showJournal()
{
    auto *journal = qobject_cast<JournalWindow *>(m_journalWindow.data());
    if (!journal) {
        journal = new JournalWindow(
            [this](const QString &host) -> oci::RegistryClient * {
                const QModelIndex registry = m_model->registryIndex(host);
                return registry.isValid() ? m_model->client(registry) : nullptr;
            },
            this);
        connect(journal, &JournalWindow::restored, this,
                [this](const QString &host, const QString &repository, const QStringList &) {
                    refreshRepository(host, repository);
                });
        m_journalWindow = journal;
    }
    journal->show();
    journal->raise();
    journal->activateWindow();
    return journal;
}

void MainWindow::refreshRepository(const QString &host, const QString &repository)
{
    const QModelIndex existing = m_model->repositoryIndex(host, repository);
    if (existing.isValid()) {
        if (m_model->canReload(existing))
            m_model->reload(existing);
    } else if (const QModelIndex registry = m_model->registryIndex(host); registry.isValid()) {
        (void)m_model->addRepository(registry, repository);
    }
    if (isRepositoryShown() && m_repositoryPage->host() == host
        && m_repositoryPage->repository() == repository) {
        m_repositoryPage->reload();
    }
}

bool MainWindow::handleTagDrop(QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        const auto payload = TagDragPayload::decode(drag->mimeData());
        if (!payload)
            return false;
        // A repository (or one of its tags), or a registry: the same repository name there.
        const QModelIndex target = pushTargetAt(drag->position().toPoint());
        if (!target.isValid()) {
            drag->ignore();
            statusBar()->showMessage(tr("Drop the tags on a repository to copy them there."),
                                     StatusTimeoutMs);
            return true;
        }
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        statusBar()->showMessage(tr("Drop to copy %n tag(s) to %1.", nullptr, int(payload->tags.size()))
                                     .arg(target.data(ModelRoles::ReferenceRole).toString().isEmpty()
                                              ? target.data(Qt::DisplayRole).toString()
                                              : target.data(ModelRoles::ReferenceRole).toString()),
                                 StatusTimeoutMs);
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const auto payload = TagDragPayload::decode(drop->mimeData());
        if (!payload)
            return false;
        const QModelIndex target = pushTargetAt(drop->position().toPoint());
        if (!target.isValid()) {
            drop->ignore();
            return true;
        }
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        openCopyDialog(payload->host, payload->repository, payload->tags, target);
        return true;
    }
    default:
        return false;
    }
}
