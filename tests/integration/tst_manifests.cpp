// Manifests and blobs through RegistryClient against the real registry: an OCI image and
// a Docker schema2 image (umoci-built, pushed by skopeo) and a two-platform OCI index,
// by tag and by digest, GET and HEAD, in all three auth modes and over TLS. The oracle
// for every digest is the sha256 of what `skopeo inspect --raw` reads, computed here.

#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "oci/client/registryclient.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

namespace {

enum class Kind { Oci, Docker, Index };

struct Setup
{
    const char *name;
    RegistryProcess::Auth auth;
    RegistryProcess::Tls tls;
};

constexpr Setup kSetups[] = {
    {"anonymous", RegistryProcess::Auth::Anonymous, RegistryProcess::Tls::Off},
    {"basic", RegistryProcess::Auth::Basic, RegistryProcess::Tls::Off},
    {"token", RegistryProcess::Auth::Token, RegistryProcess::Tls::Off},
    {"token-tls", RegistryProcess::Auth::Token, RegistryProcess::Tls::On},
};
constexpr int kSetupCount = int(std::size(kSetups));

// Independent of oci::Digest: QCryptographicHash over skopeo's bytes.
QString sha256Text(const QByteArray &bytes)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestManifests final : public QObject
{
    Q_OBJECT

    struct Seeded
    {
        std::unique_ptr<RegistryProcess> registry;
        SeededImage oci;
        SeededImage docker;
        SeededImage index;
        const SeededImage &image(Kind kind) const
        {
            return kind == Kind::Oci ? oci : kind == Kind::Docker ? docker : index;
        }
    };
    Seeded m_seeded[kSetupCount];

    static void addRows()
    {
        QTest::addColumn<int>("setup");
        QTest::addColumn<Kind>("kind");
        for (int setup = 0; setup < kSetupCount; ++setup) {
            QTest::addRow("%s/oci", kSetups[setup].name) << setup << Kind::Oci;
            QTest::addRow("%s/docker-v2s2", kSetups[setup].name) << setup << Kind::Docker;
            QTest::addRow("%s/index", kSetups[setup].name) << setup << Kind::Index;
        }
    }

    static QString expectedMediaType(Kind kind)
    {
        switch (kind) {
        case Kind::Oci: return QStringLiteral("application/vnd.oci.image.manifest.v1+json");
        case Kind::Docker: return QStringLiteral("application/vnd.docker.distribution.manifest.v2+json");
        case Kind::Index: return QStringLiteral("application/vnd.oci.image.index.v1+json");
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QElapsedTimer timer;
        timer.start();
        for (int setup = 0; setup < kSetupCount; ++setup) {
            Seeded &s = m_seeded[setup];
            s.registry = std::make_unique<RegistryProcess>(kSetups[setup].auth, kSetups[setup].tls);
            QVERIFY2(s.registry->start(), qPrintable(s.registry->errorString()));
            Fixtures fixtures(*s.registry);
            auto oci = fixtures.pushOciImage(QStringLiteral("images/oci"), QStringLiteral("1.0"));
            QVERIFY_RESULT(oci);
            auto docker = fixtures.pushDockerImage(QStringLiteral("images/docker"), QStringLiteral("1.0"));
            QVERIFY_RESULT(docker);
            auto index = fixtures.pushIndex(QStringLiteral("images/multi"), QStringLiteral("latest"));
            QVERIFY_RESULT(index);
            s.oci = oci.value();
            s.docker = docker.value();
            s.index = index.value();
        }
        qInfo("%d registries started and seeded by skopeo in %lld ms", kSetupCount, timer.elapsed());
    }

    void cleanup()
    {
        if (!QTest::currentTestFailed())
            return;
        for (const Seeded &s : m_seeded) {
            if (s.registry)
                s.registry->printLogTail(3000);
        }
    }

    void fixturesAreWhatTheySeem()
    {
        // Guards the oracle: distinct documents of the expected kinds.
        const Seeded &s = m_seeded[0];
        QCOMPARE(s.oci.mediaType, expectedMediaType(Kind::Oci));
        QCOMPARE(s.docker.mediaType, expectedMediaType(Kind::Docker));
        QCOMPARE(s.index.mediaType, expectedMediaType(Kind::Index));
        QVERIFY(s.oci.digest != s.docker.digest);
        QCOMPARE(s.index.platforms.size(), 2);
    }

    void getByTag_data() { addRows(); }
    void getByTag()
    {
        QFETCH(int, setup);
        QFETCH(Kind, kind);
        const Seeded &s = m_seeded[setup];
        const SeededImage &image = s.image(kind);
        ClientHarness harness(*s.registry);
        std::unique_ptr<oci::ManifestJob> job(harness.client()->manifest(image.repository, image.tag));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        const oci::FetchedManifest &got = job->manifest();
        QCOMPARE(got.bytes, image.manifest);
        QCOMPARE(got.digest.toString(), sha256Text(image.manifest));
        QCOMPARE(got.mediaType, expectedMediaType(kind));
        QCOMPARE(got.size, qint64(image.manifest.size()));
    }

    void headByTag_data() { addRows(); }
    void headByTag()
    {
        QFETCH(int, setup);
        QFETCH(Kind, kind);
        const Seeded &s = m_seeded[setup];
        const SeededImage &image = s.image(kind);
        ClientHarness harness(*s.registry);
        std::unique_ptr<oci::ManifestJob> job(
            harness.client()->manifest(image.repository, image.tag, oci::RegistryClient::Method::Head));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        const oci::FetchedManifest &got = job->manifest();
        QCOMPARE(got.digest.toString(), sha256Text(image.manifest));
        QCOMPARE(got.mediaType, expectedMediaType(kind));
        QCOMPARE(got.size, qint64(image.manifest.size()));
        QVERIFY(got.bytes.isEmpty()); // distribution answers HEAD with the digest header
    }

    void getAndHeadByDigest_data() { addRows(); }
    void getAndHeadByDigest()
    {
        QFETCH(int, setup);
        QFETCH(Kind, kind);
        const Seeded &s = m_seeded[setup];
        const SeededImage &image = s.image(kind);
        const QString digest = sha256Text(image.manifest);
        // skopeo reads the same bytes by digest.
        Fixtures fixtures(*s.registry);
        auto byDigest = fixtures.skopeoInspectRaw(image.repository + u'@' + digest);
        QVERIFY_RESULT(byDigest);
        QCOMPARE(byDigest.value(), image.manifest);

        ClientHarness harness(*s.registry);
        std::unique_ptr<oci::ManifestJob> get(harness.client()->manifest(image.repository, digest));
        std::unique_ptr<oci::ManifestJob> head(
            harness.client()->manifest(image.repository, digest, oci::RegistryClient::Method::Head));
        QVERIFY(ClientHarness::wait(get.get()));
        QVERIFY(ClientHarness::wait(head.get()));
        QVERIFY2(get->succeeded(), qPrintable(get->error().describe()));
        QVERIFY2(head->succeeded(), qPrintable(head->error().describe()));
        QCOMPARE(get->manifest().bytes, image.manifest);
        QCOMPARE(get->manifest().digest.toString(), digest);
        QCOMPARE(head->manifest().digest.toString(), digest);
        QCOMPARE(head->manifest().size, qint64(image.manifest.size()));
        QCOMPARE(head->manifest().mediaType, expectedMediaType(kind));
    }

    void indexChildrenByDigest_data()
    {
        QTest::addColumn<int>("setup");
        for (int setup = 0; setup < kSetupCount; ++setup)
            QTest::newRow(kSetups[setup].name) << setup;
    }
    void indexChildrenByDigest()
    {
        QFETCH(int, setup);
        const Seeded &s = m_seeded[setup];
        const QJsonArray children = QJsonDocument::fromJson(s.index.manifest).object().value(u"manifests").toArray();
        QCOMPARE(children.size(), 2);
        Fixtures fixtures(*s.registry);
        ClientHarness harness(*s.registry);
        QStringList architectures;
        for (const QJsonValue &child : children) {
            const QString digest = child.toObject().value(u"digest").toString();
            auto raw = fixtures.skopeoInspectRaw(s.index.repository + u'@' + digest);
            QVERIFY_RESULT(raw);
            QCOMPARE(sha256Text(raw.value()), digest);
            std::unique_ptr<oci::ManifestJob> job(harness.client()->manifest(s.index.repository, digest));
            QVERIFY(ClientHarness::wait(job.get()));
            QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
            QCOMPARE(job->manifest().bytes, raw.value());
            // The child's config says which platform it is.
            const QString configDigest = QJsonDocument::fromJson(raw.value()).object()
                                             .value(u"config").toObject().value(u"digest").toString();
            auto parsed = oci::Digest::parse(configDigest);
            QVERIFY_RESULT(parsed);
            std::unique_ptr<oci::BlobJob> config(harness.client()->blob(s.index.repository, parsed.value()));
            QVERIFY(ClientHarness::wait(config.get()));
            QVERIFY2(config->succeeded(), qPrintable(config->error().describe()));
            architectures << QJsonDocument::fromJson(config->data()).object().value(u"architecture").toString();
        }
        QCOMPARE(architectures, (QStringList{QStringLiteral("amd64"), QStringLiteral("arm64")}));
    }

    void configBlob_data()
    {
        QTest::addColumn<int>("setup");
        QTest::addColumn<Kind>("kind");
        for (int setup = 0; setup < kSetupCount; ++setup) {
            QTest::addRow("%s/oci", kSetups[setup].name) << setup << Kind::Oci;
            QTest::addRow("%s/docker-v2s2", kSetups[setup].name) << setup << Kind::Docker;
        }
    }
    void configBlob()
    {
        QFETCH(int, setup);
        QFETCH(Kind, kind);
        const Seeded &s = m_seeded[setup];
        const SeededImage &image = s.image(kind);
        ClientHarness harness(*s.registry);
        // Buffered...
        std::unique_ptr<oci::BlobJob> job(harness.client()->blob(image.repository, image.configDigest));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->data(), image.config);
        QCOMPARE(sha256Text(job->data()), image.configDigest.toString());
        QCOMPARE(job->bytesReceived(), qint64(image.config.size()));
        // ...and streamed into a sink: a layer, checked against skopeo's manifest.
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        std::unique_ptr<oci::BlobJob> layer(harness.client()->blob(image.repository, image.layers.constFirst(), &sink));
        QVERIFY(ClientHarness::wait(layer.get()));
        QVERIFY2(layer->succeeded(), qPrintable(layer->error().describe()));
        QCOMPARE(sha256Text(sink.data()), image.layers.constFirst().toString());
        QVERIFY(sink.data().startsWith("\x1f\x8b")); // gzip as stored: no decoding on the way
    }

    void unknownTagIsNotFound_data()
    {
        QTest::addColumn<int>("setup");
        for (int setup = 0; setup < kSetupCount; ++setup)
            QTest::newRow(kSetups[setup].name) << setup;
    }
    void unknownTagIsNotFound()
    {
        QFETCH(int, setup);
        const Seeded &s = m_seeded[setup];
        ClientHarness harness(*s.registry);
        std::unique_ptr<oci::ManifestJob> job(harness.client()->manifest(s.oci.repository, QStringLiteral("no-such-tag")));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY(!job->succeeded());
        QCOMPARE(job->error().code(), oci::Error::Code::NotFound);
        QVERIFY2(job->error().hasRegistryCode(u"MANIFEST_UNKNOWN"), qPrintable(job->error().describe()));
        // An unknown blob too.
        auto missing = oci::Digest::parse(sha256Text("not a blob in this registry"));
        QVERIFY_RESULT(missing);
        std::unique_ptr<oci::BlobJob> blob(harness.client()->blob(s.oci.repository, missing.value()));
        QVERIFY(ClientHarness::wait(blob.get()));
        QVERIFY(!blob->succeeded());
        QCOMPARE(blob->error().code(), oci::Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestManifests)
#include "tst_manifests.moc"
