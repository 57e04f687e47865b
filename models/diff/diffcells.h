#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariant>

class QColor;

namespace image {
enum class ConfigChangeKind;
enum class FileChangeKind : quint8;
} // namespace image

// How the compare window's models write a change and a size: the same words, colours and
// units in every table (sizes as the tag table writes them: binary units, one decimal).
// The *Cell() functions answer every role of a column (display, DiffRoles::SortRole,
// tooltip, colour, alignment) and an invalid QVariant for the rest.
class DiffCells
{
    Q_DECLARE_TR_FUNCTIONS(DiffCells)

public:
    enum class Kind { Same, Added, Removed, Changed };

    static Kind kindOf(image::ConfigChangeKind kind);
    static Kind kindOf(image::FileChangeKind kind);

    // "Added", "Removed", "Changed"; empty for Same.
    static QString kindName(Kind kind);
    // Added green, Removed and Changed in the delete window's red and amber; readable on
    // light and dark palettes. Invalid for Same (the view's own).
    static QColor kindColour(Kind kind);
    // `text` (kindName when empty) in the kind's colour, bold unless Same; SortRole: the kind.
    static QVariant kindCell(Kind kind, int role, const QString &text = {});

    // "12.3 MiB"; empty for a negative (unknown) size.
    static QString size(qint64 bytes);
    // "+4.2 MiB", "−1.0 KiB" (a minus sign), "0 bytes".
    static QString delta(qint64 bytes);
    // Right-aligned size; empty when negative (unknown); tooltip the exact bytes.
    static QVariant sizeCell(qint64 bytes, int role);
    // Right-aligned signed delta; empty when zero or `known` is false.
    static QVariant deltaCell(qint64 bytes, int role, bool known = true);
};
