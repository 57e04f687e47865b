#pragma once

#include "oci/auth/authenticator.h"
#include "oci/core/error.h"
#include "oci/transport/ownedrequest.h"
#include "oci/transport/registryconfig.h"
#include "oci/transport/transportrequest.h"

#include <QObject>

namespace oci {

struct AuthChallenge;
class HopSession;
class Transport;

// One registry request with authentication: credentials for the registry's origin are
// attached up front when the registry's scheme is known, and a 401 from the registry is
// answered once (fresh credentials or token), plus once more for
// error="insufficient_scope" (scope merged) or error="invalid_token" (token dropped).
// Anything else -> Unauthorized; 403 -> Denied (no auth retry). A 401 from any other host
// (object storage after a redirect) is never answered with the registry's credentials.
//
// ok() only for a 2xx answer; any other status becomes a structured error().
// finished() is emitted exactly once, never from Transport::send(); abort() and the
// destructor silence it.
class TransportReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransportReply)

public:
    ~TransportReply() override;

    void abort();
    // Flow control for TransportRequest::streamBody: while paused the body is not read and no
    // timeout runs (HopSession::setReadPaused), across authentication rounds too.
    void setReadPaused(bool paused);
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && m_error.code() == Error::Code::None; }
    const Error &error() const { return m_error; }
    // The final answer (also for most errors: status, headers, the capped error body).
    const TransportResponse &response() const { return m_response; }
    const TransportRequest &request() const { return m_request; }
    // The scheme the registry asked for ("basic", "bearer"), empty if it asked for none.
    QString authScheme() const { return m_authScheme; }
    int retriesUsed() const { return m_retries; }

Q_SIGNALS:
    // For TransportRequest::streamBody: a 2xx answer's headers are in response(), the
    // body follows in chunks. Not emitted for 3xx/4xx/5xx answers.
    void responseStarted();
    void bodyData(const QByteArray &chunk);
    void downloadProgress(qint64 received, qint64 total);
    // Bytes of TransportRequest::body sent so far (restarts if the request is sent again).
    void uploadProgress(qint64 sent, qint64 total);
    void finished();

private:
    friend class Transport;
    TransportReply(Transport *transport, RegistryConfig registry, TransportRequest request,
                   QObject *parent);
    void start();

    void authorizeThenSend(const AuthChallenge &challenge);
    void sendWith(QByteArray authorization);
    void onHopFinished();
    void handleUnauthorized();
    void fail(Error error);
    void finish();

    Transport *m_transport;
    RegistryConfig m_registry;
    TransportRequest m_request;
    OwnedRequest<HopSession> m_hop;
    AuthGrant m_grant;
    QString m_authScheme;
    int m_freshRounds = 0;          // 401 answered with newly obtained credentials
    bool m_retriedRejected = false; // the one retry after a rejected credential
    int m_retries = 0;
    bool m_finished = false;
    bool m_aborted = false;
    bool m_readPaused = false;
    TransportResponse m_response;
    Error m_error;
};

} // namespace oci
