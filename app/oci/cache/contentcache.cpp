#include "oci/cache/contentcache.h"

#include "oci/cache/contentstore.h"
#include "oci/core/futurecontinuation.h"

#include <QPromise>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace oci {

namespace {
constexpr int TagSaveDelayMs = 1000;
} // namespace

struct ContentCache::TagWaiter
{
    QString key;
    QPromise<std::optional<TagRecord>> promise;
};

QString ContentCacheOptions::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/content";
}

ContentCache::ContentCache(ContentCacheOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_writer(std::make_unique<QThreadPool>())
{
    m_writer->setMaxThreadCount(1);
    m_tagSaveTimer = new QTimer(this);
    m_tagSaveTimer->setSingleShot(true);
    m_tagSaveTimer->setInterval(TagSaveDelayMs);
    connect(m_tagSaveTimer, &QTimer::timeout, this, &ContentCache::saveTags);

    if (m_options.directory.isEmpty()) {
        m_tagsLoaded = true;
        return;
    }
    m_store = std::make_shared<ContentStore>(m_options.directory, m_options.maxDiskBytes);
    whenFinished(this, QtConcurrent::run(m_writer.get(), [store = m_store] {
        return store->readTags();
    }), [this](QHash<QString, TagRecord> loaded) { onTagsLoaded(std::move(loaded)); });
}

ContentCache::~ContentCache()
{
    if (m_tagSaveTimer->isActive())
        saveTags();
    // The writer's destructor waits for the queued writes: small files, and the last
    // tag answers are worth keeping.
    m_writer.reset();
    for (const auto &waiter : std::as_const(m_tagWaiters)) {
        waiter->promise.addResult(std::optional<TagRecord>());
        waiter->promise.finish();
    }
}

std::optional<CachedContent> ContentCache::lookup(const Digest &digest)
{
    const auto it = m_memory.constFind(digest);
    if (it == m_memory.cend())
        return std::nullopt;
    m_lru.splice(m_lru.begin(), m_lru, it.value());
    return it.value()->content;
}

QFuture<std::optional<CachedContent>> ContentCache::load(const Digest &digest)
{
    if (std::optional<CachedContent> hit = lookup(digest))
        return QtFuture::makeReadyFuture(std::move(hit));
    if (!m_store || !digest.isVerifiable())
        return QtFuture::makeReadyFuture(std::optional<CachedContent>());
    return QtConcurrent::run([store = m_store, digest] { return store->read(digest); })
        .then(this, [this](std::optional<CachedContent> hit) {
            if (hit)
                putInMemory(*hit);
            return hit;
        });
}

bool ContentCache::insert(const Digest &digest, const QString &mediaType, const QByteArray &bytes)
{
    if (!digest.isVerifiable() || bytes.size() > MaxItemBytes || !digest.matches(bytes))
        return false;
    if (m_memory.contains(digest)) {
        lookup(digest); // already known (and on disk): a use
        return true;
    }
    CachedContent content{digest, mediaType, bytes};
    if (m_store) {
        m_writer->start([store = m_store, content] {
            // A failed write only costs a later fetch; nothing to tell anyone.
            (void)store->write(content);
        });
    }
    putInMemory(std::move(content));
    return true;
}

void ContentCache::remove(const Digest &digest)
{
    const auto it = m_memory.constFind(digest);
    if (it != m_memory.cend()) {
        m_memoryBytes -= it.value()->content.bytes.size();
        m_lru.erase(it.value());
        m_memory.erase(it);
    }
    if (m_store)
        m_writer->start([store = m_store, digest] { store->remove(digest); });
}

void ContentCache::clear()
{
    m_lru.clear();
    m_memory.clear();
    m_memoryBytes = 0;
    m_tags.clear();
    m_tagSaveTimer->stop();
    if (m_store)
        m_writer->start([store = m_store] { store->clear(); });
}

void ContentCache::putInMemory(CachedContent content)
{
    const auto existing = m_memory.constFind(content.digest);
    if (existing != m_memory.cend()) {
        m_lru.splice(m_lru.begin(), m_lru, existing.value());
        return;
    }
    const Digest digest = content.digest;
    m_memoryBytes += content.bytes.size();
    m_lru.push_front(Entry{std::move(content)});
    m_memory.insert(digest, m_lru.begin());
    trimMemory();
}

void ContentCache::trimMemory()
{
    // The newest entry always stays, even when it alone is over the limit.
    while (m_memoryBytes > m_options.maxMemoryBytes && m_lru.size() > 1) {
        const Entry &oldest = m_lru.back();
        m_memoryBytes -= oldest.content.bytes.size();
        m_memory.remove(oldest.content.digest);
        m_lru.pop_back();
    }
}

QString ContentCache::tagKey(const QString &registry, const QString &repository, const QString &tag)
{
    return registry + u'/' + repository + u':' + tag;
}

void ContentCache::rememberTag(const QString &registry, const QString &repository,
                               const QString &tag, const TagRecord &record)
{
    if (record.digest.isNull())
        return;
    TagRecord stored = record;
    if (!stored.seenAt.isValid())
        stored.seenAt = QDateTime::currentDateTimeUtc();
    TagRecord &slot = m_tags[tagKey(registry, repository, tag)];
    const bool changed = slot.digest != stored.digest || slot.mediaType != stored.mediaType;
    // Rewriting tags.json for a seen time alone is only worth it now and then.
    const bool refresh = slot.seenAt.secsTo(stored.seenAt) > 3600;
    slot = stored;
    trimTags();
    if (changed || refresh)
        scheduleTagSave();
}

void ContentCache::trimTags()
{
    const int max = std::max(1, m_options.maxTagRecords);
    if (m_tags.size() <= max + max / 10)
        return;
    QList<QPair<QDateTime, QString>> byAge;
    byAge.reserve(m_tags.size());
    for (auto it = m_tags.cbegin(); it != m_tags.cend(); ++it)
        byAge.append({it->seenAt, it.key()});
    std::sort(byAge.begin(), byAge.end());
    for (qsizetype i = 0; i < byAge.size() - max; ++i)
        m_tags.remove(byAge.at(i).second);
}

QFuture<std::optional<TagRecord>>
ContentCache::lastKnownTag(const QString &registry, const QString &repository, const QString &tag)
{
    const QString key = tagKey(registry, repository, tag);
    if (m_tagsLoaded) {
        const auto it = m_tags.constFind(key);
        return QtFuture::makeReadyFuture(it == m_tags.cend() ? std::optional<TagRecord>()
                                                             : std::optional<TagRecord>(*it));
    }
    auto waiter = std::make_shared<TagWaiter>();
    waiter->key = key;
    waiter->promise.start();
    QFuture<std::optional<TagRecord>> future = waiter->promise.future();
    m_tagWaiters.append(std::move(waiter));
    return future;
}

void ContentCache::onTagsLoaded(QHash<QString, TagRecord> loaded)
{
    // Answers seen since start-up are newer than the file's.
    for (auto it = loaded.cbegin(); it != loaded.cend(); ++it) {
        if (!m_tags.contains(it.key()))
            m_tags.insert(it.key(), it.value());
    }
    trimTags();
    m_tagsLoaded = true;
    const QList<std::shared_ptr<TagWaiter>> waiters = std::exchange(m_tagWaiters, {});
    for (const auto &waiter : waiters) {
        const auto it = m_tags.constFind(waiter->key);
        waiter->promise.addResult(it == m_tags.cend() ? std::optional<TagRecord>()
                                                      : std::optional<TagRecord>(*it));
        waiter->promise.finish();
    }
}

void ContentCache::scheduleTagSave()
{
    if (m_store && !m_tagSaveTimer->isActive())
        m_tagSaveTimer->start();
}

void ContentCache::saveTags()
{
    m_tagSaveTimer->stop();
    if (!m_store)
        return;
    m_writer->start([store = m_store, tags = m_tags, merge = !m_tagsLoaded] {
        QHash<QString, TagRecord> all = tags;
        if (merge) { // the file was not read yet: keep what it holds
            const QHash<QString, TagRecord> old = store->readTags();
            for (auto it = old.cbegin(); it != old.cend(); ++it) {
                if (!all.contains(it.key()))
                    all.insert(it.key(), it.value());
            }
        }
        (void)store->writeTags(all);
    });
}

qint64 ContentCache::diskBytes() const
{
    return m_store ? m_store->countedBytes() : 0;
}

QFuture<void> ContentCache::flush()
{
    if (m_tagSaveTimer->isActive())
        saveTags();
    // The writer runs one task at a time, in order: this one ends after all before it.
    return QtConcurrent::run(m_writer.get(), [] {});
}

} // namespace oci
