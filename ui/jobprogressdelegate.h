#pragma once

#include <QStyledItemDelegate>

// Paints the jobs panel's Progress column as a progress bar (JobsModel::ProgressRole, per
// mille) with the row's text ("12.3 MiB of 45.0 MiB") on it, in the style's own look.
// Cells without a known share (-1) are plain text; other columns are left to the base.
class JobProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobProgressDelegate)

public:
    explicit JobProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
