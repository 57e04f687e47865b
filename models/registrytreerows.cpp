// RegistryTreeModel's row changes: listed names become nodes (in natural order, one
// insertion per run of new rows), message rows, and clearing a node.

#include "registrytreemodel.h"

#include "naturalsort.h"
#include "registrytreenode_p.h"

#include <QSet>

#include <algorithm>
#include <map>

using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;
using Node = RegistryTreeNode;

namespace {

// Namespaces (folders and repositories) come before tags, each in natural order.
bool childLess(const NaturalLess &less, const Node &a, const Node &b)
{
    const bool aTag = a.kind == Kind::Tag;
    const bool bTag = b.kind == Kind::Tag;
    if (aTag != bTag)
        return !aTag;
    return less(a.name, b.name);
}

QString joinPath(const Node *parent, const QString &segment)
{
    return parent->kind == Kind::Registry ? segment : parent->path + QLatin1Char('/') + segment;
}

} // namespace

void RegistryTreeModel::addRepositories(Node *registry, const QStringList &names, NameSource source)
{
    // New subtrees are built off the model and inserted with one signal per existing parent.
    struct Pending
    {
        std::vector<std::unique_ptr<Node>> nodes;
        QHash<QString, Node *> byName;
    };
    std::map<Node *, Pending> pending;
    QList<Node *> pendingOrder;

    for (const QString &name : names) {
        const QStringList segments = name.split(QLatin1Char('/'));
        if (segments.contains(QString()))
            continue; // not a repository name; the registry sent garbage
        Node *node = registry;
        bool inModel = true;
        bool isNew = false;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const QString &segment = segments.at(i);
            const bool last = i == segments.size() - 1;
            Node *child = node->namespaceChild(segment);
            if (!child && inModel) {
                auto it = pending.find(node);
                if (it != pending.end())
                    child = it->second.byName.value(segment);
                if (child)
                    inModel = false;
            } else if (child && inModel) {
                // Existing row; it may become a repository now ("team" after "team/app").
                if (last && child->kind == Kind::Folder) {
                    child->kind = Kind::Repository;
                    child->state = State::NotLoaded;
                    isNew = true;
                    nodeChanged(child);
                }
            }
            if (!child) {
                auto created =
                    std::make_unique<Node>(last ? Kind::Repository : Kind::Folder, segment);
                created->path = joinPath(node, segment);
                created->state = last ? State::NotLoaded : State::Loaded;
                child = created.get();
                if (inModel) {
                    created->parent = node;
                    Pending &bucket = pending[node];
                    if (bucket.nodes.empty())
                        pendingOrder.append(node);
                    bucket.byName.insert(segment, child);
                    bucket.nodes.push_back(std::move(created));
                } else {
                    node->adopt(std::move(created));
                }
                inModel = false;
                isNew = last;
            } else if (last && child->kind == Kind::Folder) {
                child->kind = Kind::Repository; // not in the model yet: no signal needed
                child->state = State::NotLoaded;
                isNew = true;
            }
            node = child;
        }
        if (isNew)
            ++registry->listedCount;
        bool &flag = source == NameSource::Catalog ? node->listedByCatalog : node->addedByName;
        if (!flag) {
            flag = true;
            if (!isNew && source == NameSource::ByName)
                nodeChanged(node); // an existing row is now also remembered by name
        }
    }

    for (Node *parent : std::as_const(pendingOrder))
        insertSubtrees(parent, std::move(pending[parent].nodes));
}

void RegistryTreeModel::insertSubtrees(Node *parent, std::vector<std::unique_ptr<Node>> nodes)
{
    // One level at a time: rows go in empty, their children follow in insertions of their
    // own. Rows that arrived with children already in place confused QSortFilterProxyModel
    // (Qt 6.4): it answered rowCount() of a row from another row's mapping.
    std::vector<std::pair<Node *, std::vector<std::unique_ptr<Node>>>> below;
    for (const auto &node : nodes) {
        if (node->children.empty())
            continue;
        below.emplace_back(node.get(), std::move(node->children));
        node->children.clear();
        node->namespaceChildren.clear();
        node->tagChildren.clear();
    }
    insertChildren(parent, std::move(nodes));
    for (auto &[node, children] : below)
        insertSubtrees(node, std::move(children));
}

void RegistryTreeModel::addTags(Node *repository, const QStringList &tags)
{
    std::vector<std::unique_ptr<Node>> nodes;
    QSet<QString> seen;
    for (const QString &tag : tags) {
        if (tag.isEmpty() || repository->tagChild(tag) || seen.contains(tag))
            continue;
        seen.insert(tag);
        auto node = std::make_unique<Node>(Kind::Tag, tag);
        node->path = repository->path;
        node->state = State::Loaded;
        nodes.push_back(std::move(node));
    }
    repository->listedCount += int(nodes.size());
    insertChildren(repository, std::move(nodes));
}

void RegistryTreeModel::insertChildren(Node *parent, std::vector<std::unique_ptr<Node>> nodes)
{
    if (nodes.empty())
        return;
    const NaturalLess less;
    const auto lessThan = [&](const auto &a, const auto &b) {
        return childLess(less, *a, *b);
    };
    std::sort(nodes.begin(), nodes.end(), lessThan);

    // Runs of new nodes that land at the same place go in with one beginInsertRows.
    const QModelIndex parentIndex = indexFor(parent);
    size_t next = 0;
    while (next < nodes.size()) {
        const auto at = std::lower_bound(parent->children.begin(), parent->children.end(),
                                         nodes[next], lessThan);
        const size_t position = size_t(at - parent->children.begin());
        size_t end = next + 1;
        if (position == parent->children.size()) {
            end = nodes.size();
        } else {
            while (end < nodes.size() && lessThan(nodes[end], parent->children[position]))
                ++end;
        }
        const size_t count = end - next;
        beginInsertRows(parentIndex, int(position), int(position + count - 1));
        for (size_t i = next; i < end; ++i) {
            Node *raw = nodes[i].get();
            raw->parent = parent;
            if (raw->kind == Kind::Tag)
                parent->tagChildren.insert(raw->name, raw);
            else
                parent->namespaceChildren.insert(raw->name, raw);
        }
        parent->children.insert(parent->children.begin() + qsizetype(position),
                                std::make_move_iterator(nodes.begin() + qsizetype(next)),
                                std::make_move_iterator(nodes.begin() + qsizetype(end)));
        parent->renumber(position);
        endInsertRows();
        next = end;
    }
}

// --- rows of their own --------------------------------------------------------------------

void RegistryTreeModel::setMessage(Node *parent, const QString &text, const QString &toolTip)
{
    if (parent->message) {
        parent->message->name = text;
        parent->message->toolTip = toolTip;
        const QModelIndex index = indexFor(parent->message.get());
        Q_EMIT dataChanged(index, index);
        return;
    }
    auto message = std::make_unique<Node>(Kind::Message, text);
    message->toolTip = toolTip;
    message->parent = parent;
    message->row = int(parent->children.size());
    beginInsertRows(indexFor(parent), message->row, message->row);
    parent->message = std::move(message);
    endInsertRows();
}

void RegistryTreeModel::clearMessage(Node *parent)
{
    if (!parent->message)
        return;
    const int row = parent->message->row;
    beginRemoveRows(indexFor(parent), row, row);
    std::unique_ptr<Node> removed = std::move(parent->message);
    endRemoveRows();
}

void RegistryTreeModel::clearChildren(Node *parent)
{
    const int rows = parent->rowCount();
    if (rows == 0)
        return;
    beginRemoveRows(indexFor(parent), 0, rows - 1);
    std::vector<std::unique_ptr<Node>> removed = std::move(parent->children);
    std::unique_ptr<Node> removedMessage = std::move(parent->message);
    parent->children.clear();
    parent->namespaceChildren.clear();
    parent->tagChildren.clear();
    endRemoveRows();
}

void RegistryTreeModel::clearTags(Node *parent)
{
    const auto firstTag = std::find_if(parent->children.begin(), parent->children.end(),
                                       [](const auto &child) { return child->kind == Kind::Tag; });
    const int first = int(firstTag - parent->children.begin());
    const int rows = parent->rowCount();
    if (first == rows)
        return;
    beginRemoveRows(indexFor(parent), first, rows - 1);
    std::vector<std::unique_ptr<Node>> removed;
    removed.insert(removed.end(), std::make_move_iterator(firstTag),
                   std::make_move_iterator(parent->children.end()));
    parent->children.erase(firstTag, parent->children.end());
    std::unique_ptr<Node> removedMessage = std::move(parent->message);
    parent->tagChildren.clear();
    endRemoveRows();
}

void RegistryTreeModel::removeChild(Node *parent, int row)
{
    if (row < 0 || size_t(row) >= parent->children.size())
        return;
    beginRemoveRows(indexFor(parent), row, row);
    std::unique_ptr<Node> removed = std::move(parent->children[size_t(row)]);
    parent->children.erase(parent->children.begin() + row);
    if (removed->kind == Kind::Tag)
        parent->tagChildren.remove(removed->name);
    else
        parent->namespaceChildren.remove(removed->name);
    parent->renumber(size_t(row));
    endRemoveRows();
    // `removed` goes here, cancelling whatever it was loading.
}

void RegistryTreeModel::nodeChanged(Node *node)
{
    const QModelIndex index = indexFor(node);
    if (index.isValid())
        Q_EMIT dataChanged(index, index);
}
