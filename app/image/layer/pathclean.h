#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace image {

// Layer path handling per oci-client-notes §5.1. Paths are raw bytes: tar names need not be
// UTF-8, and nothing in the index converts them to QString except for display.

enum PathFinding : quint8 {
    PathClean = 0,
    PathAbsolute = 0x01, // started with '/'
    PathEscapes = 0x02,  // still starts with `..` after cleaning: leaves the root
    PathHadNul = 0x04,   // held a NUL byte (cut there; the rest is not trusted)
    PathNotUtf8 = 0x08,
};

// Cleans `raw` like Go's path.Clean after stripping leading '/' and './': `a//b/./c/../d/`
// → `a/b/d`; the root (`.`, `/`, `./`) becomes the empty path. `..` that would climb above
// the root is kept at the front (`../x`) and reported as PathEscapes. Appends to `out`
// (no allocation beyond its growth) and returns the findings.
quint8 cleanLayerPath(QByteArrayView raw, QByteArray &out);
QByteArray cleanLayerPath(QByteArrayView raw, quint8 *findings = nullptr);

// For people: the path as text, invalid UTF-8 bytes and control characters as `\xNN`,
// a backslash as `\\`. Never feed the result back as a path.
QString displayPath(QByteArrayView path);

// Parent of a cleaned path (`a/b/c` → `a/b`, `a` → empty) and last component.
QByteArrayView parentPath(QByteArrayView path);
QByteArrayView baseName(QByteArrayView path);

} // namespace image
