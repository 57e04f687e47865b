#pragma once

#include <QStyledItemDelegate>

// Draws the registry tree's rows: an icon per kind, registries in bold, message rows
// ("Loading…", errors, "no tags") in a quieter italic, errors in red. On the right of a row,
// a small badge: "insecure" (orange) or "HTTP" on registries that are not verified over TLS,
// and the tag count of a repository once it is known.
class RegistryTreeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryTreeDelegate)

public:
    explicit RegistryTreeDelegate(QObject *parent = nullptr);

    // The badge a row gets ("insecure", "HTTP", "12"), empty for none. For tests and tooltips.
    static QString badgeText(const QModelIndex &index);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
