#include "diff/diffcells.h"

#include "diff/diffroles.h"
#include "tagtabletext.h"

#include "image/diff/config/configdiff.h"
#include "image/diff/files/filediff.h"

#include <QColor>
#include <QFont>
#include <QLocale>

DiffCells::Kind DiffCells::kindOf(image::ConfigChangeKind kind)
{
    switch (kind) {
    case image::ConfigChangeKind::Added: return Kind::Added;
    case image::ConfigChangeKind::Removed: return Kind::Removed;
    case image::ConfigChangeKind::Changed: return Kind::Changed;
    }
    return Kind::Changed;
}

DiffCells::Kind DiffCells::kindOf(image::FileChangeKind kind)
{
    switch (kind) {
    case image::FileChangeKind::Added: return Kind::Added;
    case image::FileChangeKind::Removed: return Kind::Removed;
    case image::FileChangeKind::Changed: return Kind::Changed;
    }
    return Kind::Changed;
}

QString DiffCells::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Same: return {};
    case Kind::Added: return tr("Added");
    case Kind::Removed: return tr("Removed");
    case Kind::Changed: return tr("Changed");
    }
    return {};
}

QColor DiffCells::kindColour(Kind kind)
{
    // Red and amber as DeletePlanModel::fateColour gives "Deleted" and "Protected"; a green
    // of about their weight.
    switch (kind) {
    case Kind::Same: return {};
    case Kind::Added: return QColor(0x2e, 0x7d, 0x32);
    case Kind::Removed: return QColor(0xb3, 0x26, 0x1e);
    case Kind::Changed: return QColor(0xa8, 0x4b, 0x00);
    }
    return {};
}

QVariant DiffCells::kindCell(Kind kind, int role, const QString &text)
{
    switch (role) {
    case Qt::DisplayRole:
        return text.isEmpty() ? kindName(kind) : text;
    case DiffRoles::SortRole:
        return int(kind);
    case Qt::ForegroundRole: {
        const QColor colour = kindColour(kind);
        return colour.isValid() ? QVariant(colour) : QVariant();
    }
    case Qt::FontRole:
        if (kind != Kind::Same) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QString DiffCells::size(qint64 bytes)
{
    return TagTableText::size(bytes);
}

QString DiffCells::delta(qint64 bytes)
{
    if (bytes == 0)
        return size(0);
    const QString magnitude = size(bytes < 0 ? -bytes : bytes);
    return (bytes < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) + magnitude;
}

QVariant DiffCells::sizeCell(qint64 bytes, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return size(bytes);
    case DiffRoles::SortRole:
        return bytes;
    case Qt::ToolTipRole:
        return bytes >= 0 ? TagTableText::exactSize(bytes) : QString();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant DiffCells::deltaCell(qint64 bytes, int role, bool known)
{
    switch (role) {
    case Qt::DisplayRole:
        return known && bytes != 0 ? delta(bytes) : QString();
    case DiffRoles::SortRole:
        return known ? bytes : qint64(0);
    case Qt::ToolTipRole:
        return known && bytes != 0
                   ? tr("%1 bytes").arg(QString((bytes > 0 ? u"+" : u"\u2212")
                                                + QLocale().toString(bytes < 0 ? -bytes : bytes)))
                   : QString();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}
