// oci::BlobUpload, BlobStatJob and ManifestPutJob against HttpTestServer, for what a real
// registry will not do: Locations that are relative, path-relative and absolute with a
// percent-encoded _state query (kept byte for byte, digest= appended with &), a Location on
// another origin (no Authorization there), a mount answered 202 (the session is used, no
// second POST), a wrong Docker-Content-Digest on the PUT, an expired session (404
// BLOB_UPLOAD_UNKNOWN on PATCH, PUT and GET), a short Range after a PATCH, no replay of a
// PATCH on 503, misuse answered by failed() without a request, and a streamed PUT: a
// sequential device whose bytes trickle in goes out whole with its Content-Length, a
// redirect reads a fresh device, and a device that fails ends the upload uncommitted.

#include "nettestsupport.h"

#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"

#include <QEventLoop>
#include <QTimer>

using namespace nettest;
using oci::BlobUpload;
using oci::Digest;
using oci::Error;
using oci::RegistryClient;

namespace {

const QByteArray kUploads = "/v2/lib/app/blobs/uploads/";

// Runs an event loop until `upload` emits `signal` (true) or failed() / the timeout.
template<typename Signal>
bool answered(BlobUpload *upload, Signal signal, int timeoutMs = 15000)
{
    QSignalSpy good(upload, signal);
    QSignalSpy bad(upload, &BlobUpload::failed);
    QEventLoop loop;
    QObject::connect(upload, signal, &loop, &QEventLoop::quit);
    QObject::connect(upload, &BlobUpload::failed, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!bad.isEmpty())
        qWarning("failed: %s", qPrintable(upload->error().describe()));
    return !good.isEmpty() && bad.isEmpty();
}

// Waits for failed(); true when it came (and nothing else of `upload`'s results did).
bool failedAnswer(BlobUpload *upload, int timeoutMs = 15000)
{
    QSignalSpy bad(upload, &BlobUpload::failed);
    QSignalSpy written(upload, &BlobUpload::written);
    QSignalSpy committed(upload, &BlobUpload::committed);
    return bad.wait(timeoutMs) && written.isEmpty() && committed.isEmpty();
}

HttpTestResponse accepted(const QByteArray &location, const QByteArray &range = "0-0")
{
    HttpTestResponse response = HttpTestResponse::status204(202);
    response.header("Location", location).header("Range", range).header("Docker-Upload-UUID", "u-1");
    return response;
}

// A sequential device handing out `bytes` a few at a time, the next piece only after a
// timer fired (like a producer on a worker), or failing at `failAt`.
class TrickleDevice final : public QIODevice
{
public:
    explicit TrickleDevice(QByteArray bytes, qint64 failAt = -1)
        : m_bytes(std::move(bytes)), m_failAt(failAt)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            m_ready = qMin<qint64>(m_ready + 3, m_bytes.size());
            Q_EMIT readyRead();
            if (m_ready == m_bytes.size())
                m_timer.stop();
        });
        m_timer.start();
    }
    bool isSequential() const override { return true; }
    bool atEnd() const override { return m_read == m_bytes.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_failAt >= 0 && m_read >= m_failAt)
            return -1;
        if (m_read == m_bytes.size())
            return -1;
        qint64 n = qMin(maxSize, m_ready - m_read);
        if (m_failAt >= 0)
            n = qMin(n, m_failAt - m_read);
        memcpy(data, m_bytes.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_failAt;
    qint64 m_ready = 0;
    qint64 m_read = 0;
    QTimer m_timer;
};

} // namespace

class TestBlobUpload final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void locationsAreFollowedWithTheirQuery();
    void locationOnAnotherOriginGetsNoAuthorization();
    void mountCreated();
    void mountAnswered202IsTheSession();
    void putWithWrongDockerContentDigest();
    void streamedCommitSendsTheDeviceWhole();
    void streamedCommitFollowsRedirectWithAFreshDevice();
    void streamedCommitWithFailingDevice();
    void expiredSession_data();
    void expiredSession();
    void shortRangeThenQueryOffset();
    void patchIsNotReplayed();
    void postWithoutLocation();
    void misuseIsAnsweredQueued();
    void abandonDeletesSilently();
    void statBlob();
    void putManifestSendsTypeAndChecksDigest();
    void putManifestByDigestMustMatch();

private:
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<oci::Transport> m_transport;
    std::unique_ptr<RegistryClient> m_client;
};

void TestBlobUpload::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_transport = std::make_unique<oci::Transport>();
    m_transport->setOptions(fastOptions());
    m_client = std::make_unique<RegistryClient>(m_transport.get(), registryFor(*m_server));
}

void TestBlobUpload::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_server.reset();
}

void TestBlobUpload::locationsAreFollowedWithTheirQuery()
{
    const QByteArray blob = "helloworld!";
    const Digest digest = Digest::sha256Of(blob);
    const QByteArray absolute = m_server->url("/up/s3?_state=ij%2Bkl%3D%3D").toEncoded();
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST" && request.target == kUploads) // relative to the host
            return accepted("/up/s1?_state=ab%2Bcd%3D%3D");
        if (request.method == "PATCH" && request.target == "/up/s1?_state=ab%2Bcd%3D%3D")
            return accepted("s2?_state=ef%2Bgh%3D%3D&x=1", "0-4"); // relative to /up/
        if (request.method == "PATCH" && request.target == "/up/s2?_state=ef%2Bgh%3D%3D&x=1")
            return accepted(absolute, "0-9");
        if (request.method == "PUT" && request.path() == "/up/s3")
            return HttpTestResponse::status204(201)
                .header("Location", "/v2/lib/app/blobs/" + digest.toString().toLatin1())
                .header("Docker-Content-Digest", digest.toString().toLatin1());
        return HttpTestResponse::registryError(404, "BLOB_UPLOAD_UNKNOWN", "no such session");
    });

    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    QCOMPARE(upload->state(), BlobUpload::State::Open);
    QCOMPARE(upload->location(), m_server->url("/up/s1?_state=ab%2Bcd%3D%3D"));
    QCOMPARE(upload->uploadUuid(), u"u-1"_qs);

    QSignalSpy written(upload.get(), &BlobUpload::written);
    upload->write(blob.first(5));
    QVERIFY(answered(upload.get(), &BlobUpload::written));
    QCOMPARE(upload->offset(), 5);
    upload->write(blob.sliced(5, 5));
    QVERIFY(answered(upload.get(), &BlobUpload::written));
    QCOMPARE(upload->offset(), 10);
    QCOMPARE(written.size(), 2);
    QCOMPARE(written.at(1).at(0).toLongLong(), 10);
    QCOMPARE(upload->location().toEncoded(), absolute);

    upload->commit(digest, blob.sliced(10));
    QVERIFY(answered(upload.get(), &BlobUpload::committed));
    QCOMPARE(upload->state(), BlobUpload::State::Committed);
    QCOMPARE(upload->offset(), blob.size());

    const QList<HttpTestRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 4);
    const HttpTestRequest &post = requests.at(0);
    QCOMPARE(post.method, QByteArray("POST"));
    QCOMPARE(post.header("content-length"), QByteArray("0"));
    const HttpTestRequest &patch1 = requests.at(1);
    QCOMPARE(patch1.header("content-range"), QByteArray("0-4"));
    QCOMPARE(patch1.header("content-type"), QByteArray("application/octet-stream"));
    QCOMPARE(patch1.header("content-length"), QByteArray("5"));
    QCOMPARE(patch1.body, blob.first(5));
    const HttpTestRequest &patch2 = requests.at(2);
    QCOMPARE(patch2.header("content-range"), QByteArray("5-9"));
    QCOMPARE(patch2.body, blob.sliced(5, 5));
    // The PUT: the latest Location's query byte for byte, digest joined with '&'.
    const HttpTestRequest &put = requests.at(3);
    QCOMPARE(put.method, QByteArray("PUT"));
    QVERIFY2(put.target.startsWith("/up/s3?_state=ij%2Bkl%3D%3D&digest="), put.target.constData());
    QCOMPARE(put.query().queryItemValue(u"digest"_qs, QUrl::FullyDecoded), digest.toString());
    QCOMPARE(put.query().queryItemValue(u"_state"_qs, QUrl::FullyDecoded), u"ij+kl=="_qs);
    QCOMPARE(put.header("content-range"), QByteArray("10-10"));
    QCOMPARE(put.header("content-length"), QByteArray("1"));
    QCOMPARE(put.body, blob.sliced(10));
}

void TestBlobUpload::locationOnAnotherOriginGetsNoAuthorization()
{
    m_transport->setCredentialProvider(
        std::make_shared<FixedCredentials>(userPassword(u"bob"_qs, u"pw"_qs)));
    // "localhost" is the same server under another origin.
    const QByteArray elsewhere = m_server->url("/offload/s1?_state=x%2By", "localhost").toEncoded();
    const QByteArray blob = "offloaded";
    const Digest digest = Digest::sha256Of(blob);
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.path().startsWith("/offload/")) {
            if (request.hasHeader("authorization"))
                return HttpTestResponse::text(400, "credentials sent to the wrong host");
            if (request.method == "PATCH")
                return accepted(elsewhere, "0-8");
            return HttpTestResponse::status204(201);
        }
        if (request.header("authorization") != basicHeader(u"bob"_qs, u"pw"_qs))
            return HttpTestResponse::registryError(401, "UNAUTHORIZED")
                .header("WWW-Authenticate", R"(Basic realm="r")");
        return accepted(elsewhere);
    });

    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    QCOMPARE(upload->location().host(), u"localhost"_qs);
    upload->write(blob);
    QVERIFY(answered(upload.get(), &BlobUpload::written));
    upload->commit(digest);
    QVERIFY(answered(upload.get(), &BlobUpload::committed));

    const QList<HttpTestRequest> offloaded = m_server->requestsTo("/offload/s1");
    QCOMPARE(offloaded.size(), 2);
    for (const HttpTestRequest &request : offloaded)
        QVERIFY2(!request.hasHeader("authorization"), request.method.constData());
    QCOMPARE(offloaded.at(1).method, QByteArray("PUT"));
    QVERIFY(offloaded.at(1).target.startsWith("/offload/s1?_state=x%2By&digest="));
    // The registry itself did get the credentials.
    QCOMPARE(m_server->requestsTo(kUploads).constLast().header("authorization"),
             basicHeader(u"bob"_qs, u"pw"_qs));
}

void TestBlobUpload::mountCreated()
{
    const Digest digest = Digest::sha256Of("shared layer");
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST" && request.path() == kUploads)
            return HttpTestResponse::status204(201)
                .header("Location", "/v2/lib/app/blobs/" + digest.toString().toLatin1())
                .header("Docker-Content-Digest", digest.toString().toLatin1());
        return HttpTestResponse::text(500, "unexpected");
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs, digest, u"lib/base"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    QCOMPARE(upload->state(), BlobUpload::State::Mounted);
    QCOMPARE(m_server->requestCount(), 1);
    const QUrlQuery query = m_server->requests().constFirst().query();
    QCOMPARE(query.queryItemValue(u"mount"_qs, QUrl::FullyDecoded), digest.toString());
    QCOMPARE(query.queryItemValue(u"from"_qs, QUrl::FullyDecoded), u"lib/base"_qs);
}

void TestBlobUpload::mountAnswered202IsTheSession()
{
    const QByteArray blob = "not in lib/base after all";
    const Digest digest = Digest::sha256Of(blob);
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST")
            return accepted("/v2/lib/app/blobs/uploads/m1?_state=m%2B1");
        if (request.method == "PATCH")
            return accepted("/v2/lib/app/blobs/uploads/m1?_state=m%2B2",
                            "0-" + QByteArray::number(blob.size() - 1));
        if (request.method == "PUT")
            return HttpTestResponse::status204(201).header("Docker-Content-Digest",
                                                           digest.toString().toLatin1());
        return HttpTestResponse::text(500, "unexpected");
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs, digest, u"lib/base"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    QCOMPARE(upload->state(), BlobUpload::State::Open);
    upload->write(blob);
    QVERIFY(answered(upload.get(), &BlobUpload::written));
    upload->commit(digest);
    QVERIFY(answered(upload.get(), &BlobUpload::committed));

    const QList<HttpTestRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 3); // one POST: the 202 is the session
    QCOMPARE(requests.at(0).method, QByteArray("POST"));
    QCOMPARE(requests.at(1).method, QByteArray("PATCH"));
    QCOMPARE(requests.at(1).target, QByteArray("/v2/lib/app/blobs/uploads/m1?_state=m%2B1"));
    QCOMPARE(requests.at(2).method, QByteArray("PUT"));
    QVERIFY(requests.at(2).target.startsWith("/v2/lib/app/blobs/uploads/m1?_state=m%2B2&digest="));
}

void TestBlobUpload::putWithWrongDockerContentDigest()
{
    const QByteArray blob = "some bytes";
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST")
            return accepted("/up/1");
        return HttpTestResponse::status204(201).header(
            "Docker-Content-Digest", Digest::sha256Of("other bytes").toString().toLatin1());
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    upload->commit(Digest::sha256Of(blob), blob);
    QVERIFY(failedAnswer(upload.get()));
    QCOMPARE(upload->state(), BlobUpload::State::Failed);
    QCOMPARE(upload->error().code(), Error::Code::DigestMismatch);
    QCOMPARE(upload->error().registry(), m_server->hostPort());
    QCOMPARE(upload->error().object(), u"lib/app@"_qs + Digest::sha256Of(blob).toString());
}

void TestBlobUpload::streamedCommitSendsTheDeviceWhole()
{
    const QByteArray blob = QByteArray("streamed blob bytes ").repeated(20);
    const Digest digest = Digest::sha256Of(blob);
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST")
            return accepted("/up/1?_state=a");
        return HttpTestResponse::status204(201).header("Docker-Content-Digest",
                                                       digest.toString().toLatin1());
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    int made = 0;
    QSignalSpy sending(upload.get(), &BlobUpload::sending);
    upload->commitStreamed(
        digest, [&]() -> QIODevice * { ++made; return new TrickleDevice(blob); }, blob.size());
    QVERIFY(answered(upload.get(), &BlobUpload::committed));
    QCOMPARE(made, 1);
    QCOMPARE(upload->offset(), blob.size());
    QVERIFY(!sending.isEmpty());
    QCOMPARE(sending.last().at(0).toLongLong(), blob.size());
    const HttpTestRequest put = m_server->requests().last();
    QCOMPARE(put.method, QByteArray("PUT"));
    QCOMPARE(put.header("content-length"), QByteArray::number(blob.size()));
    QCOMPARE(put.header("content-range"), QByteArray("0-") + QByteArray::number(blob.size() - 1));
    QCOMPARE(put.query().queryItemValue(u"digest"_qs, QUrl::FullyDecoded), digest.toString());
    QCOMPARE(put.body, blob);
}

void TestBlobUpload::streamedCommitFollowsRedirectWithAFreshDevice()
{
    const QByteArray blob = QByteArray("0123456789").repeated(7);
    const Digest digest = Digest::sha256Of(blob);
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST")
            return accepted("/up/1");
        if (request.path() == "/up/1")
            return HttpTestResponse::redirect(307, "/up/moved?" + request.query().toString(QUrl::FullyEncoded).toLatin1());
        if (request.path() == "/up/moved" && request.body == blob)
            return HttpTestResponse::status204(201);
        return HttpTestResponse::registryError(400, "BLOB_UPLOAD_INVALID", "wrong body");
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    int made = 0;
    upload->commitStreamed(
        digest, [&]() -> QIODevice * { ++made; return new TrickleDevice(blob); }, blob.size());
    QVERIFY(answered(upload.get(), &BlobUpload::committed));
    QCOMPARE(made, 2);
    const QList<HttpTestRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(1).body, blob);
    QCOMPARE(requests.at(2).path(), QByteArray("/up/moved"));
    QCOMPARE(requests.at(2).body, blob);
}

void TestBlobUpload::streamedCommitWithFailingDevice()
{
    const QByteArray blob = QByteArray("abcdefgh").repeated(50);
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST")
            return accepted("/up/1");
        return HttpTestResponse::status204(201); // never reached with a whole body
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    upload->commitStreamed(
        Digest::sha256Of(blob), [&]() -> QIODevice * { return new TrickleDevice(blob, 100); },
        blob.size());
    QVERIFY(failedAnswer(upload.get()));
    QCOMPARE(upload->state(), BlobUpload::State::Failed);
    QCOMPARE(upload->offset(), 0);
    for (const HttpTestRequest &request : m_server->requests())
        QVERIFY2(request.method != "PUT" || request.body.size() < blob.size(),
                 "a PUT with the whole body reached the server");
}

void TestBlobUpload::expiredSession_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("withBody");
    QTest::newRow("PATCH") << QByteArray("PATCH") << true;
    QTest::newRow("PUT") << QByteArray("PUT") << true;
    QTest::newRow("GET") << QByteArray("GET") << true;
    QTest::newRow("PATCH, 404 without a body") << QByteArray("PATCH") << false;
}

void TestBlobUpload::expiredSession()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, withBody);
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST")
            return accepted("/up/1?_state=s");
        if (!withBody)
            return HttpTestResponse::status204(404);
        return HttpTestResponse::registryError(404, "BLOB_UPLOAD_UNKNOWN",
                                               "blob upload unknown to registry");
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    QSignalSpy failed(upload.get(), &BlobUpload::failed);
    if (method == "PATCH")
        upload->write("abc");
    else if (method == "PUT")
        upload->commit(Digest::sha256Of("abc"), "abc");
    else
        upload->queryOffset();
    QVERIFY(failed.wait());
    QCOMPARE(failed.size(), 1);
    const Error error = failed.constFirst().constFirst().value<Error>();
    QCOMPARE(error.code(), Error::Code::NotFound);
    QVERIFY(BlobUpload::isSessionExpired(error));
    QVERIFY2(error.message().contains(u"no longer knows this upload session"),
             qPrintable(error.describe()));
    QCOMPARE(error.registry(), m_server->hostPort());
    QVERIFY(error.object().startsWith(u"lib/app"));
    QCOMPARE(upload->state(), BlobUpload::State::Failed);
    QCOMPARE(m_server->requestCount(), 2); // nothing retried

    // Other failures are not mistaken for an expired session.
    Error denied(Error::Code::NotFound, u"x"_qs);
    denied.withHttpStatus(404).withRegistryErrors({{u"NAME_UNKNOWN"_qs, {}, {}}});
    QVERIFY(!BlobUpload::isSessionExpired(denied));
    QVERIFY(!BlobUpload::isSessionExpired(Error(Error::Code::Network, u"reset"_qs)));
}

void TestBlobUpload::shortRangeThenQueryOffset()
{
    // The registry kept only 3 of the 5 bytes: the session fails, keeps its location, and
    // queryOffset() (GET, answered 204 with an old-style "bytes=" Range) reopens it there.
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST")
            return accepted("/up/1?_state=a");
        if (request.method == "PATCH" && request.header("content-range") == "0-4")
            return accepted("/up/1?_state=b", "0-2");
        if (request.method == "GET")
            return HttpTestResponse::status204(204)
                .header("Location", "/up/1?_state=c")
                .header("Range", "bytes=0-2");
        if (request.method == "PATCH" && request.target == "/up/1?_state=c" &&
            request.header("content-range") == "3-4")
            return accepted("/up/1?_state=d", "0-4");
        return HttpTestResponse::registryError(416, "BLOB_UPLOAD_INVALID", "bad range");
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    upload->write("abcde");
    QVERIFY(failedAnswer(upload.get()));
    QCOMPARE(upload->error().code(), Error::Code::Network);
    QCOMPARE(upload->offset(), 3);
    QCOMPARE(upload->location(), m_server->url("/up/1?_state=b"));

    QSignalSpy resumed(upload.get(), &BlobUpload::resumed);
    upload->queryOffset();
    QVERIFY(answered(upload.get(), &BlobUpload::resumed));
    QCOMPARE(resumed.constFirst().constFirst().toLongLong(), 3);
    QCOMPARE(upload->state(), BlobUpload::State::Open);
    QCOMPARE(upload->error().code(), Error::Code::None);
    upload->write("de");
    QVERIFY(answered(upload.get(), &BlobUpload::written));
    QCOMPARE(upload->offset(), 5);
    QCOMPARE(upload->location(), m_server->url("/up/1?_state=d"));
}

void TestBlobUpload::patchIsNotReplayed()
{
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.method == "POST")
            return accepted("/up/1");
        return HttpTestResponse::registryError(503, "UNAVAILABLE", "busy");
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    upload->write("abc");
    QVERIFY(failedAnswer(upload.get()));
    QCOMPARE(upload->error().code(), Error::Code::ServerError);
    QCOMPARE(m_server->requestCount("/up/1"), 1);
    QCOMPARE(upload->offset(), 0);
}

void TestBlobUpload::postWithoutLocation()
{
    m_server->setHandler([](const HttpTestRequest &) { return HttpTestResponse::status204(202); });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(failedAnswer(upload.get()));
    QCOMPARE(upload->state(), BlobUpload::State::Failed);
    QVERIFY2(upload->error().message().contains(u"without the Location"),
             qPrintable(upload->error().describe()));
    QCOMPARE(upload->error().registry(), m_server->hostPort());
}

void TestBlobUpload::misuseIsAnsweredQueued()
{
    m_server->setHandler([](const HttpTestRequest &) { return accepted("/up/1"); });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QSignalSpy failed(upload.get(), &BlobUpload::failed);
    upload->write("too early"); // still Opening
    QCOMPARE(failed.size(), 0); // never from inside the call
    QVERIFY(failed.wait());
    QTRY_COMPARE(upload->state(), BlobUpload::State::Open);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().constFirst().value<Error>().code(), Error::Code::InvalidArgument);
    QCOMPARE(upload->state(), BlobUpload::State::Open); // unchanged
    QCOMPARE(m_server->requestCount(), 1);

    std::unique_ptr<BlobUpload> bad(m_client->startUpload(u"Not/Valid"_qs));
    QVERIFY(failedAnswer(bad.get()));
    QCOMPARE(bad->error().code(), Error::Code::InvalidArgument);
    std::unique_ptr<BlobUpload> half(m_client->startUpload(u"lib/app"_qs, Digest::sha256Of("x")));
    QVERIFY(failedAnswer(half.get()));
    QCOMPARE(half->error().code(), Error::Code::InvalidArgument);
    QCOMPARE(m_server->requestCount(), 1);

    // The session is the caller's: parented to the given object.
    QObject owner;
    BlobUpload *owned = m_client->startUpload(u"lib/app"_qs, {}, {}, &owner);
    QCOMPARE(owned->parent(), &owner);
}

void TestBlobUpload::abandonDeletesSilently()
{
    m_server->setHandler([](const HttpTestRequest &request) {
        if (request.method == "DELETE")
            return HttpTestResponse::status204(204);
        return accepted("/up/1?_state=z");
    });
    std::unique_ptr<BlobUpload> upload(m_client->startUpload(u"lib/app"_qs));
    QVERIFY(answered(upload.get(), &BlobUpload::opened));
    QSignalSpy failed(upload.get(), &BlobUpload::failed);
    QSignalSpy written(upload.get(), &BlobUpload::written);
    upload->write("abc"); // aborted before it goes out
    upload->abandon();
    QCOMPARE(upload->state(), BlobUpload::State::Failed);
    QCOMPARE(upload->error().code(), Error::Code::Cancelled);
    upload->write("def"); // refused, but silently
    QTest::qWait(50);
    upload.reset(); // the DELETE outlives the session object
    QTRY_COMPARE(m_server->requestCount("/up/1"), 1);
    const HttpTestRequest last = m_server->requests().constLast();
    QCOMPARE(last.method, QByteArray("DELETE"));
    QCOMPARE(last.target, QByteArray("/up/1?_state=z"));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(written.size(), 0);
}

void TestBlobUpload::statBlob()
{
    const Digest present = Digest::sha256Of("here");
    m_server->setHandler([&](const HttpTestRequest &request) {
        if (request.path() == "/v2/lib/app/blobs/" + present.toString().toLatin1())
            return HttpTestResponse::status204(200).header("Content-Length", "4");
        if (request.path().startsWith("/v2/lib/app/blobs/"))
            return HttpTestResponse::status204(404);
        return HttpTestResponse::registryError(403, "DENIED", "no");
    });
    std::unique_ptr<oci::BlobStatJob> found(m_client->statBlob(u"lib/app"_qs, present));
    QVERIFY(waitFinished(found.get()));
    QVERIFY2(found->succeeded(), qPrintable(found->error().describe()));
    QVERIFY(found->exists());
    QCOMPARE(found->size(), 4);
    QCOMPARE(m_server->requests().constFirst().method, QByteArray("HEAD"));

    std::unique_ptr<oci::BlobStatJob> missing(m_client->statBlob(u"lib/app"_qs, Digest::sha256Of("gone")));
    QVERIFY(waitFinished(missing.get()));
    QVERIFY(missing->succeeded());
    QVERIFY(!missing->exists());

    std::unique_ptr<oci::BlobStatJob> denied(m_client->statBlob(u"lib/other"_qs, present));
    QVERIFY(waitFinished(denied.get()));
    QCOMPARE(denied->error().code(), Error::Code::Denied);
}

void TestBlobUpload::putManifestSendsTypeAndChecksDigest()
{
    const QByteArray manifest = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"})";
    const QByteArray type = "application/vnd.oci.image.manifest.v1+json";
    QByteArray answerDigest = Digest::sha256Of(manifest).toString().toLatin1();
    m_server->setHandler([&](const HttpTestRequest &) {
        return HttpTestResponse::status204(201).header("Docker-Content-Digest", answerDigest);
    });
    std::unique_ptr<oci::ManifestPutJob> put(
        m_client->putManifest(u"lib/app"_qs, u"v1"_qs, QString::fromLatin1(type), manifest));
    QVERIFY(waitFinished(put.get()));
    QVERIFY2(put->succeeded(), qPrintable(put->error().describe()));
    QCOMPARE(put->digest(), Digest::sha256Of(manifest));
    const HttpTestRequest request = m_server->requests().constFirst();
    QCOMPARE(request.method, QByteArray("PUT"));
    QCOMPARE(request.target, QByteArray("/v2/lib/app/manifests/v1"));
    QCOMPARE(request.header("content-type"), type);
    QCOMPARE(request.body, manifest);

    answerDigest = Digest::sha256Of("something else").toString().toLatin1();
    std::unique_ptr<oci::ManifestPutJob> wrong(
        m_client->putManifest(u"lib/app"_qs, u"v1"_qs, QString::fromLatin1(type), manifest));
    QVERIFY(waitFinished(wrong.get()));
    QCOMPARE(wrong->error().code(), Error::Code::DigestMismatch);
    QCOMPARE(wrong->error().registry(), m_server->hostPort());
    QCOMPARE(wrong->error().object(), u"lib/app:v1"_qs);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestBlobUpload::putManifestByDigestMustMatch()
{
    m_server->setHandler([](const HttpTestRequest &) { return HttpTestResponse::status204(201); });
    const QByteArray manifest = R"({"schemaVersion":2})";
    const QString type = u"application/vnd.oci.image.manifest.v1+json"_qs;
    std::unique_ptr<oci::ManifestPutJob> mismatch(m_client->putManifest(
        u"lib/app"_qs, Digest::sha256Of("other").toString(), type, manifest));
    QVERIFY(waitFinished(mismatch.get()));
    QCOMPARE(mismatch->error().code(), Error::Code::DigestMismatch);
    std::unique_ptr<oci::ManifestPutJob> noType(m_client->putManifest(u"lib/app"_qs, u"v1"_qs, {}, manifest));
    QVERIFY(waitFinished(noType.get()));
    QCOMPARE(noType->error().code(), Error::Code::InvalidArgument);
    QCOMPARE(m_server->requestCount(), 0);

    std::unique_ptr<oci::ManifestPutJob> good(m_client->putManifest(
        u"lib/app"_qs, Digest::sha256Of(manifest).toString(), type, manifest));
    QVERIFY(waitFinished(good.get()));
    QVERIFY2(good->succeeded(), qPrintable(good->error().describe()));
    QCOMPARE(m_server->requests().constFirst().target,
             "/v2/lib/app/manifests/" + Digest::sha256Of(manifest).toString().toLatin1());
}

QTEST_GUILESS_MAIN(TestBlobUpload)
#include "tst_blobupload.moc"
