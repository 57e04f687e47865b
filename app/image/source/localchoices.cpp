#include "image/source/localchoices.h"

#include "image/source/localimagesource.h"
#include "oci/core/reference.h"
#include "oci/manifest/imageconfig.h"

#include <utility>

namespace image {

namespace {

// "docker.io/library/x:1.0@sha256:…" -> {"docker.io/library/x", "1.0"}; a bare "1.0" (an
// OCI ref.name, which is usually just the tag) -> {"", "1.0"}.
std::pair<QString, QString> splitName(const QString &name)
{
    const QString plain = name.section(u'@', 0, 0).trimmed();
    const qsizetype slash = plain.lastIndexOf(u'/');
    const qsizetype colon = plain.lastIndexOf(u':');
    if (colon > slash)
        return {plain.left(colon), plain.mid(colon + 1)};
    if (slash < 0)
        return {QString(), plain};
    return {plain, QString()};
}

} // namespace

QList<LocalChoice> localChoices(const LocalImageSource &source)
{
    QList<LocalChoice> choices;
    for (const LocalIndex &index : source.indexes())
        choices.append({index.digest, index.names, &index, nullptr});
    for (const LocalImage &image : source.images()) {
        if (image.index.isNull())
            choices.append({image.manifestDigest, image.names, nullptr, &image});
    }
    return choices;
}

QString platformText(const LocalImage &image)
{
    if (image.platform && !image.platform->isNull())
        return image.platform->toString();
    const oci::Result<oci::ImageConfig> config = oci::ImageConfig::parse(image.config);
    return config.ok() ? config.value().platform.toString() : QString();
}

QString tagFromNames(const QStringList &names)
{
    for (const QString &name : names) {
        const QString tag = splitName(name).second;
        if (!tag.isEmpty() && oci::Reference::isValidTag(tag))
            return tag;
    }
    return {};
}

QString repositoryFromNames(const QStringList &names)
{
    for (const QString &name : names) {
        QString repository = splitName(name).first;
        // A first component with a dot or a port, or "localhost", is a registry host.
        const QString first = repository.section(u'/', 0, 0);
        if (repository.contains(u'/') &&
            (first.contains(u'.') || first.contains(u':') || first == u"localhost"))
            repository = repository.section(u'/', 1);
        if (!repository.isEmpty() && oci::Reference::isValidRepository(repository))
            return repository;
    }
    return {};
}

} // namespace image
