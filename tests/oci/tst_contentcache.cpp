#include "oci/cache/contentcache.h"
#include "oci/cache/contentstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using oci::CachedContent;
using oci::ContentCache;
using oci::ContentCacheOptions;
using oci::Digest;

namespace {

const QString ManifestType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");

QByteArray document(int n, int size = 100)
{
    QByteArray bytes = QByteArray::number(n) + ':';
    bytes.append(QByteArray(size - bytes.size(), 'x'));
    return bytes;
}

// Waits for a future on a live event loop (its continuation runs on this thread).
template<typename T>
T await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QSignalSpy spy(&watcher, &QFutureWatcher<T>::finished);
    watcher.setFuture(future);
    if (!watcher.isFinished())
        spy.wait(10000);
    if constexpr (!std::is_void_v<T>)
        return future.result();
}

ContentCacheOptions diskOptions(const QString &dir, qint64 maxDisk = 1024 * 1024)
{
    ContentCacheOptions options;
    options.directory = dir;
    options.maxDiskBytes = maxDisk;
    return options;
}

} // namespace

class TestContentCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyVerifiedContentGoesIn();
    void memoryLruEvictsLeastRecentlyUsed();
    void persistsAcrossInstances();
    void corruptedFileIsDetectedAndDropped();
    void foreignFileFormatIsAMiss();
    void diskIsBoundedWithLruEviction();
    void tagRecordsPersistAndWaitForLoading();
    void clearEmptiesMemoryAndDisk();
    void fileFormatRoundTrip();
};

void TestContentCache::onlyVerifiedContentGoesIn()
{
    ContentCache cache(ContentCacheOptions{});
    const QByteArray bytes = document(1);
    const Digest digest = Digest::sha256Of(bytes);
    QVERIFY(!cache.insert(digest, ManifestType, bytes + 'y')); // does not hash to it
    QVERIFY(!cache.lookup(digest));
    const QByteArray big(ContentCache::MaxItemBytes + 1, 'a');
    QVERIFY(!cache.insert(Digest::sha256Of(big), ManifestType, big));
    const Digest unverifiable =
        Digest::parse(QStringLiteral("md5:0123456789abcdef0123456789abcdef")).valueOr(Digest());
    if (!unverifiable.isNull())
        QVERIFY(!cache.insert(unverifiable, ManifestType, bytes));
    QVERIFY(cache.insert(digest, ManifestType, bytes));
    const std::optional<CachedContent> hit = cache.lookup(digest);
    QVERIFY(hit);
    QCOMPARE(hit->bytes, bytes);
    QCOMPARE(hit->mediaType, ManifestType);
    QCOMPARE(cache.memoryBytes(), qint64(bytes.size()));
}

void TestContentCache::memoryLruEvictsLeastRecentlyUsed()
{
    ContentCacheOptions options;
    options.maxMemoryBytes = 300; // three documents of 100 bytes
    ContentCache cache(options);
    QList<Digest> digests;
    for (int i = 0; i < 3; ++i) {
        digests << Digest::sha256Of(document(i));
        QVERIFY(cache.insert(digests.last(), ManifestType, document(i)));
    }
    QVERIFY(cache.lookup(digests[0])); // 0 is now the most recent; 1 the oldest
    digests << Digest::sha256Of(document(3));
    QVERIFY(cache.insert(digests[3], ManifestType, document(3)));
    QCOMPARE(cache.memoryCount(), 3);
    QVERIFY(cache.memoryBytes() <= 300);
    QVERIFY(cache.lookup(digests[0]));
    QVERIFY(!cache.lookup(digests[1]));
    QVERIFY(cache.lookup(digests[2]));
    QVERIFY(cache.lookup(digests[3]));
}

void TestContentCache::persistsAcrossInstances()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray bytes = document(7, 2000);
    const Digest digest = Digest::sha256Of(bytes);
    {
        ContentCache cache(diskOptions(dir.path()));
        QVERIFY(cache.insert(digest, ManifestType, bytes));
        await(cache.flush());
        QVERIFY(QFile::exists(dir.path() + u"/sha256/" + digest.encoded()));
    }
    ContentCache again(diskOptions(dir.path()));
    QVERIFY(!again.lookup(digest)); // not in this instance's memory yet
    const std::optional<CachedContent> hit = await(again.load(digest));
    QVERIFY(hit);
    QCOMPARE(hit->bytes, bytes);
    QCOMPARE(hit->mediaType, ManifestType);
    QVERIFY(again.lookup(digest)); // loaded into memory
    const Digest absent = Digest::sha256Of("nothing");
    QVERIFY(!await(again.load(absent)));
}

void TestContentCache::corruptedFileIsDetectedAndDropped()
{
    QTemporaryDir dir;
    const QByteArray bytes = document(8, 500);
    const Digest digest = Digest::sha256Of(bytes);
    const QString path = dir.path() + u"/sha256/" + digest.encoded();
    {
        ContentCache cache(diskOptions(dir.path()));
        QVERIFY(cache.insert(digest, ManifestType, bytes));
        await(cache.flush());
    }
    // One flipped byte in the content.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray stored = file.readAll();
    stored[stored.size() - 3] = stored[stored.size() - 3] == 'x' ? 'y' : 'x';
    QVERIFY(file.seek(0));
    QCOMPARE(file.write(stored), stored.size());
    file.close();

    ContentCache cache(diskOptions(dir.path()));
    QVERIFY(!await(cache.load(digest)));
    QVERIFY(!QFile::exists(path)); // dropped, so the next fetch can store it again
    QVERIFY(!cache.lookup(digest));
    // A file truncated to nothing is a miss as well.
    QVERIFY(cache.insert(digest, ManifestType, bytes));
    await(cache.flush());
    QVERIFY(QFile::exists(path));
    QVERIFY(QFile::resize(path, 0));
    ContentCache third(diskOptions(dir.path()));
    QVERIFY(!await(third.load(digest)));
    QVERIFY(!QFile::exists(path));
}

void TestContentCache::foreignFileFormatIsAMiss()
{
    QTemporaryDir dir;
    const QByteArray bytes = document(9);
    const Digest digest = Digest::sha256Of(bytes);
    QVERIFY(QDir().mkpath(dir.path() + u"/sha256"));
    QFile raw(dir.path() + u"/sha256/" + digest.encoded());
    QVERIFY(raw.open(QIODevice::WriteOnly));
    raw.write(bytes); // right bytes, no header: not ours
    raw.close();
    ContentCache cache(diskOptions(dir.path()));
    QVERIFY(!await(cache.load(digest)));
}

void TestContentCache::diskIsBoundedWithLruEviction()
{
    QTemporaryDir dir;
    // ~1060-byte files (1000 + the header line); room for seven, evicted down to 90 %.
    const qint64 limit = 7 * 1100;
    QList<Digest> digests;
    {
        ContentCache cache(diskOptions(dir.path(), limit));
        for (int i = 0; i < 4; ++i) {
            digests << Digest::sha256Of(document(i, 1000));
            QVERIFY(cache.insert(digests.last(), ManifestType, document(i, 1000)));
        }
        await(cache.flush());
    }
    // Make file 0 the oldest use and file 1 a recent one, as a read would.
    const auto setUse = [&](int i, const QDateTime &when) {
        QFile file(dir.path() + u"/sha256/" + digests[i].encoded());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(when, QFileDevice::FileModificationTime));
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    setUse(0, now.addSecs(-3600));
    setUse(2, now.addSecs(-1800));
    setUse(3, now.addSecs(-1700));
    setUse(1, now.addSecs(-10));
    {
        ContentCache cache(diskOptions(dir.path(), limit));
        for (int i = 4; i < 8; ++i) {
            digests << Digest::sha256Of(document(i, 1000));
            QVERIFY(cache.insert(digests.last(), ManifestType, document(i, 1000)));
        }
        await(cache.flush());
        QVERIFY2(cache.diskBytes() <= limit, qPrintable(QString::number(cache.diskBytes())));
    }
    const auto onDisk = [&](int i) {
        return QFile::exists(dir.path() + u"/sha256/" + digests[i].encoded());
    };
    QVERIFY(!onDisk(0)); // least recently used went first
    QVERIFY(onDisk(1));  // recently used stayed
    QVERIFY(onDisk(7));  // the newest stayed
    qint64 total = 0;
    const QFileInfoList files = QDir(dir.path() + u"/sha256").entryInfoList(QDir::Files);
    for (const QFileInfo &info : files)
        total += info.size();
    QVERIFY(total <= limit);
    QVERIFY(files.size() >= 3);
}

void TestContentCache::tagRecordsPersistAndWaitForLoading()
{
    QTemporaryDir dir;
    const Digest digest = Digest::sha256Of("manifest");
    const QDateTime seen = QDateTime::currentDateTimeUtc().addSecs(-60);
    {
        ContentCache cache(diskOptions(dir.path()));
        cache.rememberTag(QStringLiteral("reg:5000"), QStringLiteral("team/app"),
                          QStringLiteral("1.0"), oci::TagRecord{digest, ManifestType, 1234, seen});
        const auto record = await(cache.lastKnownTag(
            QStringLiteral("reg:5000"), QStringLiteral("team/app"), QStringLiteral("1.0")));
        QVERIFY(record);
        QCOMPARE(record->digest, digest);
        // Another registry, repository or tag is not this one.
        QVERIFY(!await(cache.lastKnownTag(QStringLiteral("other:5000"), QStringLiteral("team/app"),
                                          QStringLiteral("1.0"))));
        QVERIFY(!await(cache.lastKnownTag(QStringLiteral("reg:5000"), QStringLiteral("team/app"),
                                          QStringLiteral("1.1"))));
    } // the destructor saves what the timer had not yet
    QVERIFY(QFile::exists(dir.path() + u"/tags.json"));
    ContentCache again(diskOptions(dir.path()));
    // Asked before the file is read: the future waits for it.
    const auto record = await(again.lastKnownTag(
        QStringLiteral("reg:5000"), QStringLiteral("team/app"), QStringLiteral("1.0")));
    QVERIFY(record);
    QCOMPARE(record->digest, digest);
    QCOMPARE(record->mediaType, ManifestType);
    QCOMPARE(record->size, qint64(1234));
    QCOMPARE(record->seenAt, seen);
}

void TestContentCache::clearEmptiesMemoryAndDisk()
{
    QTemporaryDir dir;
    ContentCache cache(diskOptions(dir.path()));
    const QByteArray bytes = document(3);
    const Digest digest = Digest::sha256Of(bytes);
    QVERIFY(cache.insert(digest, ManifestType, bytes));
    cache.rememberTag(QStringLiteral("r"), QStringLiteral("a"), QStringLiteral("t"),
                      oci::TagRecord{digest, ManifestType, 3, {}});
    await(cache.flush());
    cache.clear();
    await(cache.flush());
    QVERIFY(!cache.lookup(digest));
    QVERIFY(!await(cache.load(digest)));
    QVERIFY(!QFile::exists(dir.path() + u"/sha256/" + digest.encoded()));
    QVERIFY(
        !await(cache.lastKnownTag(QStringLiteral("r"), QStringLiteral("a"), QStringLiteral("t"))));
}

void TestContentCache::fileFormatRoundTrip()
{
    const QByteArray bytes("{\"schemaVersion\":2}\n");
    const CachedContent content{Digest::sha256Of(bytes), ManifestType, bytes};
    const QByteArray file = oci::ContentStore::encode(content);
    QVERIFY(file.startsWith(QByteArray("lading-content 1 " + ManifestType.toUtf8() + "\n")));
    const auto decoded = oci::ContentStore::decode(content.digest, file);
    QVERIFY(decoded);
    QCOMPARE(decoded->bytes, bytes); // the trailing newline of the content is kept
    QVERIFY(!oci::ContentStore::decode(Digest::sha256Of("other"), file));
    // A media type cannot break the header line.
    const CachedContent odd{content.digest, QStringLiteral("a\nb"), bytes};
    QCOMPARE(oci::ContentStore::decode(content.digest, oci::ContentStore::encode(odd))->bytes,
             bytes);
}

QTEST_GUILESS_MAIN(TestContentCache)
#include "tst_contentcache.moc"
