#pragma once

#include "registryliststore.h"

#include <QMainWindow>

class ManifestPanel;
class QAction;
class QLabel;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QTreeView;
class RegistrySession;
class RegistryTreeModel;

// Lading's main window: the registry tree on the left, the selected tag's manifest on the
// right, the registry list remembered in the settings file (never a password).
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
    QTreeView *tree() const { return m_tree; }
    ManifestPanel *manifestPanel() const { return m_manifestPanel; }

    // File > Add Registry…: the dialog, then addRegistry().
    void showAddRegistryDialog();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createEmptyState();
    void restoreState();
    void saveState() const;
    void saveRegistryList();
    void updateActions();
    void updateCentralPage();

    void onCurrentChanged(const QModelIndex &current);
    void onExpanded(const QModelIndex &index);
    void onActivated(const QModelIndex &index);
    void showContextMenu(const QPoint &position);
    void removeRegistry(const QModelIndex &index);
    void signIn(const QModelIndex &index);
    void copyReference(const QModelIndex &index);
    void showAbout();

    QString m_settingsFile;
    RegistryListStore m_store;
    RegistrySession *m_session = nullptr;
    RegistryTreeModel *m_model = nullptr;
    QStackedWidget *m_central = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_tree = nullptr;
    ManifestPanel *m_manifestPanel = nullptr;

    QAction *m_addRegistryAction = nullptr;
    QAction *m_removeRegistryAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
};
