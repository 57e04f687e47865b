#include "filecells.h"

#include "image/layer/layerindex.h"

#include <QColor>
#include <QLocale>

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
    if (role == Qt::DisplayRole)
        return show ? QLocale().formattedDataSize(bytes, 1) : QString();
    if (role == Qt::ToolTipRole)
        return show ? tr("%1 bytes").arg(QLocale().toString(bytes)) : QString();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}
