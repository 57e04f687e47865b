#pragma once

#include <QStyledItemDelegate>

// Draws the registry tree's rows: an icon per kind, registries in bold, and message rows
// ("Loading…", errors, "no tags") in a quieter italic, errors in the palette's error colour.
class RegistryTreeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryTreeDelegate)

public:
    explicit RegistryTreeDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
