#include "layerorigin.h"

#include "oci/client/registryclient.h"

LayerOrigin LayerOrigin::registry(oci::RegistryClient *client, const QString &repository)
{
    LayerOrigin origin;
    origin.client = client;
    origin.repository = repository;
    return origin;
}

LayerOrigin LayerOrigin::localImage(std::shared_ptr<const image::LocalImageSource> source)
{
    LayerOrigin origin;
    origin.local = std::move(source);
    return origin;
}
