#include "inspectorcells.h"

#include "inspectormediatypes.h"
#include "inspectorroles.h"

#include "oci/manifest/descriptor.h"
#include "oci/manifest/imagemanifest.h"
#include "oci/manifest/mediatypes.h"

#include <QFontDatabase>
#include <QLocale>

namespace InspectorCells {

std::optional<QVariant> descriptorRole(const oci::Descriptor &descriptor, int role)
{
    switch (role) {
    case InspectorRoles::DigestRole:
        return descriptor.digest().toString();
    case InspectorRoles::MediaTypeRole:
        return descriptor.mediaType();
    case InspectorRoles::SizeRole:
        return descriptor.size();
    default:
        return std::nullopt;
    }
}

QVariant numberCell(int row, int role)
{
    if (role == Qt::DisplayRole)
        return row + 1;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant sizeCell(qint64 bytes, int role, const QString &toolTip)
{
    if (role == Qt::DisplayRole)
        return QLocale().formattedDataSize(bytes, 1);
    if (role == Qt::ToolTipRole && !toolTip.isEmpty())
        return toolTip;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant mediaTypeCell(const QString &mediaType, int role)
{
    if (role == Qt::DisplayRole)
        return MediaTypeNames::nameOrType(mediaType);
    if (role == Qt::ToolTipRole)
        return mediaType;
    return {};
}

QVariant digestCell(const oci::Digest &digest, int role)
{
    if (role == Qt::DisplayRole)
        return digest.shortString();
    if (role == Qt::ToolTipRole)
        return digest.toString();
    if (role == Qt::FontRole)
        return fixedFont();
    return {};
}

QVariant fixedFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

bool hasUncompressedLayers(const oci::ImageManifest &manifest)
{
    for (const oci::Descriptor &layer : manifest.layers) {
        if (oci::layerCompression(layer.mediaType()) == oci::LayerCompression::None)
            return true;
    }
    return false;
}

} // namespace InspectorCells
