#include "oci/transport/transportrequest.h"

namespace oci {

QByteArray TransportResponse::header(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool TransportResponse::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

qint64 TransportResponse::contentLength() const
{
    const QByteArray text = header("content-length").trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value >= 0 ? value : -1;
}

} // namespace oci
