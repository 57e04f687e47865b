#pragma once

// The two images the diff's integration tests compare, built by umoci: A is the base layer
// of ../files/difflayers.h, B the base and the change layer (the known file set),
// B's config then changed by `umoci config` (without a history entry), and both pushed by
// skopeo into `repository` as 1.0 and 1.1. Used by tst_imagediffjob and tst_ladingctl_diff.

#include "../files/difflayers.h"
#include "image/reader/layercache.h"
#include "oci/cache/contentcache.h"
#include "oci/inspect/contentfetcher.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"

#include <QDir>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace diffimages {

struct Pushed
{
    SeededImage a;
    SeededImage b;
};

// In `scratch`/a and /b. `config`: umoci config options for B ("--config.env", "K=V", …).
inline oci::Result<Pushed> buildAndPush(Fixtures &fixtures, const QTemporaryDir &scratch,
                                        const QString &repository, const QStringList &config)
{
    const auto failed = [](const QString &message) {
        return oci::Error(oci::Error::Code::InvalidArgument, message);
    };
    if (!QDir().mkpath(scratch.filePath(QStringLiteral("a")))
        || !QDir().mkpath(scratch.filePath(QStringLiteral("b"))))
        return failed(QStringLiteral("no scratch folders in %1").arg(scratch.path()));
    auto builtA = testsupport::buildUmociImage(scratch.filePath(QStringLiteral("a")),
                                               {difflayers::baseLayer()});
    if (!builtA)
        return builtA.error();
    auto builtB = testsupport::buildUmociImage(scratch.filePath(QStringLiteral("b")),
                                               {difflayers::baseLayer(), difflayers::changeLayer()});
    if (!builtB)
        return builtB.error();
    const testsupport::ToolResult configured = testsupport::runTool(
        testsupport::findTool(QStringLiteral("umoci")),
        QStringList{QStringLiteral("config"), QStringLiteral("--image"), builtB->image,
                    QStringLiteral("--no-history")}
            + config,
        120000, Fixtures::toolEnvironment());
    if (!configured.ok())
        return failed(configured.describe());
    auto a = fixtures.pushFrom(builtA->skopeoReference(), repository, QStringLiteral("1.0"));
    if (!a)
        return a.error();
    auto b = fixtures.pushFrom(builtB->skopeoReference(), repository, QStringLiteral("1.1"));
    if (!b)
        return b.error();
    return Pushed{a.value(), b.value()};
}

// What a test of the diff against the registry holds: the registry (anonymous), the two
// images pushed, a client, a memory content cache and its fetcher, and a layer cache with
// a folder in the scratch one (so files can be read back).
//
//     diffimages::Rig m_rig;                                         // a member
//     QVERIFY2(m_rig.start(u"lading-x"_s, u"diff/x"_s, {}), qPrintable(m_rig.error));
//     ImageDiffJob::start(m_rig.ref(m_rig.a), m_rig.ref(m_rig.b), m_rig.layers.get());
struct Rig
{
    std::unique_ptr<RegistryProcess> registry;
    std::unique_ptr<Fixtures> fixtures;
    std::unique_ptr<QTemporaryDir> scratch;
    std::unique_ptr<ClientHarness> harness;
    std::unique_ptr<oci::ContentCache> contentCache;
    std::unique_ptr<oci::ContentFetcher> fetcher;
    std::unique_ptr<image::LayerCache> layers;
    SeededImage a;
    SeededImage b;
    QString error;

    // False with `error` set when something could not be made.
    bool start(const QString &scratchPrefix, const QString &repository, const QStringList &config)
    {
        registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
        if (!registry->start()) {
            error = registry->errorString();
            return false;
        }
        fixtures = std::make_unique<Fixtures>(*registry);
        scratch = testsupport::makeScratchDir(scratchPrefix);
        if (!scratch || !scratch->isValid()) {
            error = QStringLiteral("no scratch folder");
            return false;
        }
        auto pushed = buildAndPush(*fixtures, *scratch, repository, config);
        if (!pushed) {
            error = pushed.error().describe();
            return false;
        }
        a = pushed->a;
        b = pushed->b;
        harness = std::make_unique<ClientHarness>(*registry);
        contentCache = std::make_unique<oci::ContentCache>(oci::ContentCacheOptions{});
        fetcher = std::make_unique<oci::ContentFetcher>(harness->client(), contentCache.get());
        image::LayerCacheOptions layerOptions;
        layerOptions.directory = scratch->filePath(QStringLiteral("layers"));
        layers = std::make_unique<image::LayerCache>(layerOptions);
        return true;
    }

    // The users of the client first, the registry last.
    void stop()
    {
        layers.reset();
        fetcher.reset();
        contentCache.reset();
        harness.reset();
        fixtures.reset();
        registry.reset();
    }

    ~Rig() { stop(); }
};

} // namespace diffimages
