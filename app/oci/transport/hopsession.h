#pragma once

#include "oci/core/error.h"
#include "oci/transport/registryconfig.h"
#include "oci/transport/transportrequest.h"

#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

class QNetworkReply;

namespace oci {

class Transport;

// What one HopSession sends.
struct HopRequest
{
    TransportRequest request;
    RegistryConfig registry;  // TLS settings (for its host only) and error context
    QByteArray authorization; // the Authorization value, or empty
    QUrl authOrigin;          // ... sent only while the chain stays on this origin
};

// One logical request: the redirect hop loop (manual, <= maxRedirects, no https->http,
// Authorization only on authOrigin and never again once the chain has left it), the
// inactivity timeout, body caps, and retries with backoff for replayable requests.
// Knows nothing about authentication: a 401 is just a response here.
//
// Result: ok() with response() for any HTTP answer that is not retried further (including
// 4xx/5xx: the caller maps them), or error() for transport failures (Network, Timeout,
// Tls, RedirectRefused, SizeLimitExceeded). finished() is emitted once, never from start().
class HopSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HopSession)

public:
    HopSession(Transport *transport, HopRequest request, QObject *parent = nullptr);
    ~HopSession() override;

    void start();
    // Stops all activity; no signal afterwards. Idempotent.
    void abort();
    // Flow control for a streamed body whose consumer is slower than the peer: while paused,
    // the body is not read (the reply's bounded read buffer fills and TCP holds the peer
    // back) and the inactivity timeout does not run; a reply that ends meanwhile is finished
    // once resumed. No effect on bodies that are not streamed.
    void setReadPaused(bool paused);
    bool isReadPaused() const { return m_readPaused; }

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_error.code() == Error::Code::None; }
    const Error &error() const { return m_error; }
    const TransportResponse &response() const { return m_response; }
    // The answering hop was reached after the chain left authOrigin.
    bool leftAuthOrigin() const { return m_leftAuthOrigin; }
    int retriesUsed() const { return m_retries; }

Q_SIGNALS:
    // A streamed 2xx answer: status and headers are in response(); the body follows.
    void responseStarted();
    void bodyData(const QByteArray &chunk);
    void downloadProgress(qint64 received, qint64 total);
    // Bytes of the request body sent on the current hop (restarts on a retry or redirect).
    void uploadProgress(qint64 sent, qint64 total);
    void finished();

private:
    void beginChain();
    void sendHop();
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void onIdleTimeout();
    void followRedirect(const QByteArray &location);
    // Schedules another attempt when allowed; false when the failure is final.
    bool scheduleRetry(int retryAfterSeconds);
    void failTransport(Error error, bool retryable);
    void finishWith(Error error);
    void finish();
    void dropReply();
    // Restarts the inactivity timeout, unless a streamed body is paused.
    void touchIdleTimer();
    void resumeReading();
    Error contextual(Error error) const;
    bool isSuccessStatus() const { return m_status >= 200 && m_status < 300; }
    bool isRedirectStatus() const;

    Transport *m_transport;
    HopRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_idleTimer;
    QTimer m_retryTimer;
    QList<QSslError> m_sslErrors;

    // Per chain (reset on retry).
    QUrl m_url;
    QByteArray m_method;
    QByteArray m_body;
    int m_hops = 0;
    bool m_leftAuthOrigin = false;
    // Per hop.
    int m_status = 0;
    bool m_timedOut = false;
    bool m_streaming = false;
    qint64 m_received = 0;
    bool m_finishDeferred = false; // the reply ended while its body was paused

    bool m_readPaused = false; // setReadPaused(): for every hop

    int m_retries = 0;
    bool m_deliveredBody = false; // a streamed body was handed out: no replay possible
    bool m_bodyResent = false;    // a bodySource body was sent again after ContentReSendError
    bool m_finished = false;
    bool m_aborted = false;
    TransportResponse m_response;
    Error m_error;
};

} // namespace oci
