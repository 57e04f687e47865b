#include "tagtabletext.h"

#include "oci/inspect/imagedetails.h"

#include <QLocale>

using Kind = oci::ImageDetails::Kind;
using Format = oci::ImageDetails::Format;

QString TagTableText::kind(const oci::ImageDetails &details)
{
    const bool docker = details.format == Format::Docker;
    switch (details.kind) {
    case Kind::Image:
        return docker ? tr("Docker image") : tr("OCI image");
    case Kind::Index:
        return docker ? tr("Docker index") : tr("OCI index");
    case Kind::Artifact:
        return tr("OCI artifact");
    case Kind::Other:
    case Kind::Unknown:
        break;
    }
    return tr("Other");
}

QString TagTableText::kindToolTip(const oci::ImageDetails &details)
{
    if (details.kind == Kind::Artifact && !details.artifactType.isEmpty())
        return QString(details.mediaType + u'\n' +
                       tr("Artifact type: %1").arg(details.artifactType));
    return details.mediaType;
}

QString TagTableText::size(qint64 bytes)
{
    if (bytes < 0)
        return {};
    // QLocale says "1 bytes".
    if (bytes < 1024)
        return tr("%n byte(s)", nullptr, int(bytes));
    return QLocale().formattedDataSize(bytes, 1);
}

QString TagTableText::exactSize(qint64 bytes)
{
    if (bytes < 0)
        return {};
    const QLocale locale;
    if (bytes < 1024)
        return locale.formattedDataSize(bytes);
    return tr("%1 (%2 bytes)").arg(locale.formattedDataSize(bytes, 1), locale.toString(bytes));
}

QString TagTableText::created(const QDateTime &created)
{
    if (!created.isValid())
        return {};
    return created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString TagTableText::platforms(const QStringList &platforms)
{
    return platforms.join(QStringLiteral(", "));
}

QString TagTableText::platformsToolTip(const oci::ImageDetails &details)
{
    QStringList lines = details.platforms;
    if (details.attestationCount > 0) {
        lines << tr("Attestation entries (not platforms): %1")
                     .arg(QLocale().toString(details.attestationCount));
    }
    return lines.join(QLatin1Char('\n'));
}
