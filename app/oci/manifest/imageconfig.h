#pragma once

#include "oci/core/digest.h"
#include "oci/core/result.h"
#include "oci/manifest/platform.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace oci {

// One entry of a config's "history": how a layer (or an empty step) was made.
struct HistoryEntry
{
    QDateTime created; // invalid when absent or not RFC 3339
    QString createdBy; // "created_by"
    QString author;
    QString comment;
    bool emptyLayer = false; // "empty_layer": the step made no layer
};

// A summary of an image config blob (OCI config.md, Docker image JSON): what the inspector
// shows. Unknown members are ignored; members of the wrong type are refused.
struct ImageConfig
{
    static constexpr qsizetype MaxSize = 4 * 1024 * 1024;

    Platform platform; // os, architecture, variant, os.version, os.features
    QDateTime created;
    QString author;

    // "config": the defaults a container starts with
    QStringList entrypoint;
    QStringList cmd;
    QStringList env; // "NAME=value" as stored
    QString workingDir;
    QString user;
    QStringList exposedPorts; // "80/tcp", sorted
    QStringList volumes;      // sorted
    QMap<QString, QString> labels;
    QString stopSignal;

    QList<HistoryEntry> history;
    QString rootfsType;   // "layers"
    QList<Digest> diffIds; // digests of the uncompressed layers, base layer first

    // Cap 4 MiB (SizeLimitExceeded), the strict JSON gate (duplicate keys, UTF-8, ...),
    // then the fields above. Valid diff_ids are required: layers are checked against them.
    static Result<ImageConfig> parse(const QByteArray &bytes);
};

} // namespace oci
