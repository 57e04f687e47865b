#pragma once

#include "oci/cache/contentcache.h"
#include "oci/core/result.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace oci {

// The on-disk half of ContentCache: one file per digest, <dir>/<algorithm>/<encoded>,
// holding a one-line header with the media type, then the bytes. Thread-safe: every
// method may run on a pool thread (and does: none of them belongs on the GUI thread).
// Several processes may share a folder: writes are atomic renames, reads verify the
// digest, and a file deleted by someone else is simply a miss.
class ContentStore final
{
public:
    ContentStore(QString directory, qint64 maxBytes);

    const QString &directory() const { return m_directory; }

    // The content, verified; a file that fails to parse or to hash to `digest` is deleted
    // and reported as a miss. A hit refreshes the file's last-use time.
    std::optional<CachedContent> read(const Digest &digest);
    // Writes atomically (QSaveFile), then evicts least recently used files over maxBytes.
    Result<void> write(const CachedContent &content);
    void remove(const Digest &digest);
    void clear();

    // Bytes of the folder's content files (scans the folder on first use).
    qint64 totalBytes();
    // What is counted so far, without touching the disk.
    qint64 countedBytes();
    QString pathFor(const Digest &digest) const;

    // The file format, public for tests: "lading-content 1 <media type>\n" + bytes.
    static QByteArray encode(const CachedContent &content);
    static std::optional<CachedContent> decode(const Digest &digest, const QByteArray &file);

    // tags.json beside the content folders.
    QHash<QString, TagRecord> readTags();
    Result<void> writeTags(const QHash<QString, TagRecord> &tags);

private:
    struct FileEntry
    {
        qint64 size = 0;
        qint64 lastUse = 0; // ms since epoch
    };

    void scanLocked();
    void evictLocked();

    QString m_directory;
    qint64 m_maxBytes;
    QMutex m_mutex;
    bool m_scanned = false;
    QHash<QString, FileEntry> m_files; // relative path -> entry
    qint64 m_total = 0;
};

} // namespace oci
