#include "diff/layeralignmentmodel.h"

#include "diff/diffcells.h"
#include "diff/diffroles.h"
#include "inspectorcells.h"

#include "oci/manifest/layerhistory.h"

#include <QFont>

using RowKind = LayerAlignmentModel::RowKind;

namespace {

DiffCells::Kind kindOf(RowKind kind)
{
    switch (kind) {
    case RowKind::Changed: return DiffCells::Kind::Changed;
    case RowKind::Removed: return DiffCells::Kind::Removed;
    case RowKind::Added: return DiffCells::Kind::Added;
    default: return DiffCells::Kind::Same;
    }
}

bool isPair(RowKind kind)
{
    return kind == RowKind::Shared || kind == RowKind::Recompressed;
}

QString rangeText(int from, int to)
{
    if (from == to)
        return QString::number(from + 1);
    return QString(QString::number(from + 1) + u'\u2013' + QString::number(to + 1));
}

} // namespace

LayerAlignmentModel::LayerAlignmentModel(QObject *parent) : QAbstractItemModel(parent) {}

LayerAlignmentModel::~LayerAlignmentModel() = default;

void LayerAlignmentModel::setAlignment(const image::LayerAlignment &alignment)
{
    beginResetModel();
    m_alignment = alignment;
    build();
    endResetModel();
}

void LayerAlignmentModel::clear()
{
    setAlignment(image::LayerAlignment());
}

void LayerAlignmentModel::build()
{
    m_rows.clear();
    const QList<image::AlignedLayer> &a = m_alignment.a;
    const QList<image::AlignedLayer> &b = m_alignment.b;
    const auto pairRow = [&a](int i, int j) {
        return Row{a.at(i).match == image::LayerMatch::SameDiffId ? RowKind::Recompressed
                                                                 : RowKind::Shared,
                   i, j, {}, false};
    };

    const int leading = m_alignment.sharedLeading;
    if (leading > 0) {
        Row group{RowKind::Group, -1, -1, {}, true};
        for (int i = 0; i < leading; ++i)
            group.children.append(pairRow(i, i));
        m_rows.append(group);
    }

    // Runs of shared layers past the leading ones fold when two or more.
    QList<Row> run;
    const auto endRun = [this, &run]() {
        if (run.size() >= 2)
            m_rows.append(Row{RowKind::Group, -1, -1, run, false});
        else
            m_rows.append(run);
        run.clear();
    };
    const auto add = [this, &run, &endRun](Row row) {
        if (isPair(row.kind)) {
            run.append(row);
            return;
        }
        if (!run.isEmpty())
            endRun();
        m_rows.append(row);
    };

    const int sizeA = int(a.size());
    const int sizeB = int(b.size());
    int i = leading;
    int j = leading;
    while (i < sizeA || j < sizeB) {
        const int cpA = i < sizeA ? a.at(i).counterpart : -1;
        const int cpB = j < sizeB ? b.at(j).counterpart : -1;
        if (i < sizeA && j < sizeB && cpA == j) {
            add(pairRow(i++, j++));
        } else if (i < sizeA && cpA >= 0 && cpA < j) {
            add(Row{RowKind::MovedA, i++, -1, {}, false});
        } else if (j < sizeB && cpB >= 0 && cpB < i) {
            add(Row{RowKind::MovedB, -1, j++, {}, false});
        } else if (i < sizeA && j < sizeB && cpA < 0 && cpB < 0) {
            add(Row{RowKind::Changed, i++, j++, {}, false});
        } else if (i < sizeA && cpA < 0) {
            add(Row{RowKind::Removed, i++, -1, {}, false});
        } else if (j < sizeB && cpB < 0) {
            add(Row{RowKind::Added, -1, j++, {}, false});
        } else if (i < sizeA) {
            // Both found further on in the other image: A's goes first, B's is met later.
            add(Row{RowKind::MovedA, i++, -1, {}, false});
        } else {
            add(Row{RowKind::MovedB, -1, j++, {}, false});
        }
    }
    if (!run.isEmpty())
        endRun();
}

QModelIndex LayerAlignmentModel::leadingGroup() const
{
    if (m_rows.isEmpty() || !m_rows.constFirst().leading)
        return {};
    return index(0, 0);
}

const LayerAlignmentModel::Row *LayerAlignmentModel::rowOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const quintptr parentRow = index.internalId();
    if (parentRow == 0)
        return &m_rows.at(index.row());
    return &m_rows.at(qsizetype(parentRow - 1)).children.at(index.row());
}

QModelIndex LayerAlignmentModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex LayerAlignmentModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int LayerAlignmentModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_rows.at(parent.row()).children.size());
}

int LayerAlignmentModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

qint64 LayerAlignmentModel::delta(const Row &row, bool unpacked, bool *known) const
{
    *known = true;
    const auto sizeOf = [unpacked, known](const image::AlignedLayer &layer) {
        const qint64 size = unpacked ? layer.layer.uncompressedSize : layer.layer.size;
        if (size < 0)
            *known = false;
        return size;
    };
    switch (row.kind) {
    case RowKind::Group: {
        qint64 sum = 0;
        for (const Row &child : row.children) {
            bool childKnown = true;
            sum += delta(child, unpacked, &childKnown);
            *known = *known && childKnown;
        }
        return sum;
    }
    case RowKind::Shared:
    case RowKind::Recompressed:
    case RowKind::Changed:
        return sizeOf(m_alignment.b.at(row.b)) - sizeOf(m_alignment.a.at(row.a));
    case RowKind::Removed:
        return -sizeOf(m_alignment.a.at(row.a));
    case RowKind::Added:
        return sizeOf(m_alignment.b.at(row.b));
    case RowKind::MovedA:
        return 0; // in B too: its size counts on B's row
    case RowKind::MovedB: {
        const image::AlignedLayer &layer = m_alignment.b.at(row.b);
        return sizeOf(layer) - sizeOf(m_alignment.a.at(layer.counterpart));
    }
    }
    return 0;
}

QString LayerAlignmentModel::changeText(const Row &row) const
{
    switch (row.kind) {
    case RowKind::Group: {
        qint64 bytes = 0;
        int recompressed = 0;
        for (const Row &child : row.children) {
            bytes += m_alignment.a.at(child.a).layer.size;
            recompressed += child.kind == RowKind::Recompressed ? 1 : 0;
        }
        const QString text = tr("%n shared layer(s), %1", nullptr, int(row.children.size()))
                                 .arg(DiffCells::size(bytes));
        if (recompressed == 0)
            return text;
        return tr("%1 (%n recompressed)", nullptr, recompressed).arg(text);
    }
    case RowKind::Shared:
        return tr("Shared");
    case RowKind::Recompressed:
        return tr("Recompressed");
    case RowKind::Changed:
    case RowKind::Removed:
    case RowKind::Added:
        return DiffCells::kindName(kindOf(row.kind));
    case RowKind::MovedA:
        return tr("Moved to #%1").arg(m_alignment.a.at(row.a).counterpart + 1);
    case RowKind::MovedB:
        return tr("Moved from #%1").arg(m_alignment.b.at(row.b).counterpart + 1);
    }
    return {};
}

QString LayerAlignmentModel::changeToolTip(const Row &row) const
{
    switch (row.kind) {
    case RowKind::Group:
        return tr("Layers both images have, the same blobs at the same places.");
    case RowKind::Shared:
        return row.a == row.b ? tr("The same layer in both images.")
                              : tr("The same layer, at #%1 in A and #%2 in B.").arg(row.a + 1).arg(row.b + 1);
    case RowKind::Recompressed:
        return tr("The same files (the same diff ID), compressed differently: %1 in A, %2 in B.")
            .arg(m_alignment.a.at(row.a).layer.digest.shortString(),
                 m_alignment.b.at(row.b).layer.digest.shortString());
    case RowKind::Changed:
        return tr("A's layer and B's layer at this point differ.");
    case RowKind::Removed:
        return tr("Only A has this layer.");
    case RowKind::Added:
        return tr("Only B has this layer.");
    case RowKind::MovedA:
    case RowKind::MovedB:
        return tr("Both images have this layer, at #%1 in A and #%2 in B.")
            .arg((row.a >= 0 ? row.a : m_alignment.b.at(row.b).counterpart) + 1)
            .arg((row.b >= 0 ? row.b : m_alignment.a.at(row.a).counterpart) + 1);
    }
    return {};
}

QVariant LayerAlignmentModel::groupData(const Row &row, int column, int role) const
{
    const Row &first = row.children.constFirst();
    const Row &last = row.children.constLast();
    switch (column) {
    case ChangeColumn:
        if (role == Qt::DisplayRole)
            return changeText(row);
        if (role == Qt::ToolTipRole)
            return changeToolTip(row);
        if (role == DiffRoles::SortRole)
            return int(DiffCells::Kind::Same);
        return {};
    case LayerAColumn:
    case LayerBColumn: {
        const bool sideB = column == LayerBColumn;
        const int from = sideB ? first.b : first.a;
        if (role == Qt::DisplayRole)
            return rangeText(from, sideB ? last.b : last.a);
        if (role == DiffRoles::SortRole)
            return from;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    case SizeAColumn:
    case SizeBColumn: {
        const bool sideB = column == SizeBColumn;
        qint64 bytes = 0;
        for (const Row &child : row.children)
            bytes += (sideB ? m_alignment.b.at(child.b) : m_alignment.a.at(child.a)).layer.size;
        return DiffCells::sizeCell(bytes, role);
    }
    default:
        return {};
    }
}

QVariant LayerAlignmentModel::sideData(const Row &row, bool sideB, int column, int role) const
{
    const int layer = sideB ? row.b : row.a;
    if (layer < 0)
        return {};
    const image::AlignedLayer &aligned = (sideB ? m_alignment.b : m_alignment.a).at(layer);
    const image::LayerFacts &facts = aligned.layer;
    switch (column) {
    case LayerAColumn:
    case LayerBColumn:
        if (role == DiffRoles::SortRole)
            return layer;
        return InspectorCells::numberCell(layer, role);
    case CommandAColumn:
    case CommandBColumn:
        if (role == Qt::DisplayRole)
            return facts.createdBy.isEmpty() ? facts.digest.shortString()
                                             : oci::LayerHistory::oneLineCommand(facts.createdBy);
        if (role == DiffRoles::SortRole)
            return facts.createdBy;
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            if (!facts.createdBy.isEmpty())
                lines << facts.createdBy;
            lines << facts.digest.toString();
            if (!facts.diffId.isNull())
                lines << tr("Diff ID: %1").arg(facts.diffId.toString());
            return lines.join(u'\n');
        }
        if (role == Qt::FontRole)
            return InspectorCells::fixedFont();
        return {};
    case SizeAColumn:
    case SizeBColumn:
        if (role == Qt::ToolTipRole && facts.uncompressedSize >= 0)
            return tr("%1 compressed, %2 unpacked")
                .arg(DiffCells::size(facts.size), DiffCells::size(facts.uncompressedSize));
        return DiffCells::sizeCell(facts.size, role);
    default:
        return {};
    }
}

QVariant LayerAlignmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = *rowOf(index);
    const DiffCells::Kind kind = kindOf(row.kind);
    switch (role) {
    case DiffRoles::KindRole: return int(kind);
    case DiffRoles::DiffersRole: return kind != DiffCells::Kind::Same;
    case DiffRoles::LayerRowRole: return int(row.kind);
    case DiffRoles::LayerARole: return row.a;
    case DiffRoles::LayerBRole: return row.b;
    case DiffRoles::DigestARole:
        return row.a >= 0 ? m_alignment.a.at(row.a).layer.digest.toString() : QString();
    case DiffRoles::DigestBRole:
        return row.b >= 0 ? m_alignment.b.at(row.b).layer.digest.toString() : QString();
    case DiffRoles::RecompressedRole: return row.kind == RowKind::Recompressed;
    case DiffRoles::MovedRole:
        return row.kind == RowKind::MovedA || row.kind == RowKind::MovedB
               || (isPair(row.kind) && row.a != row.b);
    case DiffRoles::GroupRole: return row.kind == RowKind::Group;
    default: break;
    }
    const int column = index.column();
    if (column == DeltaColumn || column == UnpackedDeltaColumn) {
        bool known = true;
        const qint64 bytes = delta(row, column == UnpackedDeltaColumn, &known);
        if (row.kind == RowKind::MovedA && role == Qt::ToolTipRole)
            return tr("Counted on the row of B's #%1.").arg(m_alignment.a.at(row.a).counterpart + 1);
        return DiffCells::deltaCell(bytes, role, known);
    }
    if (row.kind == RowKind::Group)
        return groupData(row, column, role);
    switch (column) {
    case ChangeColumn:
        if (role == Qt::ToolTipRole)
            return changeToolTip(row);
        if (role == Qt::FontRole && kind == DiffCells::Kind::Same && !isPair(row.kind)) {
            QFont font; // moved: said, not coloured
            font.setItalic(true);
            return font;
        }
        return DiffCells::kindCell(kind, role, changeText(row));
    case LayerAColumn:
    case CommandAColumn:
    case SizeAColumn:
        return sideData(row, false, column, role);
    case LayerBColumn:
    case CommandBColumn:
    case SizeBColumn:
        return sideData(row, true, column, role);
    default:
        return {};
    }
}

QVariant LayerAlignmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case ChangeColumn: return tr("Change");
    case LayerAColumn: return tr("A");
    case CommandAColumn: return tr("Layer in A");
    case SizeAColumn: return tr("Size A");
    case LayerBColumn: return tr("B");
    case CommandBColumn: return tr("Layer in B");
    case SizeBColumn: return tr("Size B");
    case DeltaColumn: return tr("Delta");
    case UnpackedDeltaColumn: return tr("Unpacked delta");
    default: return {};
    }
}
