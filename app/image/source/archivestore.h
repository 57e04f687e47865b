#pragma once

// Internal to app/image/source: where the members of a local image live — files in an OCI
// layout folder, or members of a tar (plain, or gzip'ed as a whole) — and how to read them
// in place. Immutable after open(); every read opens its own file handle, so reads may run
// on several threads at once.

#include "image/source/tarscan.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace image::source {

class SequentialInput;

struct MemberRange
{
    QString path;      // the file holding the bytes
    qint64 offset = 0; // where they start in it
    qint64 size = 0;
};

class ArchiveStore
{
public:
    enum class Kind { Folder, Tar, GzipTar };

    // Blocks: a tar is indexed in one pass (a gzip'ed one decompressed once, start to end).
    static oci::Result<std::unique_ptr<ArchiveStore>> open(const QString &path, qint64 maxTarBytes);

    Kind kind() const { return m_kind; }
    const QString &path() const { return m_path; }
    const TarIndex &tarIndex() const { return m_index; }

    bool contains(const QByteArray &name) const;
    // The regular member `name` after following links inside the archive (Docker's legacy
    // format writes repeated layers as symlinks): its final name and size. Errors: missing,
    // not a regular file, a link that leaves the archive or loops.
    oci::Result<TarMember> resolve(const QByteArray &name) const;
    // The whole member, refused when larger than `cap`.
    oci::Result<QByteArray> readAll(const QByteArray &name, qint64 cap) const;
    // The member's bytes as a stream (exactly its size).
    oci::Result<std::unique_ptr<SequentialInput>> openMember(const QByteArray &name) const;
    // For folders and plain tars: the byte range in a file; nullopt for gzip'ed tars.
    std::optional<MemberRange> range(const QByteArray &name) const;

    // "<archive>: <member>" for error messages.
    QString describe(const QByteArray &name) const;

private:
    ArchiveStore() = default;

    Kind m_kind = Kind::Folder;
    QString m_path;
    qint64 m_maxTarBytes = 0;
    TarIndex m_index;
};

} // namespace image::source
