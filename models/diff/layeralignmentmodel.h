#pragma once

#include "image/diff/config/layeralignment.h"

#include <QAbstractItemModel>
#include <QList>

// Two images' layers side by side (an image::LayerAlignment) as a tree of two levels:
//
//   12 shared layers, 84.2 MiB          ← the shared leading layers folded into one row;
//     #1 ADD file:… in /   | #1 …          its children are the layers, A | B
//   Changed   #13 RUN apt-get … 31 MiB | #13 RUN apt-get … 33 MiB   +2.0 MiB
//   Added                              | #14 COPY app /app  1.2 MiB  +1.2 MiB
//   Moved to #16  #14 …                |                             (the layer is in both)
//   2 shared layers, 3.1 MiB            ← a later run of two or more shared layers, folded
//
// After the shared leading layers both images are walked in order: a layer shared at the
// position reached is one row with both sides ("Shared"; "Recompressed" when only the
// diff ID matches, the same files stored as another blob; MovedRole when the positions
// differ, as after a layer added below); a layer only one image has stands next to the
// other image's unshared layer at the same point ("Changed") or alone ("Removed" /
// "Added"); a shared layer met on one side before its counterpart is reached is listed on
// each side ("Moved to #n" / "Moved from #n"). Every layer of A and of B is on exactly one
// row's side, so the top-level deltas add up to LayerAlignment::compressedDelta().
//
// Sizes are compressed (as stored); the unpacked delta shows once both sides' uncompressed
// sizes are known. Tell a QTreeView to span the first column of GroupRole rows
// (setFirstColumnSpanned): their text is the whole line.
class LayerAlignmentModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerAlignmentModel)

public:
    enum Column {
        ChangeColumn,
        LayerAColumn, // "#" of A, 1-based
        CommandAColumn,
        SizeAColumn,
        LayerBColumn,
        CommandBColumn,
        SizeBColumn,
        DeltaColumn,         // compressed, B − A
        UnpackedDeltaColumn, // uncompressed, B − A, when known
        ColumnCount
    };
    Q_ENUM(Column)

    enum class RowKind {
        Group,        // shared layers folded together: its children
        Shared,       // the same blob in both (at the same or another position)
        Recompressed, // the same tar (diff ID) stored as another blob
        Changed,      // A's layer and B's layer differ, side by side
        Removed,      // only A has it
        Added,        // only B has it
        MovedA,       // A's layer, found in B at another position (listed there too)
        MovedB,       // B's layer, found in A at another position (listed there too)
    };
    Q_ENUM(RowKind)

    explicit LayerAlignmentModel(QObject *parent = nullptr);
    ~LayerAlignmentModel() override;

    void setAlignment(const image::LayerAlignment &alignment);
    void clear();
    const image::LayerAlignment &alignment() const { return m_alignment; }

    // The index of the group row holding the shared leading layers; invalid when none.
    QModelIndex leadingGroup() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        RowKind kind = RowKind::Shared;
        int a = -1; // layer of A shown, -1 none
        int b = -1;
        QList<Row> children; // Group only
        bool leading = false;
    };

    void build();
    const Row *rowOf(const QModelIndex &index) const;
    qint64 delta(const Row &row, bool unpacked, bool *known) const;
    QVariant groupData(const Row &row, int column, int role) const;
    QVariant sideData(const Row &row, bool sideB, int column, int role) const;
    QString changeText(const Row &row) const;
    QString changeToolTip(const Row &row) const;

    image::LayerAlignment m_alignment;
    QList<Row> m_rows;
};
