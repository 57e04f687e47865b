// The upload primitives (RegistryClient::statBlob/startUpload/putManifest, BlobUpload)
// against the real registry in all three auth modes: monolithic and chunked uploads, the
// offset of a session after a few chunks, a cross-repository mount, a manifest PUT read
// back by RegistryClient::manifest() and by `skopeo inspect --raw`. Every blob is read back
// with a GET and compared byte for byte; digests are computed here with QCryptographicHash.

#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using oci::BlobUpload;
using oci::Digest;

namespace {

struct Setup
{
    const char *name;
    RegistryProcess::Auth auth;
};

constexpr Setup kSetups[] = {
    {"anonymous", RegistryProcess::Auth::Anonymous},
    {"basic", RegistryProcess::Auth::Basic},
    {"token", RegistryProcess::Auth::Token},
};
constexpr int kSetupCount = int(std::size(kSetups));

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          size / qsizetype(sizeof(quint32)));
    for (qsizetype i = size - size % qsizetype(sizeof(quint32)); i < size; ++i)
        bytes[i] = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// Independent of oci::Digest.
Digest sha256(const QByteArray &bytes)
{
    const QString text = QStringLiteral("sha256:") +
                         QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return Digest::parse(text).value();
}

// Spins the event loop until `upload` answers with `signal` (true) or failed() / a timeout
// (false, with the reason in *why).
template<typename Signal>
bool answered(BlobUpload *upload, Signal signal, QString *why, int timeoutMs = 60000)
{
    // A real event loop: QTest::qWaitFor sleeps 10 ms between rounds, which throttles
    // Qt's upload (one socket write per round) to a few hundred KiB/s.
    QSignalSpy good(upload, signal);
    QSignalSpy bad(upload, &BlobUpload::failed);
    QEventLoop loop;
    QObject::connect(upload, signal, &loop, &QEventLoop::quit);
    QObject::connect(upload, &BlobUpload::failed, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!bad.isEmpty())
        *why = bad.constFirst().constFirst().value<oci::Error>().describe();
    else if (good.isEmpty())
        *why = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    return !good.isEmpty() && bad.isEmpty();
}

// An OCI manifest whose config blob was never uploaded. (Outside the test class: moc
// loses its way in raw string literals inside a class body.)
QByteArray manifestWithoutBlobs()
{
    return R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
           R"("config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
           sha256("never uploaded").toString().toLatin1() + R"(","size":14},"layers":[]})";
}

} // namespace

class TestUpload final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_registries[kSetupCount];
    std::unique_ptr<ClientHarness> m_harnesses[kSetupCount];

    static void addSetups()
    {
        QTest::addColumn<int>("setup");
        for (int setup = 0; setup < kSetupCount; ++setup)
            QTest::addRow("%s", kSetups[setup].name) << setup;
    }

    oci::RegistryClient *client(int setup) const { return m_harnesses[setup]->client(); }

    // The blob as the registry serves it (GET, verified by the client against `digest`).
    QByteArray readBack(int setup, const QString &repository, const Digest &digest)
    {
        std::unique_ptr<oci::BlobJob> job(client(setup)->blob(repository, digest));
        if (!ClientHarness::wait(job.get()) || !job->succeeded()) {
            qWarning("GET blob: %s", qPrintable(job->error().describe()));
            return {};
        }
        return job->data();
    }

    // POST + PUT with the whole blob; true when committed.
    bool uploadWhole(int setup, const QString &repository, const QByteArray &blob, QString *why)
    {
        std::unique_ptr<BlobUpload> upload(client(setup)->startUpload(repository));
        if (!answered(upload.get(), &BlobUpload::opened, why))
            return false;
        upload->commit(sha256(blob), blob);
        return answered(upload.get(), &BlobUpload::committed, why);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<oci::Error>();
        qRegisterMetaType<oci::Digest>();
        REQUIRE_REGISTRY_TOOLS();
        for (int setup = 0; setup < kSetupCount; ++setup) {
            m_registries[setup] = std::make_unique<RegistryProcess>(kSetups[setup].auth);
            QVERIFY2(m_registries[setup]->start(), qPrintable(m_registries[setup]->errorString()));
            m_harnesses[setup] = std::make_unique<ClientHarness>(*m_registries[setup]);
        }
    }

    void cleanup()
    {
        if (!QTest::currentTestFailed())
            return;
        for (const auto &registry : m_registries) {
            if (registry)
                registry->printLogTail(3000);
        }
    }

    void cleanupTestCase()
    {
        for (auto &harness : m_harnesses)
            harness.reset();
        for (auto &registry : m_registries)
            registry.reset();
    }

    void monolithicUpload_data() { addSetups(); }
    void monolithicUpload()
    {
        QFETCH(int, setup);
        const QString repository = QStringLiteral("push/mono");
        const QByteArray blob = randomBytes(4321);
        const Digest digest = sha256(blob);

        std::unique_ptr<BlobUpload> upload(client(setup)->startUpload(repository));
        QCOMPARE(upload->state(), BlobUpload::State::Opening);
        QString why;
        QVERIFY2(answered(upload.get(), &BlobUpload::opened, &why), qPrintable(why));
        QCOMPARE(upload->state(), BlobUpload::State::Open);
        QCOMPARE(upload->offset(), 0);
        QVERIFY(!upload->location().isEmpty());
        QVERIFY(!upload->uploadUuid().isEmpty());

        QSignalSpy sending(upload.get(), &BlobUpload::sending);
        QSignalSpy committed(upload.get(), &BlobUpload::committed);
        upload->commit(digest, blob);
        QCOMPARE(upload->state(), BlobUpload::State::Busy);
        QVERIFY2(answered(upload.get(), &BlobUpload::committed, &why), qPrintable(why));
        QCOMPARE(upload->state(), BlobUpload::State::Committed);
        QCOMPARE(committed.constFirst().constFirst().value<Digest>(), digest);
        QCOMPARE(upload->offset(), blob.size());
        QVERIFY(!sending.isEmpty());
        QCOMPARE(sending.constLast().at(0).toLongLong(), blob.size());
        QCOMPARE(sending.constLast().at(1).toLongLong(), blob.size());

        std::unique_ptr<oci::BlobStatJob> stat(client(setup)->statBlob(repository, digest));
        QVERIFY(ClientHarness::wait(stat.get()));
        QVERIFY2(stat->succeeded(), qPrintable(stat->error().describe()));
        QVERIFY(stat->exists());
        QCOMPARE(stat->size(), blob.size());
        QCOMPARE(readBack(setup, repository, digest), blob);
    }

    void chunkedUpload_data() { addSetups(); }
    void chunkedUpload()
    {
        QFETCH(int, setup);
        const QString repository = QStringLiteral("push/chunked");
        const QByteArray blob = randomBytes(10 * 1024 * 1024 + 12345);
        const qsizetype chunk = 4 * 1024 * 1024;

        std::unique_ptr<BlobUpload> upload(client(setup)->startUpload(repository));
        QString why;
        QVERIFY2(answered(upload.get(), &BlobUpload::opened, &why), qPrintable(why));
        QList<qint64> offsets;
        QSignalSpy written(upload.get(), &BlobUpload::written);
        for (qsizetype at = 0; at < blob.size(); at += chunk) {
            const qint64 size = qMin(chunk, blob.size() - at);
            QSignalSpy sending(upload.get(), &BlobUpload::sending);
            upload->write(blob.sliced(at, size));
            QVERIFY2(answered(upload.get(), &BlobUpload::written, &why), qPrintable(why));
            offsets << upload->offset();
            // Progress while the body goes out, rising to the chunk's size.
            QVERIFY2(sending.size() >= 2, qPrintable(QString::number(sending.size())));
            qint64 previous = 0;
            for (const QList<QVariant> &step : std::as_const(sending)) {
                QVERIFY(step.at(0).toLongLong() > previous);
                QCOMPARE(step.at(1).toLongLong(), size);
                previous = step.at(0).toLongLong();
            }
            QCOMPARE(previous, size);
        }
        const QList<qint64> expected{chunk, 2 * chunk, blob.size()};
        QCOMPARE(offsets, expected);
        QCOMPARE(written.size(), 3);
        QCOMPARE(written.constLast().constFirst().toLongLong(), blob.size());

        upload->commit(sha256(blob));
        QVERIFY2(answered(upload.get(), &BlobUpload::committed, &why), qPrintable(why));
        QCOMPARE(upload->offset(), blob.size());

        std::unique_ptr<oci::BlobStatJob> stat(client(setup)->statBlob(repository, sha256(blob)));
        QVERIFY(ClientHarness::wait(stat.get()));
        QVERIFY2(stat->succeeded(), qPrintable(stat->error().describe()));
        QCOMPARE(stat->size(), blob.size());
        QVERIFY(readBack(setup, repository, sha256(blob)) == blob);
    }

    void queryOffsetAfterChunks_data() { addSetups(); }
    void queryOffsetAfterChunks()
    {
        QFETCH(int, setup);
        const QString repository = QStringLiteral("push/resume");
        const QByteArray blob = randomBytes(300000);

        std::unique_ptr<BlobUpload> upload(client(setup)->startUpload(repository));
        QString why;
        QVERIFY2(answered(upload.get(), &BlobUpload::opened, &why), qPrintable(why));
        upload->write(blob.first(100000));
        QVERIFY2(answered(upload.get(), &BlobUpload::written, &why), qPrintable(why));
        upload->write(blob.sliced(100000, 100000));
        QVERIFY2(answered(upload.get(), &BlobUpload::written, &why), qPrintable(why));

        QSignalSpy resumed(upload.get(), &BlobUpload::resumed);
        upload->queryOffset();
        QVERIFY2(answered(upload.get(), &BlobUpload::resumed, &why), qPrintable(why));
        QCOMPARE(resumed.constFirst().constFirst().toLongLong(), 200000);
        QCOMPARE(upload->offset(), 200000);
        QCOMPARE(upload->state(), BlobUpload::State::Open);

        // The session goes on from there: the last chunk with the PUT.
        upload->commit(sha256(blob), blob.sliced(200000));
        QVERIFY2(answered(upload.get(), &BlobUpload::committed, &why), qPrintable(why));
        QCOMPARE(upload->offset(), blob.size());
        QVERIFY(readBack(setup, repository, sha256(blob)) == blob);
    }

    void crossRepositoryMount_data() { addSetups(); }
    void crossRepositoryMount()
    {
        QFETCH(int, setup);
        const QString source = QStringLiteral("push/mount-source");
        const QString target = QStringLiteral("push/mount-target");
        const QByteArray blob = randomBytes(20000);
        const Digest digest = sha256(blob);
        QString why;
        QVERIFY2(uploadWhole(setup, source, blob, &why), qPrintable(why));

        std::unique_ptr<oci::BlobStatJob> before(client(setup)->statBlob(target, digest));
        QVERIFY(ClientHarness::wait(before.get()));
        QVERIFY2(before->succeeded(), qPrintable(before->error().describe()));
        QVERIFY(!before->exists());

        std::unique_ptr<BlobUpload> mount(client(setup)->startUpload(target, digest, source));
        QVERIFY2(answered(mount.get(), &BlobUpload::opened, &why), qPrintable(why));
        QCOMPARE(mount->state(), BlobUpload::State::Mounted);

        std::unique_ptr<oci::BlobStatJob> after(client(setup)->statBlob(target, digest));
        QVERIFY(ClientHarness::wait(after.get()));
        QVERIFY(after->exists());
        QCOMPARE(after->size(), blob.size());
        QCOMPARE(readBack(setup, target, digest), blob);

        // A digest the source does not have: the registry opens an ordinary session (202),
        // which takes the blob without a second POST.
        const QByteArray other = randomBytes(3000);
        std::unique_ptr<BlobUpload> fallback(client(setup)->startUpload(target, sha256(other), source));
        QVERIFY2(answered(fallback.get(), &BlobUpload::opened, &why), qPrintable(why));
        QCOMPARE(fallback->state(), BlobUpload::State::Open);
        fallback->commit(sha256(other), other);
        QVERIFY2(answered(fallback.get(), &BlobUpload::committed, &why), qPrintable(why));
        QCOMPARE(readBack(setup, target, sha256(other)), other);
    }

    void missingBlob_data() { addSetups(); }
    void missingBlob()
    {
        QFETCH(int, setup);
        std::unique_ptr<oci::BlobStatJob> stat(
            client(setup)->statBlob(QStringLiteral("push/mono"), sha256(randomBytes(64))));
        QVERIFY(ClientHarness::wait(stat.get()));
        QVERIFY2(stat->succeeded(), qPrintable(stat->error().describe()));
        QVERIFY(!stat->exists());
        QCOMPARE(stat->size(), -1);
    }

    void putManifest_data() { addSetups(); }
    void putManifest()
    {
        QFETCH(int, setup);
        const QString repository = QStringLiteral("push/image");
        const QByteArray layer = randomBytes(50000);
        const QJsonObject configObject{
            {QStringLiteral("architecture"), QStringLiteral("amd64")},
            {QStringLiteral("os"), QStringLiteral("linux")},
            {QStringLiteral("rootfs"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                         {QStringLiteral("diff_ids"), QJsonArray{sha256(layer).toString()}}}},
        };
        const QByteArray config = QJsonDocument(configObject).toJson(QJsonDocument::Compact);
        QString why;
        QVERIFY2(uploadWhole(setup, repository, config, &why), qPrintable(why));
        QVERIFY2(uploadWhole(setup, repository, layer, &why), qPrintable(why));

        const QString manifestType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
        const QJsonObject manifestObject{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), manifestType},
            {QStringLiteral("config"),
             QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.config.v1+json")},
                         {QStringLiteral("digest"), sha256(config).toString()},
                         {QStringLiteral("size"), config.size()}}},
            {QStringLiteral("layers"),
             QJsonArray{QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.layer.v1.tar")},
                                    {QStringLiteral("digest"), sha256(layer).toString()},
                                    {QStringLiteral("size"), layer.size()}}}},
        };
        const QByteArray manifest = QJsonDocument(manifestObject).toJson(QJsonDocument::Indented);

        std::unique_ptr<oci::ManifestPutJob> put(
            client(setup)->putManifest(repository, QStringLiteral("v1"), manifestType, manifest));
        QVERIFY(ClientHarness::wait(put.get()));
        QVERIFY2(put->succeeded(), qPrintable(put->error().describe()));
        QCOMPARE(put->digest(), sha256(manifest));

        // By digest as well (what an index's children are PUT as).
        std::unique_ptr<oci::ManifestPutJob> byDigest(client(setup)->putManifest(
            repository, sha256(manifest).toString(), manifestType, manifest));
        QVERIFY(ClientHarness::wait(byDigest.get()));
        QVERIFY2(byDigest->succeeded(), qPrintable(byDigest->error().describe()));

        std::unique_ptr<oci::ManifestJob> get(client(setup)->manifest(repository, QStringLiteral("v1")));
        QVERIFY(ClientHarness::wait(get.get()));
        QVERIFY2(get->succeeded(), qPrintable(get->error().describe()));
        QCOMPARE(get->manifest().bytes, manifest);
        QCOMPARE(get->manifest().digest, sha256(manifest));
        QCOMPARE(get->manifest().mediaType, manifestType);

        Fixtures fixtures(*m_registries[setup]);
        const auto raw = fixtures.skopeoInspectRaw(repository + QStringLiteral(":v1"));
        QVERIFY_RESULT(raw);
        QCOMPARE(raw.value(), manifest);
        const auto rawConfig = fixtures.skopeoInspectRaw(repository + QStringLiteral(":v1"), true);
        QVERIFY_RESULT(rawConfig);
        QCOMPARE(rawConfig.value(), config);
    }

    void manifestWithMissingBlobRefused_data() { addSetups(); }
    void manifestWithMissingBlobRefused()
    {
        QFETCH(int, setup);
        const QString manifestType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
        const QByteArray manifest = manifestWithoutBlobs();
        std::unique_ptr<oci::ManifestPutJob> put(
            client(setup)->putManifest(QStringLiteral("push/image"), QStringLiteral("broken"), manifestType, manifest));
        QVERIFY(ClientHarness::wait(put.get()));
        QVERIFY(!put->succeeded());
        QVERIFY2(put->error().hasRegistryCode(u"MANIFEST_BLOB_UNKNOWN"), qPrintable(put->error().describe()));
        QCOMPARE(put->error().registry(), m_registries[setup]->host());
        QVERIFY(put->error().object().contains(QStringLiteral("push/image")));
    }
};

QTEST_GUILESS_MAIN(TestUpload)
#include "tst_upload.moc"
