#include "inspectoroverview.h"

#include "inspectorcells.h"
#include "inspectormediatypes.h"

#include "oci/manifest/imageconfig.h"
#include "oci/manifest/imageindex.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QLocale>
#include <QRegularExpression>

namespace {

QString dateText(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

InspectorOverview::InspectorOverview(const QPalette &palette)
    : m_fixedFamily(QFontDatabase::systemFont(QFontDatabase::FixedFont).family())
    , m_muted(palette.color(QPalette::PlaceholderText).name())
    , m_link(palette.color(QPalette::Link).name())
    , m_rule(palette.color(QPalette::Mid).name())
{
    const QFontMetrics metrics(QGuiApplication::font());
    for (const QString &key :
         {tr("Working directory"), tr("Exposed ports"), tr("Artifact type"), tr("Compression")})
        m_keyWidth = std::max(m_keyWidth, metrics.horizontalAdvance(key));
    m_keyWidth += 24;
}

QString InspectorOverview::shellJoin(const QStringList &arguments)
{
    static const QRegularExpression plain(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_@%+=:,./-]+")));
    QStringList words;
    for (const QString &argument : arguments) {
        if (plain.match(argument).hasMatch())
            words << argument;
        else
            words << u'\'' +
                         QString(argument).replace(QStringLiteral("'"), QStringLiteral("'\\''")) +
                         u'\'';
    }
    return words.join(u' ');
}

QString InspectorOverview::linkFor(const QString &digest)
{
    return LinkScheme + u':' + digest;
}

QString InspectorOverview::page(const QString &body) const
{
    return QStringLiteral("<html><body style=\"margin:0\">") + body +
           QStringLiteral("</body></html>");
}

QString InspectorOverview::section(const QString &title) const
{
    return QStringLiteral("<h4 style=\"margin-top:14px; margin-bottom:4px\">%1</h4>")
        .arg(title.toHtmlEscaped());
}

QString InspectorOverview::table(const QStringList &rows) const
{
    if (rows.isEmpty())
        return {};
    return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">") + rows.join(QString()) +
           QStringLiteral("</table>");
}

QString InspectorOverview::row(const QString &key, const QString &valueHtml) const
{
    return QStringLiteral("<tr><td width=\"%1\" style=\"color:%2; padding-right:18px\" "
                          "valign=\"top\">%3</td><td valign=\"top\">%4</td></tr>")
        .arg(QString::number(m_keyWidth), m_muted, key.toHtmlEscaped(), valueHtml);
}

QString InspectorOverview::code(const QString &text) const
{
    return QStringLiteral("<span style=\"font-family:'%1'; white-space:pre-wrap\">%2</span>")
        .arg(m_fixedFamily, text.toHtmlEscaped());
}

QString InspectorOverview::muted(const QString &text) const
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(m_muted, text.toHtmlEscaped());
}

QString InspectorOverview::digestLink(const oci::Digest &digest) const
{
    if (digest.isNull())
        return muted(tr("none"));
    return QStringLiteral("<a href=\"%1\" style=\"color:%2; font-family:'%3'\">%4</a>")
        .arg(linkFor(digest.toString()).toHtmlEscaped(), m_link, m_fixedFamily,
             digest.toString().toHtmlEscaped());
}

QString InspectorOverview::sizeText(qint64 bytes) const
{
    const QLocale locale;
    if (bytes < 1024)
        return locale.formattedDataSize(bytes);
    return tr("%1 (%2 bytes)").arg(locale.formattedDataSize(bytes, 1), locale.toString(bytes));
}

QString InspectorOverview::mapTable(const QString &title, const QStringList &keys,
                                    const QStringList &values) const
{
    if (keys.isEmpty())
        return {};
    QStringList rows;
    for (qsizetype i = 0; i < keys.size(); ++i)
        rows << QStringLiteral("<tr><td style=\"padding-right:18px\" valign=\"top\">%1</td>"
                               "<td valign=\"top\">%2</td></tr>")
                    .arg(code(keys.at(i)), code(values.value(i)));
    return section(QStringLiteral("%1 (%2)").arg(title).arg(keys.size())) + table(rows);
}

QString InspectorOverview::annotations(const QString &title,
                                       const QMap<QString, QString> &map) const
{
    return mapTable(title, map.keys(), map.values());
}

QString InspectorOverview::runSection(const oci::ImageConfig &config) const
{
    const QString notSet = muted(tr("not set"));
    auto command = [&](const QStringList &arguments) {
        return arguments.isEmpty() ? notSet : code(shellJoin(arguments));
    };
    QStringList rows;
    rows << row(tr("Entrypoint"), command(config.entrypoint));
    rows << row(tr("Command"), command(config.cmd));
    rows << row(tr("Working directory"),
                config.workingDir.isEmpty() ? muted(tr("not set (/)")) : code(config.workingDir));
    rows << row(tr("User"),
                config.user.isEmpty() ? muted(tr("not set (root)")) : code(config.user));
    rows << row(tr("Exposed ports"), config.exposedPorts.isEmpty()
                                         ? muted(tr("none"))
                                         : code(config.exposedPorts.join(QStringLiteral(", "))));
    if (!config.volumes.isEmpty())
        rows << row(tr("Volumes"), code(config.volumes.join(QStringLiteral(", "))));
    if (!config.stopSignal.isEmpty())
        rows << row(tr("Stop signal"), code(config.stopSignal));
    return section(tr("When it runs")) + table(rows);
}

QString InspectorOverview::configFacts(const oci::ImageConfig &config) const
{
    QString html = runSection(config);
    QStringList names;
    QStringList values;
    for (const QString &variable : config.env) {
        const qsizetype equals = variable.indexOf(u'=');
        names << (equals < 0 ? variable : variable.left(equals));
        values << (equals < 0 ? QString() : variable.sliced(equals + 1));
    }
    html += mapTable(tr("Environment"), names, values);
    html += annotations(tr("Labels"), config.labels);
    return html;
}

QString InspectorOverview::image(const oci::ManifestDocument &document,
                                 const oci::ImageConfig *config, const QString &configNote) const
{
    const oci::ImageManifest &manifest = document.manifest();
    QStringList rows;
    if (config) {
        rows << row(tr("Platform"), code(config->platform.toString()));
        if (config->created.isValid())
            rows << row(tr("Created"), dateText(config->created).toHtmlEscaped());
        if (!config->author.isEmpty())
            rows << row(tr("Author"), config->author.toHtmlEscaped());
    }
    const bool plainLayers = InspectorCells::hasUncompressedLayers(manifest);
    const QString stored = QLocale().formattedDataSize(manifest.config.size() + manifest.layersSize(), 1);
    rows << row(
        tr("Size"),
        (plainLayers ? tr("%1 as stored, layers uncompressed").arg(stored)
                     : tr("%1 compressed (config and layers as stored)").arg(stored))
                .toHtmlEscaped() +
            QStringLiteral(" · ") +
            muted(tr("the manifest itself: %1")
                      .arg(QLocale().formattedDataSize(document.bytes().size()))));
    rows << row(tr("Layers"), (plainLayers ? tr("%1 · %2 uncompressed") : tr("%1 · %2 compressed"))
                                  .arg(QLocale().toString(manifest.layers.size()),
                                       QLocale().formattedDataSize(manifest.layersSize(), 1))
                                  .toHtmlEscaped());
    rows << row(tr("Config"), digestLink(manifest.config.digest()) + QStringLiteral(" &nbsp;") +
                                  muted(MediaTypeNames::nameOrType(manifest.config.mediaType())));
    if (manifest.subject)
        rows << row(tr("Subject"), digestLink(manifest.subject->digest()));
    QString html = table(rows);
    if (config)
        html += configFacts(*config);
    else if (!configNote.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(muted(configNote));
    html += annotations(tr("Annotations"), manifest.annotations);
    return page(html);
}

QString InspectorOverview::config(const oci::ImageConfig &config, qint64 bytes) const
{
    QStringList rows;
    rows << row(tr("Platform"), code(config.platform.toString()));
    if (config.created.isValid())
        rows << row(tr("Created"), dateText(config.created).toHtmlEscaped());
    if (!config.author.isEmpty())
        rows << row(tr("Author"), config.author.toHtmlEscaped());
    const qsizetype layerSteps =
        std::count_if(config.history.cbegin(), config.history.cend(),
                      [](const oci::HistoryEntry &e) { return !e.emptyLayer; });
    rows << row(tr("History"),
                tr("%1 steps, %2 of them made layers")
                    .arg(QLocale().toString(config.history.size()), QLocale().toString(layerSteps))
                    .toHtmlEscaped());
    rows << row(tr("Layers"), tr("%1 (uncompressed digests in rootfs.diff_ids)")
                                  .arg(QLocale().toString(config.diffIds.size()))
                                  .toHtmlEscaped());
    rows << row(tr("Size"), sizeText(bytes).toHtmlEscaped());
    return page(table(rows) + configFacts(config));
}

QString InspectorOverview::index(const oci::ImageIndex &index) const
{
    const QList<oci::Descriptor> images = index.platformManifests();
    const QList<oci::Descriptor> attestations = index.attestations();
    QStringList platforms;
    for (const oci::Descriptor &entry : images) {
        if (entry.platform() && !entry.platform()->isNull())
            platforms << entry.platform()->toString();
    }
    QStringList rows;
    rows << row(tr("Platforms"), platforms.isEmpty() ? muted(tr("none given"))
                                                     : code(platforms.join(QStringLiteral(", "))));
    const QString entries = attestations.isEmpty()
                                ? tr("%1 manifests").arg(QLocale().toString(index.manifests.size()))
                                : tr("%1 manifests, %2 of them attestations")
                                      .arg(QLocale().toString(index.manifests.size()),
                                           QLocale().toString(attestations.size()));
    rows << row(tr("Entries"), entries.toHtmlEscaped());
    if (!index.artifactType.isEmpty())
        rows << row(tr("Artifact type"), code(index.artifactType));
    if (index.subject)
        rows << row(tr("Subject"), digestLink(index.subject->digest()));
    return page(table(rows) + annotations(tr("Annotations"), index.annotations));
}

QString InspectorOverview::artifact(const oci::ImageManifest &manifest) const
{
    QStringList rows;
    rows << row(tr("Artifact type"), code(manifest.effectiveArtifactType()));
    if (manifest.subject) {
        rows << row(tr("Subject"),
                    digestLink(manifest.subject->digest()) + QStringLiteral(" &nbsp;") +
                        muted(MediaTypeNames::nameOrType(manifest.subject->mediaType())));
    } else {
        rows << row(tr("Subject"), muted(tr("none")));
    }
    rows << row(tr("Blobs"), tr("%1 · %2")
                                 .arg(QLocale().toString(manifest.layers.size()),
                                      QLocale().formattedDataSize(manifest.layersSize(), 1))
                                 .toHtmlEscaped());
    const bool emptyConfig = manifest.config.mediaType() == oci::MediaType::OciEmpty;
    rows << row(tr("Config"),
                emptyConfig ? muted(tr("empty ({})"))
                            : digestLink(manifest.config.digest()) + QStringLiteral(" &nbsp;") +
                                  muted(MediaTypeNames::nameOrType(manifest.config.mediaType())));
    QString html = table(rows);
    QStringList blobRows;
    for (const oci::Descriptor &blob : manifest.layers) {
        blobRows << row(MediaTypeNames::nameOrType(blob.mediaType()),
                        digestLink(blob.digest()) + QStringLiteral(" &nbsp;") +
                            muted(QLocale().formattedDataSize(blob.size(), 1)));
    }
    if (!blobRows.isEmpty())
        html += section(tr("Blobs")) + table(blobRows);
    html += annotations(tr("Annotations"), manifest.annotations);
    return page(html);
}

QString InspectorOverview::layer(const oci::Descriptor &descriptor, const LayerFacts &facts) const
{
    QStringList rows;
    if (facts.index >= 0)
        rows << row(tr("Layer"),
                    tr("%1 of %2").arg(facts.index + 1).arg(facts.layerCount).toHtmlEscaped());
    rows << row(tr("Digest"), code(descriptor.digest().toString()));
    rows << row(tr("Type"), MediaTypeNames::nameOrType(descriptor.mediaType()).toHtmlEscaped() +
                                QStringLiteral("<br>") + muted(descriptor.mediaType()));
    const QString compression = MediaTypeNames::compression(descriptor.mediaType());
    if (!compression.isEmpty())
        rows << row(tr("Compression"), compression.toHtmlEscaped());
    rows << row(tr("Size"), sizeText(descriptor.size()).toHtmlEscaped());
    if (!facts.diffId.isEmpty())
        rows << row(tr("Diff ID"), code(facts.diffId) + QStringLiteral("<br>") +
                                       muted(tr("the digest of the layer's uncompressed tar")));
    if (facts.step) {
        rows << row(tr("Created by"), code(facts.step->createdBy));
        if (facts.step->created.isValid())
            rows << row(tr("Created"), dateText(facts.step->created).toHtmlEscaped());
        if (!facts.step->comment.isEmpty())
            rows << row(tr("Comment"), facts.step->comment.toHtmlEscaped());
    }
    if (!descriptor.urls().isEmpty())
        rows << row(
            tr("URLs"),
            code(descriptor.urls().join(u'\n')) + QStringLiteral("<br>") +
                muted(tr("A foreign layer: Lading never fetches these addresses on its own.")));
    QString html = table(rows);
    html += annotations(tr("Annotations"), descriptor.annotations());
    html +=
        QStringLiteral("<p>%1</p>")
            .arg(muted(tr("Browsing the files of a layer comes in a later version of Lading.")));
    return page(html);
}

QString InspectorOverview::unsupported(const oci::ManifestDocument &document) const
{
    QString why;
    switch (document.kind()) {
    case oci::ManifestDocument::Kind::Schema1:
        why = tr(
            "This is a Docker schema 1 manifest, a legacy format that Lading shows as JSON only. "
            "Pushing the image again with a current tool converts it.");
        break;
    case oci::ManifestDocument::Kind::ArtifactManifest:
        why = tr("This is an OCI artifact manifest from the image-spec 1.1 release candidates, a "
                 "format dropped before 1.1.0. Lading shows it as JSON only.");
        break;
    default:
        why = tr("Lading does not know this type of document and shows it as JSON only.");
        break;
    }
    QStringList rows;
    rows << row(tr("Media type"),
                code(document.mediaType().isEmpty() ? tr("not given") : document.mediaType()));
    rows << row(tr("Size"), sizeText(document.bytes().size()).toHtmlEscaped());
    return page(table(rows) + QStringLiteral("<p>%1</p>").arg(why.toHtmlEscaped()));
}
