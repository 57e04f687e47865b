// English for a FileDiff: one line per path, as `ladingctl diff` prints it and a report
// carries it. The GUI shows the same fields through its own (translated) texts.
#include "image/diff/files/filediff.h"

#include "image/layer/pathclean.h"

#include <QDateTime>

namespace image {

namespace {

QString modeText(quint32 mode)
{
    return QStringLiteral("%1").arg(mode & 07777, 4, 8, QLatin1Char('0'));
}

QString ownerText(const FileSide &side)
{
    return QStringLiteral("%1:%2").arg(side.uid).arg(side.gid);
}

QString deviceText(const FileSide &side)
{
    return QStringLiteral("%1,%2").arg(side.devMajor).arg(side.devMinor);
}

QString timeText(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString arrow(const QString &from, const QString &to)
{
    return from + u" → " + to;
}

// What an added path is, after its name.
QString addedDetail(const FileSide &side)
{
    switch (side.type) {
    case EntryType::Regular:
        return QStringLiteral(" (%1)").arg(describeFileSize(side.size));
    case EntryType::Hardlink:
        return QStringLiteral(" (%1, hard link to %2)")
            .arg(describeFileSize(side.size), displayPath(side.linkTarget));
    case EntryType::Symlink:
        return u" → " + displayPath(side.linkTarget);
    case EntryType::CharDevice:
    case EntryType::BlockDevice:
        return QStringLiteral(" (%1 %2)").arg(fileTypeName(side.type), deviceText(side));
    case EntryType::Directory:
        return QStringLiteral("/");
    default:
        return QStringLiteral(" (%1)").arg(fileTypeName(side.type));
    }
}

} // namespace

QString describeFileSize(qint64 bytes)
{
    const qint64 magnitude = bytes < 0 ? -bytes : bytes;
    if (magnitude < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    static const char16_t *const units[] = {u"KiB", u"MiB", u"GiB", u"TiB", u"PiB"};
    double value = double(bytes) / 1024.0;
    int unit = 0;
    while ((value >= 1024.0 || value <= -1024.0) && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return QString::number(value, 'f', 1) + u' ' + QStringView(units[unit]);
}

QString fileChangeKindName(FileChangeKind kind)
{
    switch (kind) {
    case FileChangeKind::Added:
        return QStringLiteral("added");
    case FileChangeKind::Removed:
        return QStringLiteral("removed");
    case FileChangeKind::Changed:
        break;
    }
    return QStringLiteral("changed");
}

QStringList fileChangeFlagNames(FileChangeFlags flags)
{
    // In the order describeChange() says them.
    static const std::pair<FileChangeFlag, const char16_t *> names[] = {
        {FileChangeFlag::Type, u"type"},
        {FileChangeFlag::Content, u"content"},
        {FileChangeFlag::ContentUnknown, u"content-unknown"},
        {FileChangeFlag::Size, u"size"},
        {FileChangeFlag::LinkTarget, u"link-target"},
        {FileChangeFlag::Mode, u"mode"},
        {FileChangeFlag::Owner, u"owner"},
        {FileChangeFlag::Device, u"device"},
        {FileChangeFlag::MtimeOnly, u"mtime-only"},
    };
    QStringList out;
    for (const auto &[flag, name] : names) {
        if (flags.testFlag(flag))
            out.append(QString::fromUtf16(name));
    }
    return out;
}

QString fileTypeName(EntryType type)
{
    switch (type) {
    case EntryType::Regular:
        return QStringLiteral("file");
    case EntryType::Directory:
        return QStringLiteral("directory");
    case EntryType::Symlink:
        return QStringLiteral("symlink");
    case EntryType::Hardlink:
        return QStringLiteral("hardlink");
    case EntryType::CharDevice:
        return QStringLiteral("character device");
    case EntryType::BlockDevice:
        return QStringLiteral("block device");
    case EntryType::Fifo:
        return QStringLiteral("fifo");
    case EntryType::Whiteout:
        return QStringLiteral("whiteout");
    case EntryType::Opaque:
        break;
    }
    return QStringLiteral("opaque");
}

QString describeChange(const FileChange &change)
{
    const QString path = displayPath(change.path);
    switch (change.kind) {
    case FileChangeKind::Added:
        return u"+ " + path + addedDetail(change.b);
    case FileChangeKind::Removed:
        return u"- " + path + (change.a.type == EntryType::Directory ? u"/" : u"");
    case FileChangeKind::Changed:
        break;
    }
    const FileSide &a = change.a;
    const FileSide &b = change.b;
    const FileChangeFlags flags = change.flags;
    QStringList parts;
    if (flags.testFlag(FileChangeFlag::Type))
        parts << u"type " + arrow(fileTypeName(a.type), fileTypeName(b.type));
    if (flags.testFlag(FileChangeFlag::Content))
        parts << QStringLiteral("content");
    if (flags.testFlag(FileChangeFlag::ContentUnknown))
        parts << QStringLiteral("content not compared (no hash)");
    if (flags.testFlag(FileChangeFlag::Size))
        parts << u"size " + arrow(describeFileSize(a.size), describeFileSize(b.size));
    if (flags.testFlag(FileChangeFlag::LinkTarget))
        parts << u"link target " + arrow(displayPath(a.linkTarget), displayPath(b.linkTarget));
    if (flags.testFlag(FileChangeFlag::Mode))
        parts << u"mode " + arrow(modeText(a.mode), modeText(b.mode));
    if (flags.testFlag(FileChangeFlag::Owner))
        parts << u"owner " + arrow(ownerText(a), ownerText(b));
    if (flags.testFlag(FileChangeFlag::Device))
        parts << u"device " + arrow(deviceText(a), deviceText(b));
    if (flags.testFlag(FileChangeFlag::MtimeOnly))
        parts << u"mtime only " + arrow(timeText(a.mtime), timeText(b.mtime));
    return u"~ " + path + u": " + parts.join(u", ");
}

QStringList FileDiff::describe(bool collapse) const
{
    QStringList lines;
    lines.reserve(entries.size());
    for (const FileChange &change : entries) {
        if (collapse && change.collapsedInto >= 0)
            continue;
        QString line = describeChange(change);
        if (collapse && change.collapsedCount > 0) {
            line += QStringLiteral(" (%1 %2 inside, %3)")
                        .arg(change.collapsedCount)
                        .arg(change.collapsedCount == 1 ? u"entry" : u"entries")
                        .arg(describeFileSize(change.collapsedBytes));
        }
        lines.append(line);
    }
    return lines;
}

} // namespace image
