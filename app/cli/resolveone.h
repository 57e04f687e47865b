#pragma once

#include <QString>

#include <functional>

class QObject;

namespace oci {
class DetailsResolver;
struct TagDetails;
} // namespace oci

namespace cli {

// Asks `resolver` for one tag or digest of its repository. `found` gets the row once its
// details are known; `failed` gets the error text otherwise. An answer served from the cache
// because the registry could not be asked is used, with a warning on stderr that the digest
// may be out of date. Both callbacks run on `context`'s thread, at most once.
void resolveOne(oci::DetailsResolver *resolver, QObject *context, const QString &identifier,
                std::function<void(const oci::TagDetails &)> found,
                std::function<void(const QString &)> failed);

} // namespace cli
