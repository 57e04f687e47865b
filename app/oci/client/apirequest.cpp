#include "oci/client/apirequest.h"

#include "oci/core/reference.h"
#include "oci/manifest/mediatypes.h"

namespace oci::api {

QUrl url(const RegistryConfig &registry, const QString &path, const QUrlQuery &query)
{
    QUrl result = registry.baseUrl();
    result.setPath(path);
    if (!query.isEmpty())
        result.setQuery(query);
    return result;
}

QString pullScope(const QString &repository)
{
    return QStringLiteral("repository:%1:pull").arg(repository);
}

QString pushScope(const QString &repository)
{
    return QStringLiteral("repository:%1:pull,push").arg(repository);
}

QString deleteScope(const QString &repository)
{
    return QStringLiteral("repository:%1:delete").arg(repository);
}

Error invalidArgument(const RegistryConfig &registry, const QString &object, const QString &message)
{
    Error error(Error::Code::InvalidArgument, message);
    error.withRegistry(registry.host).withObject(object);
    return error;
}

Error checkRepository(const RegistryConfig &registry, const QString &repository)
{
    if (Reference::isValidRepository(repository))
        return {};
    return invalidArgument(
        registry, repository,
        QStringLiteral("'%1' is not a valid repository name").arg(repository.left(300)));
}

QByteArray manifestAcceptHeader()
{
    const QLatin1String types[] = {
        MediaType::OciManifest,         MediaType::OciIndex,
        MediaType::DockerManifest,      MediaType::DockerManifestList,
        MediaType::DockerSchema1Signed, MediaType::DockerSchema1,
    };
    QByteArrayList parts;
    for (const QLatin1String type : types)
        parts << QByteArray(type.data(), type.size());
    return parts.join(", ");
}

Error checkStoredDigest(const TransportResponse &response, const Digest &sent,
                        const QString &what)
{
    const QByteArray claimed = response.header("docker-content-digest").trimmed();
    if (claimed.isEmpty())
        return {};
    const Result<Digest> parsed = Digest::parse(QString::fromLatin1(claimed));
    if (parsed && parsed.value() == sent)
        return {};
    return Error(Error::Code::DigestMismatch,
                 QStringLiteral("the registry stored the %1 as %2, not as the %3 that was sent")
                     .arg(what, QString::fromLatin1(claimed.left(200)), sent.toString()))
        .withUrl(response.url);
}

} // namespace oci::api
