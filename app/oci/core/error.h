#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace oci {

// One entry of a registry's error JSON: {"errors":[{"code","message","detail"}]}.
struct RegistryErrorEntry
{
    QString code;    // upper-cased; unknown codes are kept as sent
    QString message;
    QString detail;  // compact JSON text of "detail", if any
};

// A structured error. `message` is technical English for logs and the command line;
// the GUI builds its translated text from `code` and the context fields.
class Error
{
public:
    enum class Code {
        None,
        InvalidArgument,      // bad user input: reference, URL, option
        InvalidDigest,        // malformed or unsupported digest
        DigestMismatch,       // content does not hash to the digest that was asked for
        SizeLimitExceeded,    // a body or document over its cap
        MalformedDocument,    // JSON that is not a valid manifest/index/config/token/...
        MediaTypeMismatch,    // Content-Type disagrees with the body's mediaType
        UnsupportedMediaType, // a document type Lading does not read
        Network,              // connection refused, DNS, reset, truncated body
        Timeout,              // no data for the transfer timeout
        Tls,                  // certificate or handshake failure
        RedirectRefused,      // https->http, too many hops, bad Location
        PaginationRefused,    // Link to another host, page loop, page cap
        Unauthorized,         // 401 after authentication was tried
        Denied,               // 403
        NotFound,             // 404 (see registryErrors for MANIFEST_UNKNOWN etc.)
        TooManyRequests,      // 429 after the retries ran out
        ServerError,          // 5xx after the retries ran out
        HttpError,            // any other unexpected status
        Unsupported,          // the registry does not offer this (405, UNSUPPORTED)
        CredentialsUnavailable, // config.json/helper/keychain could not give credentials
        Io,                   // local file trouble
        Cancelled,
    };

    Error() = default;
    Error(Code code, QString message);

    Code code() const { return m_code; }
    const QString &message() const { return m_message; }

    int httpStatus() const { return m_httpStatus; }
    Error &withHttpStatus(int status);

    const QList<RegistryErrorEntry> &registryErrors() const { return m_registryErrors; }
    Error &withRegistryErrors(QList<RegistryErrorEntry> entries);
    bool hasRegistryCode(QStringView code) const;

    // Where it happened: registry host[:port], object (repository, reference or digest), URL.
    const QString &registry() const { return m_registry; }
    Error &withRegistry(QString registry);
    const QString &object() const { return m_object; }
    Error &withObject(QString object);
    const QUrl &url() const { return m_url; }
    Error &withUrl(QUrl url);

    // Seconds the server asked us to wait (429/503 Retry-After), -1 when not given.
    int retryAfterSeconds() const { return m_retryAfterSeconds; }
    Error &withRetryAfter(int seconds);

    // Worth retrying later: transport faults, 408/429/5xx, TOOMANYREQUESTS/UNAVAILABLE.
    bool isTemporary() const;

    // One line: "<what> on <registry> (<object>): <message> [HTTP n, CODE: text]".
    QString describe() const;

    static QString codeName(Code code);

private:
    Code m_code = Code::None;
    QString m_message;
    int m_httpStatus = 0;
    QList<RegistryErrorEntry> m_registryErrors;
    QString m_registry;
    QString m_object;
    QUrl m_url;
    int m_retryAfterSeconds = -1;
};

} // namespace oci
