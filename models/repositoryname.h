#pragma once

#include "oci/core/result.h"

#include <QString>

// A repository name typed for one registry ("debian", "library/debian",
// "docker.io/library/debian:12", "registry-1.docker.io/debian"), normalised the way
// `docker pull` reads it: Docker Hub names get "library/", a leading host must be the
// registry's own (Docker Hub's aliases count as docker.io), and a tag or digest is dropped.
namespace RepositoryName {

// The repository path ("library/debian"), or InvalidArgument with a one-line reason.
oci::Result<QString> normalise(const QString &registryHost, QStringView typed);

// "index.docker.io" and "registry-1.docker.io" are docker.io; other hosts are returned
// lower-cased.
QString normaliseHost(QStringView host);

} // namespace RepositoryName
