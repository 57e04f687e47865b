// oci::RegistryClient and its jobs against HttpTestServer: ping, catalog and tag paging
// (Link followed on the same origin only, loops and caps stopped, smaller n on 400),
// manifests (Accept list, digest verification, Content-Type vs mediaType, size cap, HEAD
// fallbacks), blobs (streamed, verified, gzip untouched, cross-host redirect without
// Authorization), and the job contract (queued finished, cancel, destruction).

#include "nettestsupport.h"

#include "oci/client/registryclient.h"
#include "oci/manifest/manifestdocument.h"

#include <QBuffer>
#include <QUrlQuery>

using namespace nettest;
using oci::Digest;
using oci::Error;
using oci::RegistryClient;

namespace {

const QByteArray kOciManifestType = "application/vnd.oci.image.manifest.v1+json";

QByteArray ociManifest()
{
    const QByteArray config = Digest::sha256Of("{}").toString().toLatin1();
    const QByteArray layer = Digest::sha256Of("layer").toString().toLatin1();
    return R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
           R"("config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
           config +
           R"(","size":2},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip",)"
           R"("digest":")" +
           layer + R"(","size":5}]})";
}

QStringList tagsNamed(const QString &prefix, int from, int count)
{
    QStringList tags;
    for (int i = from; i < from + count; ++i)
        tags << prefix + QString::number(i);
    return tags;
}

QByteArray tagsJson(const QStringList &tags)
{
    QByteArray json = R"({"name":"lib/app","tags":[)";
    for (qsizetype i = 0; i < tags.size(); ++i)
        json += (i ? ",\"" : "\"") + tags.at(i).toUtf8() + '"';
    return json + "]}";
}

} // namespace

class TestRegistryClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pingSucceeds();
    void pingReportsAuthScheme();
    void pingOnNonRegistry();
    void tagPagesAreFollowed();
    void nullTagsAreEmpty();
    void linkToAnotherHostIsRefused();
    void linkBackToTheSamePageStops();
    void pageCapStops();
    void pageSizeReducedOnPaginationError();
    void catalogAsksForCatalogScope();
    void manifestByDigest();
    void manifestDigestMismatch();
    void manifestByTagComputesDigest();
    void contentTypeMismatchRejected();
    void manifestOverCapRejected();
    void endlessManifestStopsAtCap();
    void headFallsBackToGet_data();
    void headFallsBackToGet();
    void headUsesDigestHeader();
    void blobVerified();
    void blobToSink();
    void blobDigestMismatch();
    void blobGzipNotDecoded();
    void blobRedirectToStorageWithoutAuthorization();
    void blobLongerThanDescriptor();
    void blobTruncatedIsNetworkError();
    void invalidArgumentsFinishQueued();
    void cancelIsSilentAndIdempotent();
    void destroyingAJobAbortsIt();

private:
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<oci::Transport> m_transport;
    std::unique_ptr<RegistryClient> m_client;
};

void TestRegistryClient::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_transport = std::make_unique<oci::Transport>();
    m_transport->setOptions(fastOptions());
    m_client = std::make_unique<RegistryClient>(m_transport.get(), registryFor(*m_server));
}

void TestRegistryClient::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_server.reset();
}

void TestRegistryClient::pingSucceeds()
{
    m_server->setHandler([](const HttpTestRequest &request) {
        if (request.target == "/v2/")
            return HttpTestResponse::json(200, "{}").header("Docker-Distribution-API-Version",
                                                            "registry/2.0");
        return HttpTestResponse::text(404, "");
    });
    std::unique_ptr<oci::PingJob> job(m_client->ping());
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->authScheme(), QString());
}

void TestRegistryClient::pingReportsAuthScheme()
{
    m_transport->setCredentialProvider(
        std::make_shared<FixedCredentials>(userPassword(u"bob"_qs, u"pw"_qs)));
    m_server->setHandler([](const HttpTestRequest &request) {
        if (request.header("authorization") == basicHeader(u"bob"_qs, u"pw"_qs))
            return HttpTestResponse::json(200, "{}");
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate", R"(Basic realm="r")");
    });
    std::unique_ptr<oci::PingJob> job(m_client->ping());
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->authScheme(), u"basic"_qs);
}

void TestRegistryClient::pingOnNonRegistry()
{
    m_server->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::text(404, "<html>nginx</html>", "text/html");
    });
    std::unique_ptr<oci::PingJob> job(m_client->ping());
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::NotFound);
    QVERIFY2(job->error().message().contains(u"no registry API"),
             qPrintable(job->error().message()));
    QCOMPARE(job->error().registry(), m_server->hostPort());
}

void TestRegistryClient::tagPagesAreFollowed()
{
    m_server->setHandler([](const HttpTestRequest &request) {
        const QString last = request.query().queryItemValue(u"last"_qs);
        if (last.isEmpty())
            return HttpTestResponse::json(200, tagsJson(tagsNamed(u"a"_qs, 0, 3)))
                .header("Link", R"(</v2/lib/app/tags/list?n=3&last=a2>; rel="next")");
        if (last == u"a2") // absolute, same origin, unquoted rel
            return HttpTestResponse::json(200, tagsJson(tagsNamed(u"b"_qs, 0, 3)))
                .header("Link", "<http://" + request.header("host") +
                                    "/v2/lib/app/tags/list?n=3&last=b2>; rel=next");
        return HttpTestResponse::json(200, tagsJson(tagsNamed(u"c"_qs, 0, 1)));
    });
    std::unique_ptr<oci::TagListJob> job(m_client->tags(u"lib/app"_qs, 5000));
    QSignalSpy pages(job.get(), &oci::TagListJob::pageReceived);
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->tags(),
             tagsNamed(u"a"_qs, 0, 3) + tagsNamed(u"b"_qs, 0, 3) + tagsNamed(u"c"_qs, 0, 1));
    QCOMPARE(pages.count(), 3);
    QCOMPARE(pages.at(1).at(0).toStringList(), tagsNamed(u"b"_qs, 0, 3));
    QCOMPARE(job->pagesFetched(), 3);
    QCOMPARE(m_server->requestCount(), 3);
    // n is clamped to 1000 and sent on the first request; later pages are the Link verbatim.
    QCOMPARE(m_server->requests().at(0).target, QByteArray("/v2/lib/app/tags/list?n=1000"));
    QCOMPARE(m_server->requests().at(2).target, QByteArray("/v2/lib/app/tags/list?n=3&last=b2"));
}

void TestRegistryClient::nullTagsAreEmpty()
{
    m_server->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::json(200, R"({"name":"lib/app","tags":null})");
    });
    std::unique_ptr<oci::TagListJob> job(m_client->tags(u"lib/app"_qs));
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QVERIFY(job->tags().isEmpty());

    m_server->setHandler(
        [](const HttpTestRequest &) { return HttpTestResponse::json(200, R"({"tags":"oops"})"); });
    std::unique_ptr<oci::TagListJob> bad(m_client->tags(u"lib/app"_qs));
    QVERIFY(waitFinished(bad.get()));
    QCOMPARE(bad->error().code(), Error::Code::MalformedDocument);
}

void TestRegistryClient::linkToAnotherHostIsRefused()
{
    HttpTestServer other;
    QVERIFY(other.listen());
    other.setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::json(200, tagsJson({u"stolen"_qs}));
    });
    const QByteArray link =
        "<" + other.url("/v2/lib/app/tags/list?last=a1").toEncoded() + R"(>; rel="next")";
    m_server->setHandler([link](const HttpTestRequest &) {
        return HttpTestResponse::json(200, tagsJson(tagsNamed(u"a"_qs, 0, 2))).header("Link", link);
    });
    std::unique_ptr<oci::TagListJob> job(m_client->tags(u"lib/app"_qs));
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::PaginationRefused);
    QVERIFY2(job->error().message().contains(other.hostPort()), qPrintable(job->error().message()));
    QCOMPARE(job->tags(), tagsNamed(u"a"_qs, 0, 2)); // what came before is kept
    QCOMPARE(other.requestCount(), 0);
}

void TestRegistryClient::linkBackToTheSamePageStops()
{
    m_server->setHandler([](const HttpTestRequest &request) {
        // A server ignoring `last`: every page links to itself.
        return HttpTestResponse::json(200, tagsJson(tagsNamed(u"a"_qs, 0, 2)))
            .header("Link", "<" + request.target + R"(>; rel="next")");
    });
    std::unique_ptr<oci::TagListJob> job(m_client->tags(u"lib/app"_qs, 2));
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::PaginationRefused);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(job->tags().size(), 2);
}

void TestRegistryClient::pageCapStops()
{
    m_client->setMaxPages(3);
    m_server->setHandler([](const HttpTestRequest &request) {
        const int page = request.query().queryItemValue(u"page"_qs).toInt();
        return HttpTestResponse::json(200, R"({"repositories":["r)" + QByteArray::number(page) +
                                               R"("]})")
            .header("Link",
                    "</v2/_catalog?page=" + QByteArray::number(page + 1) + R"(>; rel="next")");
    });
    std::unique_ptr<oci::CatalogJob> job(m_client->catalog());
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::PaginationRefused);
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(job->repositories(), (QStringList{u"r0"_qs, u"r1"_qs, u"r2"_qs}));
}

void TestRegistryClient::pageSizeReducedOnPaginationError()
{
    m_server->setHandler([](const HttpTestRequest &request) {
        if (request.query().queryItemValue(u"n"_qs).toInt() > 100)
            return HttpTestResponse::registryError(400, "PAGINATION_NUMBER_INVALID",
                                                   "invalid number of results requested");
        return HttpTestResponse::json(200, R"({"repositories":["a","b/c"]})");
    });
    std::unique_ptr<oci::CatalogJob> job(m_client->catalog(1000));
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->repositories(), (QStringList{u"a"_qs, u"b/c"_qs}));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->requests().at(1).target, QByteArray("/v2/_catalog?n=100"));
}

void TestRegistryClient::catalogAsksForCatalogScope()
{
    HttpTestServer tokens;
    QVERIFY(tokens.listen());
    tokens.setHandler(
        [](const HttpTestRequest &) { return HttpTestResponse::json(200, R"({"token":"t1"})"); });
    const QByteArray realm = tokens.url("/token").toEncoded();
    m_server->setHandler([realm](const HttpTestRequest &request) {
        if (request.header("authorization") == "Bearer t1")
            return HttpTestResponse::json(200, R"({"repositories":[]})");
        return HttpTestResponse::registryError(401, "UNAUTHORIZED")
            .header("WWW-Authenticate",
                    "Bearer realm=\"" + realm + "\",service=\"reg\",scope=\"registry:catalog:*\"");
    });
    std::unique_ptr<oci::CatalogJob> job(m_client->catalog());
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(
        tokens.requests().constFirst().query().allQueryItemValues(u"scope"_qs, QUrl::FullyDecoded),
        QStringList{u"registry:catalog:*"_qs});
}

void TestRegistryClient::manifestByDigest()
{
    const QByteArray body = ociManifest();
    const Digest digest = Digest::sha256Of(body);
    m_server->setHandler([body](const HttpTestRequest &) {
        return HttpTestResponse::json(200, body, kOciManifestType);
    });
    std::unique_ptr<oci::ManifestJob> job(m_client->manifest(u"lib/app"_qs, digest.toString()));
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->manifest().digest, digest);
    QCOMPARE(job->manifest().bytes, body);
    QCOMPARE(job->manifest().mediaType, QString::fromLatin1(kOciManifestType));
    QCOMPARE(job->manifest().size, body.size());
    QVERIFY(job->document());
    QVERIFY(job->document()->isImageManifest());

    const HttpTestRequest request = m_server->requests().constFirst();
    QCOMPARE(request.target, "/v2/lib/app/manifests/" + digest.toString().toLatin1());
    const QList<QByteArray> accept = request.header("accept").split(',');
    QCOMPARE(accept.size(), 6);
    QCOMPARE(accept.at(0).trimmed(), kOciManifestType);
    QVERIFY(accept.contains(" application/vnd.oci.image.index.v1+json"));
    QVERIFY(accept.contains(" application/vnd.docker.distribution.manifest.v2+json"));
    QVERIFY(accept.contains(" application/vnd.docker.distribution.manifest.list.v2+json"));
    QVERIFY(accept.at(4).contains("manifest.v1+") &&
            accept.at(5).contains("manifest.v1+")); // schema 1 last
}

void TestRegistryClient::manifestDigestMismatch()
{
    const QByteArray body = ociManifest();
    const Digest requested = Digest::sha256Of("something else");
    // The header claims the requested digest: it must not be believed.
    m_server->setHandler([body, requested](const HttpTestRequest &) {
        return HttpTestResponse::json(200, body, kOciManifestType)
            .header("Docker-Content-Digest", requested.toString().toLatin1());
    });
    std::unique_ptr<oci::ManifestJob> job(m_client->manifest(u"lib/app"_qs, requested.toString()));
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::DigestMismatch);
    QVERIFY(job->error().message().contains(Digest::sha256Of(body).toString()));
    QCOMPARE(job->error().object(), u"lib/app@"_qs + requested.toString());
    QVERIFY(job->manifest().bytes.isEmpty());
}

void TestRegistryClient::manifestByTagComputesDigest()
{
    const QByteArray body = ociManifest();
    m_server->setHandler([body](const HttpTestRequest &) {
        return HttpTestResponse::json(200, body, kOciManifestType + "; charset=utf-8")
            .header("Docker-Content-Digest",
                    "sha256:0000000000000000000000000000000000000000000000000000000000000000");
    });
    std::unique_ptr<oci::ManifestJob> job(m_client->manifest(u"lib/app"_qs, u"v1.2"_qs));
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->manifest().digest, Digest::sha256Of(body));
    QCOMPARE(job->manifest().mediaType, QString::fromLatin1(kOciManifestType));
}

void TestRegistryClient::contentTypeMismatchRejected()
{
    const QByteArray body = ociManifest();
    m_server->setHandler([body](const HttpTestRequest &) {
        return HttpTestResponse::json(200, body, "application/vnd.oci.image.index.v1+json");
    });
    std::unique_ptr<oci::ManifestJob> job(
        m_client->manifest(u"lib/app"_qs, Digest::sha256Of(body).toString()));
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::MediaTypeMismatch);
    QCOMPARE(job->error().registry(), m_server->hostPort());
}

void TestRegistryClient::manifestOverCapRejected()
{
    m_server->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response = HttpTestResponse::json(
            200, QByteArray(oci::ManifestDocument::MaxSize + 1, ' '), kOciManifestType);
        return response;
    });
    std::unique_ptr<oci::ManifestJob> job(m_client->manifest(u"lib/app"_qs, u"big"_qs));
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::SizeLimitExceeded);
}

void TestRegistryClient::endlessManifestStopsAtCap()
{
    m_server->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response;
        response.header("Content-Type", kOciManifestType);
        response.streamEndless = true;
        return response;
    });
    std::unique_ptr<oci::ManifestJob> job(m_client->manifest(u"lib/app"_qs, u"endless"_qs));
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::SizeLimitExceeded);
    QTest::qWait(200);
    const qint64 streamed = m_server->streamedBytes();
    QTest::qWait(200);
    QCOMPARE(m_server->streamedBytes(), streamed);
}

void TestRegistryClient::headFallsBackToGet_data()
{
    QTest::addColumn<bool>("headIs405");
    QTest::newRow("HEAD 405") << true;
    QTest::newRow("HEAD without Docker-Content-Digest") << false;
}

void TestRegistryClient::headFallsBackToGet()
{
    QFETCH(bool, headIs405);
    const QByteArray body = ociManifest();
    m_server->setHandler([body, headIs405](const HttpTestRequest &request) {
        if (request.method == "HEAD")
            return headIs405 ? HttpTestResponse::registryError(405, "UNSUPPORTED")
                             : HttpTestResponse::json(200, body, kOciManifestType);
        return HttpTestResponse::json(200, body, kOciManifestType);
    });
    std::unique_ptr<oci::ManifestJob> job(
        m_client->manifest(u"lib/app"_qs, u"latest"_qs, RegistryClient::Method::Head));
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->requests().at(0).method, QByteArray("HEAD"));
    QCOMPARE(m_server->requests().at(1).method, QByteArray("GET"));
    QCOMPARE(job->manifest().digest, Digest::sha256Of(body));
}

void TestRegistryClient::headUsesDigestHeader()
{
    const QByteArray body = ociManifest();
    const Digest digest = Digest::sha256Of(body);
    m_server->setHandler([body, digest](const HttpTestRequest &) {
        return HttpTestResponse::json(200, body, kOciManifestType)
            .header("Docker-Content-Digest", digest.toString().toLatin1());
    });
    std::unique_ptr<oci::ManifestJob> job(
        m_client->manifest(u"lib/app"_qs, u"latest"_qs, RegistryClient::Method::Head));
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->requests().constFirst().method, QByteArray("HEAD"));
    QVERIFY(!m_server->requests().constFirst().header("accept").isEmpty());
    QCOMPARE(job->manifest().digest, digest);
    QCOMPARE(job->manifest().size, body.size());
    QVERIFY(job->manifest().bytes.isEmpty());
}

void TestRegistryClient::blobVerified()
{
    const QByteArray blob = QByteArray(300 * 1024, 'z') + "end";
    const Digest digest = Digest::sha256Of(blob);
    m_server->setHandler([blob](const HttpTestRequest &) {
        return HttpTestResponse::text(200, blob, "application/octet-stream");
    });
    std::unique_ptr<oci::BlobJob> job(
        m_client->blob(u"lib/app"_qs, digest, nullptr, 1024 * 1024, blob.size()));
    QSignalSpy progress(job.get(), &oci::BlobJob::progress);
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->data(), blob);
    QCOMPARE(job->bytesReceived(), blob.size());
    QCOMPARE(job->digest(), digest);
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.constLast().at(0).toLongLong(), blob.size());
    QCOMPARE(m_server->requests().constFirst().target,
             "/v2/lib/app/blobs/" + digest.toString().toLatin1());
    QCOMPARE(m_server->requests().constFirst().header("accept-encoding"), QByteArray("identity"));
}

void TestRegistryClient::blobToSink()
{
    const QByteArray blob(2 * 1024 * 1024 + 17, 'q');
    const Digest digest = Digest::sha256Of(blob);
    m_server->setHandler([blob](const HttpTestRequest &) {
        return HttpTestResponse::text(200, blob, "application/octet-stream");
    });
    QBuffer sink;
    QVERIFY(sink.open(QIODevice::WriteOnly));
    // maxBufferedBytes does not limit a sink.
    std::unique_ptr<oci::BlobJob> job(m_client->blob(u"lib/app"_qs, digest, &sink, 1024));
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(sink.data(), blob);
    QVERIFY(job->data().isEmpty());
}

void TestRegistryClient::blobDigestMismatch()
{
    const Digest requested = Digest::sha256Of("the real thing");
    m_server->setHandler([](const HttpTestRequest &) {
        return HttpTestResponse::text(200, "an impostor", "application/octet-stream");
    });
    std::unique_ptr<oci::BlobJob> job(m_client->blob(u"lib/app"_qs, requested));
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::DigestMismatch);
    QVERIFY(job->data().isEmpty()); // nothing unverified is handed out
}

void TestRegistryClient::blobGzipNotDecoded()
{
    // gzip of "foo\n": served with Content-Encoding: gzip as some storage backends do.
    const QByteArray gzipped =
        QByteArray::fromHex("1f8b08000000000000034bcbcf07002165738c03000000");
    const Digest digest = Digest::sha256Of(gzipped);
    m_server->setHandler([gzipped](const HttpTestRequest &) {
        return HttpTestResponse::text(200, gzipped, "application/octet-stream")
            .header("Content-Encoding", "gzip");
    });
    std::unique_ptr<oci::BlobJob> job(
        m_client->blob(u"lib/app"_qs, digest, nullptr, 1024, gzipped.size()));
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->data(), gzipped);
}

void TestRegistryClient::blobRedirectToStorageWithoutAuthorization()
{
    m_transport->setCredentialProvider(
        std::make_shared<FixedCredentials>(userPassword(u"bob"_qs, u"pw"_qs)));
    HttpTestServer storage;
    QVERIFY(storage.listen());
    const QByteArray blob = "layer bytes";
    storage.setHandler([blob](const HttpTestRequest &request) {
        // S3/Azure refuse a request carrying a signature and an Authorization header.
        if (request.hasHeader("authorization"))
            return HttpTestResponse::text(400, "<Error>Only one auth mechanism allowed</Error>",
                                          "application/xml");
        return HttpTestResponse::text(200, blob, "application/octet-stream");
    });
    const QByteArray signedUrl = storage.url("/bucket/blob?X-Amz-Signature=abc%2Fdef").toEncoded();
    m_server->setHandler([signedUrl](const HttpTestRequest &request) {
        if (request.header("authorization") != basicHeader(u"bob"_qs, u"pw"_qs))
            return HttpTestResponse::registryError(401, "UNAUTHORIZED")
                .header("WWW-Authenticate", R"(Basic realm="r")");
        return HttpTestResponse::redirect(307, signedUrl);
    });
    std::unique_ptr<oci::BlobJob> job(m_client->blob(u"lib/app"_qs, Digest::sha256Of(blob)));
    QVERIFY(waitFinished(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->data(), blob);
    QCOMPARE(storage.requestCount(), 1);
    QVERIFY(!storage.requests().constFirst().hasHeader("authorization"));
    QCOMPARE(storage.requests().constFirst().target,
             QByteArray("/bucket/blob?X-Amz-Signature=abc%2Fdef"));
}

void TestRegistryClient::blobLongerThanDescriptor()
{
    const QByteArray blob(4096, 'a');
    m_server->setHandler([blob](const HttpTestRequest &) {
        HttpTestResponse response;
        response.streamBytes = 64 * 1024 * 1024; // chunked, far more than the descriptor says
        return response;
    });
    std::unique_ptr<oci::BlobJob> job(m_client->blob(u"lib/app"_qs, Digest::sha256Of(blob), nullptr,
                                                     1024 * 1024 * 1024, blob.size()));
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::SizeLimitExceeded);
    QVERIFY(job->bytesReceived() < 16 * 1024 * 1024);

    // A declared length that disagrees with the descriptor fails before the body.
    m_server->setHandler(
        [](const HttpTestRequest &) { return HttpTestResponse::text(200, QByteArray(5000, 'a')); });
    std::unique_ptr<oci::BlobJob> declared(
        m_client->blob(u"lib/app"_qs, Digest::sha256Of(blob), nullptr, 1 << 20, blob.size()));
    QVERIFY(waitFinished(declared.get()));
    QCOMPARE(declared->error().code(), Error::Code::SizeLimitExceeded);
    QVERIFY(declared->error().message().contains(u"5000"));
}

void TestRegistryClient::blobTruncatedIsNetworkError()
{
    const QByteArray blob(100000, 'b');
    m_server->setHandler([blob](const HttpTestRequest &) {
        HttpTestResponse response =
            HttpTestResponse::text(200, blob.left(40000), "application/octet-stream");
        response.declaredContentLength = blob.size();
        return response;
    });
    std::unique_ptr<oci::BlobJob> job(m_client->blob(u"lib/app"_qs, Digest::sha256Of(blob)));
    QVERIFY(waitFinished(job.get()));
    QCOMPARE(job->error().code(), Error::Code::Network);
    QVERIFY(job->data().isEmpty());
}

void TestRegistryClient::invalidArgumentsFinishQueued()
{
    std::unique_ptr<oci::TagListJob> tags(m_client->tags(u"Upper/Case"_qs));
    QSignalSpy tagsSpy(tags.get(), &oci::Job::finished);
    std::unique_ptr<oci::ManifestJob> manifest(m_client->manifest(u"lib/app"_qs, u"bad tag!"_qs));
    QSignalSpy manifestSpy(manifest.get(), &oci::Job::finished);
    std::unique_ptr<oci::ManifestJob> digest(m_client->manifest(u"lib/app"_qs, u"sha256:XYZ"_qs));
    QSignalSpy digestSpy(digest.get(), &oci::Job::finished);
    std::unique_ptr<oci::BlobJob> blob(m_client->blob(u"../etc"_qs, Digest::sha256Of("x")));
    QSignalSpy blobSpy(blob.get(), &oci::Job::finished);
    // Nothing is emitted from inside the call that made the job.
    QCOMPARE(tagsSpy.count() + manifestSpy.count() + digestSpy.count() + blobSpy.count(), 0);
    QVERIFY(!tags->isFinished());
    QVERIFY(tagsSpy.wait(2000));
    QTRY_COMPARE(manifestSpy.count(), 1);
    QTRY_COMPARE(digestSpy.count(), 1);
    QTRY_COMPARE(blobSpy.count(), 1);
    QCOMPARE(tags->error().code(), Error::Code::InvalidArgument);
    QCOMPARE(manifest->error().code(), Error::Code::InvalidArgument);
    QCOMPARE(digest->error().code(), Error::Code::InvalidDigest);
    QCOMPARE(blob->error().code(), Error::Code::InvalidArgument);
    QCOMPARE(m_server->requestCount(), 0);
    QTest::qWait(50);
    QCOMPARE(tagsSpy.count(), 1); // exactly once
}

void TestRegistryClient::cancelIsSilentAndIdempotent()
{
    m_server->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response = HttpTestResponse::json(200, tagsJson({u"a"_qs}));
        response.delayMs = 300;
        return response;
    });
    std::unique_ptr<oci::TagListJob> job(m_client->tags(u"lib/app"_qs));
    QSignalSpy finished(job.get(), &oci::Job::finished);
    QSignalSpy pages(job.get(), &oci::TagListJob::pageReceived);
    QTRY_COMPARE(m_server->requestCount(), 1);
    job->cancel();
    job->cancel();
    QVERIFY(job->isCancelled());
    QCOMPARE(job->error().code(), Error::Code::Cancelled);
    QTest::qWait(600);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(pages.count(), 0);
    QVERIFY(!job->isFinished());

    // Cancelling after the result is known, before finished() is delivered: silent too.
    m_server->setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, "{}"); });
    std::unique_ptr<oci::TagListJob> invalid(m_client->tags(u"INVALID"_qs));
    QSignalSpy invalidFinished(invalid.get(), &oci::Job::finished);
    invalid->cancel();
    QTest::qWait(50);
    QCOMPARE(invalidFinished.count(), 0);
}

void TestRegistryClient::destroyingAJobAbortsIt()
{
    m_server->setHandler([](const HttpTestRequest &) {
        HttpTestResponse response;
        response.streamEndless = true;
        return response;
    });
    QBuffer sink;
    QVERIFY(sink.open(QIODevice::WriteOnly));
    auto *job = m_client->blob(u"lib/app"_qs, Digest::sha256Of("x"), &sink);
    QTRY_VERIFY(sink.size() > 256 * 1024);
    delete job;
    QTest::qWait(200);
    const qint64 streamed = m_server->streamedBytes();
    QTest::qWait(300);
    QCOMPARE(m_server->streamedBytes(), streamed); // the connection was dropped
    const qint64 written = sink.size();
    QTest::qWait(100);
    QCOMPARE(sink.size(), written);
}

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
