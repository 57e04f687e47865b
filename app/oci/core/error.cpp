#include "oci/core/error.h"

namespace oci {

Error::Error(Code code, QString message)
    : m_code(code)
    , m_message(std::move(message))
{}

Error &Error::withHttpStatus(int status)
{
    m_httpStatus = status;
    return *this;
}

Error &Error::withRegistryErrors(QList<RegistryErrorEntry> entries)
{
    m_registryErrors = std::move(entries);
    return *this;
}

bool Error::hasRegistryCode(QStringView code) const
{
    for (const RegistryErrorEntry &entry : m_registryErrors) {
        if (entry.code.compare(code, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Error &Error::withRegistry(QString registry)
{
    m_registry = std::move(registry);
    return *this;
}

Error &Error::withObject(QString object)
{
    m_object = std::move(object);
    return *this;
}

Error &Error::withUrl(QUrl url)
{
    m_url = std::move(url);
    return *this;
}

Error &Error::withRetryAfter(int seconds)
{
    m_retryAfterSeconds = seconds;
    return *this;
}

bool Error::isTemporary() const
{
    switch (m_code) {
    case Code::Network:
    case Code::Timeout:
    case Code::TooManyRequests:
        return true;
    case Code::ServerError:
        return m_httpStatus == 500 || m_httpStatus == 502 || m_httpStatus == 503
               || m_httpStatus == 504;
    default:
        break;
    }
    if (m_httpStatus == 408)
        return true;
    return hasRegistryCode(u"TOOMANYREQUESTS") || hasRegistryCode(u"UNAVAILABLE");
}

QString Error::codeName(Code code)
{
    switch (code) {
    case Code::None: return QStringLiteral("no error");
    case Code::InvalidArgument: return QStringLiteral("invalid argument");
    case Code::InvalidDigest: return QStringLiteral("invalid digest");
    case Code::DigestMismatch: return QStringLiteral("digest mismatch");
    case Code::SizeLimitExceeded: return QStringLiteral("size limit exceeded");
    case Code::MalformedDocument: return QStringLiteral("malformed document");
    case Code::MediaTypeMismatch: return QStringLiteral("media type mismatch");
    case Code::UnsupportedMediaType: return QStringLiteral("unsupported media type");
    case Code::Network: return QStringLiteral("network error");
    case Code::Timeout: return QStringLiteral("timed out");
    case Code::Tls: return QStringLiteral("TLS error");
    case Code::RedirectRefused: return QStringLiteral("redirect refused");
    case Code::PaginationRefused: return QStringLiteral("pagination refused");
    case Code::Unauthorized: return QStringLiteral("unauthorized");
    case Code::Denied: return QStringLiteral("access denied");
    case Code::NotFound: return QStringLiteral("not found");
    case Code::TooManyRequests: return QStringLiteral("too many requests");
    case Code::ServerError: return QStringLiteral("server error");
    case Code::HttpError: return QStringLiteral("HTTP error");
    case Code::Unsupported: return QStringLiteral("unsupported");
    case Code::CredentialsUnavailable: return QStringLiteral("credentials unavailable");
    case Code::Io: return QStringLiteral("I/O error");
    case Code::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("error");
}

QString Error::describe() const
{
    QString text = codeName(m_code);
    if (!m_registry.isEmpty())
        text += QStringLiteral(" on ") + m_registry;
    if (!m_object.isEmpty())
        text += QStringLiteral(" (") + m_object + QLatin1Char(')');
    if (!m_message.isEmpty())
        text += QStringLiteral(": ") + m_message;
    QStringList extra;
    if (m_httpStatus > 0)
        extra << QStringLiteral("HTTP %1").arg(m_httpStatus);
    for (const RegistryErrorEntry &entry : m_registryErrors)
        extra << (entry.message.isEmpty() ? entry.code : entry.code + QStringLiteral(": ") + entry.message);
    if (!extra.isEmpty())
        text += QStringLiteral(" [") + extra.join(QStringLiteral("; ")) + QLatin1Char(']');
    return text;
}

} // namespace oci
