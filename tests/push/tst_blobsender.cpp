// image::BlobSender against HttpTestServer acting as a registry's upload endpoint, for what
// docker-registry does not do: ask for a minimum chunk (OCI-Chunk-Min-Length). A plain layer
// gzip'ed on the way goes in PATCHes of at least that length; the bytes the server assembled
// hash to the digest the sender committed, and the blob inflates to the layer's diff ID.
// (One PUT for a blob sent as it is: tst_push, against the registry's access log.) A PUT
// whose connection is lost unanswered goes again from a fresh ProducedBody.

#include "../oci/nettestsupport.h"
#include "pushtestdata.h"

#include "image/layer/blobdecoder.h"
#include "image/layer/bytesource.h"
#include "image/push/blobsender.h"
#include "image/push/pushplan.h"
#include "image/source/localimagesource.h"
#include "oci/client/registryclient.h"

#include <QTemporaryDir>

using namespace nettest;

namespace {

// Sessions of the fake endpoint: POST opens one, PATCH appends at the Content-Range it
// names, PUT appends its body and checks ?digest= over everything received.
struct UploadEndpoint
{
    QByteArray minChunkLength; // sent with the POST's answer when not empty
    QHash<QByteArray, QByteArray> sessions;
    QByteArray committed; // the blob of the last good PUT
    int next = 0;
    int dropPuts = 0; // this many PUTs lose their connection, unanswered (a stale keep-alive)

    HttpTestResponse answer(const HttpTestRequest &request)
    {
        if (request.method == "POST") {
            const QByteArray location = "/up/" + QByteArray::number(++next);
            sessions.insert(location, {});
            HttpTestResponse response = HttpTestResponse::status204(202);
            response.header("Location", location).header("Range", "0-0");
            if (!minChunkLength.isEmpty())
                response.header("OCI-Chunk-Min-Length", minChunkLength);
            return response;
        }
        const QByteArray path = request.path();
        if (!sessions.contains(path))
            return HttpTestResponse::registryError(404, "BLOB_UPLOAD_UNKNOWN", "no session");
        if (request.method == "PUT" && dropPuts > 0) {
            --dropPuts;
            HttpTestResponse dropped;
            dropped.closeWithoutAnswer = true;
            return dropped;
        }
        QByteArray &data = sessions[path];
        const QByteArray range = request.header("content-range");
        if (!range.isEmpty() && range.left(range.indexOf('-')).toLongLong() != data.size())
            return HttpTestResponse::registryError(416, "BLOB_UPLOAD_INVALID", "range");
        data += request.body;
        if (request.method == "PATCH")
            return HttpTestResponse::status204(202)
                .header("Location", path)
                .header("Range", "0-" + QByteArray::number(data.size() - 1));
        const QString digest = request.query().queryItemValue(u"digest"_qs, QUrl::FullyDecoded);
        if (oci::Digest::sha256Of(data).toString() != digest)
            return HttpTestResponse::registryError(400, "DIGEST_INVALID", "digest");
        committed = data;
        return HttpTestResponse::status204(201).header("Docker-Content-Digest", digest.toLatin1());
    }
};

} // namespace

class TestBlobSender final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gzipedLayerHonoursMinimumChunk();
    void aLostConnectionSendsTheBlobAgainFromTheArchive();

private:
    bool send(image::PushBlob blob, UploadEndpoint &endpoint, image::BlobSender::Outcome *outcome,
              oci::Digest *target);

    QTemporaryDir m_dir;
    std::shared_ptr<const image::LocalImageSource> m_source;
    QByteArray m_layer;
    oci::Digest m_diffId;
    QList<HttpTestRequest> m_requests;
};

void TestBlobSender::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // ~72 MB of poorly compressible files: more than two minimum-length chunks once gzip'ed.
    m_layer = pushtest::randomLayer(9, 8 * 1024 * 1024, 7);
    const pushtest::LegacyArchive archive = pushtest::legacyDockerSave({m_layer}, u"big:1"_qs);
    m_diffId = archive.diffIds.constFirst();
    const QString path = m_dir.filePath(u"big.tar"_qs);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(archive.tar), archive.tar.size());
    file.close();
    auto opened = image::LocalImageSource::open(path);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().describe()));
    m_source = opened.value();
}

bool TestBlobSender::send(image::PushBlob blob, UploadEndpoint &endpoint,
                          image::BlobSender::Outcome *outcome, oci::Digest *target)
{
    HttpTestServer server;
    if (!server.listen())
        return false;
    server.setHandler([&endpoint](const HttpTestRequest &request) { return endpoint.answer(request); });
    oci::Transport transport;
    transport.setOptions(fastOptions());
    oci::RegistryClient client(&transport, registryFor(server));
    image::BlobSender sender(&client, u"lib/big"_qs, m_source, blob, false);
    QSignalSpy done(&sender, &image::BlobSender::done);
    QSignalSpy failed(&sender, &image::BlobSender::failed);
    sender.start();
    while (done.isEmpty() && failed.isEmpty()) {
        if (!done.wait(60000))
            break;
    }
    if (!failed.isEmpty())
        qWarning("%s", qPrintable(failed.first().first().value<oci::Error>().describe()));
    if (done.isEmpty())
        return false;
    *outcome = done.first().first().value<image::BlobSender::Outcome>();
    *target = sender.target();
    m_requests = server.requests();
    return true;
}

void TestBlobSender::gzipedLayerHonoursMinimumChunk()
{
    image::PushBlob blob;
    blob.kind = image::PushBlob::Kind::Layer;
    blob.source = m_diffId;
    blob.size = m_layer.size();
    blob.fate = image::PushBlob::Fate::Compress;
    UploadEndpoint endpoint;
    const qint64 minimum = 33 * 1024 * 1024; // above the sender's own segment size
    QVERIFY(minimum > image::BlobSender::SegmentBytes);
    endpoint.minChunkLength = QByteArray::number(minimum);
    image::BlobSender::Outcome outcome{};
    oci::Digest target;
    QVERIFY(send(blob, endpoint, &outcome, &target));
    QCOMPARE(outcome, image::BlobSender::Outcome::Sent);
    QCOMPARE(target, oci::Digest::sha256Of(endpoint.committed));
    int patches = 0;
    for (const HttpTestRequest &request : m_requests) {
        if (request.method == "PATCH") {
            ++patches;
            QVERIFY2(request.body.size() >= minimum,
                     qPrintable(QString::number(request.body.size())));
        }
    }
    QVERIFY2(patches >= 1, "the blob was small enough for one request: the test proves nothing");

    // The registry's blob inflates to the layer.
    image::MemorySource bytes(endpoint.committed, 1 << 20);
    image::BlobDecoder decoder(bytes, target, image::ReadLimits(), true, nullptr);
    for (;;) {
        auto chunk = decoder.next();
        QVERIFY2(chunk.ok(), chunk.ok() ? "" : qPrintable(chunk.error().describe()));
        if (chunk->isEmpty())
            break;
    }
    QVERIFY(decoder.finish().ok());
    QCOMPARE(decoder.diffId(), m_diffId);
}

// The PUT of a blob sent as it is loses its connection unanswered, as on a kept-alive
// connection the registry had closed: Qt cannot rewind the ProducedBody, so the transport asks
// for a fresh one, which reads the archive again; the registry gets the whole blob once.
void TestBlobSender::aLostConnectionSendsTheBlobAgainFromTheArchive()
{
    image::PushBlob blob;
    blob.kind = image::PushBlob::Kind::Layer;
    blob.source = m_diffId;
    blob.target = m_diffId;
    blob.size = m_layer.size();
    blob.fate = image::PushBlob::Fate::Upload;
    UploadEndpoint endpoint;
    endpoint.dropPuts = 1;
    // The device says it cannot rewind without Qt's seek warning.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("seek")));
    image::BlobSender::Outcome outcome{};
    oci::Digest target;
    QVERIFY(send(blob, endpoint, &outcome, &target));
    QCOMPARE(outcome, image::BlobSender::Outcome::Sent);
    QCOMPARE(target, m_diffId);
    QCOMPARE(endpoint.dropPuts, 0);
    QCOMPARE(endpoint.committed.size(), m_layer.size());
    QVERIFY(endpoint.committed == m_layer);
    int puts = 0;
    for (const HttpTestRequest &request : std::as_const(m_requests))
        puts += request.method == "PUT" ? 1 : 0;
    QCOMPARE(puts, 2);
}

QTEST_GUILESS_MAIN(TestBlobSender)
#include "tst_blobsender.moc"
