#pragma once

// The two images the diff's integration tests compare, built by umoci: A is the base layer
// of ../files/difflayers.h, B the base and the change layer (the known file set),
// B's config then changed by `umoci config` (without a history entry), and both pushed by
// skopeo into `repository` as 1.0 and 1.1. Used by tst_imagediffjob and tst_ladingctl_diff.

#include "../files/difflayers.h"
#include "support/fixtures.h"
#include "support/toolrunner.h"

#include <QDir>
#include <QStringList>
#include <QTemporaryDir>

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

} // namespace diffimages
