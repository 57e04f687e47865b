// Two pushes at once against the real registry (docker-registry): one whose producer holds
// every producer thread while a slow link takes its big layer, and one started meanwhile.
// The second must finish while the first is still sending (ProducerPool's fair share), and
// land in the registry (skopeo).

#include "image/push/producerpool.h"
#include "image/push/pushjob.h"
#include "support/fixtures.h"
#include "support/localimagefixture.h"
#include "support/signalwait.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPushSharing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY2(m_images.startRegistry(), qPrintable(m_images.errorString()));
        // A 64 MiB layer of random bytes: its first request (32 MiB) takes ~30 s over 1 MiB/s,
        // while its producer has the next chunks ready and waits, holding its thread.
        QVERIFY(m_images.writeLegacySave(u"big.tar"_s, u"lading/big:1"_s, 64, 5));
        QVERIFY(m_images.writeLegacySave(u"small.tar"_s, u"lading/small:1"_s, 1, 6));
    }

    void cleanupTestCase() { image::ProducerPool::setCapacityForTesting(0); }

    void aSecondPushProgressesWhileTheFirstHoldsTheThreads()
    {
        // One thread: the big push alone fills the pool, as several pushes do with its real
        // size (a push runs up to three producers).
        image::ProducerPool::setCapacityForTesting(1);
        oci::RegistryClient *slowLink = m_images.throttledClient(1024 * 1024);
        QVERIFY2(slowLink, qPrintable(m_images.errorString()));
        std::unique_ptr<image::PushJob> big =
            m_images.newPushJob(u"big.tar"_s, u"share/big"_s, slowLink);
        QVERIFY2(big, qPrintable(m_images.errorString()));
        std::unique_ptr<image::PushJob> small =
            m_images.newPushJob(u"small.tar"_s, u"share/small"_s);
        QVERIFY2(small, qPrintable(m_images.errorString()));

        big->start();
        QVERIFY(LocalImageFixture::waitUntilSending(big.get()));
        testsupport::spin(300); // the producer fills its queue meanwhile, and waits
        QCOMPARE(big->blobState(2), image::PushJob::BlobState::Compressing);
        QCOMPARE(image::ProducerPool::runningTotal(), 1);
        const qint64 bigBefore = big->bytesDone();

        QElapsedTimer clock;
        clock.start();
        small->start();
        QVERIFY(testsupport::waitFor(
            small.get(), &oci::Job::finished, [&] { return small->isFinished(); }, 20000));
        QVERIFY2(small->succeeded(), qPrintable(small->error().describe()));
        qInfo("the second push took %lld ms", qint64(clock.elapsed()));
        // ... while the first one still sends its layer, and moves too.
        QVERIFY(big->isRunning());
        QCOMPARE(big->phase(), image::PushJob::Phase::Sending);
        QVERIFY(testsupport::waitFor(
            big.get(), &image::PushJob::progress, [&] { return big->bytesDone() > bigBefore; },
            10000));

        Fixtures fixtures(*m_images.registry());
        const oci::Result<QStringList> tags = fixtures.skopeoListTags(u"share/small"_s);
        QVERIFY2(tags.ok(), tags.ok() ? "" : qPrintable(tags.error().describe()));
        QCOMPARE(tags.value(), QStringList{u"1"_s});

        big->cancel(); // silent: no finished(); its producer stops
        QTRY_COMPARE_WITH_TIMEOUT(image::ProducerPool::runningTotal(), 0, 10000);
    }

private:
    LocalImageFixture m_images{u"pushsharing"_s};
};

QTEST_GUILESS_MAIN(TestPushSharing)
#include "tst_pushsharing.moc"
