#include "registrytreedelegate.h"

#include "registrytreeroles.h"
#include "roles.h"
#include "treeicons.h"

#include <QApplication>
#include <QPainter>

using Kind = ModelRoles::NodeKind;
using Connection = RegistryTreeRoles::Connection;

namespace {

enum class BadgeStyle { None, Warning, Plain, Count };

constexpr int kBadgePadding = 5; // inside the badge, left and right
constexpr int kBadgeMargin = 4;  // between the text and the badge, and at the right edge

BadgeStyle badgeStyle(const QModelIndex &index)
{
    const auto kind = index.data(ModelRoles::NodeKindRole).value<Kind>();
    if (kind == Kind::Registry) {
        switch (index.data(RegistryTreeRoles::ConnectionRole).value<Connection>()) {
        case Connection::Insecure:
            return BadgeStyle::Warning;
        case Connection::PlainHttp:
            return BadgeStyle::Plain;
        case Connection::Verified:
        case Connection::CustomCa:
            return BadgeStyle::None;
        }
    }
    if (kind == Kind::Repository && index.data(RegistryTreeRoles::TagCountRole).toInt() >= 0)
        return BadgeStyle::Count;
    return BadgeStyle::None;
}

QFont badgeFont(const QFont &base)
{
    QFont font = base;
    font.setBold(false);
    font.setItalic(false);
    font.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : 8);
    return font;
}

int badgeWidth(const QFont &base, const QString &text)
{
    return QFontMetrics(badgeFont(base)).horizontalAdvance(text) + 2 * kBadgePadding;
}

} // namespace

RegistryTreeDelegate::RegistryTreeDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QString RegistryTreeDelegate::badgeText(const QModelIndex &index)
{
    switch (badgeStyle(index)) {
    case BadgeStyle::Warning:
        return tr("insecure");
    case BadgeStyle::Plain:
        return tr("HTTP");
    case BadgeStyle::Count:
        return QString::number(index.data(RegistryTreeRoles::TagCountRole).toInt());
    case BadgeStyle::None:
        break;
    }
    return {};
}

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

void RegistryTreeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const BadgeStyle style = badgeStyle(index);
    if (style == BadgeStyle::None) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem full = option;
    initStyleOption(&full, index);
    const QString text = badgeText(index);
    const int width = badgeWidth(full.font, text);

    // The row's background over the whole width, then the item beside the badge.
    const QWidget *widget = option.widget;
    QStyle *qstyle = widget ? widget->style() : QApplication::style();
    qstyle->drawPrimitive(QStyle::PE_PanelItemViewItem, &full, painter, widget);
    QStyleOptionViewItem narrowed = option;
    narrowed.rect.setRight(option.rect.right() - width - 2 * kBadgeMargin);
    QStyledItemDelegate::paint(painter, narrowed, index);

    const QFont font = badgeFont(full.font);
    const int height = std::min(option.rect.height() - 4, QFontMetrics(font).height() + 2);
    const QRect badge(option.rect.right() - kBadgeMargin - width + 1,
                      option.rect.top() + (option.rect.height() - height) / 2, width, height);
    const bool selected = option.state & QStyle::State_Selected;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    QColor fill;
    QColor textColour;
    switch (style) {
    case BadgeStyle::Warning:
        fill = QColor(0xd9, 0x6c, 0x00);
        textColour = Qt::white;
        break;
    case BadgeStyle::Plain:
        fill = QColor(0x8a, 0x6d, 0x3b);
        textColour = Qt::white;
        break;
    case BadgeStyle::Count:
    case BadgeStyle::None:
        // Quiet: the base's text colour at low opacity, so it reads on any palette.
        fill = selected ? full.palette.color(QPalette::HighlightedText)
                        : full.palette.color(QPalette::Text);
        fill.setAlphaF(0.12);
        textColour = selected ? full.palette.color(QPalette::HighlightedText)
                              : full.palette.color(QPalette::PlaceholderText);
        break;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0,
                             height / 2.0);
    painter->setPen(textColour);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize RegistryTreeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString text = badgeText(index);
    if (!text.isEmpty())
        size.rwidth() += badgeWidth(option.font, text) + 2 * kBadgeMargin;
    return size;
}
