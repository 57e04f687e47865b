#include "ops/copy/copyerror.h"

namespace ops {

oci::Error copyError(CopySide side, const QString &host, const QString &repository,
                     const QString &what, const QString &reference, const oci::Error &error)
{
    const QString doing = side == CopySide::Source
                              ? QStringLiteral("reading %1 from the source, %2/%3, failed: %4")
                              : QStringLiteral("writing %1 to the target, %2/%3, failed: %4");
    oci::Error result(error.code(), doing.arg(what, host, repository, error.message()));
    const QChar separator = reference.contains(u':') ? u'@' : u':';
    result.withHttpStatus(error.httpStatus())
        .withRegistryErrors(error.registryErrors())
        .withRegistry(host)
        .withObject(reference.isEmpty() ? repository : repository + separator + reference)
        .withUrl(error.url())
        .withRetryAfter(error.retryAfterSeconds());
    return result;
}

} // namespace ops
