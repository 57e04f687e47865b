#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace image {

// Names that leave an image go through here (oci-client-notes §6.1: `docker cp` and
// extraction CVEs). Paths inside images are raw bytes.

// A tar member name that stays inside whatever folder the tar is extracted into: relative,
// cleaned, no `..` component, no NUL, not empty. nullopt when `path` cannot be made safe
// (it held NUL or climbs out of the root): such an entry is left out, not renamed.
std::optional<QByteArray> safeMemberPath(QByteArrayView path);

// One file name for the disk, made from the last component of a path in an image: no '/',
// no NUL or control characters, never "", "." or "..", at most 255 UTF-8 bytes. Bytes that
// are not UTF-8 become U+FFFD. Always returns a usable name ("unnamed" as the last resort).
QString safeFileName(QByteArrayView name);

// True when `name` is one plain component (what safeFileName returns, or what a person typed
// in a save dialog): no '/', no NUL, not "", "." or "..".
bool isPlainFileName(const QString &name);

} // namespace image
