#include "registrytreenode_p.h"

#include "oci/client/registryclient.h"

RegistryTreeNode::RegistryTreeNode(Kind kind, QString name) : kind(kind), name(std::move(name)) {}

RegistryTreeNode::~RegistryTreeNode()
{
    // Children's jobs use this registry's client: stop them first, the client last.
    cancelJob();
    message.reset();
    children.clear();
    client.reset();
}

void RegistryTreeNode::cancelJob()
{
    if (oci::Job *running = job.data()) {
        job = nullptr;
        running->cancel();
        delete running;
    }
}

RegistryTreeNode *RegistryTreeNode::childAt(int row) const
{
    if (row < 0)
        return nullptr;
    if (size_t(row) < children.size())
        return children[size_t(row)].get();
    if (size_t(row) == children.size())
        return message.get();
    return nullptr;
}

RegistryTreeNode *RegistryTreeNode::registry()
{
    RegistryTreeNode *node = this;
    while (node && node->kind != Kind::Registry)
        node = node->parent;
    return node;
}

const RegistryTreeNode *RegistryTreeNode::registry() const
{
    return const_cast<RegistryTreeNode *>(this)->registry();
}

RegistryTreeNode *RegistryTreeNode::adopt(std::unique_ptr<RegistryTreeNode> child)
{
    RegistryTreeNode *raw = child.get();
    raw->parent = this;
    raw->row = int(children.size());
    if (raw->kind == Kind::Tag)
        tagChildren.insert(raw->name, raw);
    else
        namespaceChildren.insert(raw->name, raw);
    children.push_back(std::move(child));
    if (message)
        message->row = int(children.size());
    return raw;
}

void RegistryTreeNode::renumber(size_t from)
{
    for (size_t i = from; i < children.size(); ++i)
        children[i]->row = int(i);
    if (message)
        message->row = int(children.size());
}
