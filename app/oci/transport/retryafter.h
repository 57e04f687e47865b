#pragma once

#include <QByteArrayView>
#include <QDateTime>

namespace oci {

// Retry-After as seconds from `now` (delta-seconds or HTTP-date), clamped to [0, maxSeconds];
// -1 when absent/garbage.
int parseRetryAfter(QByteArrayView value, const QDateTime &now, int maxSeconds = 900);

} // namespace oci
