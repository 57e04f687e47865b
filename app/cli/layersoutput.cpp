#include "layersoutput.h"

#include "detailsoutput.h"

#include "image/fs/mergedfilesystem.h"
#include "image/fs/wastereport.h"
#include "image/layer/layerindex.h"
#include "image/layer/pathclean.h"
#include "image/reader/imagelayers.h"
#include "oci/manifest/imageconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

namespace cli {

namespace {

QString changeText(image::Change change)
{
    switch (change) {
    case image::Change::None:
        return QStringLiteral("-");
    case image::Change::Added:
        return QStringLiteral("added");
    case image::Change::Modified:
        return QStringLiteral("modified");
    case image::Change::Unchanged:
        return QStringLiteral("unchanged");
    case image::Change::Removed:
        return QStringLiteral("removed");
    case image::Change::Opaque:
        return QStringLiteral("opaque");
    case image::Change::NoEffect:
        return QStringLiteral("no-effect");
    }
    return QStringLiteral("-");
}

QString typeName(char type)
{
    switch (type) {
    case '-':
        return QStringLiteral("file");
    case 'd':
        return QStringLiteral("directory");
    case 'l':
        return QStringLiteral("symlink");
    case 'h':
        return QStringLiteral("hardlink");
    case 'c':
        return QStringLiteral("char-device");
    case 'b':
        return QStringLiteral("block-device");
    case 'p':
        return QStringLiteral("fifo");
    case 'w':
        return QStringLiteral("whiteout");
    case 'o':
        return QStringLiteral("opaque");
    }
    return QStringLiteral("unknown");
}

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', 2) + u" %";
}

QString bytesText(qint64 bytes)
{
    return QStringLiteral("%1 bytes (%2)").arg(bytes).arg(humanSize(bytes));
}

// The history command on one line: Docker's no-op prefix of metadata steps dropped,
// heredoc line breaks made spaces.
QString oneLine(const QString &createdBy)
{
    QString text = createdBy.simplified();
    static const QString nop = QStringLiteral("/bin/sh -c #(nop) ");
    if (text.startsWith(nop))
        text = text.mid(nop.size()).trimmed();
    return text;
}

QString historyCommand(const image::ImageLayers &image, qsizetype layer)
{
    const int entry = image.historyOfLayer.value(layer, -1);
    if (!image.config || entry < 0 || entry >= image.config->history.size())
        return {};
    return oneLine(image.config->history.at(entry).createdBy);
}

FileRow rowOf(const image::LayerIndex &index, int i, int layer, image::Change change)
{
    const image::LayerEntry &entry = index.at(i);
    FileRow row;
    row.type = image::entryTypeLetter(entry.type);
    row.mode = entry.mode;
    row.size = entry.size;
    row.layer = layer;
    row.change = changeText(change);
    row.path = index.path(i).isEmpty() ? QStringLiteral(".") : index.displayPath(i);
    row.link = index.displayLinkTarget(i);
    row.uid = entry.uid;
    row.gid = entry.gid;
    return row;
}

} // namespace

QStringList layerTable(const image::ImageLayers &image, const QList<image::LayerIndex> &indexes)
{
    QList<QStringList> cells;
    cells << QStringList{QStringLiteral("#"), QStringLiteral("DIGEST"),
                         QStringLiteral("COMPRESSED"), QStringLiteral("UNCOMPRESSED"),
                         QStringLiteral("COMPRESSION"), QStringLiteral("FILES"),
                         QStringLiteral("MEDIA TYPE"), QStringLiteral("CREATED BY")};
    for (qsizetype i = 0; i < image.layers.size(); ++i) {
        const oci::Descriptor &layer = image.layers.at(i);
        const image::LayerIndex &index = indexes.at(i);
        cells << QStringList{QString::number(i),
                             layer.digest().toString().left(19),
                             humanSize(layer.size()),
                             humanSize(index.tarBytes()),
                             image::compressionName(index.compression()),
                             QString::number(index.fileCount()),
                             layer.mediaType(),
                             historyCommand(image, i)};
    }
    QList<qsizetype> widths(cells.first().size(), 0);
    for (const QStringList &row : std::as_const(cells)) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    QStringList lines;
    for (const QStringList &row : std::as_const(cells)) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            const bool lastColumn = c + 1 == row.size();
            // Numbers right-aligned, text left-aligned; the last column is not padded.
            const bool number = c == 0 || c == 2 || c == 3 || c == 5;
            line += number ? row.at(c).rightJustified(widths[c])
                           : lastColumn ? row.at(c) : row.at(c).leftJustified(widths[c]);
            if (!lastColumn)
                line += QStringLiteral("  ");
        }
        lines << line;
    }
    return lines;
}

QByteArray layerJson(const image::ImageLayers &image, const QList<image::LayerIndex> &indexes)
{
    QJsonArray array;
    for (qsizetype i = 0; i < image.layers.size(); ++i) {
        const oci::Descriptor &layer = image.layers.at(i);
        const image::LayerIndex &index = indexes.at(i);
        QJsonObject object{
            {QStringLiteral("index"), int(i)},
            {QStringLiteral("digest"), layer.digest().toString()},
            {QStringLiteral("mediaType"), layer.mediaType()},
            {QStringLiteral("compressedSize"), layer.size()},
            {QStringLiteral("uncompressedSize"), index.tarBytes()},
            {QStringLiteral("compression"), image::compressionName(index.compression())},
            {QStringLiteral("files"), index.fileCount()},
            {QStringLiteral("fileBytes"), index.fileBytes()},
            {QStringLiteral("entries"), index.size()},
        };
        const int entry = image.historyOfLayer.value(i, -1);
        if (image.config && entry >= 0 && entry < image.config->history.size()) {
            const oci::HistoryEntry &history = image.config->history.at(entry);
            object.insert(QStringLiteral("createdBy"), history.createdBy);
            if (history.created.isValid())
                object.insert(QStringLiteral("created"),
                              history.created.toString(Qt::ISODateWithMs));
        }
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QList<FileRow> mergedRows(const image::MergedFilesystem &fs, bool changedOnly)
{
    const int top = fs.layerCount() - 1;
    QList<int> nodes;
    if (changedOnly) {
        for (int n : fs.changedBy(top)) {
            const image::Change change = fs.node(n).change;
            if (change == image::Change::Added || change == image::Change::Modified)
                nodes << n;
        }
    } else {
        nodes.reserve(fs.size() - 1);
        for (int n = 1; n < fs.size(); ++n)
            nodes << n;
    }
    std::sort(nodes.begin(), nodes.end(),
              [&fs](int a, int b) { return fs.path(a) < fs.path(b); });

    QList<FileRow> rows;
    rows.reserve(nodes.size());
    for (int n : std::as_const(nodes)) {
        const image::MergedNode &node = fs.node(n);
        const image::LayerEntry *entry = fs.entry(n);
        FileRow row;
        row.type = image::entryTypeLetter(fs.type(n));
        row.layer = node.layer;
        row.change = changeText(node.change);
        row.path = fs.displayPath(n);
        row.size = fs.size(n);
        if (!entry) {
            row.mode = 0755; // a directory no layer declared: what runtimes create
        } else {
            // A hardlink is the same inode as its target: that entry's mode and owner.
            const image::LayerEntry *content =
                node.contentLayer >= 0 ? &fs.layer(node.contentLayer).at(node.contentEntry)
                                       : entry;
            row.mode = content->mode;
            row.uid = content->uid;
            row.gid = content->gid;
            row.link = image::displayPath(fs.layer(node.layer).linkTarget(*entry));
        }
        rows << row;
    }
    if (changedOnly) {
        // What the top layer removed: each path its whiteouts and opaque markers hid.
        QList<FileRow> removed;
        for (const image::Removal &removal : fs.removals()) {
            if (removal.removedBy != top
                || (removal.reason != image::Removal::Reason::Whiteout
                    && removal.reason != image::Removal::Reason::Opaque))
                continue;
            FileRow row;
            row.type = 'w';
            row.layer = top;
            row.change = changeText(image::Change::Removed);
            row.path = image::displayPath(fs.removedPath(removal));
            removed << row;
        }
        std::sort(removed.begin(), removed.end(),
                  [](const FileRow &a, const FileRow &b) { return a.path < b.path; });
        rows += removed;
    }
    return rows;
}

QList<FileRow> layerRows(const image::MergedFilesystem &fs, int layer, bool changedOnly)
{
    const image::LayerIndex &index = fs.layer(layer);
    QList<FileRow> rows;
    rows.reserve(index.size());
    for (int i = 0; i < index.size(); ++i) {
        const image::Change change = fs.entryChange(layer, i);
        if (changedOnly && change != image::Change::Added && change != image::Change::Modified
            && change != image::Change::Removed && change != image::Change::Opaque)
            continue;
        rows << rowOf(index, i, layer, change);
    }
    return rows;
}

QByteArray fileText(const QList<FileRow> &rows)
{
    // Formatted straight into UTF-8: six QString::arg() passes a line and a conversion
    // afterwards took ~100 ms for a 50,000-entry layer.
    QByteArray out;
    out.reserve(rows.size() * 96);
    char head[96];
    for (const FileRow &row : rows) {
        const QByteArray layer =
            row.layer < 0 ? QByteArrayLiteral("-") : QByteArray::number(row.layer);
        const int n = std::snprintf(head, sizeof head, "%c %04o %12lld %3s %-9s ", row.type,
                                    unsigned(row.mode), static_cast<long long>(row.size),
                                    layer.constData(), row.change.toLatin1().constData());
        out.append(head, qMin(n, int(sizeof head) - 1));
        out.append(row.path.toUtf8());
        if (row.type == 'l')
            out.append(" -> ").append(row.link.toUtf8());
        else if (row.type == 'h')
            out.append(" link to ").append(row.link.toUtf8());
        out.append('\n');
    }
    return out;
}

QByteArray fileJson(const QList<FileRow> &rows)
{
    QJsonArray array;
    for (const FileRow &row : rows) {
        QJsonObject object{
            {QStringLiteral("type"), typeName(row.type)},
            {QStringLiteral("mode"), QStringLiteral("%1").arg(row.mode, 4, 8, QLatin1Char('0'))},
            {QStringLiteral("size"), row.size},
            {QStringLiteral("path"), row.path},
            {QStringLiteral("change"), row.change},
            {QStringLiteral("uid"), qint64(row.uid)},
            {QStringLiteral("gid"), qint64(row.gid)},
        };
        object.insert(QStringLiteral("layer"),
                      row.layer < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(row.layer));
        if (row.type == 'l' || row.type == 'h')
            object.insert(QStringLiteral("linkTarget"), row.link);
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

namespace {

QString reasonText(image::Removal::Reason reason)
{
    switch (reason) {
    case image::Removal::Reason::Whiteout:
        return QStringLiteral("deleted");
    case image::Removal::Reason::Opaque:
        return QStringLiteral("hidden by an opaque directory");
    case image::Removal::Reason::Replaced:
        return QStringLiteral("replaced");
    case image::Removal::Reason::Overwritten:
        return QStringLiteral("overwritten");
    case image::Removal::Reason::Duplicate:
        return QStringLiteral("duplicate");
    case image::Removal::Reason::Unapplied:
        return QStringLiteral("unsafe, not applied");
    }
    return {};
}

} // namespace

QStringList wasteText(const image::WasteReport &waste)
{
    QStringList lines;
    lines << u"Efficiency:      " + percent(waste.efficiency)
          << u"Shipped bytes:   " + bytesText(waste.totalBytes)
          << u"Visible bytes:   " + bytesText(waste.visibleBytes)
          << u"Wasted bytes:    " + bytesText(waste.wastedBytes)
          << QStringLiteral("dive figures:    efficiency %1, wasted %2, user wasted %3")
                 .arg(percent(waste.dive.score), bytesText(waste.dive.wastedBytes),
                      percent(waste.dive.wastedUserPercent / 100.0));
    if (waste.paths.isEmpty())
        return lines;
    lines << QString() << QStringLiteral("%1  %2  PATH").arg(QStringLiteral("WASTED"), 12).arg(
                              QStringLiteral("COPIES"));
    for (const image::WastedPath &path : waste.paths) {
        QStringList copies;
        for (const image::WastedCopy &copy : path.copies) {
            copies << QStringLiteral("layer %1 %2 by layer %3")
                          .arg(copy.layer)
                          .arg(reasonText(copy.reason))
                          .arg(copy.removedBy);
        }
        lines << QStringLiteral("%1  %2  %3  (%4)")
                     .arg(path.wastedBytes, 12)
                     .arg(path.copies.size(), 6)
                     .arg(image::displayPath(path.path), copies.join(QStringLiteral("; ")));
    }
    return lines;
}

QByteArray wasteJson(const image::WasteReport &waste)
{
    QJsonArray paths;
    for (const image::WastedPath &path : waste.paths) {
        QJsonArray copies;
        for (const image::WastedCopy &copy : path.copies) {
            copies.append(QJsonObject{{QStringLiteral("layer"), copy.layer},
                                      {QStringLiteral("removedBy"), copy.removedBy},
                                      {QStringLiteral("reason"), reasonText(copy.reason)},
                                      {QStringLiteral("bytes"), copy.bytes}});
        }
        paths.append(QJsonObject{{QStringLiteral("path"), image::displayPath(path.path)},
                                 {QStringLiteral("wastedBytes"), path.wastedBytes},
                                 {QStringLiteral("copies"), copies}});
    }
    const QJsonObject object{
        {QStringLiteral("totalBytes"), waste.totalBytes},
        {QStringLiteral("visibleBytes"), waste.visibleBytes},
        {QStringLiteral("wastedBytes"), waste.wastedBytes},
        {QStringLiteral("efficiency"), waste.efficiency},
        {QStringLiteral("dive"),
         QJsonObject{{QStringLiteral("efficiencyScore"), waste.dive.score},
                     {QStringLiteral("wastedBytes"), waste.dive.wastedBytes},
                     {QStringLiteral("wastedUserPercent"), waste.dive.wastedUserPercent}}},
        {QStringLiteral("paths"), paths},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace cli
