// CopyJob against three real registries (token, basic and anonymous auth): within one
// registry every blob is mounted and none uploaded (the access log and the job's counters
// agree); between registries every blob streams and a second copy finds them all; a
// two-platform index goes with all its manifests; referrers (an SBOM found through the
// fallback tag) follow when asked, into the target's fallback tag. Every copy is read back
// by skopeo: `inspect --raw` byte for byte, and `copy docker://… oci:…`, which verifies every
// digest.

#include "copytestsupport.h"
#include "support/fixtures.h"
#include "support/toolrunner.h"

#include "ops/copy/copysource.h"

#include "oci/client/registryclient.h"
#include "oci/inspect/referrersjob.h"
#include "oci/manifest/manifestdocument.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using copytest::Side;

class TestCopyJob final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_token; // A: the usual source
    std::unique_ptr<RegistryProcess> m_basic; // B: another registry
    std::unique_ptr<RegistryProcess> m_anon;  // C: hand-made referrers
    std::unique_ptr<Side> m_a, m_b, m_c;
    std::unique_ptr<QTemporaryDir> m_scratch;
    SeededImage m_image;  // A team/app:1.0
    SeededImage m_index;  // A team/multi:all
    SeededImage m_signed; // C anon/app:1.0, with an SBOM
    copytest::Referrer m_sbom;

    QByteArray raw(const RegistryProcess &registry, const QString &reference)
    {
        Fixtures fixtures(const_cast<RegistryProcess &>(registry));
        auto bytes = fixtures.skopeoInspectRaw(reference);
        return bytes ? bytes.value() : QByteArray();
    }

    // skopeo copies the image out of the registry into an OCI layout: every blob and
    // manifest digest verified on the way.
    void skopeoCopiesOut(RegistryProcess &registry, const QString &reference, bool all = false)
    {
        Fixtures fixtures(registry);
        static int count = 0;
        const QString layout = m_scratch->filePath(u"out-%1"_s.arg(++count));
        QStringList arguments{u"copy"_s};
        if (all)
            arguments << u"--all"_s;
        arguments << fixtures.skopeoCopySourceOptions()
                  << u"docker://"_s + registry.host() + u'/' + reference
                  << u"oci:"_s + layout + u":x"_s;
        const auto copied = testsupport::runTool(testsupport::findTool(u"skopeo"_s), arguments,
                                                 120000, Fixtures::toolEnvironment());
        QVERIFY2(copied.ok(), qPrintable(copied.describe()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_scratch = testsupport::makeScratchDir(u"copyjob"_s);
        QVERIFY(m_scratch && m_scratch->isValid());
        m_token = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Token);
        m_basic = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Basic);
        m_anon = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
        for (RegistryProcess *registry : {m_token.get(), m_basic.get(), m_anon.get()})
            QVERIFY2(registry->start(), qPrintable(registry->errorString()));
        Fixtures a(*m_token);
        auto image = a.pushOciImage(u"team/app"_s, u"1.0"_s);
        QVERIFY_RESULT(image);
        m_image = image.value();
        auto index = a.pushIndex(u"team/multi"_s, u"all"_s);
        QVERIFY_RESULT(index);
        m_index = index.value();
        Fixtures c(*m_anon);
        auto subject = c.pushOciImage(u"anon/app"_s, u"1.0"_s);
        QVERIFY_RESULT(subject);
        m_signed = subject.value();
        m_sbom = copytest::pushSbomReferrer(*m_anon, u"anon/app"_s, m_signed.mediaType,
                                            m_signed.manifest);
        QVERIFY(!m_sbom.digest.isNull());
        m_a = std::make_unique<Side>(*m_token);
        m_b = std::make_unique<Side>(*m_basic);
        m_c = std::make_unique<Side>(*m_anon);
    }

    void cleanup()
    {
        if (!QTest::currentTestFailed())
            return;
        for (RegistryProcess *registry : {m_token.get(), m_basic.get(), m_anon.get()}) {
            if (registry)
                registry->printLogTail(3000);
        }
    }

    void withinRegistryEveryBlobIsMounted()
    {
        const qsizetype offset = m_token->log().size();
        const auto job = copytest::copy(
            *m_a, *m_a, copytest::request(u"team/app"_s, u"1.0"_s, u"mirror/app"_s, u"1.0"_s));
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QVERIFY(job->isSameRegistry());
        const int blobs = int(m_image.layers.size()) + 1; // and the config
        QCOMPARE(job->blobCount(), blobs);
        QCOMPARE(job->counters().blobsMounted, blobs);
        QCOMPARE(job->counters().blobsCopied, 0);
        QCOMPARE(job->counters().bytesCopied, 0);
        QCOMPARE(job->peakBufferedBytes(), 0);
        for (int i = 0; i < blobs; ++i)
            QCOMPARE(job->blobState(i), ops::CopyJob::BlobState::Mounted);
        QCOMPARE(job->bytesDone(), job->bytesTotal());
        // The registry agrees: mounts, and not one blob upload.
        QCOMPARE(copytest::mounts(*m_token, offset, u"mirror/app"_s), blobs);
        QCOMPARE(copytest::blobUploads(*m_token, offset, u"mirror/app"_s), 0);
        QCOMPARE(job->digest(), m_image.digest);
        QCOMPARE(raw(*m_token, u"mirror/app:1.0"_s), m_image.manifest);
        skopeoCopiesOut(*m_token, u"mirror/app:1.0"_s);
    }

    void betweenRegistriesEveryBlobStreams()
    {
        const qsizetype offset = m_basic->log().size();
        const auto job = copytest::copy(
            *m_a, *m_b, copytest::request(u"team/app"_s, u"1.0"_s, u"copied/app"_s, u"1.0"_s));
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QVERIFY(!job->isSameRegistry());
        const int blobs = int(m_image.layers.size()) + 1;
        QCOMPARE(job->counters().blobsCopied, blobs);
        QCOMPARE(job->counters().blobsMounted, 0);
        QCOMPARE(job->counters().bytesCopied, job->bytesTotal());
        QVERIFY(job->bytesTotal() > 0);
        QCOMPARE(copytest::blobUploads(*m_basic, offset, u"copied/app"_s), blobs);
        QVERIFY(job->previousTagDigest().isNull()); // a new tag
        QCOMPARE(raw(*m_basic, u"copied/app:1.0"_s), m_image.manifest);
        skopeoCopiesOut(*m_basic, u"copied/app:1.0"_s);

        // Again: everything is there; nothing streams, the tag stays where it was.
        const qsizetype again = m_basic->log().size();
        const auto second = copytest::copy(
            *m_a, *m_b, copytest::request(u"team/app"_s, u"1.0"_s, u"copied/app"_s, u"1.0"_s));
        QVERIFY(second && second->succeeded());
        QCOMPARE(second->counters().blobsPresent, blobs);
        QCOMPARE(second->counters().blobsCopied, 0);
        QCOMPARE(copytest::blobUploads(*m_basic, again, u"copied/app"_s), 0);
        QCOMPARE(second->previousTagDigest(), m_image.digest);
    }

    void indexGoesWithAllItsPlatforms()
    {
        const auto job = copytest::copy(
            *m_a, *m_b, copytest::request(u"team/multi"_s, u"all"_s, u"mirror/multi"_s, u"v1"_s));
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->source().platformCount, 2);
        QCOMPARE(job->source().manifests.size(), 3);
        QCOMPARE(job->source().manifests.constLast().digest, m_index.digest); // the index last
        QCOMPARE(job->counters().manifestsPut, 3); // two by digest, the index under its tag
        QCOMPARE(raw(*m_basic, u"mirror/multi:v1"_s), m_index.manifest);
        auto index = oci::ManifestDocument::parse(m_index.manifest, {});
        QVERIFY_RESULT(index);
        for (const oci::Descriptor &child : index->index().manifests) {
            const QByteArray bytes = raw(*m_basic, u"mirror/multi@"_s + child.digest().toString());
            QCOMPARE(oci::Digest::sha256Of(bytes), child.digest());
        }
        skopeoCopiesOut(*m_basic, u"mirror/multi:v1"_s, true);
    }

    void referrersFollowWhenAsked()
    {
        // Anonymous registry -> token registry (neither has the referrers API: fallback tags).
        const auto job = copytest::copy(
            *m_c, *m_a,
            copytest::request(u"anon/app"_s, u"1.0"_s, u"team/signed"_s, u"1.0"_s, true));
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->counters().referrersCopied, 1);
        QCOMPARE(job->source().referrers.size(), 1);
        QCOMPARE(raw(*m_token, u"team/signed:1.0"_s), m_signed.manifest);
        QCOMPARE(raw(*m_token, u"team/signed@"_s + m_sbom.digest.toString()), m_sbom.manifest);
        // The target's fallback tag lists it, as a client reading referrers there finds.
        std::unique_ptr<oci::ReferrersJob> listed(
            m_a->fetcher.referrers(u"team/signed"_s, m_signed.digest));
        QVERIFY(ClientHarness::wait(listed.get()));
        QVERIFY2(listed->succeeded(), qPrintable(listed->error().describe()));
        QCOMPARE(listed->source(), oci::ReferrersJob::Source::FallbackTag);
        QCOMPARE(listed->referrers().size(), 1);
        QCOMPARE(listed->referrers().constFirst().digest(), m_sbom.digest);
        QCOMPARE(listed->referrers().constFirst().artifactType(), m_sbom.artifactType);
        skopeoCopiesOut(*m_token, u"team/signed@"_s + m_sbom.digest.toString());

        // Within the anonymous registry: the SBOM's blobs are mounted too.
        const qsizetype offset = m_anon->log().size();
        const auto within = copytest::copy(
            *m_c, *m_c,
            copytest::request(u"anon/app"_s, u"1.0"_s, u"anon/mirror"_s, u"1.0"_s, true));
        QVERIFY(within);
        QVERIFY2(within->succeeded(), qPrintable(within->error().describe()));
        QCOMPARE(copytest::blobUploads(*m_anon, offset, u"anon/mirror"_s), 0);
        QCOMPARE(within->counters().blobsMounted, within->blobCount());
        const QByteArray fallback =
            raw(*m_anon, u"anon/mirror:sha256-"_s + m_signed.digest.encoded());
        QVERIFY2(fallback.contains(m_sbom.digest.toString().toLatin1()), fallback.constData());
    }

    void referrersStayUnlessAsked()
    {
        const auto job = copytest::copy(
            *m_c, *m_b, copytest::request(u"anon/app"_s, u"1.0"_s, u"plain/app"_s, u"1.0"_s));
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->counters().referrersCopied, 0);
        QCOMPARE(raw(*m_basic, u"plain/app:1.0"_s), m_signed.manifest);
        QVERIFY(raw(*m_basic, u"plain/app:sha256-"_s + m_signed.digest.encoded()).isEmpty());
    }

    void byDigestWithoutTag()
    {
        const auto job = copytest::copy(*m_a, *m_b,
                                        copytest::request(u"team/app"_s, m_image.digest.toString(),
                                                          u"bydigest/app"_s, QString()));
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(raw(*m_basic, u"bydigest/app@"_s + m_image.digest.toString()), m_image.manifest);
        // No tag was made: the repository lists none.
        std::unique_ptr<oci::TagListJob> tags(m_b->client()->tags(u"bydigest/app"_s));
        QVERIFY(ClientHarness::wait(tags.get()));
        QVERIFY(tags->tags().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCopyJob)
#include "tst_copyjob.moc"
