// Ping, catalog paging and tag lists through RegistryClient against the real registry in
// all three auth modes. distribution pages _catalog by 100 with a relative Link, so the
// >100 seeded repositories are walked over several real pages; tags/list comes in one
// response, so 3000 tags test the size of a real answer.

#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "oci/client/registryclient.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <array>
#include <memory>

namespace {

constexpr int kBulkRepositories = 130;
constexpr int kBulkTags = 3000;

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

const char *modeName(RegistryProcess::Auth auth)
{
    switch (auth) {
    case RegistryProcess::Auth::Anonymous: return "anonymous";
    case RegistryProcess::Auth::Basic: return "basic";
    case RegistryProcess::Auth::Token: return "token";
    }
    return "?";
}

} // namespace

class TestListing final : public QObject
{
    Q_OBJECT

    struct Seeded
    {
        std::unique_ptr<RegistryProcess> registry;
        QStringList repositories; // everything in the catalog
        QStringList tags;         // of lading/many-tags
    };
    std::array<Seeded, 3> m_seeded;

    Seeded &seeded(int mode) { return m_seeded.at(size_t(mode)); }

    static void addModeRows()
    {
        QTest::addColumn<int>("mode");
        for (int mode = 0; mode < 3; ++mode)
            QTest::newRow(modeName(RegistryProcess::Auth(mode))) << mode;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QElapsedTimer timer;
        timer.start();
        for (int mode = 0; mode < 3; ++mode) {
            Seeded &s = seeded(mode);
            s.registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth(mode));
            QVERIFY2(s.registry->start(), qPrintable(s.registry->errorString()));
            Fixtures fixtures(*s.registry);
            auto base = fixtures.pushOciImage(QStringLiteral("lading/many-tags"), QStringLiteral("seed"));
            QVERIFY_RESULT(base);
            auto tags = fixtures.pushManyTags(base.value(), kBulkTags);
            QVERIFY_RESULT(tags);
            s.tags = tags.value() << QStringLiteral("seed");
            // Nested names, as organisations use them.
            auto repos = fixtures.pushManyRepositories(base.value(), QStringLiteral("org/team/service-"),
                                                       kBulkRepositories);
            QVERIFY_RESULT(repos);
            s.repositories = repos.value() << QStringLiteral("lading/many-tags");
        }
        qInfo("3 registries started and seeded (%d repositories, %d tags each) in %lld ms",
              kBulkRepositories + 1, kBulkTags + 1, timer.elapsed());
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

    void ping_data() { addModeRows(); }
    void ping()
    {
        QFETCH(int, mode);
        ClientHarness harness(*seeded(mode).registry);
        std::unique_ptr<oci::PingJob> job(harness.client()->ping());
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        static const char *const schemes[] = {"", "basic", "bearer"};
        QCOMPARE(job->authScheme(), QString::fromLatin1(schemes[mode]));
    }

    void catalogWalksEveryPage_data()
    {
        addModeRows();
    }
    void catalogWalksEveryPage()
    {
        QFETCH(int, mode);
        const Seeded &s = seeded(mode);
        ClientHarness harness(*s.registry);
        // The registry's own page size (100) and a smaller one: both walk the Link chain.
        for (const int pageSize : {100, 40}) {
            std::unique_ptr<oci::CatalogJob> job(harness.client()->catalog(pageSize));
            QSignalSpy pages(job.get(), &oci::CatalogJob::pageReceived);
            QVERIFY(ClientHarness::wait(job.get()));
            QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
            const QStringList repositories = job->repositories();
            QCOMPARE(repositories.size(), s.repositories.size()); // no duplicates, nothing lost
            QCOMPARE(toSet(repositories), toSet(s.repositories));
            const int expectedPages = int((s.repositories.size() + pageSize - 1) / pageSize);
            QCOMPARE(pages.size(), expectedPages);
            QStringList fromPages;
            for (const QList<QVariant> &page : std::as_const(pages))
                fromPages += page.at(0).toStringList();
            QCOMPARE(fromPages, repositories);
        }
    }

    void tagsOfAHugeRepository_data() { addModeRows(); }
    void tagsOfAHugeRepository()
    {
        QFETCH(int, mode);
        const Seeded &s = seeded(mode);
        ClientHarness harness(*s.registry);
        std::unique_ptr<oci::TagListJob> job(harness.client()->tags(QStringLiteral("lading/many-tags")));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->tags().size(), kBulkTags + 1);
        QCOMPARE(toSet(job->tags()), toSet(s.tags));
    }

    void tagsOfOneRepository_data() { addModeRows(); }
    void tagsOfOneRepository()
    {
        QFETCH(int, mode);
        ClientHarness harness(*seeded(mode).registry);
        std::unique_ptr<oci::TagListJob> job(harness.client()->tags(QStringLiteral("org/team/service-007")));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->tags(), QStringList{QStringLiteral("latest")});
    }

    void tagsOfAMissingRepository_data() { addModeRows(); }
    void tagsOfAMissingRepository()
    {
        QFETCH(int, mode);
        ClientHarness harness(*seeded(mode).registry);
        std::unique_ptr<oci::TagListJob> job(harness.client()->tags(QStringLiteral("no/such/repository")));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY(!job->succeeded());
        QCOMPARE(job->error().code(), oci::Error::Code::NotFound);
        QVERIFY2(job->error().hasRegistryCode(u"NAME_UNKNOWN"), qPrintable(job->error().describe()));
        QCOMPARE(job->error().registry(), seeded(mode).registry->host());
    }
};

QTEST_GUILESS_MAIN(TestListing)
#include "tst_listing.moc"
