#pragma once

#include "oci/core/digest.h"

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <list>
#include <memory>
#include <optional>

class QThreadPool;
class QTimer;

namespace oci {

class ContentStore;

// A small document (manifest, index, config, ...) as the cache holds it: bytes that hash to
// `digest`, and the media type it was served with.
struct CachedContent
{
    Digest digest;
    QString mediaType;
    QByteArray bytes;
};

// The last answer a registry gave for a tag. Never current by itself: whoever shows it
// says that it may be stale.
struct TagRecord
{
    Digest digest;
    QString mediaType;
    qint64 size = -1;
    QDateTime seenAt; // UTC
};

struct ContentCacheOptions
{
    // Folder of the on-disk store; empty: memory only (tests, --no-cache).
    QString directory;
    qint64 maxMemoryBytes = 32 * 1024 * 1024;
    qint64 maxDiskBytes = 256 * 1024 * 1024;
    int maxTagRecords = 20000;

    // QStandardPaths::CacheLocation + "/content".
    static QString defaultDirectory();
};

// Content-addressed cache for documents of at most MaxItemBytes: what is addressed by a
// digest never changes, so a hit needs no network. A memory LRU in front of an on-disk
// store (<dir>/<algorithm>/<encoded>, written atomically, bounded with LRU eviction by
// last use). Only content that hashes to its digest goes in, and disk content is hashed
// again when read: a damaged file is a miss and is deleted.
//
// Lives on one thread (the GUI thread); disk work runs on the QtConcurrent pool and comes
// back through the futures, which finish on this object's thread:
//
//     cache->load(digest).then(this, [this](std::optional<oci::CachedContent> hit) { ... });
//
// Also remembers tag -> digest answers (tags.json beside the store), for showing
// something offline, always marked stale.
class ContentCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContentCache)

public:
    static constexpr qint64 MaxItemBytes = 4 * 1024 * 1024;

    explicit ContentCache(ContentCacheOptions options, QObject *parent = nullptr);
    ~ContentCache() override;

    const ContentCacheOptions &options() const { return m_options; }
    bool hasDiskStore() const { return !m_options.directory.isEmpty(); }

    // Memory only, immediate (a hit counts as a use).
    std::optional<CachedContent> lookup(const Digest &digest);
    // Memory, then disk (off this thread). The future is ready at once on a memory hit.
    QFuture<std::optional<CachedContent>> load(const Digest &digest);

    // Stores verified content: false (and nothing stored) when the bytes do not hash to
    // `digest`, the digest is not verifiable, or the bytes exceed MaxItemBytes. The disk
    // write happens in the background.
    bool insert(const Digest &digest, const QString &mediaType, const QByteArray &bytes);
    void remove(const Digest &digest);
    // Everything, memory and disk (in the background), tag records included.
    void clear();

    // Tag memory, keyed by registry host, repository and tag.
    void rememberTag(const QString &registry, const QString &repository, const QString &tag,
                     const TagRecord &record);
    QFuture<std::optional<TagRecord>> lastKnownTag(const QString &registry,
                                                   const QString &repository, const QString &tag);

    qint64 memoryBytes() const { return m_memoryBytes; }
    int memoryCount() const { return int(m_memory.size()); }
    // Bytes on disk as last counted by the store (0 until it has scanned its folder).
    qint64 diskBytes() const;
    // Finishes when every disk write and eviction started so far is done (tests, exit).
    QFuture<void> flush();

private:
    struct Entry
    {
        CachedContent content;
    };
    using LruList = std::list<Entry>;

    void putInMemory(CachedContent content);
    void trimMemory();
    void onTagsLoaded(QHash<QString, TagRecord> loaded);
    void scheduleTagSave();
    void saveTags();
    void trimTags();
    static QString tagKey(const QString &registry, const QString &repository, const QString &tag);

    ContentCacheOptions m_options;
    std::shared_ptr<ContentStore> m_store; // null without a directory
    LruList m_lru;                         // most recently used first
    QHash<Digest, LruList::iterator> m_memory;
    qint64 m_memoryBytes = 0;
    // Writes, removals and tag saves run here, one at a time and in order.
    std::unique_ptr<QThreadPool> m_writer;

    QHash<QString, TagRecord> m_tags;
    bool m_tagsLoaded = false;
    struct TagWaiter;
    QList<std::shared_ptr<TagWaiter>> m_tagWaiters;
    QTimer *m_tagSaveTimer = nullptr;
};

} // namespace oci
