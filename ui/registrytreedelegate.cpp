#include "registrytreedelegate.h"

#include "roles.h"
#include "treeicons.h"

RegistryTreeDelegate::RegistryTreeDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void RegistryTreeDelegate::initStyleOption(QStyleOptionViewItem *option,
                                           const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto kind = index.data(ModelRoles::NodeKindRole).value<ModelRoles::NodeKind>();
    const auto state = index.data(ModelRoles::StateRole).value<ModelRoles::NodeState>();

    option->icon = TreeIcons::forNode(kind, state);
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = QSize(16, 16);

    switch (kind) {
    case ModelRoles::NodeKind::Registry:
        option->font.setBold(true);
        break;
    case ModelRoles::NodeKind::Message: {
        option->font.setItalic(true);
        const bool failed = state == ModelRoles::NodeState::Failed;
        // A red that reads on light and dark bases alike; quieter text otherwise.
        const QColor colour =
            failed ? QColor(0xc6, 0x28, 0x28) : option->palette.color(QPalette::PlaceholderText);
        option->palette.setColor(QPalette::Text, colour);
        option->palette.setColor(QPalette::WindowText, colour);
        option->textElideMode = Qt::ElideRight;
        break;
    }
    default:
        break;
    }
}
