#include "oci/transport/hopsession.h"

#include "oci/transport/origin.h"
#include "oci/transport/retryafter.h"
#include "oci/transport/tlsconfig.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportlog.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcTransport, "lading.transport", QtWarningMsg)

namespace oci {

namespace {

bool isTransportLevel(QNetworkReply::NetworkError code)
{
    // 1..99 connection, 101..199 proxy; 399 = a response Qt could not parse.
    return (code > QNetworkReply::NoError && code < QNetworkReply::ContentAccessDenied) ||
           code == QNetworkReply::ProtocolFailure;
}

bool isRetryableStatus(int status)
{
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 ||
           status == 504;
}

} // namespace

HopSession::HopSession(Transport *transport, HopRequest request, QObject *parent)
    : QObject(parent), m_transport(transport), m_request(std::move(request))
{
    m_idleTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &HopSession::onIdleTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &HopSession::beginChain);
}

HopSession::~HopSession()
{
    m_aborted = true;
    dropReply();
}

void HopSession::start()
{
    // Never finish from inside start(): callers connect afterwards.
    m_retryTimer.start(0);
}

void HopSession::abort()
{
    if (m_aborted)
        return;
    m_aborted = true;
    m_idleTimer.stop();
    m_retryTimer.stop();
    dropReply();
}

void HopSession::setReadPaused(bool paused)
{
    if (m_readPaused == paused)
        return;
    m_readPaused = paused;
    if (!m_reply || m_finished || m_aborted)
        return;
    if (paused) {
        if (m_streaming)
            m_idleTimer.stop();
        return;
    }
    m_idleTimer.start();
    // What arrived while paused raises no new readyRead(): read it on the next turn (not
    // from inside this call, whose caller may be consuming the body right now).
    QMetaObject::invokeMethod(this, &HopSession::resumeReading, Qt::QueuedConnection);
}

void HopSession::resumeReading()
{
    if (m_readPaused || !m_reply || m_finished || m_aborted)
        return;
    if (m_finishDeferred) {
        m_finishDeferred = false;
        onReplyFinished();
    } else if (m_reply->bytesAvailable() > 0) {
        onReadyRead();
    }
}

void HopSession::touchIdleTimer()
{
    if (!(m_readPaused && m_streaming))
        m_idleTimer.start();
}

void HopSession::beginChain()
{
    if (m_aborted || m_finished)
        return;
    m_url = m_request.request.url;
    m_method = m_request.request.method;
    m_body = m_request.request.body;
    m_hops = 0;
    m_leftAuthOrigin = !isSameOrigin(m_url, m_request.authOrigin);
    sendHop();
}

void HopSession::sendHop()
{
    m_status = 0;
    m_timedOut = false;
    m_streaming = false;
    m_received = 0;
    m_finishDeferred = false;
    m_sslErrors.clear();
    m_response = TransportResponse();
    m_response.url = m_url;

    const QString scheme = m_url.scheme().toLower();
    if (!m_url.isValid() || m_url.host().isEmpty() || (scheme != u"https" && scheme != u"http")) {
        finishWith(Error(Error::Code::InvalidArgument,
                         QStringLiteral("not an http(s) URL: %1").arg(m_url.toDisplayString())));
        return;
    }

    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // Registry auth is ours: no QNAM credential cache, no cookies, no HTTP cache.
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader("User-Agent", m_transport->userAgent());
    // Otherwise Qt asks for gzip and silently decodes it: blob digests would not match.
    request.setRawHeader("Accept-Encoding", "identity");
    for (const auto &header : m_request.request.headers) {
        if (QByteArrayView(header.first).compare("authorization", Qt::CaseInsensitive) != 0)
            request.setRawHeader(header.first, header.second);
    }
    if (!m_request.authorization.isEmpty() && !m_leftAuthOrigin &&
        isSameOrigin(m_url, m_request.authOrigin))
        request.setRawHeader("Authorization", m_request.authorization);

    if (scheme == u"https" && isSameHost(m_url, m_request.registry.baseUrl())) {
        Result<QSslConfiguration> ssl = m_transport->sslConfigurationFor(m_request.registry);
        if (!ssl) {
            finishWith(ssl.error());
            return;
        }
        request.setSslConfiguration(ssl.value());
    }

    qCDebug(lcTransport) << this << m_method << m_url.toDisplayString()
                         << "auth:" << request.hasRawHeader("Authorization") << "hop" << m_hops
                         << "retry" << m_retries;
    QNetworkAccessManager *nam = m_transport->networkAccessManager();
    QNetworkReply *reply = nullptr;
    if (m_method == "GET")
        reply = nam->get(request);
    else if (m_method == "HEAD")
        reply = nam->head(request);
    else if (m_request.request.bodySource) {
        QIODevice *body = m_request.request.bodySource();
        if (!body || !body->isReadable()) {
            delete body;
            finishWith(Error(Error::Code::Io,
                             QStringLiteral("the body of the request could not be read")));
            return;
        }
        // With a length given, Qt streams a sequential device instead of reading it whole.
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.request.bodySize);
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = nam->sendCustomRequest(request, m_method, body);
        body->setParent(reply);
    } else {
        reply = nam->sendCustomRequest(request, m_method, m_body);
    }
    m_reply = reply;
    // Without a bound, Qt's network thread reads as fast as the peer sends: a hostile
    // registry could fill memory between two readyRead()s, before a size cap is checked.
    // Bounded, TCP holds the peer back. Blobs stream through a larger window.
    reply->setReadBufferSize(m_request.request.streamBody ? 4 * 1024 * 1024 : 256 * 1024);

    connect(reply, &QNetworkReply::metaDataChanged, this, &HopSession::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &HopSession::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &HopSession::onReplyFinished);
    connect(reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        m_idleTimer.start();
        Q_EMIT uploadProgress(sent, total);
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        touchIdleTimer();
        if (m_streaming)
            Q_EMIT downloadProgress(received, total);
    });
    m_idleTimer.start(m_transport->options().transferTimeoutMs);
}

bool HopSession::isRedirectStatus() const
{
    return m_status == 301 || m_status == 302 || m_status == 303 || m_status == 307 ||
           m_status == 308;
}

void HopSession::onMetaDataChanged()
{
    touchIdleTimer();
    const QVariant status =
        m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute) : QVariant();
    if (!status.isValid() || m_streaming)
        return;
    m_status = status.toInt();
    if (!isSuccessStatus())
        return;
    m_response.status = m_status;
    m_response.headers = m_reply->rawHeaderPairs();
    if (m_request.request.streamBody) {
        m_streaming = true;
        Q_EMIT responseStarted();
        return;
    }
    const qint64 declared = m_response.contentLength();
    if (m_method != "HEAD" && declared > m_request.request.maxBodyBytes) {
        finishWith(Error(Error::Code::SizeLimitExceeded,
                         QStringLiteral("the response declares %1 bytes, over the limit of %2")
                             .arg(declared)
                             .arg(m_request.request.maxBodyBytes)));
    }
}

void HopSession::onReadyRead()
{
    touchIdleTimer();
    if (!m_reply)
        return;
    if (m_status == 0)
        onMetaDataChanged();
    if (!m_reply)
        return;
    if (m_streaming && m_readPaused) {
        m_idleTimer.stop();
        return; // left in the reply's bounded buffer until resumed
    }
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty() || isRedirectStatus())
        return;
    m_received += chunk.size();
    if (m_streaming) {
        m_deliveredBody = true;
        Q_EMIT bodyData(chunk); // the receiver may abort() us meanwhile
        return;
    }
    if (isSuccessStatus()) {
        if (m_method == "HEAD")
            return;
        m_response.body += chunk;
        if (m_response.body.size() > m_request.request.maxBodyBytes) {
            m_response.body.clear();
            finishWith(Error(Error::Code::SizeLimitExceeded,
                             QStringLiteral("the response is larger than the limit of %1 bytes")
                                 .arg(m_request.request.maxBodyBytes)));
        }
        return;
    }
    // An error body: keep the first MaxErrorBodyBytes, then stop reading and answer with it.
    const qint64 room = MaxErrorBodyBytes - m_response.body.size();
    m_response.body += chunk.left(room);
    if (chunk.size() > room) {
        m_response.bodyTruncated = true;
        m_response.status = m_status;
        m_response.headers = m_reply->rawHeaderPairs();
        m_idleTimer.stop();
        dropReply();
        if (isRetryableStatus(m_status) &&
            scheduleRetry(parseRetryAfter(m_response.header("retry-after"),
                                          QDateTime::currentDateTimeUtc(), 86400)))
            return;
        finish();
    }
}

void HopSession::onReplyFinished()
{
    m_idleTimer.stop();
    QNetworkReply *reply = m_reply;
    if (!reply || m_aborted || m_finished)
        return;
    if (m_streaming && m_readPaused && reply->bytesAvailable() > 0) {
        m_finishDeferred = true; // the rest of the body first, once resumed
        return;
    }
    if (reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_reply != reply || m_finished || m_aborted)
        return; // onReadyRead finished or dropped it
    const QNetworkReply::NetworkError code = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QString errorString = reply->errorString();
    const HeaderList headers = reply->rawHeaderPairs();
    qCDebug(lcTransport) << this << "finished" << code << status << m_received << "bytes"
                         << (m_timedOut ? "timed out" : "");
    dropReply();

    // Qt 6.4 resends a request whose kept-alive connection the server had closed, but fails
    // it instead when the body's device cannot be rewound. The device came from a factory:
    // a fresh one goes out on a fresh connection, once (a second failure is the server's).
    // With a status the server did answer (Qt says ContentReSendError on a 307 or 401 to a
    // streamed body too): that answer is handled below.
    if (code == QNetworkReply::ContentReSendError && !status.isValid() &&
        m_request.request.bodySource && !m_bodyResent && !m_timedOut) {
        m_bodyResent = true;
        qCDebug(lcTransport) << this << "sending the body again from a fresh device";
        sendHop();
        return;
    }

    if (m_timedOut) {
        failTransport(Error(Error::Code::Timeout,
                            QStringLiteral("no data from %1 for %2 s")
                                .arg(hostPortOf(m_url))
                                .arg(m_transport->options().transferTimeoutMs / 1000.0)),
                      true);
        return;
    }
    if (isTransportLevel(code) || !status.isValid()) {
        if (code == QNetworkReply::SslHandshakeFailedError) {
            const QString details =
                m_sslErrors.isEmpty() ? errorString : describeSslErrors(m_sslErrors);
            // OpenSSL's word for an answer that is not TLS at all: a plain-HTTP registry.
            if (m_sslErrors.isEmpty() && errorString.contains(u"wrong version number")) {
                failTransport(Error(Error::Code::Tls,
                                    QStringLiteral("%1 does not answer in TLS: it looks like a "
                                                   "plain-HTTP registry; connect to it with "
                                                   "plain HTTP if you trust the network")
                                        .arg(hostPortOf(m_url))),
                              false);
                return;
            }
            failTransport(
                Error(Error::Code::Tls,
                      QStringLiteral("TLS handshake with %1 failed: %2. If this registry "
                                     "uses a private CA, give its CA file; mark it insecure "
                                     "only if you trust the network")
                          .arg(hostPortOf(m_url), details)),
                false);
            return;
        }
        QString message = errorString;
        // Qt's words for a peer that went away mid-request say little ("Unknown error").
        if (code == QNetworkReply::RemoteHostClosedError || code == QNetworkReply::UnknownNetworkError)
            message = QStringLiteral("the connection to %1 was lost (the registry may have "
                                     "stopped or restarted): %2")
                          .arg(hostPortOf(m_url), errorString);
        else if (code == QNetworkReply::ContentReSendError)
            message = QStringLiteral("%1 closed the connection while the request was being "
                                     "sent, again after it was sent anew")
                          .arg(hostPortOf(m_url));
        else if (code == QNetworkReply::ConnectionRefusedError)
            message = QStringLiteral("%1 refused the connection (is the registry running?)")
                          .arg(hostPortOf(m_url));
        if (m_status != 0 && m_received > 0)
            message = QStringLiteral("the connection broke after %1 bytes of the body: %2")
                          .arg(m_received)
                          .arg(errorString);
        failTransport(
            Error(code == QNetworkReply::TimeoutError ? Error::Code::Timeout : Error::Code::Network,
                  message),
            true);
        return;
    }

    m_status = status.toInt();
    m_response.status = m_status;
    m_response.headers = headers;
    m_response.url = m_url;

    // Qt 6.4 now and then finishes a body cut short by a closed connection without an error.
    const qint64 declared = m_response.contentLength();
    if (isSuccessStatus() && m_method != "HEAD" && declared >= 0 && m_received < declared) {
        m_response.body.clear();
        failTransport(Error(Error::Code::Network,
                            QStringLiteral("the connection broke after %1 of %2 bytes of the body")
                                .arg(m_received)
                                .arg(declared)),
                      true);
        return;
    }

    if (isRedirectStatus() && m_request.request.followRedirects) {
        const QByteArray location = m_response.header("location");
        if (!location.isEmpty()) {
            followRedirect(location);
            return;
        }
    }
    if (isRetryableStatus(m_status) &&
        scheduleRetry(parseRetryAfter(m_response.header("retry-after"),
                                      QDateTime::currentDateTimeUtc(), 86400)))
        return;
    finish();
}

void HopSession::onIdleTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort(); // finished() arrives synchronously and sees m_timedOut
}

void HopSession::followRedirect(const QByteArray &location)
{
    const auto refuse = [this](const QString &why) {
        finishWith(Error(Error::Code::RedirectRefused, why));
    };
    Result<QUrl> followed =
        followLocation(m_url, location, QStringLiteral("the server's redirect"));
    if (!followed) {
        finishWith(followed.error());
        return;
    }
    const QUrl next = followed.value();
    const int maxRedirects = m_transport->options().maxRedirects;
    if (++m_hops > maxRedirects) {
        refuse(QStringLiteral("more than %1 redirects (a redirect loop?), last to %2")
                   .arg(maxRedirects)
                   .arg(next.toDisplayString()));
        return;
    }
    // Once the chain leaves the credentials' origin they are gone for good (CVE-2024-45336).
    if (!isSameOrigin(next, m_request.authOrigin))
        m_leftAuthOrigin = true;
    if (m_status == 303 ? m_method != "HEAD" : (m_status <= 302 && m_method == "POST")) {
        m_method = "GET";
        m_body.clear();
    }
    m_url = next;
    sendHop();
}

bool HopSession::scheduleRetry(int retryAfterSeconds)
{
    const TransportOptions &options = m_transport->options();
    if (!m_request.request.isRetryable() || m_deliveredBody || m_retries >= options.maxRetries)
        return false;
    if (retryAfterSeconds > options.maxRetryAfterSeconds)
        return false;
    qint64 delay =
        qMin<qint64>(options.backoffMaxMs, qint64(options.backoffBaseMs) << qMin(m_retries, 20));
    delay = delay / 2 + QRandomGenerator::global()->bounded(delay / 2 + 1); // jitter
    if (retryAfterSeconds > 0)
        delay = qMax<qint64>(delay, qint64(retryAfterSeconds) * 1000);
    ++m_retries;
    qCDebug(lcTransport) << this << "retry" << m_retries << "in" << delay << "ms";
    m_retryTimer.start(int(qMin<qint64>(delay, std::numeric_limits<int>::max())));
    return true;
}

void HopSession::failTransport(Error error, bool retryable)
{
    if (retryable && scheduleRetry(-1))
        return;
    finishWith(std::move(error));
}

Error HopSession::contextual(Error error) const
{
    if (error.registry().isEmpty())
        error.withRegistry(m_request.registry.host);
    if (error.object().isEmpty())
        error.withObject(m_request.request.object);
    if (error.url().isEmpty())
        error.withUrl(m_url);
    return error;
}

void HopSession::finishWith(Error error)
{
    m_error = contextual(std::move(error));
    finish();
}

void HopSession::finish()
{
    if (m_finished || m_aborted)
        return;
    m_finished = true;
    m_idleTimer.stop();
    m_retryTimer.stop();
    dropReply();
    Q_EMIT finished();
}

void HopSession::dropReply()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

} // namespace oci
