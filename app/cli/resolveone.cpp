#include "resolveone.h"

#include "output.h"

#include "oci/inspect/detailsresolver.h"

#include <QObject>

namespace cli {

void resolveOne(oci::DetailsResolver *resolver, QObject *context, const QString &identifier,
                std::function<void(const oci::TagDetails &)> found,
                std::function<void(const QString &)> failed)
{
    QObject::connect(
        resolver, &oci::DetailsResolver::idle, context,
        [resolver, identifier, found = std::move(found), failed = std::move(failed)] {
            const oci::TagDetails row = resolver->results().value(identifier);
            if (row.error.code() != oci::Error::Code::None || row.details.isNull()) {
                failed(row.error.describe());
                return;
            }
            if (row.stale) {
                printError(QStringLiteral("warning: the registry could not be asked (%1); %2 is "
                                          "the digest it had when last seen and may be out of date")
                               .arg(row.networkError.describe(), row.details.digest.toString()));
            }
            found(row);
        },
        Qt::SingleShotConnection);
    resolver->request({identifier});
}

} // namespace cli
