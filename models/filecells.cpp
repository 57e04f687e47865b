#include "filecells.h"

#include "fileroles.h"

#include "image/fs/mergedfilesystem.h"
#include "image/layer/layerindex.h"

#include <QColor>
#include <QFontDatabase>
#include <QLocale>

#include <iterator>

namespace {

const image::LayerEntry *entryAt(const image::LayerIndex *index, int entry)
{
    return index && entry >= 0 ? &index->at(entry) : nullptr;
}

bool isTextRole(int role)
{
    return role == Qt::DisplayRole || role == FileRoles::SortRole;
}

} // namespace

QVariant FileCells::header(Column column, Qt::Orientation orientation, int role)
{
    // In the order of Column.
    static constexpr const char *titles[] = {
        QT_TR_NOOP("Name"), QT_TR_NOOP("Layer"), QT_TR_NOOP("Change"),      QT_TR_NOOP("Size"),
        QT_TR_NOOP("Mode"), QT_TR_NOOP("Owner"), QT_TR_NOOP("Link target"),
    };
    static_assert(std::size(titles) == size_t(Column::Target) + 1);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return tr(titles[size_t(column)]);
}

QVariant FileCells::modeCell(const image::LayerIndex *index, int entry, int role)
{
    const image::LayerEntry *e = entryAt(index, entry);
    const image::EntryType type = e ? e->type : image::EntryType::Directory;
    if (isTextRole(role) && e)
        return modeText(type, e->mode);
    if (role == Qt::ToolTipRole)
        return typeName(type);
    if (role == Qt::FontRole)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    return {};
}

QVariant FileCells::ownerCell(const image::LayerIndex *index, int entry, int role)
{
    const image::LayerEntry *e = entryAt(index, entry);
    if (isTextRole(role) && e && !e->isMarker())
        return ownerText(*index, *e);
    return {};
}

QVariant FileCells::targetCell(const image::LayerIndex *index, int entry, int role, bool toolTips)
{
    const image::LayerEntry *e = entryAt(index, entry);
    if (!e || (e->type != image::EntryType::Symlink && e->type != image::EntryType::Hardlink))
        return {};
    if (isTextRole(role))
        return linkText(*index, entry);
    if (role == Qt::ToolTipRole && toolTips) {
        return e->type == image::EntryType::Hardlink
                   ? tr("Hard link to /%1").arg(linkText(*index, entry))
                   : tr("Symbolic link to %1").arg(linkText(*index, entry));
    }
    return {};
}

QVariant FileCells::changeCell(image::Change change, int role)
{
    if (isTextRole(role))
        return changeName(change);
    if (role == Qt::ForegroundRole)
        return changeColor(change);
    if (role == Qt::ToolTipRole)
        return changeToolTip(change);
    return {};
}

QString FileCells::modeText(image::EntryType type, quint32 mode)
{
    QString text(10, u'-');
    text[0] = QChar::fromLatin1(image::entryTypeLetter(type));
    if (type == image::EntryType::Whiteout || type == image::EntryType::Opaque)
        return text;
    static constexpr char16_t letters[] = u"rwxrwxrwx";
    for (int bit = 0; bit < 9; ++bit) {
        if (mode & (0400u >> bit))
            text[1 + bit] = QChar(letters[bit]);
    }
    // setuid, setgid, sticky: s/S and t/T as ls writes them.
    const auto special = [&text](int at, bool set, QChar withX, QChar withoutX) {
        if (set)
            text[at] = text[at] == u'x' ? withX : withoutX;
    };
    special(3, mode & 04000, u's', u'S');
    special(6, mode & 02000, u's', u'S');
    special(9, mode & 01000, u't', u'T');
    return text;
}

QString FileCells::ownerText(const image::LayerIndex &index, const image::LayerEntry &entry)
{
    QString user = index.userName(entry);
    QString group = index.groupName(entry);
    if (user.isEmpty())
        user = QString::number(entry.uid);
    if (group.isEmpty())
        group = QString::number(entry.gid);
    return user + u':' + group;
}

QString FileCells::typeName(image::EntryType type)
{
    switch (type) {
    case image::EntryType::Regular:
        return tr("File");
    case image::EntryType::Directory:
        return tr("Directory");
    case image::EntryType::Symlink:
        return tr("Symbolic link");
    case image::EntryType::Hardlink:
        return tr("Hard link");
    case image::EntryType::CharDevice:
        return tr("Character device");
    case image::EntryType::BlockDevice:
        return tr("Block device");
    case image::EntryType::Fifo:
        return tr("FIFO");
    case image::EntryType::Whiteout:
        return tr("Whiteout");
    case image::EntryType::Opaque:
        return tr("Opaque directory");
    }
    return {};
}

QString FileCells::changeName(image::Change change)
{
    switch (change) {
    case image::Change::None:
        return {};
    case image::Change::Added:
        return tr("Added");
    case image::Change::Modified:
        return tr("Modified");
    case image::Change::Unchanged:
        return tr("Unchanged");
    case image::Change::Removed:
        return tr("Removed");
    case image::Change::Opaque:
        return tr("Opaque");
    case image::Change::NoEffect:
        return tr("No effect");
    }
    return {};
}

QVariant FileCells::changeColor(image::Change change)
{
    switch (change) {
    case image::Change::Added:
        return QColor(0x2e, 0x9d, 0x4a);
    case image::Change::Modified:
        return QColor(0xc7, 0x7c, 0x0e);
    case image::Change::Removed:
        return QColor(0xd0, 0x3b, 0x3b);
    case image::Change::Opaque:
        return QColor(0x8e, 0x5b, 0xc9);
    default:
        return {};
    }
}

QString FileCells::changeToolTip(image::Change change)
{
    switch (change) {
    case image::Change::None:
        return {};
    case image::Change::Added:
        return tr("The path did not exist in the layers below.");
    case image::Change::Modified:
        return tr("The path existed below; its type, metadata, size, content or target differ.");
    case image::Change::Unchanged:
        return tr("Written again exactly as it was below: no change, but bytes in the layer.");
    case image::Change::Removed:
        return tr("A whiteout: the path of the layers below is deleted.");
    case image::Change::Opaque:
        return tr("An opaque directory: everything the layers below had in it is hidden.");
    case image::Change::NoEffect:
        return tr("Has no effect on the filesystem (a whiteout of nothing, a duplicate or an "
                  "unsafe name).");
    }
    return {};
}

QString FileCells::linkText(const image::LayerIndex &index, int entry)
{
    return index.displayLinkTarget(entry);
}

QVariant FileCells::sizeCell(qint64 bytes, bool show, int role)
{
    if (role == FileRoles::SortRole)
        return bytes;
    if (role == Qt::DisplayRole)
        return show ? QLocale().formattedDataSize(bytes, 1) : QString();
    if (role == Qt::ToolTipRole)
        return show ? tr("%1 bytes").arg(QLocale().toString(bytes)) : QString();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}
