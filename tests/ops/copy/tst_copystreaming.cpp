// CopyJob's streaming between two real registries, the target behind a slow link
// (ThrottledProxy): memory stays bounded — a 64 MiB layer goes through while what the job
// holds (its pipes' meter, not the process size) stays under one pipe's bound, because the
// download pauses; a paused download neither reads nor times out and ends intact; a
// cancelled copy publishes no tag and leaves no blob; a failure names its side (a blob
// missing in the source; a target that refuses the credentials).

#include "copytestsupport.h"
#include "support/fixtures.h"
#include "support/signalwait.h"
#include "support/throttledproxy.h"

#include "ops/copy/blobcopier.h"

#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using copytest::Side;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 BigLayer = 64 * MiB;
constexpr qint64 LinkBytesPerSecond = 24 * MiB;
} // namespace

class TestCopyStreaming final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_source; // anonymous, hand-made images
    std::unique_ptr<RegistryProcess> m_target; // anonymous, reached through the slow link
    std::unique_ptr<RegistryProcess> m_locked; // basic auth
    std::unique_ptr<ThrottledProxy> m_link;
    std::unique_ptr<Side> m_from, m_slow, m_direct;
    copytest::HandMadeImage m_big;   // big/app:1.0: 64 MiB + 4 KiB layers
    copytest::HandMadeImage m_small; // small/app:1.0, its second layer deleted afterwards
    copytest::HandMadeImage m_tiny;  // tiny/app:1.0

    bool tagExists(const QString &repository, const QString &tag)
    {
        std::unique_ptr<oci::ManifestJob> head(
            m_direct->client()->manifest(repository, tag, oci::RegistryClient::Method::Head));
        return ClientHarness::wait(head.get()) && head->succeeded();
    }

    bool blobExists(const QString &repository, const oci::Digest &digest)
    {
        std::unique_ptr<oci::BlobStatJob> stat(m_direct->client()->statBlob(repository, digest));
        return ClientHarness::wait(stat.get()) && stat->succeeded() && stat->exists();
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_source = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
        m_target = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
        m_locked = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Basic);
        for (RegistryProcess *registry : {m_source.get(), m_target.get(), m_locked.get()})
            QVERIFY2(registry->start(), qPrintable(registry->errorString()));
        m_big = copytest::pushRandomImage(*m_source, u"big/app"_s, u"1.0"_s, {BigLayer, 4096});
        QVERIFY(!m_big.digest.isNull());
        m_small = copytest::pushRandomImage(*m_source, u"small/app"_s, u"1.0"_s, {100000, 50000});
        QVERIFY(!m_small.digest.isNull());
        m_tiny = copytest::pushRandomImage(*m_source, u"tiny/app"_s, u"1.0"_s, {1000});
        QVERIFY(!m_tiny.digest.isNull());
        QNetworkAccessManager nam;
        QUrl gone = m_source->baseUrl();
        gone.setPath(u"/v2/small/app/blobs/"_s + m_small.layers.at(1).toString());
        QCOMPARE(cachetest::send(nam, "DELETE", gone), 202);

        m_link = std::make_unique<ThrottledProxy>(m_target->port(), LinkBytesPerSecond);
        QVERIFY(m_link->listen());
        oci::RegistryConfig slow = m_target->registryConfig();
        slow.host = m_link->host();
        m_from = std::make_unique<Side>(*m_source);
        m_slow = std::make_unique<Side>(slow, oci::Credentials{});
        m_direct = std::make_unique<Side>(*m_target);
    }

    void cleanup()
    {
        if (!QTest::currentTestFailed())
            return;
        for (RegistryProcess *registry : {m_source.get(), m_target.get(), m_locked.get()}) {
            if (registry)
                registry->printLogTail(3000);
        }
    }

    void memoryStaysBoundedWhileTheUploadIsSlow()
    {
        QElapsedTimer clock;
        clock.start();
        const qint64 upBefore = m_link->bytesUp();
        const auto job = copytest::copy(
            *m_from, *m_slow, copytest::request(u"big/app"_s, u"1.0"_s, u"big/copy"_s, u"1.0"_s));
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        const qint64 elapsed = clock.elapsed();
        qInfo("copied %lld MiB in %lld ms over a %lld MiB/s link; peak held %lld KiB (bound %lld "
              "KiB); "
              "download paused %d time(s)",
              job->counters().bytesCopied / MiB, elapsed, LinkBytesPerSecond / MiB,
              job->peakBufferedBytes() / 1024, ops::BlobCopier::MaxBufferedBytes / 1024,
              job->counters().downloadPauses);
        QVERIFY(m_link->bytesUp() - upBefore >= BigLayer); // it really went through the slow link
        QCOMPARE(job->counters().blobsCopied, 3);
        // The source is much faster than the link: without flow control the 64 MiB would pile
        // up in memory. The download paused, and the pipes never held more than one's bound.
        QVERIFY(job->counters().downloadPauses >= 1);
        QVERIFY2(job->peakBufferedBytes() <= ops::BlobCopier::MaxBufferedBytes + 64 * 1024,
                 qPrintable(QString::number(job->peakBufferedBytes())));
        QVERIFY(job->peakBufferedBytes() > 0);
        QCOMPARE(job->bufferedBytes(), 0);
        QVERIFY(blobExists(u"big/copy"_s, m_big.layers.at(0)));
        Fixtures fixtures(*m_target);
        auto raw = fixtures.skopeoInspectRaw(u"big/copy:1.0"_s);
        QVERIFY_RESULT(raw);
        QCOMPARE(raw.value(), m_big.manifest);
    }

    void pausedDownloadNeitherReadsNorTimesOut()
    {
        // A client of its own with a short inactivity timeout: a pause must not trip it.
        Side side(*m_source);
        oci::TransportOptions options = side.harness.transport()->options();
        options.transferTimeoutMs = 400;
        side.harness.transport()->setOptions(options);
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        std::unique_ptr<oci::BlobJob> job(
            side.client()->blob(u"big/app"_s, m_big.layers.at(0), &sink, 0, BigLayer));
        qint64 pausedAt = -1;
        connect(job.get(), &oci::BlobJob::progress, this, [&](qint64 received, qint64) {
            if (pausedAt < 0 && received >= 8 * MiB) {
                pausedAt = received;
                job->setPaused(true);
            }
        });
        QVERIFY(testsupport::waitFor(
            job.get(), &oci::BlobJob::progress, [&] { return pausedAt >= 0; }, 30000));
        QVERIFY(job->isPaused());
        testsupport::spin(1500); // > 3 timeouts
        QVERIFY(!job->isFinished());
        QCOMPARE(job->bytesReceived(), pausedAt);
        job->setPaused(false);
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->bytesReceived(), BigLayer);
        QCOMPARE(oci::Digest::sha256Of(sink.data()), m_big.layers.at(0));
    }

    void cancelledCopyPublishesNoTag()
    {
        const qsizetype offset = m_target->log().size();
        auto job = std::make_unique<ops::CopyJob>(
            &m_from->fetcher, &m_slow->fetcher,
            copytest::request(u"big/app"_s, u"1.0"_s, u"big/cancelled"_s, u"1.0"_s));
        QSignalSpy finished(job.get(), &oci::Job::finished);
        job->start();
        QVERIFY(testsupport::waitFor(
            job.get(), &ops::CopyJob::progress, [&] { return job->bytesDone() >= 8 * MiB; },
            60000));
        QCOMPARE(job->phase(), ops::CopyJob::Phase::Copying);
        job->cancel();
        testsupport::spin(500);
        QCOMPARE(finished.size(), 0); // cancel() silences the job
        QVERIFY(!tagExists(u"big/cancelled"_s, u"1.0"_s));
        QVERIFY(!blobExists(u"big/cancelled"_s, m_big.layers.at(0)));
        QCOMPARE(copytest::countLog(*m_target, offset, u"\"PUT /v2/big/cancelled/manifests/"_s), 0);
    }

    void sourceConnectionGoneFailsTheCopy()
    {
        // The GUI removes a registry while a copy from it runs: its client and fetcher go
        // (taking their requests along). The copy must fail, naming the source, not hang.
        auto from = std::make_unique<Side>(*m_source);
        auto job = std::make_unique<ops::CopyJob>(
            &from->fetcher, &m_slow->fetcher,
            copytest::request(u"big/app"_s, u"1.0"_s, u"big/orphan"_s, u"1.0"_s));
        job->start();
        QVERIFY(testsupport::waitFor(
            job.get(), &ops::CopyJob::progress, [&] { return job->bytesDone() >= 4 * MiB; },
            60000));
        from.reset();
        QVERIFY(ClientHarness::wait(job.get(), 10000));
        QVERIFY(!job->succeeded());
        QCOMPARE(job->failedSide(), ops::CopySide::Source);
        QCOMPARE(job->error().code(), oci::Error::Code::Cancelled);
        QCOMPARE(job->error().registry(), m_source->host());
        QVERIFY2(job->error().message().contains(u"the connection to the registry is gone"_s),
                 qPrintable(job->error().describe()));
        QVERIFY(!tagExists(u"big/orphan"_s, u"1.0"_s));
    }

    void missingSourceBlobNamesTheSource()
    {
        const qsizetype offset = m_target->log().size();
        const auto job =
            copytest::copy(*m_from, *m_direct,
                           copytest::request(u"small/app"_s, u"1.0"_s, u"small/copy"_s, u"1.0"_s));
        QVERIFY(job);
        QVERIFY(!job->succeeded());
        QCOMPARE(job->failedSide(), ops::CopySide::Source);
        const oci::Error &error = job->error();
        QCOMPARE(error.code(), oci::Error::Code::NotFound);
        QCOMPARE(error.registry(), m_source->host());
        const QString gone = m_small.layers.at(1).toString();
        QCOMPARE(error.object(), u"small/app@"_s + gone);
        QVERIFY2(error.message().startsWith(u"reading blob "_s + gone + u" from the source"_s),
                 qPrintable(error.describe()));
        QVERIFY(!tagExists(u"small/copy"_s, u"1.0"_s)); // a failed copy publishes no tag
        QCOMPARE(copytest::countLog(*m_target, offset, u"\"PUT /v2/small/copy/manifests/"_s), 0);
    }

    void refusingTargetNamesTheTarget()
    {
        Side locked(*m_locked, ClientHarness::Login::Anonymous);
        const auto job = copytest::copy(
            *m_from, locked, copytest::request(u"small/app"_s, u"1.0"_s, u"x/y"_s, u"1.0"_s));
        QVERIFY(job);
        QVERIFY(!job->succeeded());
        QCOMPARE(job->failedSide(), ops::CopySide::Target);
        QCOMPARE(job->error().code(), oci::Error::Code::Unauthorized);
        QCOMPARE(job->error().registry(), m_locked->host());
        QVERIFY2(
            job->error().message().contains(u"to the target, "_s + m_locked->host() + u"/x/y"_s),
            qPrintable(job->error().describe()));
    }

    // Last: stops the source registry for a while.
    void staleTagIsNotCopied()
    {
        Side from(*m_source); // a cache of its own, that will remember the tag
        const auto first = copytest::copy(
            from, *m_direct, copytest::request(u"tiny/app"_s, u"1.0"_s, u"tiny/copy"_s, u"1.0"_s));
        QVERIFY(first && first->succeeded());
        // The source unreachable: the fetcher would offer the tag's last known digest, and
        // every blob is in the target already — a copy of it would "succeed" with content
        // the tag may no longer name. It must fail instead, naming the source.
        m_source->stop();
        const auto again = copytest::copy(
            from, *m_direct, copytest::request(u"tiny/app"_s, u"1.0"_s, u"tiny/copy"_s, u"2.0"_s));
        QVERIFY(m_source->restart());
        QVERIFY(again);
        QVERIFY(!again->succeeded());
        QCOMPARE(again->failedSide(), ops::CopySide::Source);
        QCOMPARE(again->error().code(), oci::Error::Code::Network);
        QVERIFY(!tagExists(u"tiny/copy"_s, u"2.0"_s));
    }
};

QTEST_GUILESS_MAIN(TestCopyStreaming)
#include "tst_copystreaming.moc"
