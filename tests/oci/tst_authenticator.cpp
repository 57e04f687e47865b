// Authentication through oci::Transport (Authenticator, TokenFetch, TokenCache) against a
// fake registry and token server made of HttpTestServers: Basic, Bearer with GET and with
// the OAuth2 refresh-token POST (and its GET fallback), token caching and expiry, single
// flight, insufficient_scope / invalid_token retries, 403, realm validation.

#include "nettestsupport.h"

#include "support/testcerts.h"

#include "oci/auth/authenticator.h"

#include <QTemporaryDir>
#include <QUrlQuery>

using namespace nettest;
using oci::Error;

namespace {

QStringList decodedValues(const HttpTestRequest &request, const QString &key)
{
    return request.query().allQueryItemValues(key, QUrl::FullyDecoded);
}

QUrlQuery formOf(const HttpTestRequest &request)
{
    return QUrlQuery(QString::fromLatin1(request.body));
}

} // namespace

class TestAuthenticator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void basicFlow();
    void basicWithoutCredentials();
    void basicRejected();
    void bearerGetFlow();
    void bearerAnonymous();
    void bearerPreferredOverBasic();
    void tokenIsCached();
    void tokenExpiryHonoured();
    void concurrentRequestsShareOneTokenFetch();
    void refreshTokenPost();
    void postFallsBackToGet_data();
    void postFallsBackToGet();
    void insufficientScopeRetriedOnceThenUnauthorized();
    void invalidTokenRefetchedOnce();
    void sameRejectionStops();
    void forbiddenIsDeniedWithoutAuthRetry();
    void realmValidation_data();
    void realmValidation();
    void httpRealmRefusedForHttpsRegistry();
    void realmQueryIsMerged();
    void registryTokenSentDirectly();
    void tokenResponseMalformed();
    void tokenServerRejectsCredentials();
    void tokenRedirectDropsCredentials();

private:
    oci::TransportReply *get(QByteArrayView path, const QStringList &scopes = {});
    void setCredentials(const oci::Credentials &credentials);
    QByteArray challenge(const QByteArray &scope, const QByteArray &error = {}) const;
    // Registry: 401 Bearer challenge unless a token issued by the token server is presented.
    void serveBearerRegistry();
    void serveTokens();

    std::unique_ptr<HttpTestServer> m_registry;
    std::unique_ptr<HttpTestServer> m_tokens;
    std::unique_ptr<oci::Transport> m_transport;
    std::shared_ptr<FixedCredentials> m_credentials;
    std::vector<std::unique_ptr<oci::TransportReply>> m_replies;
    QHash<QByteArray, QStringList> m_issued; // token -> scopes it was issued for
    int m_expiresIn = 300;
    int m_tokenDelayMs = 0;
};

void TestAuthenticator::init()
{
    m_registry = std::make_unique<HttpTestServer>();
    m_tokens = std::make_unique<HttpTestServer>();
    QVERIFY(m_registry->listen());
    QVERIFY(m_tokens->listen());
    m_transport = std::make_unique<oci::Transport>();
    m_transport->setOptions(fastOptions());
    m_issued.clear();
    m_expiresIn = 300;
    m_tokenDelayMs = 0;
    serveTokens();
}

void TestAuthenticator::cleanup()
{
    m_replies.clear();
    m_transport.reset();
    m_registry.reset();
    m_tokens.reset();
    m_credentials.reset();
}

oci::TransportReply *TestAuthenticator::get(QByteArrayView path, const QStringList &scopes)
{
    oci::TransportRequest request = getRequest(*m_registry, path);
    request.scopes = scopes;
    m_replies.emplace_back(m_transport->send(registryFor(*m_registry), request));
    return m_replies.back().get();
}

void TestAuthenticator::setCredentials(const oci::Credentials &credentials)
{
    m_credentials = std::make_shared<FixedCredentials>(credentials);
    m_transport->setCredentialProvider(m_credentials);
}

QByteArray TestAuthenticator::challenge(const QByteArray &scope, const QByteArray &error) const
{
    QByteArray value =
        "Bearer realm=\"" + m_tokens->url("/token").toEncoded() + "\",service=\"registry.test\"";
    if (!scope.isEmpty())
        value += ",scope=\"" + scope + '"';
    if (!error.isEmpty())
        value += ",error=\"" + error + '"';
    return value;
}

void TestAuthenticator::serveBearerRegistry()
{
    m_registry->setHandler([this](const HttpTestRequest &request) {
        const QByteArray authorization = request.header("authorization");
        if (authorization.startsWith("Bearer ") && m_issued.contains(authorization.mid(7)))
            return HttpTestResponse::json(200, R"({"ok":true})");
        return HttpTestResponse::registryError(401, "UNAUTHORIZED", "authentication required")
            .header("WWW-Authenticate", challenge("repository:lib/app:pull"));
    });
}

void TestAuthenticator::serveTokens()
{
    m_tokens->setHandler([this](const HttpTestRequest &request) {
        const QByteArray token = "tok-" + QByteArray::number(m_issued.size() + 1);
        QStringList scopes = request.method == "POST"
                                 ? formOf(request)
                                       .queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                                       .split(u' ', Qt::SkipEmptyParts)
                                 : decodedValues(request, QStringLiteral("scope"));
        m_issued.insert(token, scopes);
        HttpTestResponse response =
            HttpTestResponse::json(200, R"({"token":")" + token + R"(","expires_in":)" +
                                            QByteArray::number(m_expiresIn) + "}");
        response.delayMs = m_tokenDelayMs;
        return response;
    });
}

void TestAuthenticator::basicFlow()
{
    setCredentials(userPassword(u"alice"_qs, u"s3cret"_qs));
    m_registry->setHandler([](const HttpTestRequest &request) {
        if (request.header("authorization") == basicHeader(u"alice"_qs, u"s3cret"_qs))
            return HttpTestResponse::json(200, "{}");
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", R"(Basic realm="Registry Realm")");
    });
    auto *first = get("/v2/");
    QVERIFY(waitFinished(first));
    QVERIFY2(first->ok(), qPrintable(first->error().describe()));
    QCOMPARE(first->authScheme(), u"basic"_qs);
    QCOMPARE(m_registry->requestCount(), 2);
    QVERIFY(!m_registry->requests().at(0).hasHeader("authorization"));
    QCOMPARE(m_credentials->m_hosts.constFirst(), m_registry->hostPort());

    // Known now: the next request carries the credentials up front.
    auto *second = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(second));
    QVERIFY(second->ok());
    QCOMPARE(m_registry->requestCount(), 3);
    QCOMPARE(m_tokens->requestCount(), 0);
}

void TestAuthenticator::basicWithoutCredentials()
{
    m_registry->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", R"(Basic realm="r")");
    });
    auto *reply = get("/v2/");
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::Unauthorized);
    QVERIFY2(reply->error().message().contains(u"username and password"),
             qPrintable(reply->error().message()));
    QCOMPARE(reply->error().registry(), m_registry->hostPort());
    QCOMPARE(m_registry->requestCount(), 1);
}

void TestAuthenticator::basicRejected()
{
    setCredentials(userPassword(u"alice"_qs, u"wrong"_qs));
    m_registry->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", R"(Basic realm="r")");
    });
    auto *reply = get("/v2/");
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::Unauthorized);
    QCOMPARE(reply->error().httpStatus(), 401);
    QVERIFY2(reply->error().message().contains(u"alice"), qPrintable(reply->error().message()));
    QCOMPARE(m_registry->requestCount(), 2);
}

void TestAuthenticator::bearerGetFlow()
{
    setCredentials(userPassword(u"alice"_qs, u"s3cret"_qs));
    serveBearerRegistry();
    auto *reply = get("/v2/lib/app/manifests/latest", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(reply->authScheme(), u"bearer"_qs);

    QCOMPARE(m_tokens->requestCount(), 1);
    const HttpTestRequest token = m_tokens->requests().constFirst();
    QCOMPARE(token.method, QByteArray("GET"));
    QCOMPARE(decodedValues(token, u"service"_qs), QStringList{u"registry.test"_qs});
    QCOMPARE(decodedValues(token, u"scope"_qs), QStringList{u"repository:lib/app:pull"_qs});
    QCOMPARE(decodedValues(token, u"account"_qs), QStringList{u"alice"_qs});
    QCOMPARE(token.header("authorization"), basicHeader(u"alice"_qs, u"s3cret"_qs));

    // The registry saw the token, never the password.
    QCOMPARE(m_registry->requestCount(), 2);
    QCOMPARE(m_registry->requests().at(1).header("authorization"), QByteArray("Bearer tok-1"));
    for (const HttpTestRequest &request : m_registry->requests())
        QVERIFY(!request.header("authorization").startsWith("Basic"));
}

void TestAuthenticator::bearerAnonymous()
{
    serveBearerRegistry();
    auto *reply = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    const HttpTestRequest token = m_tokens->requests().constFirst();
    QVERIFY(!token.hasHeader("authorization"));
    QVERIFY(decodedValues(token, u"account"_qs).isEmpty());
}

void TestAuthenticator::bearerPreferredOverBasic()
{
    setCredentials(userPassword(u"alice"_qs, u"s3cret"_qs));
    m_registry->setHandler([this](const HttpTestRequest &request) {
        if (request.header("authorization").startsWith("Bearer tok-"))
            return HttpTestResponse::json(200, "{}");
        // Qt merges repeated WWW-Authenticate headers into one value: both shapes arrive alike.
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", R"(Basic realm="r")")
            .header("WWW-Authenticate", challenge("repository:lib/app:pull"));
    });
    auto *reply = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(reply->authScheme(), u"bearer"_qs);
    QCOMPARE(m_tokens->requestCount(), 1);
}

void TestAuthenticator::tokenIsCached()
{
    setCredentials(userPassword(u"alice"_qs, u"s3cret"_qs));
    serveBearerRegistry();
    for (int i = 0; i < 3; ++i) {
        auto *reply = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
        QVERIFY(waitFinished(reply));
        QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    }
    QCOMPARE(m_tokens->requestCount(), 1);
    QCOMPARE(m_registry->requestCount(), 4); // one 401, then three with the cached token
    QCOMPARE(m_transport->authenticator()->tokenCache().size(), 1);

    // Another scope is another token, fetched before the request goes out.
    auto *other = get("/v2/lib/other/tags/list", {u"repository:lib/other:pull"_qs});
    QVERIFY(waitFinished(other));
    QVERIFY(other->ok());
    QCOMPARE(m_tokens->requestCount(), 2);
    QCOMPARE(decodedValues(m_tokens->requests().at(1), u"scope"_qs),
             QStringList{u"repository:lib/other:pull"_qs});
    QCOMPARE(m_registry->requestCount(), 5);
}

void TestAuthenticator::tokenExpiryHonoured()
{
    oci::TransportOptions options = fastOptions();
    options.tokenExpiryMarginMs = 60000 - 1000; // expires_in 60 -> kept for 1 s
    m_transport->setOptions(options);
    m_expiresIn = 10; // below the 60 s floor: treated as 60
    serveBearerRegistry();
    auto *first = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(first));
    QVERIFY(first->ok());
    auto *cached = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(cached));
    QCOMPARE(m_tokens->requestCount(), 1);
    QTest::qWait(1300);
    auto *later = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(later));
    QVERIFY(later->ok());
    QCOMPARE(m_tokens->requestCount(), 2);
    QCOMPARE(m_registry->requests().constLast().header("authorization"),
             QByteArray("Bearer tok-2"));
}

void TestAuthenticator::concurrentRequestsShareOneTokenFetch()
{
    serveBearerRegistry();
    auto *first = get("/v2/", {});
    QVERIFY(waitFinished(first));
    QVERIFY(first->ok());
    const int before = m_tokens->requestCount();
    m_tokenDelayMs = 150;
    QList<oci::TransportReply *> replies;
    for (int i = 0; i < 4; ++i) // a scope without a cached token yet
        replies << get("/v2/lib/other/tags/list", {u"repository:lib/other:pull"_qs});
    for (oci::TransportReply *reply : replies) {
        QVERIFY(waitFinished(reply));
        QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    }
    QCOMPARE(m_tokens->requestCount(), before + 1);
    QCOMPARE(decodedValues(m_tokens->requests().constLast(), u"scope"_qs),
             QStringList{u"repository:lib/other:pull"_qs});
}

void TestAuthenticator::refreshTokenPost()
{
    oci::Credentials credentials;
    credentials.username = QStringLiteral("<token>");
    credentials.identityToken = QStringLiteral("refresh+abc/=");
    setCredentials(credentials);
    serveBearerRegistry();
    auto *reply =
        get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs, u"registry:catalog:*"_qs});
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(m_tokens->requestCount(), 1);
    const HttpTestRequest post = m_tokens->requests().constFirst();
    QCOMPARE(post.method, QByteArray("POST"));
    QCOMPARE(post.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
    QVERIFY(!post.hasHeader("authorization"));
    const QUrlQuery form = formOf(post);
    QCOMPARE(form.queryItemValue(u"grant_type"_qs), u"refresh_token"_qs);
    QCOMPARE(form.queryItemValue(u"refresh_token"_qs, QUrl::FullyDecoded), u"refresh+abc/="_qs);
    QCOMPARE(form.queryItemValue(u"client_id"_qs), u"lading"_qs);
    QCOMPARE(form.queryItemValue(u"service"_qs), u"registry.test"_qs);
    // One scope field, space-separated, the challenged scope first.
    QCOMPARE(form.allQueryItemValues(u"scope"_qs, QUrl::FullyDecoded),
             QStringList{u"repository:lib/app:pull registry:catalog:*"_qs});
}

void TestAuthenticator::postFallsBackToGet_data()
{
    QTest::addColumn<int>("postStatus");
    QTest::newRow("400 (ACR)") << 400;
    QTest::newRow("401 (Artifactory)") << 401;
    QTest::newRow("404 (GCR)") << 404;
    QTest::newRow("405") << 405;
}

void TestAuthenticator::postFallsBackToGet()
{
    QFETCH(int, postStatus);
    oci::Credentials credentials = userPassword(u"alice"_qs, u"s3cret"_qs);
    credentials.identityToken = QStringLiteral("refresh-1");
    setCredentials(credentials);
    serveBearerRegistry();
    m_tokens->setHandler([this, postStatus](const HttpTestRequest &request) {
        if (request.method == "POST")
            return HttpTestResponse::text(postStatus, "no oauth here");
        m_issued.insert("tok-get", {});
        return HttpTestResponse::json(200, R"({"access_token":"tok-get","expires_in":120})");
    });
    auto *reply = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(m_tokens->requestCount(), 2);
    QCOMPARE(m_tokens->requests().at(0).method, QByteArray("POST"));
    const HttpTestRequest fallback = m_tokens->requests().at(1);
    QCOMPARE(fallback.method, QByteArray("GET"));
    QCOMPARE(fallback.header("authorization"), basicHeader(u"alice"_qs, u"s3cret"_qs));
    QCOMPARE(m_registry->requests().constLast().header("authorization"),
             QByteArray("Bearer tok-get"));
}

void TestAuthenticator::insufficientScopeRetriedOnceThenUnauthorized()
{
    setCredentials(userPassword(u"alice"_qs, u"s3cret"_qs));
    m_registry->setHandler([this](const HttpTestRequest &request) {
        if (!request.hasHeader("authorization"))
            return HttpTestResponse::registryError(401, "UNAUTHORIZED")
                .header("WWW-Authenticate", challenge("repository:lib/app:pull"));
        return HttpTestResponse::registryError(401, "UNAUTHORIZED", "insufficient scope")
            .header("WWW-Authenticate",
                    challenge("repository:lib/app:pull,push", "insufficient_scope"));
    });
    auto *reply = get("/v2/lib/app/blobs/uploads/", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::Unauthorized);
    QVERIFY2(reply->error().message().contains(u"repository:lib/app:pull,push"),
             qPrintable(reply->error().message()));
    QCOMPARE(m_registry->requestCount(), 3);
    QCOMPARE(m_tokens->requestCount(), 2);
    QCOMPARE(decodedValues(m_tokens->requests().at(1), u"scope"_qs),
             QStringList{u"repository:lib/app:pull,push"_qs});
}

void TestAuthenticator::invalidTokenRefetchedOnce()
{
    serveBearerRegistry();
    bool rejectedOnce = false;
    m_registry->setHandler([this, &rejectedOnce](const HttpTestRequest &request) {
        const QByteArray authorization = request.header("authorization");
        if (authorization == "Bearer tok-1" && !rejectedOnce) {
            rejectedOnce = true;
            return HttpTestResponse::registryError(401, "UNAUTHORIZED")
                .header("WWW-Authenticate", challenge("repository:lib/app:pull", "invalid_token"));
        }
        if (authorization.startsWith("Bearer tok-"))
            return HttpTestResponse::json(200, "{}");
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", challenge("repository:lib/app:pull"));
    });
    auto *reply = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(m_tokens->requestCount(), 2);
    QCOMPARE(m_registry->requests().constLast().header("authorization"),
             QByteArray("Bearer tok-2"));
}

void TestAuthenticator::sameRejectionStops()
{
    m_registry->setHandler([this](const HttpTestRequest &request) {
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate",
                    challenge("repository:lib/app:pull",
                              request.hasHeader("authorization") ? "invalid_token" : ""));
    });
    auto *reply = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::Unauthorized);
    QVERIFY2(reply->error().message().contains(u"invalid_token"),
             qPrintable(reply->error().message()));
    QCOMPARE(m_registry->requestCount(), 3);
    QCOMPARE(m_tokens->requestCount(), 2);
    QCOMPARE(m_transport->authenticator()->tokenCache().size(), 0); // rejected tokens are dropped
}

void TestAuthenticator::forbiddenIsDeniedWithoutAuthRetry()
{
    m_registry->setHandler([this](const HttpTestRequest &request) {
        if (request.hasHeader("authorization"))
            return HttpTestResponse::registryError(403, "DENIED",
                                                   "requested access to the resource is denied");
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", challenge("repository:lib/app:pull"));
    });
    auto *reply = get("/v2/lib/app/manifests/x", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::Denied);
    QVERIFY(reply->error().hasRegistryCode(u"DENIED"));
    QCOMPARE(m_registry->requestCount(), 2);
    QCOMPARE(m_tokens->requestCount(), 1);
}

void TestAuthenticator::realmValidation_data()
{
    QTest::addColumn<QByteArray>("realm");
    QTest::addColumn<QString>("expected");
    QTest::newRow("link-local metadata address")
        << QByteArray("http://169.254.169.254/latest") << u"internal address"_qs;
    QTest::newRow("relative") << QByteArray("/token") << u"not a valid URL"_qs;
    QTest::newRow("ftp") << QByteArray("ftp://auth.example/token") << u"not HTTPS"_qs;
    QTest::newRow("empty") << QByteArray() << u"not a valid URL"_qs;
}

void TestAuthenticator::realmValidation()
{
    QFETCH(QByteArray, realm);
    QFETCH(QString, expected);
    setCredentials(userPassword(u"alice"_qs, u"s3cret"_qs));
    m_registry->setHandler([realm](const HttpTestRequest &) {
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"s\"");
    });
    auto *reply = get("/v2/");
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::Unauthorized);
    QVERIFY2(reply->error().message().contains(expected), qPrintable(reply->error().message()));
    QCOMPARE(m_registry->requestCount(), 1);
    QCOMPARE(m_tokens->requestCount(), 0);
}

void TestAuthenticator::httpRealmRefusedForHttpsRegistry()
{
    const testsupport::CertificateAndKey ca =
        testsupport::makeSelfSignedCertificate(u"Test CA"_qs, true);
    const testsupport::CertificateAndKey server =
        testsupport::makeServerCertificate(ca, u"registry"_qs);
    QTemporaryDir dir;
    const QString caFile = dir.filePath(u"ca.pem"_qs);
    QVERIFY(testsupport::writeFile(caFile, ca.certificatePem));
    HttpTestServer https;
    https.setTlsIdentity(QSslCertificate(server.certificatePem),
                         QSslKey(server.privateKeyPem, QSsl::Rsa));
    QVERIFY(https.listen());
    const QByteArray realm = m_tokens->url("/token").toEncoded(); // http://
    https.setHandler([realm](const HttpTestRequest &) {
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"s\"");
    });
    setCredentials(userPassword(u"alice"_qs, u"s3cret"_qs));
    oci::RegistryConfig config = registryFor(https);
    config.caFile = caFile;
    std::unique_ptr<oci::TransportReply> reply(
        m_transport->send(config, getRequest(https, "/v2/")));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->error().code(), Error::Code::Unauthorized);
    QVERIFY2(reply->error().message().contains(u"not HTTPS"), qPrintable(reply->error().message()));
    QCOMPARE(m_tokens->requestCount(), 0);
}

void TestAuthenticator::realmQueryIsMerged()
{
    const QByteArray realm = m_tokens->url("/token?tenant=a%2Bb").toEncoded();
    m_registry->setHandler([this, realm](const HttpTestRequest &request) {
        if (request.header("authorization").startsWith("Bearer tok-"))
            return HttpTestResponse::json(200, "{}");
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"registry.test\"");
    });
    auto *reply = get("/v2/lib/app/tags/list", {u"repository:lib/app:pull"_qs});
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    const HttpTestRequest token = m_tokens->requests().constFirst();
    QVERIFY2(token.target.startsWith("/token?tenant=a%2Bb&service=registry.test&scope="),
             token.target.constData());
    QCOMPARE(decodedValues(token, u"tenant"_qs), QStringList{u"a+b"_qs});
}

void TestAuthenticator::registryTokenSentDirectly()
{
    oci::Credentials credentials;
    credentials.registryToken = QStringLiteral("registry-token-xyz");
    setCredentials(credentials);
    m_registry->setHandler([this](const HttpTestRequest &request) {
        if (request.header("authorization") == "Bearer registry-token-xyz")
            return HttpTestResponse::json(200, "{}");
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", challenge({}));
    });
    auto *reply = get("/v2/");
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(m_tokens->requestCount(), 0);
}

void TestAuthenticator::tokenResponseMalformed()
{
    serveBearerRegistry();
    m_tokens->setHandler(
        [](const HttpTestRequest &) { return HttpTestResponse::text(200, "<html>login</html>"); });
    auto *reply = get("/v2/");
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::MalformedDocument);
    QCOMPARE(reply->error().registry(), m_registry->hostPort());
    QCOMPARE(m_registry->requestCount(), 1);
}

void TestAuthenticator::tokenServerRejectsCredentials()
{
    setCredentials(userPassword(u"alice"_qs, u"wrong"_qs));
    serveBearerRegistry();
    m_tokens->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::json(401, R"({"details":"incorrect username or password"})");
    });
    auto *reply = get("/v2/");
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::Unauthorized);
    QVERIFY2(reply->error().message().contains(u"token server") &&
                 reply->error().message().contains(u"alice"),
             qPrintable(reply->error().message()));
    QCOMPARE(m_tokens->requestCount(), 1); // GET is not retried on 401
}

void TestAuthenticator::tokenRedirectDropsCredentials()
{
    setCredentials(userPassword(u"alice"_qs, u"s3cret"_qs));
    serveBearerRegistry();
    HttpTestServer elsewhere;
    QVERIFY(elsewhere.listen());
    elsewhere.setHandler([this](const HttpTestRequest &) {
        m_issued.insert("tok-elsewhere", {});
        return HttpTestResponse::json(200, R"({"token":"tok-elsewhere"})");
    });
    const QByteArray target = elsewhere.url("/issue").toEncoded();
    m_tokens->setHandler(
        [target](const HttpTestRequest &) { return HttpTestResponse::redirect(307, target); });
    auto *reply = get("/v2/");
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(m_tokens->requests().constFirst().header("authorization"),
             basicHeader(u"alice"_qs, u"s3cret"_qs));
    QCOMPARE(elsewhere.requestCount(), 1);
    QVERIFY(!elsewhere.requests().constFirst().hasHeader("authorization"));
}

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
