// RegistryClient::deleteManifest against the real registry (docker-registry 2.8) in the
// three auth modes: a digest delete removes every tag on the digest (checked with skopeo),
// a tag delete is refused the way distribution 2.8 refuses it, a registry with deletion
// disabled answers 405 UNSUPPORTED and nothing goes, an unknown digest is NotFound; in
// Token mode the token carries the "delete" action.

#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/tokenserver.h"
#include "support/toolrunner.h"

#include "oci/client/blobupload.h"
#include "oci/client/manifestdeletejob.h"
#include "oci/client/registryclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using oci::Error;

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

// The tags skopeo sees in `repository`, sorted (empty when none; a marker when skopeo failed).
QStringList skopeoTags(Fixtures &fixtures, const QString &repository)
{
    const oci::Result<QStringList> tags = fixtures.skopeoListTags(repository);
    return tags ? tags.value() : QStringList{u"<skopeo failed: " + tags.error().message() + u'>'};
}

} // namespace

class TestManifestDelete final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_registries[kSetupCount];
    std::unique_ptr<ClientHarness> m_harnesses[kSetupCount];
    std::unique_ptr<RegistryProcess> m_noDelete;

    static void addSetups()
    {
        QTest::addColumn<int>("setup");
        for (int setup = 0; setup < kSetupCount; ++setup)
            QTest::addRow("%s", kSetups[setup].name) << setup;
    }

    oci::RegistryClient *client(int setup) const { return m_harnesses[setup]->client(); }

    // `tags` on one image in `repository` of `registry`: the first pushed by skopeo, the
    // others PUT with the same bytes.
    static SeededImage seed(RegistryProcess &registry, oci::RegistryClient *client,
                            const QString &repository, const QStringList &tags)
    {
        Fixtures fixtures(registry);
        auto image = fixtures.pushOciImage(repository, tags.constFirst());
        if (!image) {
            qWarning("seeding: %s", qPrintable(image.error().describe()));
            return {};
        }
        for (const QString &tag : tags.sliced(1)) {
            std::unique_ptr<oci::ManifestPutJob> put(
                client->putManifest(repository, tag, image->mediaType, image->manifest));
            if (!ClientHarness::wait(put.get()) || !put->succeeded()) {
                qWarning("PUT %s: %s", qPrintable(tag), qPrintable(put->error().describe()));
                return {};
            }
        }
        return image.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        for (int setup = 0; setup < kSetupCount; ++setup) {
            m_registries[setup] = std::make_unique<RegistryProcess>(kSetups[setup].auth);
            QVERIFY2(m_registries[setup]->start(), qPrintable(m_registries[setup]->errorString()));
            m_harnesses[setup] = std::make_unique<ClientHarness>(*m_registries[setup]);
        }
        m_noDelete = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Basic);
        m_noDelete->setDeleteEnabled(false);
        QVERIFY2(m_noDelete->start(), qPrintable(m_noDelete->errorString()));
    }

    void cleanupTestCase()
    {
        for (auto &harness : m_harnesses)
            harness.reset();
    }

    void digestDeleteRemovesEveryTagOnIt_data() { addSetups(); }
    void digestDeleteRemovesEveryTagOnIt()
    {
        QFETCH(int, setup);
        RegistryProcess &registry = *m_registries[setup];
        const QString repo = QStringLiteral("del/shared");
        const SeededImage image =
            seed(registry, client(setup), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        Fixtures fixtures(registry);
        QCOMPARE(skopeoTags(fixtures, repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        if (registry.tokenServer())
            registry.tokenServer()->clearLog();

        std::unique_ptr<oci::ManifestDeleteJob> job(client(setup)->deleteManifest(repo, image.digest.toString()));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->httpStatus(), 202);
        QVERIFY(!job->isTag());

        // Both tags went with the digest; the digest itself is gone too.
        QCOMPARE(skopeoTags(fixtures, repo), QStringList());
        QVERIFY(!fixtures.skopeoInspectRaw(repo + u'@' + image.digest.toString()).ok());

        if (registry.tokenServer()) {
            bool deleteGranted = false;
            const QList<TokenServer::Issued> issued = registry.tokenServer()->issued();
            for (const TokenServer::Issued &request : issued) {
                for (const TokenServer::Access &access : request.granted) {
                    if (access.name == repo && access.actions.contains(u"delete"))
                        deleteGranted = true;
                }
            }
            QVERIFY2(deleteGranted, "no token with the delete action was asked for");
        }

        // A second delete of the same digest: the registry no longer has it.
        std::unique_ptr<oci::ManifestDeleteJob> again(client(setup)->deleteManifest(repo, image.digest.toString()));
        QVERIFY(ClientHarness::wait(again.get()));
        QCOMPARE(again->error().code(), Error::Code::NotFound);
        QCOMPARE(again->httpStatus(), 404);
        QVERIFY(again->error().hasRegistryCode(u"MANIFEST_UNKNOWN"));
    }

    // distribution 2.8 has no tag deletion: 400 DIGEST_INVALID, said as a refusal, and
    // the tag stays.
    void tagDeleteIsRefusedByDistribution_data() { addSetups(); }
    void tagDeleteIsRefusedByDistribution()
    {
        QFETCH(int, setup);
        RegistryProcess &registry = *m_registries[setup];
        const QString repo = QStringLiteral("del/bytag");
        const SeededImage image =
            seed(registry, client(setup), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());

        std::unique_ptr<oci::ManifestDeleteJob> job(client(setup)->deleteManifest(repo, QStringLiteral("latest")));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY(job->isTag());
        QCOMPARE(job->error().code(), Error::Code::Unsupported);
        QCOMPARE(job->error().httpStatus(), 400);
        QCOMPARE(job->httpStatus(), 400);
        QVERIFY(job->error().hasRegistryCode(u"DIGEST_INVALID"));
        QVERIFY2(job->error().message().startsWith(u"the registry does not allow deleting tags ("),
                 qPrintable(job->error().message()));
        QCOMPARE(job->error().object(), QString(repo + u":latest"));

        Fixtures fixtures(registry);
        QCOMPARE(skopeoTags(fixtures, repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        const auto raw = fixtures.skopeoInspectRaw(repo + u":latest");
        QVERIFY_RESULT(raw);
        QCOMPARE(raw.value(), image.manifest);
    }

    void deletionDisabledIsUnsupported()
    {
        RegistryProcess &registry = *m_noDelete;
        ClientHarness harness(registry);
        const QString repo = QStringLiteral("del/kept");
        const SeededImage image =
            seed(registry, harness.client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());

        for (const QString &reference : {image.digest.toString(), QStringLiteral("latest")}) {
            std::unique_ptr<oci::ManifestDeleteJob> job(harness.client()->deleteManifest(repo, reference));
            QVERIFY(ClientHarness::wait(job.get()));
            QCOMPARE(job->error().code(), Error::Code::Unsupported);
            QCOMPARE(job->httpStatus(), 405);
            QVERIFY(job->error().hasRegistryCode(u"UNSUPPORTED"));
            QVERIFY2(job->error().message().startsWith(u"the registry does not allow deleting ("),
                     qPrintable(job->error().message()));
            QVERIFY2(job->error().describe().contains(registry.host()), qPrintable(job->error().describe()));
            qInfo("%s", qPrintable(job->error().describe()));
        }

        Fixtures fixtures(registry);
        QCOMPARE(skopeoTags(fixtures, repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        const auto raw = fixtures.skopeoInspectRaw(repo + u'@' + image.digest.toString());
        QVERIFY_RESULT(raw);
        QCOMPARE(raw.value(), image.manifest);
    }

    // A token registry gives an anonymous client no delete on a private repository: the
    // job fails (never claims a deletion) and the image stays.
    void anonymousIsNotAllowedToDelete()
    {
        RegistryProcess &registry = *m_registries[2];
        const QString repo = QStringLiteral("del/private");
        const SeededImage image = seed(registry, client(2), repo, {QStringLiteral("1.0")});
        QVERIFY(!image.digest.isNull());
        ClientHarness anonymous(registry, ClientHarness::Login::Anonymous);
        std::unique_ptr<oci::ManifestDeleteJob> job(anonymous.client()->deleteManifest(repo, image.digest.toString()));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY(!job->succeeded());
        QVERIFY2(job->error().code() == Error::Code::Unauthorized || job->error().code() == Error::Code::Denied,
                 qPrintable(job->error().describe()));
        Fixtures fixtures(registry);
        QCOMPARE(skopeoTags(fixtures, repo), QStringList{QStringLiteral("1.0")});
    }

    void invalidArgumentsFailWithoutARequest()
    {
        oci::RegistryClient *c = client(0);
        std::unique_ptr<oci::ManifestDeleteJob> badRepo(c->deleteManifest(QStringLiteral("Bad Repo"), QStringLiteral("1.0")));
        QVERIFY(!badRepo->isFinished()); // answered queued, never from inside the call
        QVERIFY(ClientHarness::wait(badRepo.get()));
        QCOMPARE(badRepo->error().code(), Error::Code::InvalidArgument);
        QCOMPARE(badRepo->httpStatus(), 0);

        std::unique_ptr<oci::ManifestDeleteJob> badDigest(c->deleteManifest(QStringLiteral("del/x"), QStringLiteral("sha256:abc")));
        QVERIFY(ClientHarness::wait(badDigest.get()));
        QCOMPARE(badDigest->error().code(), Error::Code::InvalidDigest);
        QCOMPARE(badDigest->httpStatus(), 0);

        std::unique_ptr<oci::ManifestDeleteJob> badTag(c->deleteManifest(QStringLiteral("del/x"), QStringLiteral("-tag")));
        QVERIFY(ClientHarness::wait(badTag.get()));
        QCOMPARE(badTag->error().code(), Error::Code::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestManifestDelete)
#include "tst_manifestdelete.moc"
