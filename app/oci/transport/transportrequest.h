#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QIODevice;

namespace oci {

// Size caps for buffered bodies (oci-client-notes §1.9). Blobs are streamed instead.
inline constexpr qint64 MaxManifestBytes = 4 * 1024 * 1024;
inline constexpr qint64 MaxTokenBytes = 64 * 1024;
inline constexpr qint64 MaxErrorBodyBytes = 64 * 1024;
// A page of _catalog or tags/list: 1000 long names fit easily.
inline constexpr qint64 MaxListPageBytes = 4 * 1024 * 1024;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Knobs of a Transport. Defaults suit people; tests shrink the delays to milliseconds.
struct TransportOptions
{
    int transferTimeoutMs = 30000; // no byte moved for this long -> Error::Code::Timeout
    int maxRetries = 4;            // retries (not attempts) of a replayable request
    int backoffBaseMs = 500;       // first retry delay; doubles per retry, with jitter
    int backoffMaxMs = 30000;
    int maxRetryAfterSeconds = 120; // a longer Retry-After fails at once (the error says how long)
    int maxRedirects = 10;
    int tokenExpiryMarginMs = 10000; // a token is dropped this long before it expires
    QByteArray userAgent;            // empty: "Lading/<version>"
};

// One request to a registry (or to a URL it sent us to), as a caller describes it.
// The Transport adds everything else: User-Agent, Accept-Encoding: identity, credentials
// for the registry's origin, redirects, retries, the timeout and the size caps.
struct TransportRequest
{
    QByteArray method = "GET";
    QUrl url;           // absolute; built with QUrl setters, never from user text
    HeaderList headers; // e.g. Accept
    QByteArray body;
    // A body too big to hold in memory: bodySize bytes read from a device this makes, open for
    // reading, once per attempt (a redirect or the resend after a 401 asks again); the
    // transport owns and deletes it. Returning nullptr fails the request. Replaces `body`.
    std::function<QIODevice *()> bodySource;
    qint64 bodySize = 0;
    // Token scopes the request needs ("repository:library/alpine:pull", "registry:catalog:*");
    // a cached token for them is attached up front.
    QStringList scopes;
    QString object;                         // for errors: repository, reference or digest
    qint64 maxBodyBytes = MaxManifestBytes; // buffered 2xx bodies; over it -> SizeLimitExceeded
    bool streamBody = false; // 2xx bodies go out through TransportReply::bodyData instead
    bool followRedirects = true;
    std::optional<bool> retryable; // default: GET and HEAD are replayed on temporary failures

    bool isRetryable() const { return retryable.value_or(method == "GET" || method == "HEAD"); }
    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(qMakePair(name, value));
    }
};

// What came back. For a streamed body `body` stays empty.
struct TransportResponse
{
    int status = 0;
    QUrl url; // the URL that answered (after redirects)
    HeaderList headers;
    QByteArray body;
    bool bodyTruncated = false; // an error body cut at MaxErrorBodyBytes

    // First header of that name, case-insensitive; repeats are joined by Qt with ", ".
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // Content-Length, or -1 when absent or not a number.
    qint64 contentLength() const;
};

} // namespace oci
