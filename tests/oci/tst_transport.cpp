// The request pipeline of oci::Transport against HttpTestServer: redirects and where
// Authorization goes, TLS per registry, retries and Retry-After, timeouts, size caps,
// structured errors. (Authentication flows: tst_authenticator.)

#include "nettestsupport.h"

#include "support/closedport.h"
#include "support/testcerts.h"

#include <QTemporaryDir>

using namespace nettest;
using oci::Error;

namespace {

// A body that cannot be rewound, like the push's producer devices: Qt cannot resend it by
// itself when a kept-alive connection turns out to be closed.
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data) : m_data(std::move(data)) { open(ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, m_data.size() - m_position);
        memcpy(data, m_data.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qsizetype m_position = 0;
};

} // namespace

class TestTransport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sendsUserAgentAndIdentityEncoding();
    void sameHostRedirectKeepsAuthorization();
    void crossHostRedirectStripsAuthorization();
    void chainNeverRestoresAuthorization_data();
    void chainNeverRestoresAuthorization();
    void crossHost401IsNotAnswered();
    void relativeLocationIsResolved();
    void tenRedirectsAreFollowed();
    void eleventhRedirectIsRefused();
    void httpsToHttpIsRefused();
    void tlsUntrustedCertificateIsNamed();
    void lostAndRefusedConnectionsAreNamed();
    void tlsTrustedThroughCaFile();
    void tlsInsecureRegistryOnly();
    void retriesServerErrorsThenSucceeds();
    void retryAfterIsHonoured();
    void tooManyRequestsAfterTheBudget();
    void tooLongRetryAfterFailsAtOnce();
    void postIsNotReplayed();
    void truncatedBodyIsANetworkError();
    void closedConnectionIsRetried();
    void streamedBodyIsResentOnceOnAStaleConnection();
    void streamedBodyIsNotResentTwice();
    void inactivityTimeout();
    void declaredBodyOverCap();
    void endlessBodyStopsAtCap();
    void registryErrorJsonIsParsed();
    void htmlErrorBodyIsHandled();
    void endlessErrorBodyIsCapped();
    void gzipIsNotDecoded();
    void replyFinishesOnceAndNeverSynchronously();

private:
    oci::TransportReply *send(const oci::RegistryConfig &config, oci::TransportRequest request);
    void useBasicCredentials();
    // A handler that demands Basic credentials on `path` then answers with `then`.
    static HttpTestResponse requireBasic(const HttpTestRequest &request,
                                         const HttpTestResponse &then);

    std::unique_ptr<HttpTestServer> m_a;
    std::unique_ptr<HttpTestServer> m_b;
    std::unique_ptr<oci::Transport> m_transport;
    std::vector<std::unique_ptr<oci::TransportReply>> m_replies;
};

void TestTransport::init()
{
    m_a = std::make_unique<HttpTestServer>();
    m_b = std::make_unique<HttpTestServer>();
    QVERIFY(m_a->listen());
    QVERIFY(m_b->listen());
    m_transport = std::make_unique<oci::Transport>();
    m_transport->setOptions(fastOptions());
}

void TestTransport::cleanup()
{
    m_replies.clear();
    m_transport.reset();
    m_a.reset();
    m_b.reset();
}

oci::TransportReply *TestTransport::send(const oci::RegistryConfig &config,
                                         oci::TransportRequest request)
{
    m_replies.emplace_back(m_transport->send(config, std::move(request)));
    return m_replies.back().get();
}

void TestTransport::useBasicCredentials()
{
    m_transport->setCredentialProvider(
        std::make_shared<FixedCredentials>(userPassword(u"alice"_qs, u"s3cret"_qs)));
}

HttpTestResponse TestTransport::requireBasic(const HttpTestRequest &request,
                                             const HttpTestResponse &then)
{
    if (request.header("authorization") != basicHeader(u"alice"_qs, u"s3cret"_qs))
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", R"(Basic realm="reg")");
    return then;
}

void TestTransport::sendsUserAgentAndIdentityEncoding()
{
    m_a->setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, "{}"); });
    oci::TransportRequest request = getRequest(*m_a, "/v2/");
    request.addHeader("Accept", "application/json");
    auto *reply = send(registryFor(*m_a), request);
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    const HttpTestRequest seen = m_a->requests().constFirst();
    QVERIFY(seen.header("user-agent").startsWith("Lading/"));
    QCOMPARE(seen.header("accept-encoding"), QByteArray("identity"));
    QCOMPARE(seen.header("accept"), QByteArray("application/json"));
    QVERIFY(!seen.hasHeader("authorization"));
    QVERIFY(!seen.hasHeader("cookie"));
}

void TestTransport::sameHostRedirectKeepsAuthorization()
{
    useBasicCredentials();
    m_a->setHandler([](const HttpTestRequest &request) {
        if (request.path() == "/v2/r/blobs/x")
            return requireBasic(request, HttpTestResponse::redirect(307, "/storage/x"));
        return requireBasic(request, HttpTestResponse::text(200, "payload"));
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/r/blobs/x"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(reply->response().body, QByteArray("payload"));
    const QList<HttpTestRequest> storage = m_a->requestsTo("/storage/x");
    QCOMPARE(storage.size(), 1);
    QCOMPARE(storage.constFirst().header("authorization"), basicHeader(u"alice"_qs, u"s3cret"_qs));
}

void TestTransport::crossHostRedirectStripsAuthorization()
{
    useBasicCredentials();
    const QByteArray target = m_b->url("/bucket/x?sig=abc").toEncoded();
    m_a->setHandler([target](const HttpTestRequest &request) {
        return requireBasic(request, HttpTestResponse::redirect(307, target));
    });
    m_b->setHandler(
        [](const HttpTestRequest &) { return HttpTestResponse::text(200, "from storage"); });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/r/blobs/x"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(reply->response().body, QByteArray("from storage"));
    QCOMPARE(reply->response().url, m_b->url("/bucket/x?sig=abc"));
    // The registry got the credentials, the other host did not.
    QCOMPARE(m_a->requests().constLast().header("authorization"),
             basicHeader(u"alice"_qs, u"s3cret"_qs));
    QCOMPARE(m_b->requestCount(), 1);
    QVERIFY(!m_b->requests().constFirst().hasHeader("authorization"));
    QCOMPARE(m_b->requests().constFirst().target, QByteArray("/bucket/x?sig=abc"));

    // The same server under another name is another origin too.
    m_a->clearRequests();
    const QByteArray alias = m_a->url("/alias", "localhost").toEncoded();
    m_a->setHandler([alias](const HttpTestRequest &request) {
        if (request.path() == "/alias")
            return HttpTestResponse::text(200, "alias");
        return requireBasic(request, HttpTestResponse::redirect(302, alias));
    });
    auto *second = send(registryFor(*m_a), getRequest(*m_a, "/v2/r/blobs/y"));
    QVERIFY(waitFinished(second));
    QVERIFY2(second->ok(), qPrintable(second->error().describe()));
    const QList<HttpTestRequest> aliasRequests = m_a->requestsTo("/alias");
    QCOMPARE(aliasRequests.size(), 1);
    QVERIFY(!aliasRequests.constFirst().hasHeader("authorization"));
}

void TestTransport::chainNeverRestoresAuthorization_data()
{
    QTest::addColumn<bool>("backToRegistry");
    QTest::newRow("A -> B/1 -> B/2") << false;
    QTest::newRow("A -> B/1 -> A/2") << true;
}

void TestTransport::chainNeverRestoresAuthorization()
{
    QFETCH(bool, backToRegistry);
    useBasicCredentials();
    const QByteArray hop1 = m_b->url("/1").toEncoded();
    const QByteArray hop2 = backToRegistry ? m_a->url("/2").toEncoded() : QByteArray("/2");
    m_a->setHandler([hop1](const HttpTestRequest &request) {
        if (request.path() == "/2")
            return HttpTestResponse::text(200, "end");
        return requireBasic(request, HttpTestResponse::redirect(307, hop1));
    });
    m_b->setHandler([hop2](const HttpTestRequest &request) {
        if (request.path() == "/1")
            return HttpTestResponse::redirect(307, hop2);
        return HttpTestResponse::text(200, "end");
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/start"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(reply->response().body, QByteArray("end"));
    HttpTestServer &last = backToRegistry ? *m_a : *m_b;
    const QList<HttpTestRequest> ends = last.requestsTo("/2");
    QCOMPARE(ends.size(), 1);
    QVERIFY2(!ends.constFirst().hasHeader("authorization"),
             "Authorization came back later in the chain");
    QVERIFY(!m_b->requestsTo("/1").constFirst().hasHeader("authorization"));
}

void TestTransport::crossHost401IsNotAnswered()
{
    useBasicCredentials();
    const QByteArray target = m_b->url("/bucket/x").toEncoded();
    const QByteArray realm = m_b->url("/token").toEncoded();
    m_a->setHandler([target](const HttpTestRequest &request) {
        return requireBasic(request, HttpTestResponse::redirect(307, target));
    });
    m_b->setHandler([realm](const HttpTestRequest &request) {
        if (request.path() == "/token")
            return HttpTestResponse::json(200, R"({"token":"t"})");
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"evil\"");
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/r/blobs/x"));
    QVERIFY(waitFinished(reply));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().code(), Error::Code::Unauthorized);
    QVERIFY2(reply->error().message().contains(m_b->hostPort()),
             qPrintable(reply->error().message()));
    // Exactly one request reached the other host, without credentials; no token was fetched there.
    QCOMPARE(m_b->requestCount(), 1);
    QVERIFY(!m_b->requests().constFirst().hasHeader("authorization"));
    QCOMPARE(m_b->requestCount("/token"), 0);
}

void TestTransport::relativeLocationIsResolved()
{
    m_a->setHandler([](const HttpTestRequest &request) {
        if (request.path() == "/v2/a/b/start")
            return HttpTestResponse::redirect(302, "../c/next?_state=ab%2Bc%3D&x=1");
        return HttpTestResponse::text(200, request.target);
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/a/b/start"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    // Percent-escapes in the query survive byte for byte.
    QCOMPARE(reply->response().body, QByteArray("/v2/a/c/next?_state=ab%2Bc%3D&x=1"));
}

void TestTransport::tenRedirectsAreFollowed()
{
    m_a->setHandler([](const HttpTestRequest &request) {
        const int hop = request.path().mid(5).toInt();
        if (hop < 10)
            return HttpTestResponse::redirect(302, "/hop/" + QByteArray::number(hop + 1));
        return HttpTestResponse::text(200, "arrived");
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/hop/0"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(m_a->requestCount(), 11);
}

void TestTransport::eleventhRedirectIsRefused()
{
    m_a->setHandler(
        [](const HttpTestRequest &) { return HttpTestResponse::redirect(302, "/loop"); });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/loop"));
    QVERIFY(waitFinished(reply));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().code(), Error::Code::RedirectRefused);
    QVERIFY2(reply->error().message().contains(u"more than 10 redirects"),
             qPrintable(reply->error().message()));
    QCOMPARE(reply->error().registry(), m_a->hostPort());
    // The first request plus ten followed redirects; the eleventh is not followed.
    QCOMPARE(m_a->requestCount(), 11);
}

namespace {

struct TlsFixture
{
    testsupport::CertificateAndKey ca;
    testsupport::CertificateAndKey server;
    QTemporaryDir dir;
    QString caFile;

    bool make()
    {
        ca = testsupport::makeSelfSignedCertificate(QStringLiteral("Lading Test CA"), true);
        server = testsupport::makeServerCertificate(ca, QStringLiteral("lading-test-registry"));
        caFile = dir.filePath(QStringLiteral("ca.pem"));
        return !ca.isNull() && !server.isNull() &&
               testsupport::writeFile(caFile, ca.certificatePem);
    }
    void apply(HttpTestServer &https) const
    {
        https.setTlsIdentity(QSslCertificate(server.certificatePem, QSsl::Pem),
                             QSslKey(server.privateKeyPem, QSsl::Rsa, QSsl::Pem));
    }
};

} // namespace

void TestTransport::httpsToHttpIsRefused()
{
    TlsFixture tls;
    QVERIFY(tls.make());
    HttpTestServer https;
    tls.apply(https);
    QVERIFY(https.listen());
    const QByteArray downgrade = m_b->url("/plain").toEncoded();
    https.setHandler([downgrade](const HttpTestRequest &) {
        return HttpTestResponse::redirect(302, downgrade);
    });
    oci::RegistryConfig config = registryFor(https);
    config.caFile = tls.caFile;
    auto *reply = send(config, getRequest(https, "/v2/"));
    QVERIFY(waitFinished(reply));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().code(), Error::Code::RedirectRefused);
    QVERIFY2(reply->error().message().contains(u"plain HTTP"),
             qPrintable(reply->error().message()));
    QCOMPARE(https.requestCount(), 1);
    QCOMPARE(m_b->requestCount(), 0);
}

void TestTransport::tlsUntrustedCertificateIsNamed()
{
    TlsFixture tls;
    QVERIFY(tls.make());
    HttpTestServer https;
    tls.apply(https);
    QVERIFY(https.listen());
    https.setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, "{}"); });
    auto *reply = send(registryFor(https), getRequest(https, "/v2/"));
    QVERIFY(waitFinished(reply));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().code(), Error::Code::Tls);
    const QString message = reply->error().message();
    QVERIFY2(message.contains(u"lading-test-registry") && message.contains(u"Lading Test CA"),
             qPrintable(message));
    QCOMPARE(https.requestCount(), 0);
}

void TestTransport::lostAndRefusedConnectionsAreNamed()
{
    // A PUT is not replayed: the first closed connection is the answer.
    m_a->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response = HttpTestResponse::json(200, "{}");
        response.closeWithoutAnswer = true;
        return response;
    });
    oci::TransportRequest put = getRequest(*m_a, "/v2/r/manifests/1");
    put.method = "PUT";
    put.body = "{}";
    auto *lost = send(registryFor(*m_a), put);
    QVERIFY(waitFinished(lost));
    QCOMPARE(lost->error().code(), Error::Code::Network);
    QVERIFY2(lost->error().message().contains(u"was lost"), qPrintable(lost->error().message()));

    ClosedPort closed;
    QVERIFY(closed.isValid());
    oci::RegistryConfig config;
    config.host = u"127.0.0.1:"_qs + QString::number(closed.port());
    config.plainHttp = true;
    oci::TransportRequest get;
    get.url = QUrl(u"http://"_qs + config.host + u"/v2/"_qs);
    get.retryable = false;
    auto *refused = send(config, get);
    QVERIFY(waitFinished(refused));
    QCOMPARE(refused->error().code(), Error::Code::Network);
    QVERIFY2(refused->error().message().contains(u"refused the connection"),
             qPrintable(refused->error().message()));
}

void TestTransport::tlsTrustedThroughCaFile()
{
    TlsFixture tls;
    QVERIFY(tls.make());
    HttpTestServer https;
    tls.apply(https);
    QVERIFY(https.listen());
    https.setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, "{}"); });
    oci::RegistryConfig config = registryFor(https);
    config.caFile = tls.caFile;
    auto *reply = send(config, getRequest(https, "/v2/"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));

    oci::RegistryConfig missing = registryFor(https);
    missing.caFile = tls.dir.filePath(QStringLiteral("nope.pem"));
    auto *bad = send(missing, getRequest(https, "/v2/"));
    QVERIFY(waitFinished(bad));
    QCOMPARE(bad->error().code(), Error::Code::Tls);
    QVERIFY(bad->error().message().contains(u"nope.pem"));
}

void TestTransport::tlsInsecureRegistryOnly()
{
    TlsFixture tls;
    QVERIFY(tls.make());
    HttpTestServer https;
    tls.apply(https);
    QVERIFY(https.listen());
    https.setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, "{}"); });
    oci::RegistryConfig insecure = registryFor(https);
    insecure.insecureSkipTlsVerify = true;
    auto *reply = send(insecure, getRequest(https, "/v2/"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));

    // The setting belongs to that registry: another registry config on the same transport
    // (the same server named differently) still verifies.
    oci::RegistryConfig other;
    other.host = QStringLiteral("localhost:%1").arg(https.port());
    oci::TransportRequest request;
    request.url = https.url("/v2/", "localhost");
    auto *strict = send(other, request);
    QVERIFY(waitFinished(strict));
    QCOMPARE(strict->error().code(), Error::Code::Tls);
}

void TestTransport::retriesServerErrorsThenSucceeds()
{
    int calls = 0;
    m_a->setHandler([&calls](const HttpTestRequest &) {
        ++calls;
        if (calls == 1)
            return HttpTestResponse::text(503, "busy");
        if (calls == 2)
            return HttpTestResponse::text(502, "gateway");
        return HttpTestResponse::json(200, R"({"ok":true})");
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(m_a->requestCount(), 3);
    QCOMPARE(reply->retriesUsed(), 2);

    // 404 is final: no retry.
    m_a->clearRequests();
    m_a->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::registryError(404, "NAME_UNKNOWN");
    });
    auto *missing = send(registryFor(*m_a), getRequest(*m_a, "/v2/x/tags/list"));
    QVERIFY(waitFinished(missing));
    QCOMPARE(missing->error().code(), Error::Code::NotFound);
    QCOMPARE(m_a->requestCount(), 1);
}

void TestTransport::retryAfterIsHonoured()
{
    m_a->setHandler([this](const HttpTestRequest &) {
        if (m_a->requestCount() == 1)
            return HttpTestResponse::registryError(429, "TOOMANYREQUESTS", "slow down")
                .header("Retry-After", "1");
        return HttpTestResponse::json(200, "{}");
    });
    QElapsedTimer timer;
    timer.start();
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(m_a->requestCount(), 2);
    const QList<HttpTestRequest> requests = m_a->requests();
    const qint64 waited = requests.at(1).receivedAtMs - requests.at(0).receivedAtMs;
    QVERIFY2(waited >= 950, qPrintable(QString::number(waited)));
}

void TestTransport::tooManyRequestsAfterTheBudget()
{
    m_a->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::registryError(429, "TOOMANYREQUESTS", "rate limited")
            .header("Retry-After", "0");
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/r/manifests/latest"));
    QVERIFY(waitFinished(reply));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().code(), Error::Code::TooManyRequests);
    QCOMPARE(reply->error().httpStatus(), 429);
    QCOMPARE(reply->error().retryAfterSeconds(), 0);
    QVERIFY(reply->error().hasRegistryCode(u"TOOMANYREQUESTS"));
    QCOMPARE(m_a->requestCount(), fastOptions().maxRetries + 1);
}

void TestTransport::tooLongRetryAfterFailsAtOnce()
{
    m_a->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::registryError(429, "TOOMANYREQUESTS")
            .header("Retry-After", "3600");
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/"));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::TooManyRequests);
    QCOMPARE(reply->error().retryAfterSeconds(), 900); // clamped, reported
    QCOMPARE(m_a->requestCount(), 1);
}

void TestTransport::postIsNotReplayed()
{
    m_a->setHandler([](const HttpTestRequest &) { return HttpTestResponse::text(503, "busy"); });
    oci::TransportRequest request = getRequest(*m_a, "/v2/r/blobs/uploads/");
    request.method = "POST";
    auto *reply = send(registryFor(*m_a), request);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::ServerError);
    QCOMPARE(reply->error().httpStatus(), 503);
    QCOMPARE(m_a->requestCount(), 1);
}

void TestTransport::truncatedBodyIsANetworkError()
{
    m_a->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response = HttpTestResponse::json(200, R"({"tags":["a")");
        response.declaredContentLength = 5000;
        return response;
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/r/tags/list"));
    QVERIFY(waitFinished(reply));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().code(), Error::Code::Network);
    // GET: replayed, then given up. Now and then Qt 6.4 finishes an attempt without an error
    // (the short body is caught by its Content-Length), or sends the GET once more itself.
    const int attempts = fastOptions().maxRetries + 1;
    QVERIFY2(m_a->requestCount() >= attempts && m_a->requestCount() <= 2 * attempts,
             qPrintable(QString::number(m_a->requestCount())));
}

void TestTransport::closedConnectionIsRetried()
{
    m_a->setHandler([this](const HttpTestRequest &) {
        HttpTestResponse response = HttpTestResponse::json(200, "{}");
        response.closeWithoutAnswer = m_a->requestCount() == 1;
        return response;
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QVERIFY(m_a->requestCount() >= 2);
}

// A PATCH whose body streams from a device that cannot be rewound, sent on a connection
// kept alive from an earlier request, which the server closes when the PATCH arrives
// (as a server that timed the idle connection out does). Qt 6.4 tries to resend it itself,
// cannot rewind the device and fails with ContentReSendError: the transport makes a fresh
// device and sends again, once.
static oci::TransportRequest streamedPatch(const HttpTestServer &server, const QByteArray &body,
                                           int *devicesMade)
{
    oci::TransportRequest request = getRequest(server, "/v2/r/blobs/uploads/u1");
    request.method = "PATCH";
    request.bodySize = body.size();
    request.bodySource = [body, devicesMade]() -> QIODevice * {
        ++*devicesMade;
        return new OneShotBody(body);
    };
    return request;
}

void TestTransport::streamedBodyIsResentOnceOnAStaleConnection()
{
    const QByteArray body = QByteArray(200 * 1024, 'b') + "end";
    int firstConnection = 0;
    m_a->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "GET") {
            firstConnection = request.connectionId;
            return HttpTestResponse::json(200, "{}"); // kept alive
        }
        HttpTestResponse response = HttpTestResponse::status204(202);
        response.closeWithoutAnswer = request.connectionId == firstConnection;
        return response;
    });
    auto *warmUp = send(registryFor(*m_a), getRequest(*m_a, "/v2/"));
    QVERIFY(waitFinished(warmUp));
    QVERIFY(warmUp->ok());

    int devicesMade = 0;
    auto *reply = send(registryFor(*m_a), streamedPatch(*m_a, body, &devicesMade));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(reply->response().status, 202);
    QCOMPARE(devicesMade, 2);
    const QList<HttpTestRequest> patches = m_a->requestsTo("/v2/r/blobs/uploads/u1");
    QCOMPARE(patches.size(), 2);
    QCOMPARE(patches.at(0).connectionId, firstConnection); // the stale one
    QVERIFY(patches.at(1).connectionId != firstConnection);
    QCOMPARE(patches.at(1).body, body); // whole, from the fresh device
}

void TestTransport::streamedBodyIsNotResentTwice()
{
    const QByteArray body(64 * 1024, 'c');
    m_a->setHandler([](const HttpTestRequest &request) {
        HttpTestResponse response = HttpTestResponse::json(200, "{}");
        response.closeWithoutAnswer = request.method == "PATCH"; // every time
        return response;
    });
    int devicesMade = 0;
    auto *reply = send(registryFor(*m_a), streamedPatch(*m_a, body, &devicesMade));
    QVERIFY(waitFinished(reply));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().code(), Error::Code::Network);
    QCOMPARE(devicesMade, 2); // the first attempt and the one resend, no more
    // Qt names the second failure RemoteHostClosedError or ContentReSendError: either way
    // the message is about the connection, not Qt's "Unknown error".
    QVERIFY2(reply->error().message().contains(u"connection"),
             qPrintable(reply->error().describe()));
    QCOMPARE(m_a->requestCount("/v2/r/blobs/uploads/u1"), 2);
}

void TestTransport::inactivityTimeout()
{
    oci::TransportOptions options = fastOptions();
    options.transferTimeoutMs = 200;
    options.maxRetries = 1;
    m_transport->setOptions(options);
    m_a->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response = HttpTestResponse::json(200, "{}");
        response.delayMs = 6000;
        return response;
    });
    QElapsedTimer timer;
    timer.start();
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/"));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::Timeout);
    QVERIFY2(timer.elapsed() < 4000,
             qPrintable(QString::number(timer.elapsed()))); // not the 6 s answer
    QCOMPARE(m_a->requestCount(), 2);
}

void TestTransport::declaredBodyOverCap()
{
    m_a->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response;
        response.header("Content-Length", QByteArray::number(oci::MaxManifestBytes + 1));
        response.streamBytes = oci::MaxManifestBytes + 1;
        return response;
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/r/manifests/big"));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::SizeLimitExceeded);
    QCOMPARE(m_a->requestCount(), 1); // a cap is not retried
}

void TestTransport::endlessBodyStopsAtCap()
{
    m_a->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response;
        response.streamEndless = true; // chunked, no length
        return response;
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/r/manifests/endless"));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::SizeLimitExceeded);
    QVERIFY(reply->response().body.isEmpty()); // nothing over the cap is kept
    QTest::qWait(200);
    const qint64 streamed = m_a->streamedBytes();
    QTest::qWait(200);
    QCOMPARE(m_a->streamedBytes(), streamed); // the server was cut off
    QVERIFY(streamed < 64 * 1024 * 1024);
}

void TestTransport::registryErrorJsonIsParsed()
{
    m_a->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::json(
            404,
            R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"nope"}}]})");
    });
    oci::TransportRequest request = getRequest(*m_a, "/v2/r/manifests/nope");
    request.object = QStringLiteral("r:nope");
    auto *reply = send(registryFor(*m_a), request);
    QVERIFY(waitFinished(reply));
    const Error &error = reply->error();
    QCOMPARE(error.code(), Error::Code::NotFound);
    QCOMPARE(error.httpStatus(), 404);
    QCOMPARE(error.registryErrors().size(), 1);
    QCOMPARE(error.registryErrors().constFirst().code, u"MANIFEST_UNKNOWN"_qs);
    QCOMPARE(error.registryErrors().constFirst().message, u"manifest unknown"_qs);
    QCOMPARE(error.registry(), m_a->hostPort());
    QCOMPARE(error.object(), u"r:nope"_qs);
    QCOMPARE(error.url(), m_a->url("/v2/r/manifests/nope"));
    QVERIFY(error.describe().contains(u"MANIFEST_UNKNOWN"));
}

void TestTransport::htmlErrorBodyIsHandled()
{
    m_a->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::text(403, "<html><body><h1>403 Forbidden</h1>nginx</body></html>",
                                      "text/html");
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/"));
    QVERIFY(waitFinished(reply));
    const Error &error = reply->error();
    QCOMPARE(error.code(), Error::Code::Denied);
    QVERIFY(error.registryErrors().isEmpty());
    QVERIFY2(error.message().contains(u"HTML"), qPrintable(error.message()));
}

void TestTransport::endlessErrorBodyIsCapped()
{
    m_a->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response;
        response.status = 400;
        response.streamEndless = true;
        return response;
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/"));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code(), Error::Code::HttpError);
    QCOMPARE(reply->error().httpStatus(), 400);
    QVERIFY(reply->response().bodyTruncated);
    QCOMPARE(reply->response().body.size(), oci::MaxErrorBodyBytes);
}

void TestTransport::gzipIsNotDecoded()
{
    const QByteArray gzipped =
        QByteArray::fromHex("1f8b08000000000000034bcbcf07002165738c03000000");
    m_a->setHandler([gzipped](const HttpTestRequest &) {
        return HttpTestResponse::text(200, gzipped, "application/octet-stream")
            .header("Content-Encoding", "gzip");
    });
    auto *reply = send(registryFor(*m_a), getRequest(*m_a, "/v2/r/blobs/x"));
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().describe()));
    QCOMPARE(reply->response().body, gzipped);
}

void TestTransport::replyFinishesOnceAndNeverSynchronously()
{
    m_a->setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, "{}"); });
    oci::TransportRequest bad;
    bad.url = QUrl(QStringLiteral("ftp://example.invalid/x"));
    auto *reply = m_transport->send(registryFor(*m_a), bad);
    std::unique_ptr<oci::TransportReply> owner(reply);
    QSignalSpy spy(reply, &oci::TransportReply::finished);
    QVERIFY(!reply->isFinished());
    QVERIFY(spy.wait(5000));
    QCOMPARE(reply->error().code(), Error::Code::InvalidArgument);
    QTest::qWait(50);
    QCOMPARE(spy.count(), 1);

    // Aborted: silent.
    auto *aborted = send(registryFor(*m_a), getRequest(*m_a, "/v2/"));
    QSignalSpy abortedSpy(aborted, &oci::TransportReply::finished);
    aborted->abort();
    QTest::qWait(200);
    QCOMPARE(abortedSpy.count(), 0);
}

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
