#pragma once

#include "oci/core/digest.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <list>
#include <memory>
#include <optional>

namespace image {

struct PlatformDiff;

// Finished platform diffs by the pair of platform-manifest digests (anything addressed by
// digest never changes, so neither does their diff): in memory (the last `maxMemory`
// used), and on disk when a folder is given, one file per pair, a versioned binary form of
// the whole PlatformDiff (exact round trip; the JSON report drops the indexes a GUI needs
// to read a file back). A damaged or older-format file is a miss. The folder keeps the
// `maxFiles` most recently used. Thread-safe.
class ImageDiffCache final
{
public:
    explicit ImageDiffCache(QString directory = {}, int maxMemory = 16, int maxFiles = 256);
    ~ImageDiffCache();
    ImageDiffCache(const ImageDiffCache &) = delete;
    ImageDiffCache &operator=(const ImageDiffCache &) = delete;

    // QStandardPaths::CacheLocation + "/diffs" (beside LayerCacheOptions::defaultDirectory()).
    static QString defaultDirectory();

    const QString &directory() const { return m_directory; }

    // A → B and B → A are different diffs: the key is ordered.
    std::shared_ptr<const PlatformDiff> find(const oci::Digest &a, const oci::Digest &b);
    void insert(const oci::Digest &a, const oci::Digest &b,
                std::shared_ptr<const PlatformDiff> diff);
    int memoryCount() const;

private:
    static QString keyOf(const oci::Digest &a, const oci::Digest &b);
    QString fileOf(const QString &key) const;
    void remember(const QString &key, std::shared_ptr<const PlatformDiff> diff);
    void trimFiles();

    QString m_directory;
    int m_maxMemory;
    int m_maxFiles;
    mutable QMutex m_mutex;
    using Item = std::pair<QString, std::shared_ptr<const PlatformDiff>>;
    std::list<Item> m_lru; // most recent first
    QHash<QString, std::list<Item>::iterator> m_byKey;
};

// The binary form the disk cache writes (exposed for its test): a magic, a format
// version, then every field of the diff. Empty bytes / nullopt for an unreadable form.
QByteArray serializePlatformDiff(const PlatformDiff &diff);
std::optional<PlatformDiff> deserializePlatformDiff(const QByteArray &bytes);

} // namespace image
