// A FileDiff as JSON, for `ladingctl diff --json` and exported reports. Paths are text
// (displayPath: invalid UTF-8 as \xNN); a path that needed escaping also carries its raw
// bytes in base64, so nothing is lost.
#include "image/diff/files/filediff.h"

#include "image/layer/pathclean.h"

#include <QJsonArray>
#include <QJsonObject>

namespace image {

namespace {

QString digestText(const QList<oci::Digest> &layers, int layer)
{
    const oci::Digest digest = layers.value(layer);
    return digest.isNull() ? QString() : digest.toString();
}

void putPath(QJsonObject &object, const QString &key, const QByteArray &raw)
{
    const QString text = displayPath(raw);
    object.insert(key, text);
    if (text.toUtf8() != raw)
        object.insert(key + u"Base64", QString::fromLatin1(raw.toBase64()));
}

QJsonObject sideJson(const FileSide &side, const QList<oci::Digest> &layers)
{
    QJsonObject json;
    json.insert(u"type", fileTypeName(side.type));
    if (side.implied)
        json.insert(u"implied", true);
    if (side.type != EntryType::Symlink)
        json.insert(u"mode", QStringLiteral("%1").arg(side.mode & 07777, 4, 8, QLatin1Char('0')));
    json.insert(u"uid", qint64(side.uid));
    json.insert(u"gid", qint64(side.gid));
    json.insert(u"mtime", side.mtime);
    if (side.isFile()) {
        json.insert(u"size", side.size);
        if (side.hashed)
            json.insert(u"sha256", QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(
                                                                      side.hash.data()),
                                                                  qsizetype(side.hash.size()))
                                                           .toHex()));
    }
    if (side.type == EntryType::Symlink || side.type == EntryType::Hardlink)
        putPath(json, QStringLiteral("linkTarget"), side.linkTarget);
    if (side.type == EntryType::CharDevice || side.type == EntryType::BlockDevice) {
        json.insert(u"devMajor", qint64(side.devMajor));
        json.insert(u"devMinor", qint64(side.devMinor));
    }
    if (side.layer >= 0) {
        json.insert(u"layer", side.layer);
        json.insert(u"layerDigest", digestText(layers, side.layer));
    }
    if (side.hasContent()) {
        json.insert(u"contentLayer", side.contentLayer);
        json.insert(u"contentLayerDigest", digestText(layers, side.contentLayer));
        json.insert(u"ordinal", qint64(side.ordinal));
    }
    return json;
}

QJsonArray digestsJson(const QList<oci::Digest> &layers)
{
    QJsonArray array;
    for (const oci::Digest &digest : layers)
        array.append(digest.isNull() ? QString() : digest.toString());
    return array;
}

} // namespace

QJsonObject FileDiff::toJson() const
{
    QJsonObject sums;
    sums.insert(u"added", totals.added);
    sums.insert(u"removed", totals.removed);
    sums.insert(u"changed", totals.changed);
    sums.insert(u"mtimeOnly", totals.mtimeOnly);
    sums.insert(u"addedBytes", totals.addedBytes);
    sums.insert(u"removedBytes", totals.removedBytes);
    sums.insert(u"changedBytes", totals.changedBytes);
    sums.insert(u"netBytes", totals.netBytes());
    sums.insert(u"bytesA", totals.bytesA);
    sums.insert(u"bytesB", totals.bytesB);
    sums.insert(u"pathsA", totals.pathsA);
    sums.insert(u"pathsB", totals.pathsB);

    QJsonArray list;
    for (const FileChange &change : entries) {
        QJsonObject json;
        putPath(json, QStringLiteral("path"), change.path);
        json.insert(u"kind", fileChangeKindName(change.kind));
        if (change.kind == FileChangeKind::Changed)
            json.insert(u"changes", QJsonArray::fromStringList(fileChangeFlagNames(change.flags)));
        json.insert(u"sizeDelta", change.sizeDelta);
        if (change.kind != FileChangeKind::Added)
            json.insert(u"a", sideJson(change.a, layersA));
        if (change.kind != FileChangeKind::Removed)
            json.insert(u"b", sideJson(change.b, layersB));
        if (change.collapsedInto >= 0)
            json.insert(u"collapsedInto", displayPath(entries.at(change.collapsedInto).path));
        if (change.collapsedCount > 0) {
            json.insert(u"collapsedCount", change.collapsedCount);
            json.insert(u"collapsedBytes", change.collapsedBytes);
        }
        list.append(json);
    }

    QJsonObject json;
    json.insert(u"totals", sums);
    json.insert(u"unlistedMtimeOnly", unlistedMtimeOnly);
    json.insert(u"layersA", digestsJson(layersA));
    json.insert(u"layersB", digestsJson(layersB));
    json.insert(u"entries", list);
    return json;
}

} // namespace image
