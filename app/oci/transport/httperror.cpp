#include "oci/transport/httperror.h"

#include "oci/transport/registryerrorbody.h"
#include "oci/transport/retryafter.h"
#include "oci/transport/transportrequest.h"

#include <QDateTime>

namespace oci {

namespace {

Error::Code codeForStatus(int status, const QList<RegistryErrorEntry> &entries)
{
    switch (status) {
    case 401:
        return Error::Code::Unauthorized;
    case 403:
        return Error::Code::Denied;
    case 404:
        return Error::Code::NotFound;
    case 405:
        return Error::Code::Unsupported;
    case 429:
        return Error::Code::TooManyRequests;
    default:
        break;
    }
    if (status >= 500)
        return Error::Code::ServerError;
    for (const RegistryErrorEntry &entry : entries) {
        if (entry.code == u"UNSUPPORTED")
            return Error::Code::Unsupported;
        if (entry.code == u"TOOMANYREQUESTS")
            return Error::Code::TooManyRequests;
        if (entry.code == u"DENIED")
            return Error::Code::Denied;
    }
    return Error::Code::HttpError;
}

QString statusText(int status)
{
    switch (status) {
    case 401:
        return QStringLiteral("authentication required");
    case 403:
        return QStringLiteral("the registry denied access");
    case 404:
        return QStringLiteral("not found");
    case 405:
        return QStringLiteral("the registry does not support this operation");
    case 408:
        return QStringLiteral("the server timed out waiting for the request");
    case 429:
        return QStringLiteral("too many requests; the registry is rate-limiting");
    default:
        break;
    }
    if (status >= 300 && status < 400)
        return QStringLiteral("unexpected redirect status %1").arg(status);
    if (status >= 500)
        return QStringLiteral("the server failed (HTTP %1)").arg(status);
    return QStringLiteral("unexpected HTTP status %1").arg(status);
}

// A hint from a non-JSON body: proxies and CDNs answer with HTML or plain text.
QString bodyHint(const TransportResponse &response)
{
    const QByteArray contentType = response.header("content-type").toLower();
    const QByteArray trimmed = response.body.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QByteArray start = trimmed.left(15).toLower();
    if (contentType.contains("html") || start.startsWith("<!doctype html") ||
        start.startsWith("<html"))
        return QStringLiteral(
            "the server answered with an HTML page (a proxy or a web server, not a registry?)");
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return {};
    QString line = QString::fromUtf8(trimmed.left(200).split('\n').constFirst()).trimmed();
    line.removeIf([](QChar c) { return !c.isPrint(); });
    return line;
}

} // namespace

Error errorForResponse(const TransportResponse &response, const QString &registry,
                       const QString &object)
{
    const QList<RegistryErrorEntry> entries = parseRegistryErrorBody(response.body);
    const int status = response.status;
    QString message = statusText(status);
    const QString hint = bodyHint(response);
    if (!hint.isEmpty())
        message += QStringLiteral(" — ") + hint;

    Error error(codeForStatus(status, entries), message);
    error.withHttpStatus(status)
        .withRegistryErrors(entries)
        .withRegistry(registry)
        .withObject(object)
        .withUrl(response.url);
    const QByteArray retryAfter = response.header("retry-after");
    if (!retryAfter.isEmpty())
        error.withRetryAfter(parseRetryAfter(retryAfter, QDateTime::currentDateTimeUtc()));
    return error;
}

} // namespace oci
