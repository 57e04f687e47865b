#include "oci/transport/transportreply.h"

#include "oci/auth/authscope.h"
#include "oci/auth/challenge.h"
#include "oci/transport/hopsession.h"
#include "oci/transport/httperror.h"
#include "oci/transport/origin.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportlog.h"

namespace oci {

namespace {

const AuthChallenge *pickChallenge(const QList<AuthChallenge> &challenges)
{
    // Bearer over Basic (containerd, GGCR); other schemes are not implemented.
    for (const QLatin1String scheme : {QLatin1String("bearer"), QLatin1String("basic")}) {
        for (const AuthChallenge &challenge : challenges) {
            if (challenge.scheme == scheme)
                return &challenge;
        }
    }
    return nullptr;
}

} // namespace

TransportReply::TransportReply(Transport *transport, RegistryConfig registry,
                               TransportRequest request, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_registry(std::move(registry))
    , m_request(std::move(request))
{
}

TransportReply::~TransportReply()
{
    m_aborted = true;
    m_hop.reset();
}

void TransportReply::start()
{
    // Queued: finished() must never come from inside Transport::send().
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_aborted)
                return;
            if (const std::optional<AuthChallenge> known =
                    m_transport->knownChallenge(m_registry.host)) {
                m_authScheme = known->scheme;
                authorizeThenSend(*known);
            } else {
                sendWith({});
            }
        },
        Qt::QueuedConnection);
}

void TransportReply::abort()
{
    m_aborted = true;
    m_hop.reset();
}

void TransportReply::setReadPaused(bool paused)
{
    m_readPaused = paused;
    if (m_hop)
        m_hop->setReadPaused(paused);
}

void TransportReply::authorizeThenSend(const AuthChallenge &challenge)
{
    m_transport->authenticator()->authorize(m_registry, challenge, m_request.scopes, this,
                                            [this](Result<AuthGrant> grant) {
                                                if (m_aborted || m_finished)
                                                    return;
                                                if (!grant) {
                                                    fail(grant.error());
                                                    return;
                                                }
                                                m_grant = grant.value();
                                                sendWith(m_grant.authorization);
                                            });
}

void TransportReply::sendWith(QByteArray authorization)
{
    HopRequest hop;
    hop.request = m_request;
    hop.registry = m_registry;
    hop.authorization = std::move(authorization);
    hop.authOrigin = m_registry.baseUrl();
    m_hop.reset(new HopSession(m_transport, std::move(hop)));
    HopSession *session = m_hop.get();
    connect(session, &HopSession::responseStarted, this, [this, session] {
        m_response = session->response();
        Q_EMIT responseStarted();
    });
    connect(session, &HopSession::bodyData, this, &TransportReply::bodyData);
    connect(session, &HopSession::downloadProgress, this, &TransportReply::downloadProgress);
    connect(session, &HopSession::uploadProgress, this, &TransportReply::uploadProgress);
    connect(session, &HopSession::finished, this, &TransportReply::onHopFinished);
    if (m_readPaused)
        session->setReadPaused(true);
    session->start();
}

void TransportReply::onHopFinished()
{
    if (!m_hop)
        return;
    const OwnedRequest<HopSession> hop = std::move(m_hop);
    m_retries += hop->retriesUsed();
    m_response = hop->response();
    if (!hop->ok()) {
        fail(hop->error());
        return;
    }
    const int status = m_response.status;
    if (status >= 200 && status < 300) {
        finish();
        return;
    }
    if (status == 401) {
        if (hop->leftAuthOrigin()) {
            Error error = errorForResponse(m_response, m_registry.host, m_request.object);
            fail(Error(Error::Code::Unauthorized,
                       QStringLiteral("%1, reached by a redirect, asks for credentials; the "
                                      "registry's credentials are not sent to other hosts")
                           .arg(hostPortOf(m_response.url)))
                     .withHttpStatus(401)
                     .withRegistryErrors(error.registryErrors()));
            return;
        }
        handleUnauthorized();
        return;
    }
    fail(errorForResponse(m_response, m_registry.host, m_request.object));
}

void TransportReply::handleUnauthorized()
{
    qCDebug(lcTransport) << this << "401; grant" << m_grant.scheme << "fresh rounds"
                         << m_freshRounds << "retried" << m_retriedRejected;
    const QList<AuthChallenge> challenges =
        parseAuthChallenges(m_response.header("www-authenticate"));
    const AuthChallenge *picked = pickChallenge(challenges);
    Error base = errorForResponse(m_response, m_registry.host, m_request.object);
    if (!picked) {
        QStringList offered;
        for (const AuthChallenge &challenge : challenges)
            offered << challenge.scheme;
        fail(
            Error(Error::Code::Unauthorized,
                  offered.isEmpty()
                      ? QStringLiteral(
                            "the registry answered 401 without an authentication challenge")
                      : QStringLiteral("the registry asks for %1 authentication, which Lading does "
                                       "not support")
                            .arg(offered.join(QStringLiteral(", "))))
                .withHttpStatus(401)
                .withRegistryErrors(base.registryErrors()));
        return;
    }
    const AuthChallenge challenge = *picked;
    m_authScheme = challenge.scheme;
    m_transport->rememberChallenge(m_registry.host, challenge);
    const QStringList challengeScopes = splitScopes(challenge.param(u"scope"));

    const bool sentMatching =
        !m_grant.authorization.isEmpty() && m_grant.scheme == challenge.scheme;
    if (!sentMatching && m_freshRounds == 0) {
        // First contact (or the registry changed its scheme): get credentials, try again.
        ++m_freshRounds;
        m_request.scopes = mergeScopes(challengeScopes, m_request.scopes);
        authorizeThenSend(challenge);
        return;
    }

    const QString reason = challenge.param(u"error").toLower();
    if (m_grant.scheme == u"bearer" && reason != u"insufficient_scope")
        m_transport->authenticator()->forgetToken(m_grant.tokenKey);
    if (sentMatching && !m_retriedRejected) {
        bool retry = false;
        if (reason == u"insufficient_scope") {
            const QStringList merged = mergeScopes(m_request.scopes, challengeScopes);
            retry = canonicalScopes(merged) != canonicalScopes(m_request.scopes);
            m_request.scopes = merged;
        } else if (challenge.scheme == u"bearer" && !m_grant.tokenKey.isEmpty()) {
            // Expired/revoked (invalid_token), or a cached token the registry no longer takes.
            retry = reason == u"invalid_token" || m_grant.fromCache;
        }
        if (retry) {
            m_retriedRejected = true;
            authorizeThenSend(challenge);
            return;
        }
    }

    const QString who = m_grant.username.isEmpty() ? QStringLiteral("anonymous access")
                                                   : QStringLiteral("'%1'").arg(m_grant.username);
    QString message;
    if (reason == u"insufficient_scope") {
        message = QStringLiteral("the registry wants the permission '%1', which the token for %2 "
                                 "does not grant")
                      .arg(challengeScopes.join(u' '), who);
    } else if (challenge.scheme == u"basic") {
        message = QStringLiteral("the registry rejected the username and password of %1").arg(who);
    } else if (m_grant.tokenKey.isEmpty()) {
        message = QStringLiteral("the registry rejected the registry token");
    } else {
        message = QStringLiteral("the registry rejected the token issued for %1%2")
                      .arg(who, reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason));
    }
    fail(Error(Error::Code::Unauthorized, message)
             .withHttpStatus(401)
             .withRegistryErrors(base.registryErrors()));
}

void TransportReply::fail(Error error)
{
    if (error.registry().isEmpty())
        error.withRegistry(m_registry.host);
    if (error.object().isEmpty())
        error.withObject(m_request.object);
    if (error.url().isEmpty())
        error.withUrl(m_response.url.isEmpty() ? m_request.url : m_response.url);
    m_error = std::move(error);
    finish();
}

void TransportReply::finish()
{
    qCDebug(lcTransport) << this << "reply finished" << m_request.method
                         << m_request.url.toDisplayString() << m_response.status
                         << Error::codeName(m_error.code()) << "aborted" << m_aborted;
    if (m_finished || m_aborted)
        return;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace oci
