#include "oci/auth/tokenfetch.h"

#include "oci/transport/hopsession.h"
#include "oci/transport/httperror.h"
#include "oci/transport/origin.h"

namespace oci {

namespace {

QByteArray formField(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

QByteArray basicAuthorization(const Credentials &credentials)
{
    return "Basic " + (credentials.username + u':' + credentials.password).toUtf8().toBase64();
}

} // namespace

TokenFetch::TokenFetch(Transport *transport, Params params, Callback done, QObject *parent)
    : QObject(parent), m_transport(transport), m_params(std::move(params)), m_done(std::move(done))
{
}

TokenFetch::~TokenFetch() = default;

void TokenFetch::abort()
{
    m_aborted = true;
    m_session.reset();
}

void TokenFetch::start()
{
    if (!m_params.refreshToken.isEmpty())
        startPost();
    else
        startGet();
}

void TokenFetch::startPost()
{
    m_posting = true;
    HopRequest hop;
    hop.registry = m_params.registry;
    hop.authOrigin = m_params.realm;
    hop.request.method = "POST";
    hop.request.url = m_params.realm;
    hop.request.maxBodyBytes = MaxTokenBytes;
    hop.request.addHeader("Content-Type", "application/x-www-form-urlencoded");
    hop.request.addHeader("Accept", "application/json");
    QByteArrayList fields{formField("grant_type", QStringLiteral("refresh_token")),
                          formField("refresh_token", m_params.refreshToken),
                          formField("client_id", QStringLiteral("lading"))};
    if (!m_params.service.isEmpty())
        fields << formField("service", m_params.service);
    if (!m_params.scopes.isEmpty()) // OAuth2: one scope field, space-separated
        fields << formField("scope", m_params.scopes.join(u' '));
    hop.request.body = fields.join('&');
    m_session.reset(new HopSession(m_transport, std::move(hop)));
    connect(m_session.get(), &HopSession::finished, this, &TokenFetch::onFinished);
    m_session->start();
}

void TokenFetch::startGet()
{
    m_posting = false;
    // Merge into the realm's own query; values fully percent-encoded ('+' must not
    // become a space on the server).
    QByteArray query = m_params.realm.query(QUrl::FullyEncoded).toLatin1();
    const auto add = [&query](const char *name, const QString &value) {
        if (!query.isEmpty())
            query += '&';
        query += formField(name, value);
    };
    if (!m_params.service.isEmpty())
        add("service", m_params.service);
    for (const QString &scope : std::as_const(m_params.scopes))
        add("scope", scope);
    if (!m_params.credentials.username.isEmpty())
        add("account", m_params.credentials.username);
    QUrl url = m_params.realm;
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);

    HopRequest hop;
    hop.registry = m_params.registry;
    hop.authOrigin = m_params.realm;
    hop.request.url = url;
    hop.request.maxBodyBytes = MaxTokenBytes;
    hop.request.addHeader("Accept", "application/json");
    if (!m_params.credentials.username.isEmpty() && !m_params.credentials.password.isEmpty())
        hop.authorization = basicAuthorization(m_params.credentials);
    m_session.reset(new HopSession(m_transport, std::move(hop)));
    connect(m_session.get(), &HopSession::finished, this, &TokenFetch::onFinished);
    m_session->start();
}

Error TokenFetch::tokenError(const Error &cause) const
{
    Error error = cause;
    const QString server = hostPortOf(m_params.realm);
    if (cause.httpStatus() == 401) {
        error = Error(Error::Code::Unauthorized,
                      m_params.credentials.isAnonymous()
                          ? QStringLiteral("the token server %1 refused an anonymous token; this "
                                           "registry needs credentials")
                                .arg(server)
                          : QStringLiteral("the token server %1 rejected the credentials of '%2'")
                                .arg(server, m_params.credentials.username));
        error.withHttpStatus(401).withRegistryErrors(cause.registryErrors()).withUrl(cause.url());
    } else if (cause.code() != Error::Code::None && cause.httpStatus() == 0) {
        error = Error(cause.code(),
                      QStringLiteral("token request to %1: %2").arg(server, cause.message()));
        error.withUrl(cause.url());
    }
    // The object stays empty: the request that needed the token fills in its own.
    error.withRegistry(m_params.registry.host).withObject(QString());
    return error;
}

void TokenFetch::onFinished()
{
    if (m_aborted || !m_session)
        return;
    const OwnedRequest<HopSession> session = std::move(m_session);
    if (!session->ok()) {
        m_done(tokenError(session->error()));
        return;
    }
    const TransportResponse &response = session->response();
    if (m_posting && (response.status == 400 || response.status == 401 || response.status == 404 ||
                      response.status == 405)) {
        // ACR 400, Artifactory 401, GCR 404, 405: this server wants the GET form.
        startGet();
        return;
    }
    if (response.status < 200 || response.status >= 300) {
        m_done(tokenError(errorForResponse(response, m_params.registry.host, QString())));
        return;
    }
    Result<TokenResponse> token = parseTokenResponse(response.body);
    if (!token) {
        Error error(token.error().code(),
                    QStringLiteral("the token server %1 answered with an unusable "
                                   "token: %2")
                        .arg(hostPortOf(m_params.realm), token.error().message()));
        error.withRegistry(m_params.registry.host).withUrl(response.url);
        m_done(std::move(error));
        return;
    }
    m_done(std::move(token));
}

} // namespace oci
