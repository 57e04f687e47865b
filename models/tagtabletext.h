#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace oci {
struct ImageDetails;
}

// How the tag table writes its values: short, translated, the same in every view.
class TagTableText
{
    Q_DECLARE_TR_FUNCTIONS(TagTableText)

public:
    // "OCI image", "Docker index", "OCI artifact", ...
    static QString kind(const oci::ImageDetails &details);
    // The media type and, for artifacts, what kind of artifact, for a tool tip.
    static QString kindToolTip(const oci::ImageDetails &details);
    // "12.3 MiB"; empty for a negative (unknown) size.
    static QString size(qint64 bytes);
    // "12.3 MiB (12,901,234 bytes)" for a tool tip.
    static QString exactSize(qint64 bytes);
    // Local time, "2024-03-01 14:05": sortable by eye in every language.
    static QString created(const QDateTime &created);
    // "linux/amd64, linux/arm64/v8"
    static QString platforms(const QStringList &platforms);
    static QString platformsToolTip(const oci::ImageDetails &details);
};
