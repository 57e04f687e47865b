#pragma once

#include <QCoreApplication>
#include <QString>

// Names people know for the media types registries serve ("OCI image manifest",
// "Docker layer, gzip"), for tables and headers. The raw type stays in tooltips.
class MediaTypeNames
{
    Q_DECLARE_TR_FUNCTIONS(MediaTypeNames)

public:
    // The name of a manifest, index, config or layer type; empty for types Lading does
    // not know.
    static QString name(const QString &mediaType);
    // name(), or the media type itself when it has none.
    static QString nameOrType(const QString &mediaType);
    // For layer types: "gzip", "zstd" or "uncompressed"; empty for anything else.
    static QString compression(const QString &mediaType);
};
