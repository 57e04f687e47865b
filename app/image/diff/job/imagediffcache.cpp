#include "image/diff/job/imagediffcache.h"

#include "image/diff/job/imagediff.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace image {

ImageDiffCache::ImageDiffCache(QString directory, int maxMemory, int maxFiles)
    : m_directory(std::move(directory)), m_maxMemory(qMax(1, maxMemory)), m_maxFiles(qMax(1, maxFiles))
{
}

ImageDiffCache::~ImageDiffCache() = default;

QString ImageDiffCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/diffs";
}

QString ImageDiffCache::keyOf(const oci::Digest &a, const oci::Digest &b)
{
    return a.toString() + u'|' + b.toString();
}

QString ImageDiffCache::fileOf(const QString &key) const
{
    // The key holds ':' and '|': a file name of its hash.
    const QByteArray name =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex();
    return m_directory + u'/' + QString::fromLatin1(name) + u".diff";
}

std::shared_ptr<const PlatformDiff> ImageDiffCache::find(const oci::Digest &a, const oci::Digest &b)
{
    if (a.isNull() || b.isNull())
        return nullptr;
    const QString key = keyOf(a, b);
    QMutexLocker lock(&m_mutex);
    if (const auto found = m_byKey.constFind(key); found != m_byKey.cend()) {
        m_lru.splice(m_lru.begin(), m_lru, found.value());
        return m_lru.front().second;
    }
    if (m_directory.isEmpty())
        return nullptr;
    QFile file(fileOf(key));
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    std::optional<PlatformDiff> read = deserializePlatformDiff(file.readAll());
    file.close();
    // A stale format or a damaged file: dropped, computed again.
    if (!read || read->summary.digestA != a || read->summary.digestB != b) {
        QFile::remove(file.fileName());
        return nullptr;
    }
    // Last use, for trimFiles().
    if (file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly)) {
        file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
        file.close();
    }
    auto diff = std::make_shared<const PlatformDiff>(std::move(read).value());
    remember(key, diff);
    return diff;
}

void ImageDiffCache::insert(const oci::Digest &a, const oci::Digest &b,
                            std::shared_ptr<const PlatformDiff> diff)
{
    if (a.isNull() || b.isNull() || !diff)
        return;
    const QString key = keyOf(a, b);
    QMutexLocker lock(&m_mutex);
    remember(key, diff);
    if (m_directory.isEmpty() || !QDir().mkpath(m_directory))
        return;
    // Written whole or not at all; a failed write is only a later miss.
    QSaveFile file(fileOf(key));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(serializePlatformDiff(*diff));
    if (file.commit())
        trimFiles();
}

int ImageDiffCache::memoryCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_lru.size());
}

void ImageDiffCache::remember(const QString &key, std::shared_ptr<const PlatformDiff> diff)
{
    if (const auto found = m_byKey.constFind(key); found != m_byKey.cend()) {
        m_lru.erase(found.value());
        m_byKey.remove(key);
    }
    m_lru.emplace_front(key, std::move(diff));
    m_byKey.insert(key, m_lru.begin());
    while (int(m_lru.size()) > m_maxMemory) {
        m_byKey.remove(m_lru.back().first);
        m_lru.pop_back();
    }
}

void ImageDiffCache::trimFiles()
{
    const QFileInfoList files = QDir(m_directory).entryInfoList({QStringLiteral("*.diff")},
                                                                QDir::Files, QDir::Time);
    for (qsizetype i = m_maxFiles; i < files.size(); ++i)
        QFile::remove(files.at(i).absoluteFilePath());
}

} // namespace image
