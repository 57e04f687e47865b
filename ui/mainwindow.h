#pragma once

#include "registryliststore.h"

#include <QMainWindow>

#include <QHash>
#include <QPointer>
#include <QSet>

#include <memory>

namespace image {
class BlobLocations;
struct DiffImageRef;
class ImageDiffCache;
class LayerCache;
class PushJob;
struct PushPlan;
} // namespace image
namespace oci {
class ContentCache;
class ContentFetcher;
class RegistryClient;
} // namespace oci

class AddTagsDialog;
class CleanupDialog;
class CompareWindow;
class ImagePairDialog;
class CopyDialog;
class DeleteDialog;
class JobsModel;
class JournalWindow;
class LocalImagePage;
class PushDialog;
class QDockWidget;
class ManifestPanel;
class QAction;
class QLabel;
class QMenu;
class QMimeData;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QTreeView;
class RegistryActions;
class RegistryFilterEdit;
class RegistryFilterProxy;
class RegistrySession;
class RegistryTreeModel;
class RepositoryPage;

// Lading's main window: the registry tree on the left; on the right the selected
// repository's tag table (RepositoryPage) above the inspector of the selected tag, or a
// hint when no repository is selected. The registry list is remembered in the settings
// file (never a password); manifests and configs go through one content cache on disk,
// with one fetcher per registry client shared by the tag table and the inspector.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const QString &settingsFile = RegistryListStore::defaultSettingsFile(),
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a registry to the tree and the remembered list; a password is kept in memory.
    QModelIndex addRegistry(const RegistryEntry &entry, const QString &password = {});
    bool hasRegistries() const;

    RegistryTreeModel *model() const { return m_model; }
    RegistrySession *session() const { return m_session; }
    // The tree shows model() through the filter proxy: its indexes are the proxy's. Use
    // the helpers below with model() indexes.
    QTreeView *tree() const { return m_tree; }
    RegistryFilterProxy *treeFilter() const { return m_filterProxy; }
    RegistryFilterEdit *treeFilterEdit() const { return m_filterEdit; }
    // model() index <-> tree() index (invalid when the filter hides the row).
    QModelIndex toView(const QModelIndex &modelIndex) const;
    QModelIndex toModel(const QModelIndex &viewIndex) const;
    // Makes a model() row current in the tree (clearing a filter that hides it).
    void selectInTree(const QModelIndex &modelIndex);
    void expandInTree(const QModelIndex &modelIndex);
    // The tree's current row as a model() index.
    QModelIndex currentTreeIndex() const;
    ManifestPanel *manifestPanel() const { return m_manifestPanel; }
    RepositoryPage *repositoryPage() const { return m_repositoryPage; }
    oci::ContentCache *contentCache() const { return m_contentCache; }
    // The hint shown instead of a repository (empty while a repository is shown).
    QString hintText() const;
    bool isRepositoryShown() const;

    // The fetcher of a registry's client, made on first use; it goes when the client goes.
    oci::ContentFetcher *fetcherFor(oci::RegistryClient *client);

    // File > Add Registry…: the dialog (window-modal; returns at once), then as addRegistry().
    void showAddRegistryDialog();

    // Opens an image on disk (a tarball or an OCI layout folder) on the right, in place of
    // what the tree shows; as File › Open Image and dropping it on the window do.
    void openImageFile(const QString &path);
    LocalImagePage *localImagePage() const { return m_localImagePage; }
    bool isLocalImageShown() const;

    // Pushing: the dialog for `target` (a repository or registry row of model()) and the
    // file; the job for a plan (in the jobs panel).
    PushDialog *openPushDialog(const QModelIndex &target, const QString &path);
    image::PushJob *startPush(oci::RegistryClient *client, const image::PushPlan &plan);
    JobsModel *jobsModel() const { return m_jobs; }

    // Operations on tags (mainwindowops.cpp): the dialogs of the tag table's and the tree's
    // menus, and what a drop of tag rows on a repository opens. Each returns its dialog,
    // shown (null when there is no registry client for it). A copy's `target` (a repository or
    // registry row of model(), or invalid) pre-fills where it goes.
    AddTagsDialog *openAddTagsDialog(const QString &tag);
    CopyDialog *openCopyDialog(const QString &host, const QString &repository,
                               const QStringList &tags, const QModelIndex &target);
    DeleteDialog *openDeleteDialog(const QStringList &tags);
    // `repositoryIndex` is a repository row of model(); all tags, or the retention rules.
    DeleteDialog *openDeleteAllDialog(const QModelIndex &repositoryIndex);
    CleanupDialog *openCleanupDialog(const QModelIndex &repositoryIndex);
    QAction *addTagsAction() const { return m_addTagsAction; }
    QAction *copyTagsAction() const { return m_copyTagsAction; }
    QAction *deleteTagsAction() const { return m_deleteTagsAction; }
    QAction *cleanUpAction() const { return m_cleanUpAction; }
    // View › Deletion Journal: the one journal window, made on first use and raised.
    JournalWindow *showJournal();

    // Comparing images (mainwindowdiff.cpp): a compare window for two images, and File ›
    // Compare Images… (the pair dialog, `first` pre-filled when given).
    // `platform` ("os/arch[/variant]"): only that one; empty: every platform both have.
    CompareWindow *openCompareWindow(const image::DiffImageRef &a, const image::DiffImageRef &b,
                                     const QString &platform = QString());
    ImagePairDialog *openImagePairDialog(const QString &first = QString());
    QAction *compareAction() const { return m_compareAction; }
    QDockWidget *jobsDock() const { return m_jobsDock; }
    RegistryActions *registryActions() const { return m_actions; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // How long a status bar message stays.
    static constexpr int StatusTimeoutMs = 8000;
    // The first local file or folder a drag carries; empty when it carries none.
    static QString localPathOf(const QMimeData *mime);

    void createActions();
    void createImageActions();
    void createPushParts();
    QModelIndex pushTargetAt(const QPoint &viewportPosition) const;
    bool handleTreeDrop(QEvent *event);
    void choosePushSource(const QModelIndex &index);
    // Tags of host/repository changed (a push, retag, copy, deletion or undo): its tree row
    // and, when shown, its tag table list them again.
    void refreshRepository(const QString &host, const QString &repository);
    void createOpsActions();
    void createDiffActions();
    void compareSelectedTags();
    oci::ContentFetcher *fetcherForHost(const QString &host);
    void updateOpsActions();
    // The repository row a tree index is or is in (a tag row's parent); invalid otherwise.
    QModelIndex repositoryRowOf(const QModelIndex &index) const;
    QModelIndex shownRepositoryRow() const;
    void addRepositoryMenuActions(QMenu *menu, const QModelIndex &index);
    bool handleTagDrop(QEvent *event);
    // The registry `host` went away (removed, or its client replaced): its running pushes are
    // cancelled with `reason` shown on their rows, and none of its pushes can be retried.
    void retirePushesTo(const QString &host, const QString &reason);
    void showOpenImageDialog(bool folder);
    void createMenus();
    QWidget *createEmptyState();
    void restoreState();
    void saveState() const;
    void saveRegistryList();
    void updateActions();
    void updateCentralPage();

    QWidget *createHintPage();
    void showHint(const QString &text, bool problem = false);
    void showRepositoryOf(const QModelIndex &index);
    void onCurrentChanged(const QModelIndex &current);
    void onCurrentTagChanged(const QString &tag);
    void onReferrerActivated(const QString &digest);
    void onTreeRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void detachFrom(oci::RegistryClient *client);
    void onExpanded(const QModelIndex &index);
    void onActivated(const QModelIndex &index);
    void showContextMenu(const QPoint &position);
    void copyReference(const QModelIndex &index);
    void showAbout();

    QString m_settingsFile;
    RegistryListStore m_store;
    RegistrySession *m_session = nullptr;
    RegistryActions *m_actions = nullptr;
    RegistryTreeModel *m_model = nullptr;
    oci::ContentCache *m_contentCache = nullptr;
    QHash<oci::RegistryClient *, oci::ContentFetcher *> m_fetchers;
    QStackedWidget *m_central = nullptr;
    QSplitter *m_splitter = nullptr;
    RegistryFilterProxy *m_filterProxy = nullptr;
    RegistryFilterEdit *m_filterEdit = nullptr;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_right = nullptr;
    QLabel *m_hint = nullptr;
    QSplitter *m_repositorySplitter = nullptr;
    RepositoryPage *m_repositoryPage = nullptr;
    ManifestPanel *m_manifestPanel = nullptr;
    LocalImagePage *m_localImagePage = nullptr;
    JobsModel *m_jobs = nullptr;
    QDockWidget *m_jobsDock = nullptr;
    std::unique_ptr<image::BlobLocations> m_blobLocations;
    QSet<const QObject *> m_pushClients; // clients whose going retires their pushes

    QAction *m_addRegistryAction = nullptr;
    QAction *m_editRegistryAction = nullptr;
    QAction *m_addRepositoryAction = nullptr;
    QAction *m_removeRegistryAction = nullptr;
    QAction *m_findRepositoryAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_openImageAction = nullptr;
    QAction *m_openImageFolderAction = nullptr;
    QAction *m_pushImageAction = nullptr;
    QAction *m_showJobsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_addTagsAction = nullptr;
    QAction *m_copyTagsAction = nullptr;
    QAction *m_deleteTagsAction = nullptr;
    QAction *m_cleanUpAction = nullptr;
    QAction *m_deleteAllTagsAction = nullptr;
    QAction *m_journalAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_compareImagesAction = nullptr;
    image::LayerCache *m_layerCache = nullptr;
    std::shared_ptr<image::ImageDiffCache> m_diffCache; // made on the first comparison
    QPointer<QWidget> m_journalWindow; // a JournalWindow (QPointer needs the full type)
    QAction *m_aboutAction = nullptr;
};
