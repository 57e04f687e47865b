// LayerAlignment as JSON (ladingctl diff --json, the report export) and as English lines.
#include "image/diff/config/layeralignment.h"

#include "oci/manifest/layerhistory.h"

#include <QJsonArray>
#include <QJsonObject>

namespace image {

namespace {

QJsonArray layersJson(const QList<AlignedLayer> &layers)
{
    QJsonArray array;
    for (int i = 0; i < layers.size(); ++i) {
        const AlignedLayer &aligned = layers.at(i);
        const LayerFacts &layer = aligned.layer;
        QJsonObject object{{QStringLiteral("index"), i},
                           {QStringLiteral("digest"), layer.digest.toString()},
                           {QStringLiteral("mediaType"), layer.mediaType},
                           {QStringLiteral("size"), layer.size},
                           {QStringLiteral("match"), layerMatchName(aligned.match)}};
        if (!layer.diffId.isNull())
            object.insert(QStringLiteral("diffId"), layer.diffId.toString());
        if (layer.uncompressedSize >= 0)
            object.insert(QStringLiteral("uncompressedSize"), layer.uncompressedSize);
        if (!layer.createdBy.isEmpty())
            object.insert(QStringLiteral("createdBy"), layer.createdBy);
        if (aligned.counterpart >= 0)
            object.insert(QStringLiteral("counterpart"), aligned.counterpart);
        array.append(object);
    }
    return array;
}

QString sizesLine(const QString &what, qint64 a, qint64 b)
{
    return what + u": " + diffSizeChange(a, b);
}

// "sha256:0123456789ab 1.23 MB RUN …" (the command left out when unknown).
QString layerText(const LayerFacts &layer)
{
    QString text = layer.digest.shortString() + u' ' + diffSizeText(layer.size);
    const QString command = oci::LayerHistory::oneLineCommand(layer.createdBy);
    if (!command.isEmpty())
        text += u' ' + command;
    return text;
}

QString number(int index)
{
    return u'#' + QString::number(index);
}

} // namespace

QString diffSizeChange(qint64 a, qint64 b)
{
    return diffSizeText(a) + u" → " + diffSizeText(b) + u" (" + diffSizeText(b - a, true) + u')';
}

QJsonObject LayerAlignment::toJson() const
{
    QJsonObject object{{QStringLiteral("layerCountA"), int(a.size())},
                       {QStringLiteral("layerCountB"), int(b.size())},
                       {QStringLiteral("sharedCount"), sharedCount()},
                       {QStringLiteral("sharedLeading"), sharedLeading},
                       {QStringLiteral("compressedSizeA"), compressedSizeA()},
                       {QStringLiteral("compressedSizeB"), compressedSizeB()},
                       {QStringLiteral("compressedDelta"), compressedDelta()},
                       {QStringLiteral("a"), layersJson(a)},
                       {QStringLiteral("b"), layersJson(b)}};
    const std::optional<qint64> sizeA = uncompressedSizeA();
    const std::optional<qint64> sizeB = uncompressedSizeB();
    if (sizeA)
        object.insert(QStringLiteral("uncompressedSizeA"), *sizeA);
    if (sizeB)
        object.insert(QStringLiteral("uncompressedSizeB"), *sizeB);
    if (sizeA && sizeB)
        object.insert(QStringLiteral("uncompressedDelta"), *sizeB - *sizeA);
    return object;
}

QStringList LayerAlignment::describe() const
{
    QStringList lines;
    lines.append(u"layers: " + QString::number(a.size()) + u" → " + QString::number(b.size())
                 + u", " + QString::number(sharedCount()) + u" shared ("
                 + QString::number(sharedLeading) + u" leading)");
    lines.append(sizesLine(QStringLiteral("compressed"), compressedSizeA(), compressedSizeB()));
    const std::optional<qint64> sizeA = uncompressedSizeA();
    const std::optional<qint64> sizeB = uncompressedSizeB();
    if (sizeA && sizeB)
        lines.append(sizesLine(QStringLiteral("uncompressed"), *sizeA, *sizeB));
    for (const auto &[i, j] : recompressed()) {
        lines.append(u"recompressed " + number(i) + u": " + a.at(i).layer.digest.shortString()
                     + u" → " + b.at(j).layer.digest.shortString());
    }
    for (const auto &[i, j] : moved())
        lines.append(u"moved " + number(i) + u" → " + number(j) + u": " + layerText(a.at(i).layer));
    for (const int i : onlyA())
        lines.append(u"- " + number(i) + u": " + layerText(a.at(i).layer));
    for (const int j : onlyB())
        lines.append(u"+ " + number(j) + u": " + layerText(b.at(j).layer));
    return lines;
}

} // namespace image
