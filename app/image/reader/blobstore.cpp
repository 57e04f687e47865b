#include "image/reader/blobstore.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace image {

namespace {

constexpr double EvictTarget = 0.9;
const QLatin1String PartialInfix(".partial-");

bool isBlobName(const QString &algorithm, const QString &name)
{
    static const QRegularExpression sha256(QRegularExpression::anchoredPattern(u"[a-f0-9]{64}"));
    static const QRegularExpression sha512(QRegularExpression::anchoredPattern(u"[a-f0-9]{128}"));
    if (algorithm == u"sha256")
        return sha256.match(name).hasMatch();
    if (algorithm == u"sha512")
        return sha512.match(name).hasMatch();
    return false;
}

QString relativeName(const oci::Digest &digest)
{
    return digest.algorithm() + u'/' + digest.encoded();
}

const QLatin1String IndexFolder("indexes/");

QString relativeIndexName(const oci::Digest &digest)
{
    return IndexFolder + relativeName(digest);
}

} // namespace

BlobStore::BlobStore(QString directory, qint64 maxBytes)
    : m_directory(std::move(directory)), m_maxBytes(maxBytes)
{
}

QString BlobStore::pathFor(const oci::Digest &digest) const
{
    return m_directory + u'/' + relativeName(digest);
}

std::optional<QString> BlobStore::find(const oci::Digest &digest)
{
    if (!digest.isVerifiable())
        return std::nullopt;
    const QString path = pathFor(digest);
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    // The modification time is the last use (atime is often off): LRU across restarts.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (file.open(QIODevice::ReadOnly)) {
        file.setFileTime(now, QFileDevice::FileModificationTime);
        file.close();
    }
    QMutexLocker lock(&m_mutex);
    if (m_scanned) {
        FileEntry &entry = m_files[relativeName(digest)];
        if (entry.size == 0) {
            entry.size = QFileInfo(path).size();
            m_total += entry.size;
        }
        entry.lastUse = now.toMSecsSinceEpoch();
    }
    return path;
}

bool BlobStore::contains(const oci::Digest &digest) const
{
    return digest.isVerifiable() && QFile::exists(pathFor(digest));
}

oci::Result<QString> BlobStore::createPartial(const oci::Digest &digest)
{
    const QString folder = m_directory + u'/' + digest.algorithm();
    if (!QDir().mkpath(folder))
        return oci::Error(oci::Error::Code::Io,
                          QStringLiteral("cannot create the layer cache folder %1").arg(folder));
    for (int attempt = 0; attempt < 8; ++attempt) {
        const QString path = pathFor(digest) + PartialInfix
            + QString::number(QRandomGenerator::global()->generate64(), 16);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return path;
    }
    return oci::Error(oci::Error::Code::Io,
                      QStringLiteral("cannot create a file in %1").arg(folder));
}

oci::Result<void> BlobStore::commit(const QString &partialPath, const oci::Digest &digest)
{
    const QString target = pathFor(digest);
    QFile::remove(target); // another process may have stored it meanwhile: same bytes
    if (!QFile::rename(partialPath, target)) {
        QFile::remove(partialPath);
        return oci::Error(oci::Error::Code::Io,
                          QStringLiteral("cannot move %1 into the layer cache").arg(partialPath));
    }
    QMutexLocker lock(&m_mutex);
    scanLocked();
    FileEntry &entry = m_files[relativeName(digest)];
    const qint64 size = QFileInfo(target).size();
    m_total += size - entry.size;
    entry.size = size;
    entry.lastUse = QDateTime::currentMSecsSinceEpoch();
    evictLocked(relativeName(digest));
    return {};
}

void BlobStore::discard(const QString &partialPath)
{
    if (partialPath.contains(PartialInfix))
        QFile::remove(partialPath);
}

void BlobStore::remove(const oci::Digest &digest)
{
    QFile::remove(pathFor(digest));
    QMutexLocker lock(&m_mutex);
    const auto it = m_files.constFind(relativeName(digest));
    if (it != m_files.cend()) {
        m_total -= it->size;
        m_files.erase(it);
    }
}

QString BlobStore::indexPathFor(const oci::Digest &digest) const
{
    return m_directory + u'/' + relativeIndexName(digest);
}

bool BlobStore::hasIndex(const oci::Digest &digest) const
{
    return digest.isVerifiable() && QFile::exists(indexPathFor(digest));
}

std::optional<LayerIndex> BlobStore::readIndex(const oci::Digest &digest)
{
    if (!digest.isVerifiable())
        return std::nullopt;
    QFile file(indexPathFor(digest));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    std::optional<LayerIndex> index = LayerIndex::fromBytes(file.readAll());
    if (!index || index->digest() != digest) {
        file.close();
        file.remove(); // damaged or foreign: gone, the next read writes a good one
        return std::nullopt;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    file.setFileTime(now, QFileDevice::FileModificationTime); // a use, as for blobs
    QMutexLocker lock(&m_mutex);
    if (m_scanned) {
        if (auto it = m_files.find(relativeIndexName(digest)); it != m_files.end())
            it->lastUse = now.toMSecsSinceEpoch();
    }
    return index;
}

oci::Result<void> BlobStore::writeIndex(const LayerIndex &index)
{
    if (!index.isComplete() || !index.digest().isVerifiable())
        return oci::Error(oci::Error::Code::InvalidArgument, QStringLiteral("not a complete index"));
    const QString path = indexPathFor(index.digest());
    if (!QDir().mkpath(QFileInfo(path).path()))
        return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot create %1").arg(path));
    QSaveFile file(path);
    const QByteArray bytes = index.toBytes();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot write %1: %2")
                                                    .arg(path, file.errorString()));
    // Indexes count in the same budget as blobs and go by the same LRU.
    QMutexLocker lock(&m_mutex);
    scanLocked();
    const QString key = relativeIndexName(index.digest());
    FileEntry &entry = m_files[key];
    m_total += bytes.size() - entry.size;
    entry.size = bytes.size();
    entry.lastUse = QDateTime::currentMSecsSinceEpoch();
    evictLocked(key);
    return {};
}

qint64 BlobStore::totalBytes()
{
    QMutexLocker lock(&m_mutex);
    scanLocked();
    return m_total;
}

void BlobStore::scanLocked()
{
    if (m_scanned)
        return;
    m_scanned = true;
    const qint64 staleBefore = QDateTime::currentMSecsSinceEpoch() - 24 * 3600 * 1000;
    for (const QString &folder : {QString(), QString(IndexFolder)}) {
        for (const QLatin1String algorithm : {QLatin1String("sha256"), QLatin1String("sha512")}) {
            QDirIterator it(m_directory + u'/' + folder + algorithm, QDir::Files | QDir::Hidden);
            while (it.hasNext()) {
                it.next();
                const QFileInfo info = it.fileInfo();
                if (!isBlobName(algorithm, info.fileName())) {
                    // A partial file a crashed run left behind (or QSaveFile's, for indexes).
                    if ((info.fileName().contains(PartialInfix) || folder == IndexFolder)
                        && info.lastModified().toMSecsSinceEpoch() < staleBefore)
                        QFile::remove(info.filePath());
                    continue;
                }
                const FileEntry entry{info.size(), info.lastModified().toMSecsSinceEpoch()};
                m_files.insert(folder + algorithm + u'/' + info.fileName(), entry);
                m_total += entry.size;
            }
        }
    }
}

void BlobStore::evictLocked(const QString &keep)
{
    if (m_total <= m_maxBytes)
        return;
    QList<QPair<qint64, QString>> byAge;
    byAge.reserve(m_files.size());
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        if (it.key() != keep)
            byAge.append({it->lastUse, it.key()});
    }
    std::sort(byAge.begin(), byAge.end());
    const qint64 target = qint64(double(m_maxBytes) * EvictTarget);
    for (const auto &[lastUse, relative] : std::as_const(byAge)) {
        if (m_total <= target)
            break;
        QFile::remove(m_directory + u'/' + relative);
        m_total -= m_files.take(relative).size;
    }
}

} // namespace image
