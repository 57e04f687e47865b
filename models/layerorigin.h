#pragma once

#include <QPointer>
#include <QString>

#include <memory>

namespace image {
class LocalImageSource;
}
namespace oci {
class RegistryClient;
}

// Where an image's layer blobs are read from: a repository of a registry, or a local image
// (a tarball or OCI layout the person opened; no registry involved).
struct LayerOrigin
{
    QPointer<oci::RegistryClient> client;
    QString repository;
    std::shared_ptr<const image::LocalImageSource> local;

    static LayerOrigin registry(oci::RegistryClient *client, const QString &repository);
    static LayerOrigin localImage(std::shared_ptr<const image::LocalImageSource> source);
    bool isLocal() const { return bool(local); }
};
