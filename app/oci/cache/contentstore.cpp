#include "oci/cache/contentstore.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace oci {

namespace {

constexpr QByteArrayView Magic("lading-content 1 ");
constexpr qsizetype MaxHeaderBytes = 512;
// Evict down to this share of the limit, so one write over it does not evict per write.
constexpr double EvictTarget = 0.9;
const QLatin1String TagsFile("tags.json");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isContentFileName(const QString &algorithm, const QString &name)
{
    static const QRegularExpression sha256(QRegularExpression::anchoredPattern(u"[a-f0-9]{64}"));
    static const QRegularExpression sha512(QRegularExpression::anchoredPattern(u"[a-f0-9]{128}"));
    if (algorithm == u"sha256")
        return sha256.match(name).hasMatch();
    if (algorithm == u"sha512")
        return sha512.match(name).hasMatch();
    return false;
}

} // namespace

ContentStore::ContentStore(QString directory, qint64 maxBytes)
    : m_directory(std::move(directory)), m_maxBytes(maxBytes)
{
}

QString ContentStore::pathFor(const Digest &digest) const
{
    return m_directory + u'/' + digest.algorithm() + u'/' + digest.encoded();
}

QByteArray ContentStore::encode(const CachedContent &content)
{
    QByteArray type = content.mediaType.toUtf8();
    type.replace('\n', ' ').replace('\r', ' ');
    QByteArray file;
    file.reserve(Magic.size() + type.size() + 1 + content.bytes.size());
    file.append(Magic).append(type).append('\n').append(content.bytes);
    return file;
}

std::optional<CachedContent> ContentStore::decode(const Digest &digest, const QByteArray &file)
{
    if (!file.startsWith(Magic))
        return std::nullopt;
    const qsizetype newline = file.indexOf('\n');
    if (newline < 0 || newline > MaxHeaderBytes)
        return std::nullopt;
    CachedContent content;
    content.digest = digest;
    content.mediaType = QString::fromUtf8(file.sliced(Magic.size(), newline - Magic.size()));
    content.bytes = file.sliced(newline + 1);
    if (content.bytes.size() > ContentCache::MaxItemBytes || !digest.matches(content.bytes))
        return std::nullopt;
    return content;
}

std::optional<CachedContent> ContentStore::read(const Digest &digest)
{
    if (!digest.isVerifiable())
        return std::nullopt;
    const QString path = pathFor(digest);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    if (file.size() > ContentCache::MaxItemBytes + MaxHeaderBytes) {
        file.close();
        remove(digest);
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    std::optional<CachedContent> content = decode(digest, bytes);
    if (!content) {
        // Damaged or foreign: never served, and gone so the next fetch can replace it.
        file.close();
        remove(digest);
        return std::nullopt;
    }
    // The modification time is the last use (atime is often off): LRU across restarts.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    file.setFileTime(now, QFileDevice::FileModificationTime);
    file.close();
    QMutexLocker lock(&m_mutex);
    if (m_scanned) {
        const QString relative = digest.algorithm() + u'/' + digest.encoded();
        FileEntry &entry = m_files[relative];
        if (entry.size == 0) {
            entry.size = bytes.size();
            m_total += entry.size;
        }
        entry.lastUse = now.toMSecsSinceEpoch();
    }
    return content;
}

Result<void> ContentStore::write(const CachedContent &content)
{
    const QString folder = m_directory + u'/' + content.digest.algorithm();
    if (!QDir().mkpath(folder))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot create the cache folder %1").arg(folder));
    const QByteArray bytes = encode(content);
    QSaveFile file(pathFor(content.digest));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return Error(
            Error::Code::Io,
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    }
    QMutexLocker lock(&m_mutex);
    scanLocked();
    const QString relative = content.digest.algorithm() + u'/' + content.digest.encoded();
    FileEntry &entry = m_files[relative];
    m_total += bytes.size() - entry.size;
    entry.size = bytes.size();
    entry.lastUse = nowMs();
    evictLocked();
    return {};
}

void ContentStore::remove(const Digest &digest)
{
    QFile::remove(pathFor(digest));
    QMutexLocker lock(&m_mutex);
    const auto it = m_files.constFind(digest.algorithm() + u'/' + digest.encoded());
    if (it != m_files.cend()) {
        m_total -= it->size;
        m_files.erase(it);
    }
}

void ContentStore::clear()
{
    QMutexLocker lock(&m_mutex);
    for (const QLatin1String algorithm : {QLatin1String("sha256"), QLatin1String("sha512")})
        QDir(m_directory + u'/' + algorithm).removeRecursively();
    QFile::remove(m_directory + u'/' + TagsFile);
    m_files.clear();
    m_total = 0;
    m_scanned = true;
}

qint64 ContentStore::totalBytes()
{
    QMutexLocker lock(&m_mutex);
    scanLocked();
    return m_total;
}

qint64 ContentStore::countedBytes()
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

void ContentStore::scanLocked()
{
    if (m_scanned)
        return;
    m_scanned = true;
    for (const QLatin1String algorithm : {QLatin1String("sha256"), QLatin1String("sha512")}) {
        QDirIterator it(m_directory + u'/' + algorithm, QDir::Files | QDir::Hidden);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            if (!isContentFileName(algorithm, info.fileName()))
                continue; // a writer's temporary file, or not ours
            FileEntry entry{info.size(), info.lastModified().toMSecsSinceEpoch()};
            m_files.insert(algorithm + u'/' + info.fileName(), entry);
            m_total += entry.size;
        }
    }
}

void ContentStore::evictLocked()
{
    if (m_total <= m_maxBytes)
        return;
    QList<QPair<qint64, QString>> byAge;
    byAge.reserve(m_files.size());
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        byAge.append({it->lastUse, it.key()});
    std::sort(byAge.begin(), byAge.end());
    const qint64 target = qint64(double(m_maxBytes) * EvictTarget);
    for (const auto &[lastUse, relative] : std::as_const(byAge)) {
        if (m_total <= target)
            break;
        QFile::remove(m_directory + u'/' + relative);
        m_total -= m_files.take(relative).size;
    }
}

QHash<QString, TagRecord> ContentStore::readTags()
{
    QHash<QString, TagRecord> tags;
    QFile file(m_directory + u'/' + TagsFile);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024 * 1024)
        return tags;
    const QJsonObject entries =
        QJsonDocument::fromJson(file.readAll()).object().value(u"tags").toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        Result<Digest> digest = Digest::parse(entry.value(u"digest").toString());
        if (!digest)
            continue;
        TagRecord record;
        record.digest = digest.value();
        record.mediaType = entry.value(u"mediaType").toString();
        record.size = qint64(entry.value(u"size").toDouble(-1));
        record.seenAt = QDateTime::fromString(entry.value(u"seenAt").toString(), Qt::ISODateWithMs);
        tags.insert(it.key(), record);
    }
    return tags;
}

Result<void> ContentStore::writeTags(const QHash<QString, TagRecord> &tags)
{
    if (!QDir().mkpath(m_directory))
        return Error(Error::Code::Io, QStringLiteral("cannot create %1").arg(m_directory));
    QJsonObject entries;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        entries.insert(it.key(),
                       QJsonObject{
                           {QStringLiteral("digest"), it->digest.toString()},
                           {QStringLiteral("mediaType"), it->mediaType},
                           {QStringLiteral("size"), double(it->size)},
                           {QStringLiteral("seenAt"), it->seenAt.toString(Qt::ISODateWithMs)},
                       });
    }
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                       {QStringLiteral("tags"), entries}})
                                 .toJson(QJsonDocument::Compact);
    QSaveFile file(m_directory + u'/' + TagsFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return Error(
            Error::Code::Io,
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    }
    return {};
}

} // namespace oci
