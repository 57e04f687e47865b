#include "image/push/bloblocations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace image {

namespace {

QString keyOf(const QString &registry, const oci::Digest &blob)
{
    return registry + u'\n' + blob.toString();
}

// A file bigger than this is not ours to read whole.
constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

} // namespace

void BlobLocations::remember(const QString &registry, const QString &repository,
                             const oci::Digest &blob)
{
    QStringList &repositories = m_repositories[keyOf(registry, blob)];
    repositories.removeAll(repository);
    repositories.prepend(repository);
    while (repositories.size() > MaxRepositoriesPerBlob)
        repositories.removeLast();
}

QStringList BlobLocations::repositoriesWith(const QString &registry, const oci::Digest &blob,
                                            const QString &except) const
{
    QStringList repositories = m_repositories.value(keyOf(registry, blob));
    repositories.removeAll(except);
    return repositories;
}

void BlobLocations::forget(const QString &registry, const QString &repository,
                           const oci::Digest &blob)
{
    const QString key = keyOf(registry, blob);
    if (auto it = m_repositories.find(key); it != m_repositories.end()) {
        it->removeAll(repository);
        if (it->isEmpty())
            m_repositories.erase(it);
    }
}

void BlobLocations::rememberCompressed(const oci::Digest &diffId, const Compressed &blob)
{
    m_compressed.insert(diffId, blob);
}

std::optional<BlobLocations::Compressed> BlobLocations::compressedOf(const oci::Digest &diffId) const
{
    const auto it = m_compressed.constFind(diffId);
    if (it == m_compressed.cend())
        return std::nullopt;
    return it.value();
}

bool BlobLocations::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxFileBytes)
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    // Whatever does not parse is skipped: this is a cache, never a source of truth (a
    // wrong entry costs a failed mount or a HEAD that says no).
    const QJsonObject repositories = root.value(u"repositories").toObject();
    for (auto it = repositories.begin(); it != repositories.end(); ++it) {
        QStringList names;
        for (const QJsonValue &name : it.value().toArray())
            names << name.toString();
        names.removeAll(QString());
        if (!names.isEmpty())
            m_repositories.insert(it.key(), names.mid(0, MaxRepositoriesPerBlob));
    }
    const QJsonObject compressed = root.value(u"compressed").toObject();
    for (auto it = compressed.begin(); it != compressed.end(); ++it) {
        const auto diffId = oci::Digest::parse(it.key());
        const QJsonObject value = it.value().toObject();
        const auto digest = oci::Digest::parse(value.value(u"digest").toString());
        const qint64 size = value.value(u"size").toInteger(-1);
        if (diffId.ok() && digest.ok() && size >= 0)
            m_compressed.insert(diffId.value(), Compressed{digest.value(), size});
    }
    return true;
}

bool BlobLocations::save(const QString &path) const
{
    QJsonObject repositories;
    for (auto it = m_repositories.cbegin(); it != m_repositories.cend(); ++it)
        repositories.insert(it.key(), QJsonArray::fromStringList(it.value()));
    QJsonObject compressed;
    for (auto it = m_compressed.cbegin(); it != m_compressed.cend(); ++it)
        compressed.insert(it.key().toString(), QJsonObject{{QStringLiteral("digest"), it->digest.toString()},
                                                           {QStringLiteral("size"), it->size}});
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("repositories"), repositories},
                                         {QStringLiteral("compressed"), compressed}})
                   .toJson(QJsonDocument::Compact));
    return file.commit();
}

} // namespace image
