#pragma once

#include "oci/core/digest.h"
#include "oci/core/error.h"
#include "oci/transport/registryconfig.h"
#include "oci/transport/transportrequest.h"

#include <QUrlQuery>

// Helpers shared by the RegistryClient jobs (not installed API).
namespace oci::api {

// scheme://host[:port]<path>[?query] of the registry. `path` is built from validated names
// only ("/v2/" + repository + "/tags/list"), never from free text.
QUrl url(const RegistryConfig &registry, const QString &path, const QUrlQuery &query = {});

QString pullScope(const QString &repository);
// "repository:<name>:pull,push": uploads and manifest PUTs (distribution wants pull too).
QString pushScope(const QString &repository);
// "repository:<name>:delete": any DELETE on distribution >= 2.7.
QString deleteScope(const QString &repository);

// InvalidArgument with registry and object filled in.
Error invalidArgument(const RegistryConfig &registry, const QString &object,
                      const QString &message);

// Null error when `repository` follows the distribution name grammar.
Error checkRepository(const RegistryConfig &registry, const QString &repository);

// After a blob or manifest PUT: DigestMismatch ("the registry stored the <what> as …") when
// the answer's Docker-Content-Digest names another digest than `sent`; a null error when it
// agrees or is absent (optional before OCI 1.1). Url filled in; registry and object are not.
Error checkStoredDigest(const TransportResponse &response, const Digest &sent,
                        const QString &what);

// "Accept" for manifests: OCI manifest + index, Docker schema 2 + list, schema 1 last.
QByteArray manifestAcceptHeader();

} // namespace oci::api
