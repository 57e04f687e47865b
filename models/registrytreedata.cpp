// RegistryTreeModel::data(): what each row shows and answers to the roles.

#include "registrytreemodel.h"

#include "registrytreenode_p.h"

using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;
using Node = RegistryTreeNode;

namespace {

QString tagReference(const QString &host, const Node *tag)
{
    return host + QLatin1Char('/') + tag->path + QLatin1Char(':') + tag->name;
}

using Connection = RegistryTreeRoles::Connection;

Connection connectionOf(const Node *registry)
{
    const oci::RegistryConfig &config = registry->entry.config;
    if (config.plainHttp)
        return Connection::PlainHttp;
    if (config.insecureSkipTlsVerify)
        return Connection::Insecure;
    if (!config.caFile.isEmpty())
        return Connection::CustomCa;
    return Connection::Verified;
}

QString registryToolTip(const Node *node)
{
    const oci::RegistryConfig &config = node->entry.config;
    QStringList lines{node->name};
    switch (connectionOf(node)) {
    case Connection::PlainHttp:
        lines << RegistryTreeModel::tr("Plain HTTP: the connection is not encrypted.");
        break;
    case Connection::Insecure:
        lines << RegistryTreeModel::tr("Insecure: HTTPS without certificate verification. "
                                       "Anyone on the network could read and change what "
                                       "Lading receives.");
        break;
    case Connection::CustomCa:
        lines << RegistryTreeModel::tr("HTTPS, verified with the CA file %1.").arg(config.caFile);
        break;
    case Connection::Verified:
        lines << RegistryTreeModel::tr("HTTPS.");
        break;
    }
    if (!node->entry.username.isEmpty())
        lines << RegistryTreeModel::tr("Signed in as %1.").arg(node->entry.username);
    if (!node->errorText.isEmpty())
        lines << node->errorText;
    return lines.join(QLatin1Char('\n'));
}

QString repositoryToolTip(const Node *node)
{
    QStringList lines{node->path};
    if (node->tagCount >= 0)
        lines << RegistryTreeModel::tr("Tags: %1").arg(node->tagCount);
    if (node->addedByName)
        lines << RegistryTreeModel::tr("Added by name.");
    if (!node->errorText.isEmpty())
        lines << node->errorText;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QVariant RegistryTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    const Node *registry = node->registry();
    const QString host = registry ? registry->name : QString();
    // A message row speaks for the node it sits under.
    const Node *owner = node->kind == Kind::Message ? node->parent : node;

    switch (role) {
    case Qt::DisplayRole:
        return node->name;
    case Qt::ToolTipRole:
        switch (node->kind) {
        case Kind::Registry:
            return registryToolTip(node);
        case Kind::Folder:
            return tr("Namespace %1").arg(node->path);
        case Kind::Repository:
            return repositoryToolTip(node);
        case Kind::Tag:
            return tagReference(host, node);
        case Kind::Message:
            return node->toolTip.isEmpty() ? node->name : node->toolTip;
        }
        return {};
    case ModelRoles::NodeKindRole:
        return QVariant::fromValue(node->kind);
    case ModelRoles::StateRole:
        return QVariant::fromValue(owner->isLoadable() ? owner->state : State::Loaded);
    case ModelRoles::ErrorRole:
        return owner->errorText;
    case ModelRoles::ErrorCodeRole:
        return int(owner->error.code());
    case ModelRoles::ReferenceRole:
        switch (node->kind) {
        case Kind::Registry:
            return host;
        case Kind::Folder:
        case Kind::Repository:
            return QString(host + QLatin1Char('/') + node->path);
        case Kind::Tag:
            return tagReference(host, node);
        case Kind::Message:
            return QString();
        }
        return {};
    case ModelRoles::RegistryRole:
        return host;
    case ModelRoles::RepositoryRole:
        return node->kind == Kind::Registry || node->kind == Kind::Message ? QString() : node->path;
    case ModelRoles::TagRole:
        return node->kind == Kind::Tag ? node->name : QString();
    case ModelRoles::SearchTextRole:
        switch (node->kind) {
        case Kind::Registry:
            return host;
        case Kind::Folder:
        case Kind::Repository:
            return node->path;
        case Kind::Tag:
            return QString(node->path + QLatin1Char(':') + node->name);
        case Kind::Message:
            return QString();
        }
        return {};
    case ModelRoles::SortRole:
        return node->name;
    case RegistryTreeRoles::TagCountRole:
        return node->kind == Kind::Repository ? node->tagCount : -1;
    case RegistryTreeRoles::ConnectionRole:
        return registry ? QVariant::fromValue(connectionOf(registry)) : QVariant();
    case RegistryTreeRoles::AddedByNameRole:
        return node->addedByName;
    case RegistryTreeRoles::ErrorDetailRole:
        return owner->error.message();
    default:
        return {};
    }
}
