#include "repositoryname.h"

#include "oci/core/reference.h"

namespace {

// The distribution grammar's rule: a first component is a host when it has a '.' or a ':'
// or is "localhost".
bool looksLikeHost(QStringView component)
{
    return component.contains(u'.') || component.contains(u':') ||
           component.compare(u"localhost", Qt::CaseInsensitive) == 0;
}

oci::Error invalid(QStringView typed, const QString &reason)
{
    return oci::Error(oci::Error::Code::InvalidArgument,
                      QStringLiteral("invalid repository name \"%1\": %2")
                          .arg(typed.left(80).toString(), reason));
}

} // namespace

namespace RepositoryName {

QString normaliseHost(QStringView host)
{
    const QString lower = host.toString().toLower();
    if (lower == u"index.docker.io" || lower == u"registry-1.docker.io")
        return QStringLiteral("docker.io");
    return lower;
}

oci::Result<QString> normalise(const QString &registryHost, QStringView typed)
{
    QStringView text = typed.trimmed();
    if (text.isEmpty())
        return invalid(typed, QStringLiteral("empty"));
    const QString registry = normaliseHost(registryHost);

    // A host in front must be this registry's.
    const qsizetype slash = text.indexOf(u'/');
    if (slash > 0 && looksLikeHost(text.first(slash))) {
        const QString host = normaliseHost(text.first(slash));
        if (host != registry) {
            return invalid(typed,
                           QStringLiteral("it belongs to %1, not to %2").arg(host, registry));
        }
        text = text.sliced(slash + 1);
    }
    if (text.isEmpty() || text.startsWith(u'/'))
        return invalid(typed, QStringLiteral("no repository name"));

    // Parsed as a full reference on this registry, so Docker Hub's "library/" is added and
    // a tag or digest is accepted and dropped.
    const QString full = registry + QLatin1Char('/') + text.toString();
    oci::Result<oci::Reference> reference = oci::Reference::parse(full);
    if (!reference)
        return invalid(typed, reference.error().message());
    if (reference->registry() != registry)
        return invalid(typed, QStringLiteral("not a repository of %1").arg(registry));
    return reference->repository();
}

} // namespace RepositoryName
