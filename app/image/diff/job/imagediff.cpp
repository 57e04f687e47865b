#include "image/diff/job/imagediff.h"

#include "image/diff/files/filedifffilter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace image {

namespace {

// A document as JSON when it is JSON (manifests and configs are), else its text.
QJsonValue documentJson(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return QJsonValue();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error == QJsonParseError::NoError && document.isObject())
        return document.object();
    return QString::fromUtf8(bytes);
}

QJsonObject sideJson(const QString &label, const oci::Digest &digest, bool index)
{
    return QJsonObject{{QStringLiteral("label"), label},
                       {QStringLiteral("digest"), digest.toString()},
                       {QStringLiteral("index"), index}};
}

void appendIndented(QStringList &lines, const QStringList &more)
{
    for (const QString &line : more)
        lines.append(u"  " + line);
}

} // namespace

QString PlatformDiff::platformText() const
{
    if (platformA == platformB)
        return platformA;
    const QString none = QStringLiteral("(none)");
    return (platformA.isEmpty() ? none : platformA) + u" ↔ "
           + (platformB.isEmpty() ? none : platformB);
}

bool PlatformDiff::noDifferences() const
{
    if (summary.sameDigest)
        return true;
    return config.isEmpty() && layers.onlyA().isEmpty() && layers.onlyB().isEmpty()
           && files.isEmpty();
}

bool ImageDiff::noDifferences() const
{
    if (!digestA.isNull() && digestA == digestB)
        return true;
    if (!platformsOnlyInA.isEmpty() || !platformsOnlyInB.isEmpty())
        return false;
    for (const PlatformDiff &pair : platforms) {
        if (!pair.noDifferences())
            return false;
    }
    return true;
}

QJsonObject ImageDiff::toJson(bool filesOnly) const
{
    QJsonArray pairs;
    for (const PlatformDiff &pair : platforms) {
        QJsonObject json;
        if (!pair.platformA.isEmpty())
            json.insert(u"platformA", pair.platformA);
        if (!pair.platformB.isEmpty())
            json.insert(u"platformB", pair.platformB);
        json.insert(u"noDifferences", pair.noDifferences());
        json.insert(u"fromCache", pair.fromCache);
        json.insert(u"summary", pair.summary.toJson());
        if (!filesOnly) {
            json.insert(u"config", pair.config.toJson());
            json.insert(u"layers", pair.layers.toJson());
        }
        json.insert(u"files", pair.files.toJson());
        if (!filesOnly) {
            json.insert(u"manifestA", documentJson(pair.manifestA));
            json.insert(u"manifestB", documentJson(pair.manifestB));
            json.insert(u"configA", documentJson(pair.configA));
            json.insert(u"configB", documentJson(pair.configB));
        }
        pairs.append(json);
    }
    return QJsonObject{{QStringLiteral("a"), sideJson(labelA, digestA, indexA)},
                       {QStringLiteral("b"), sideJson(labelB, digestB, indexB)},
                       {QStringLiteral("noDifferences"), noDifferences()},
                       {QStringLiteral("platformsOnlyInA"), QJsonArray::fromStringList(platformsOnlyInA)},
                       {QStringLiteral("platformsOnlyInB"), QJsonArray::fromStringList(platformsOnlyInB)},
                       {QStringLiteral("platforms"), pairs}};
}

QStringList describeImageDiff(const ImageDiff &diff, const DiffReportOptions &options)
{
    QStringList lines;
    lines.append(u"A: " + diff.labelA + u' ' + diff.digestA.shortString());
    lines.append(u"B: " + diff.labelB + u' ' + diff.digestB.shortString());
    for (const QString &platform : diff.platformsOnlyInA)
        lines.append(u"only in A: " + platform);
    for (const QString &platform : diff.platformsOnlyInB)
        lines.append(u"only in B: " + platform);
    for (const PlatformDiff &pair : diff.platforms) {
        const QString platform = pair.platformText();
        if (!platform.isEmpty() || diff.platforms.size() > 1)
            lines.append(u"== " + (platform.isEmpty() ? QStringLiteral("(no platform)") : platform)
                         + u" ==");
        if (!options.filesOnly) {
            lines.append(pair.summary.describe());
            if (!pair.config.isEmpty()) {
                lines.append(QStringLiteral("Config:"));
                appendIndented(lines, pair.config.describe());
            }
            if (!pair.layers.identical()) {
                lines.append(QStringLiteral("Layers:"));
                appendIndented(lines, pair.layers.describe());
            }
        }
        FileDiffFilter filter;
        filter.hideMtimeOnly = !options.showMtimeOnly;
        const FileDiff shown = filtered(pair.files, filter);
        const QStringList files = shown.describe(options.collapse);
        const int hidden = options.showMtimeOnly ? 0 : pair.files.totals.mtimeOnly;
        if (!files.isEmpty() || hidden > 0) {
            lines.append(QStringLiteral("Files:"));
            appendIndented(lines, files);
            if (hidden > 0)
                lines.append(QStringLiteral("  (%1 %2 only by mtime, not shown)")
                                 .arg(hidden)
                                 .arg(hidden == 1 ? QStringLiteral("path differs")
                                                  : QStringLiteral("paths differ")));
        }
    }
    if (diff.noDifferences())
        lines.append(QStringLiteral("no differences"));
    return lines;
}

} // namespace image
