#pragma once

#include "registryliststore.h"

#include <QObject>
#include <QPointer>

class QMenu;
class QModelIndex;
class QWidget;
class RegistrySession;
class RegistryTreeModel;

// The registry list's commands, for the main window: add, edit, sign in, remove, resolve a
// certificate problem, and add or forget repositories by name. Each opens its dialog
// window-modally with open() (no nested event loop) and applies the result to the model
// and the session: secrets go to the session (keychain or memory), never to the entry.
//
// Indexes may come from the model or from a proxy on top of it (the filter); indexes it
// emits are the model's. The main window saves the list on registryListChanged().
class RegistryActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryActions)

public:
    // `window` is the dialogs' parent; all three must outlive this object.
    RegistryActions(RegistryTreeModel *model, RegistrySession *session, QWidget *window);
    ~RegistryActions() override;

    // The commands; each opens a dialog (or a question) and returns at once.
    void addRegistry();
    void editRegistry(const QModelIndex &index);
    void signIn(const QModelIndex &index);
    void removeRegistry(const QModelIndex &index);
    void resolveCertificateProblem(const QModelIndex &index);
    void addRepository(const QModelIndex &index);
    void forgetRepository(const QModelIndex &index);

    // What activating (double-click, Enter) a row does, if it is one of ours: a certificate
    // error row opens resolveCertificateProblem(), a "no catalog" row addRepository().
    // False when the row is not handled here.
    bool activate(const QModelIndex &index);
    // Appends this row's registry commands to a context menu (a separator first when the
    // menu has items): registries get Edit, Sign In, Add Repository, Resolve Certificate
    // Problem (after a TLS error), Remove; repositories added by name get Forget.
    void addContextMenuActions(QMenu *menu, const QModelIndex &index);

    bool canResolveCertificateProblem(const QModelIndex &index) const;
    bool canAddRepository(const QModelIndex &index) const;

    // What the dialogs apply; public for scripts and tests.
    QModelIndex applyNewRegistry(const RegistryEntry &entry, const QString &password,
                                 bool remember);
    void applyEditedRegistry(const QModelIndex &index, const RegistryEntry &entry,
                             const QString &password, bool remember);

Q_SIGNALS:
    // A registry was added: select and expand it (map through the filter proxy first).
    void registryAdded(const QModelIndex &index);
    // A repository was added by name: select it.
    void repositoryAdded(const QModelIndex &index);
    // The list changed (added, edited, removed, repositories added or forgotten): save it.
    void registryListChanged();
    // One sentence for the status bar.
    void statusMessage(const QString &message);

private:
    RegistryEntry entryOf(const QModelIndex &registry) const;
    void storePassword(const RegistryEntry &entry, const QString &password, bool remember);

    QPointer<RegistryTreeModel> m_model;
    QPointer<RegistrySession> m_session;
    QPointer<QWidget> m_window;
};
