#include "registryactions.h"

#include "addregistrydialog.h"
#include "addrepositorydialog.h"
#include "certificateerrordialog.h"
#include "keychainstore.h"
#include "registrysession.h"
#include "registrytreemodel.h"
#include "roles.h"

#include "oci/core/error.h"

#include <QMenu>
#include <QMessageBox>
#include <QPersistentModelIndex>

using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;
using AuthMode = oci::RegistryConfig::AuthMode;

namespace {

Kind kindOf(const QModelIndex &index)
{
    return index.data(ModelRoles::NodeKindRole).value<Kind>();
}

State stateOf(const QModelIndex &index)
{
    return index.data(ModelRoles::StateRole).value<State>();
}

} // namespace

RegistryActions::RegistryActions(RegistryTreeModel *model, RegistrySession *session,
                                 QWidget *window)
    : QObject(window), m_model(model), m_session(session), m_window(window)
{
    connect(session, &RegistrySession::passwordStored, this,
            [this](const QString &host, bool inKeychain, const QString &error) {
                if (inKeychain) {
                    Q_EMIT statusMessage(
                        tr("The password for %1 is in the system keychain.").arg(host));
                } else {
                    Q_UNUSED(error) // technical; the notice says what it means
                    Q_EMIT statusMessage(KeychainStore::sessionOnlyNotice());
                }
            });
    connect(model, &RegistryTreeModel::registryEntryChanged, this,
            &RegistryActions::registryListChanged);
}

RegistryActions::~RegistryActions() = default;

RegistryEntry RegistryActions::entryOf(const QModelIndex &registry) const
{
    const QString host = registry.data(ModelRoles::RegistryRole).toString();
    const QList<RegistryEntry> entries = m_model->registries();
    for (const RegistryEntry &entry : entries) {
        if (entry.config.host == host)
            return entry;
    }
    return {};
}

void RegistryActions::storePassword(const RegistryEntry &entry, const QString &password,
                                    bool remember)
{
    if (entry.config.authMode != AuthMode::Password || password.isEmpty())
        return;
    m_session->setPassword(entry.config.host, entry.username, password,
                           remember ? RegistrySession::Remember::InKeychain
                                    : RegistrySession::Remember::ForSession);
}

// --- registries -------------------------------------------------------------------------

void RegistryActions::addRegistry()
{
    QStringList hosts;
    const QList<RegistryEntry> entries = m_model->registries();
    for (const RegistryEntry &entry : entries)
        hosts.append(entry.config.host);
    auto *dialog = new RegistryDialog(hosts, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSession(m_session);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        applyNewRegistry(dialog->entry(), dialog->password(), dialog->rememberPassword());
    });
    dialog->open();
}

QModelIndex RegistryActions::applyNewRegistry(const RegistryEntry &entry, const QString &password,
                                              bool remember)
{
    m_session->setRegistry(entry);
    storePassword(entry, password, remember);
    const QModelIndex index = m_model->addRegistry(entry);
    Q_EMIT registryListChanged();
    Q_EMIT statusMessage(tr("Added %1.").arg(entry.config.host));
    Q_EMIT registryAdded(index);
    return index;
}

void RegistryActions::editRegistry(const QModelIndex &index)
{
    const QPersistentModelIndex registry(m_model->registryOf(index));
    if (!registry.isValid())
        return;
    auto *dialog = new RegistryDialog(entryOf(registry), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSession(m_session);
    connect(dialog, &QDialog::accepted, this, [this, dialog, registry] {
        if (registry.isValid()) // it may have been removed while the dialog was open
            applyEditedRegistry(registry, dialog->entry(), dialog->password(),
                                dialog->rememberPassword());
    });
    dialog->open();
}

void RegistryActions::signIn(const QModelIndex &index)
{
    const QPersistentModelIndex registry(m_model->registryOf(index));
    if (!registry.isValid())
        return;
    auto *dialog = new RegistryDialog(entryOf(registry), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(
        tr("Sign In to %1").arg(registry.data(ModelRoles::RegistryRole).toString()));
    dialog->setSession(m_session);
    dialog->focusCredentials();
    connect(dialog, &QDialog::accepted, this, [this, dialog, registry] {
        if (registry.isValid())
            applyEditedRegistry(registry, dialog->entry(), dialog->password(),
                                dialog->rememberPassword());
    });
    dialog->open();
}

void RegistryActions::applyEditedRegistry(const QModelIndex &index, const RegistryEntry &entry,
                                          const QString &password, bool remember)
{
    const QModelIndex registry = m_model->registryOf(index);
    if (!registry.isValid())
        return;
    const RegistryEntry before = entryOf(registry);
    // A password of another user, or of a registry that no longer signs in with one, goes.
    const bool passwordStillValid = entry.config.authMode == AuthMode::Password &&
                                    before.config.authMode == AuthMode::Password &&
                                    entry.username == before.username;
    if (!passwordStillValid || !password.isEmpty())
        m_session->forget(before.config.host);
    m_session->setRegistry(entry);
    storePassword(entry, password, remember);
    // Reconnects with a new client: the tree lists the registry again.
    m_model->setRegistryEntry(registry, entry);
    Q_EMIT registryListChanged();
    Q_EMIT statusMessage(tr("Saved the settings of %1.").arg(entry.config.host));
}

void RegistryActions::removeRegistry(const QModelIndex &index)
{
    const QPersistentModelIndex registry(m_model->registryOf(index));
    if (!registry.isValid())
        return;
    const QString host = registry.data(ModelRoles::RegistryRole).toString();
    auto *question = new QMessageBox(
        QMessageBox::Question, tr("Remove Registry"),
        tr("Remove %1 from the list? Nothing is deleted on the registry itself; a password "
           "Lading keeps for it is forgotten.")
            .arg(host),
        QMessageBox::Yes | QMessageBox::Cancel, m_window);
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, registry, host] {
        if (question->standardButton(question->clickedButton()) != QMessageBox::Yes ||
            !registry.isValid())
            return;
        m_model->removeRegistry(registry);
        m_session->removeRegistry(host);
        Q_EMIT registryListChanged();
        Q_EMIT statusMessage(tr("Removed %1.").arg(host));
    });
    question->open();
}

// --- certificates -----------------------------------------------------------------------

bool RegistryActions::canResolveCertificateProblem(const QModelIndex &index) const
{
    const QModelIndex registry = m_model->registryOf(index);
    return registry.isValid() && stateOf(registry) == State::Failed &&
           registry.data(ModelRoles::ErrorCodeRole).toInt() == int(oci::Error::Code::Tls);
}

void RegistryActions::resolveCertificateProblem(const QModelIndex &index)
{
    const QPersistentModelIndex registry(m_model->registryOf(index));
    if (!registry.isValid())
        return;
    const QString details = registry.data(RegistryTreeRoles::ErrorDetailRole).toString();
    auto *dialog = new CertificateErrorDialog(entryOf(registry), details, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, registry] {
        if (!registry.isValid())
            return;
        const RegistryEntry entry = dialog->entry();
        m_model->setRegistryEntry(registry, entry);
        Q_EMIT registryListChanged();
        switch (dialog->choice()) {
        case CertificateErrorDialog::Choice::CaFile:
            Q_EMIT statusMessage(tr("%1 is verified with the CA file %2 now.")
                                     .arg(entry.config.host, entry.config.caFile));
            break;
        case CertificateErrorDialog::Choice::Insecure:
            Q_EMIT statusMessage(tr("%1 is marked insecure: its certificate is not verified.")
                                     .arg(entry.config.host));
            break;
        case CertificateErrorDialog::Choice::PlainHttp:
            Q_EMIT statusMessage(tr("%1 uses plain HTTP now.").arg(entry.config.host));
            break;
        }
    });
    dialog->open();
}

// --- repositories by name -----------------------------------------------------------------

bool RegistryActions::canAddRepository(const QModelIndex &index) const
{
    return m_model->registryOf(index).isValid();
}

void RegistryActions::addRepository(const QModelIndex &index)
{
    const QPersistentModelIndex registry(m_model->registryOf(index));
    if (!registry.isValid())
        return;
    auto *dialog =
        new AddRepositoryDialog(registry.data(ModelRoles::RegistryRole).toString(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, registry] {
        if (!registry.isValid())
            return;
        const oci::Result<QModelIndex> added =
            m_model->addRepository(registry, dialog->repository());
        if (!added) {
            Q_EMIT statusMessage(added.error().message());
            return;
        }
        Q_EMIT statusMessage(
            tr("Added %1 to %2.")
                .arg(dialog->repository(), registry.data(ModelRoles::RegistryRole).toString()));
        Q_EMIT repositoryAdded(*added);
    });
    dialog->open();
}

void RegistryActions::forgetRepository(const QModelIndex &index)
{
    if (!index.data(RegistryTreeRoles::AddedByNameRole).toBool())
        return;
    const QString name = index.data(ModelRoles::ReferenceRole).toString();
    m_model->forgetRepository(index);
    Q_EMIT statusMessage(tr("Forgot %1.").arg(name));
}

// --- view hooks ---------------------------------------------------------------------------

bool RegistryActions::activate(const QModelIndex &index)
{
    if (kindOf(index) != Kind::Message)
        return false;
    const QModelIndex owner = index.parent();
    if (kindOf(owner) != Kind::Registry)
        return false;
    if (canResolveCertificateProblem(owner)) {
        resolveCertificateProblem(owner);
        return true;
    }
    if (stateOf(owner) == State::Unsupported) {
        addRepository(owner);
        return true;
    }
    return false;
}

void RegistryActions::addContextMenuActions(QMenu *menu, const QModelIndex &index)
{
    const Kind kind = kindOf(index);
    const bool registryRow = kind == Kind::Registry ||
                             (kind == Kind::Message && kindOf(index.parent()) == Kind::Registry);
    const bool namedRepository =
        kind == Kind::Repository && index.data(RegistryTreeRoles::AddedByNameRole).toBool();
    if (!registryRow && !namedRepository)
        return;
    if (!menu->isEmpty())
        menu->addSeparator();
    const QPersistentModelIndex target(index);
    if (namedRepository) {
        menu->addAction(tr("&Forget Repository"), this,
                        [this, target] { forgetRepository(target); });
        return;
    }
    if (canResolveCertificateProblem(index)) {
        menu->addAction(tr("Resolve &Certificate Problem…"), this,
                        [this, target] { resolveCertificateProblem(target); });
    }
    menu->addAction(tr("Add Re&pository…"), this, [this, target] { addRepository(target); });
    menu->addAction(tr("&Edit Registry…"), this, [this, target] { editRegistry(target); });
    menu->addAction(tr("&Sign In…"), this, [this, target] { signIn(target); });
    menu->addAction(tr("Re&move Registry"), this, [this, target] { removeRegistry(target); });
}
