#pragma once

#include <QVariant>

#include <optional>

class QString;

namespace oci {
class Descriptor;
class Digest;
struct ImageManifest;
} // namespace oci

// The cells the inspector's tables (layers, history, platforms) have in common, written the
// same way in each: a row number, a size, a media type in words, a short digest.
namespace InspectorCells {

// InspectorRoles::DigestRole, MediaTypeRole and SizeRole of a row's descriptor; nullopt
// for any other role.
std::optional<QVariant> descriptorRole(const oci::Descriptor &descriptor, int role);

QVariant numberCell(int row, int role); // "1", "2", … right-aligned
QVariant sizeCell(qint64 bytes, int role, const QString &toolTip = {});
QVariant mediaTypeCell(const QString &mediaType, int role); // a name; the type as tooltip
QVariant digestCell(const oci::Digest &digest, int role);   // short, fixed-width; full as tooltip
QVariant fixedFont(); // for command lines and digests
// Some layer is a plain tar (a `docker save` archive): sizes are not "compressed" then.
bool hasUncompressedLayers(const oci::ImageManifest &manifest);

} // namespace InspectorCells
