// The copy benchmark's driver (bench-copy.sh), until ladingctl has a copy command: one
// ops::CopyJob from SOURCE to TARGET, anonymous, with a memory-only cache, as ladingctl
// would run it. Prints one line of what it did; exit status 1 with the error on failure.
//
//     lading_bench_copy [--plain-http] [--referrers] [--parallel N] SOURCE TARGET
//     lading_bench_copy --plain-http 127.0.0.1:5000/bench/src:1 127.0.0.1:5001/bench/copy:1

#include "ops/copy/copyjob.h"
#include "ops/copy/copysource.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/transport/transport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message)
{
    std::fputs(qPrintable(u"lading_bench_copy: "_s + message + u'\n'), stderr);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"plain-http"_s, u"Talk plain HTTP to both registries."_s});
    parser.addOption({u"referrers"_s, u"Copy the referrers too."_s});
    parser.addOption({u"parallel"_s, u"Blobs copied at once."_s, u"n"_s, u"3"_s});
    parser.addPositionalArgument(u"source"_s, u"host/repository:tag or @digest"_s);
    parser.addPositionalArgument(u"target"_s, u"host/repository:tag"_s);
    parser.process(app);
    if (parser.positionalArguments().size() != 2)
        return fail(u"give SOURCE and TARGET"_s);

    const auto source = oci::Reference::parse(parser.positionalArguments().at(0));
    const auto target = oci::Reference::parse(parser.positionalArguments().at(1));
    if (!source)
        return fail(source.error().describe());
    if (!target)
        return fail(target.error().describe());

    oci::Transport transport;
    oci::ContentCache cache(oci::ContentCacheOptions{});
    const auto clientFor = [&](const QString &host) {
        oci::RegistryConfig config;
        config.host = host;
        config.plainHttp = parser.isSet(u"plain-http"_s);
        config.authMode = oci::RegistryConfig::AuthMode::Anonymous;
        return std::make_unique<oci::RegistryClient>(&transport, config);
    };
    const auto sourceClient = clientFor(source->registry());
    const bool same = source->registry() == target->registry();
    const auto targetClient = same ? nullptr : clientFor(target->registry());
    oci::ContentFetcher sourceFetcher(sourceClient.get(), &cache);
    std::unique_ptr<oci::ContentFetcher> targetFetcher;
    if (!same)
        targetFetcher = std::make_unique<oci::ContentFetcher>(targetClient.get(), &cache);

    ops::CopyRequest request;
    request.sourceRepository = source->repository();
    request.sourceReference = source->identifier();
    request.targetRepository = target->repository();
    request.targetTag = target->tag();
    request.withReferrers = parser.isSet(u"referrers"_s);
    request.parallelBlobs = parser.value(u"parallel"_s).toInt();

    ops::CopyJob job(&sourceFetcher, same ? &sourceFetcher : targetFetcher.get(), request);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&job, &oci::Job::finished, &app, &QCoreApplication::quit);
    job.start();
    app.exec();
    if (!job.succeeded())
        return fail(job.error().describe());
    const ops::CopyJob::Counters &counters = job.counters();
    std::printf("copied %s in %lld ms: %lld blob(s) — %d mounted, %d streamed (%lld MiB), %d "
                "present; %d manifest PUT(s); peak held %lld KiB (bound %lld KiB), download "
                "paused %d time(s)\n",
                qPrintable(job.digest().toString()), clock.elapsed(), qint64(job.blobCount()),
                counters.blobsMounted, counters.blobsCopied, counters.bytesCopied / (1024 * 1024),
                counters.blobsPresent, counters.manifestsPut, job.peakBufferedBytes() / 1024,
                job.maxBufferedBytes() / 1024, counters.downloadPauses);
    return 0;
}
