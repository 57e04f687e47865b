// The tag benchmark behind bench-tags.sh: starts the real registry (Debian's
// docker-registry, anonymous, plain http on 127.0.0.1), seeds it, and times Lading beside
// skopeo in the same run:
//   1. listing a 5,000-tag repository: `ladingctl tags` vs `skopeo list-tags`;
//   2. digest + size + created + platforms of 500 tags: `ladingctl tags --details` vs
//      `skopeo inspect` once per tag (run on a sample, extrapolated; the output says so);
//   3. in-process: the longest event-loop stall while DetailsResolver fills in 5,000 tags.
// It prints figures and ratios; it asserts nothing about time.

#include "../oci/cachetestsupport.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/detailsresolver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include <sys/resource.h>

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QString seconds(double ms)
{
    return QString::number(ms / 1000.0, 'f', 3) + u" s";
}

QString ratio(double lading, double other)
{
    return other > 0 ? QString::number(lading / other, 'f', 3) + u'x' : QStringLiteral("n/a");
}

// CPU time (user + system) of the children that ended so far, in ms.
double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

struct Timed
{
    double ms = 0;
    double cpuMs = 0; // of the tool itself
    bool ok = false;
    QString error;
    QByteArray out;
};

Timed timeTool(const QString &program, const QStringList &arguments, const QProcessEnvironment &env)
{
    QElapsedTimer timer;
    const double cpuBefore = childrenCpuMs();
    timer.start();
    const testsupport::ToolResult result = testsupport::runTool(program, arguments, 600000, env);
    Timed timed;
    timed.ms = double(timer.nsecsElapsed()) / 1e6;
    timed.cpuMs = childrenCpuMs() - cpuBefore;
    timed.ok = result.ok();
    timed.out = result.standardOutput;
    if (!timed.ok)
        timed.error = result.describe();
    return timed;
}

// Median of `runs` runs; the first failure stops the benchmark.
double g_lastCpuMs = 0; // CPU of the tool in the median run's neighbourhood (the last run)

double medianOf(int runs, const std::function<Timed()> &once)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        const Timed timed = once();
        if (!timed.ok) {
            say(u"FAILED: " + timed.error);
            QCoreApplication::exit(1);
            std::exit(1);
        }
        times << timed.ms;
        g_lastCpuMs = timed.cpuMs;
    }
    return median(times);
}

// 500 different images: the fixture's config with its own created date each, so every tag
// has its own manifest and config (the hard case: nothing shared to save).
bool seedDistinct(RegistryProcess &registry, const SeededImage &base, const QString &repository,
                  int count, QStringList *tags)
{
    const QJsonObject baseConfig = QJsonDocument::fromJson(base.config).object();
    const QJsonObject baseManifest = QJsonDocument::fromJson(base.manifest).object();
    const QDateTime start = QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC);
    for (const oci::Digest &layer : base.layers) {
        if (!cachetest::mountBlob(registry, repository, base.repository, layer))
            return false;
    }
    for (int i = 0; i < count; ++i) {
        QJsonObject config = baseConfig;
        config.insert(QStringLiteral("created"),
                      start.addSecs(qint64(i) * 3600).toString(Qt::ISODate));
        const QByteArray configBytes = QJsonDocument(config).toJson(QJsonDocument::Compact);
        if (!cachetest::uploadBlob(registry, repository, configBytes))
            return false;
        QJsonObject manifest = baseManifest;
        QJsonObject descriptor = manifest.value(u"config").toObject();
        descriptor.insert(QStringLiteral("digest"), oci::Digest::sha256Of(configBytes).toString());
        descriptor.insert(QStringLiteral("size"), configBytes.size());
        manifest.insert(QStringLiteral("config"), descriptor);
        const QString tag = QStringLiteral("1.%1").arg(i);
        if (!cachetest::putManifest(registry, repository, tag,
                                    "application/vnd.oci.image.manifest.v1+json",
                                    QJsonDocument(manifest).toJson(QJsonDocument::Compact)))
            return false;
        *tags << tag;
    }
    return true;
}

// Resolves every tag of `repository` in this process and measures how late a 5 ms timer
// fires meanwhile: the longest time the event loop was busy with something else.
struct StallResult
{
    double totalMs = 0;
    double longestStallMs = 0;
    int tags = 0;
};

StallResult measureStall(const RegistryProcess &registry, const QString &repository)
{
    ClientHarness harness(registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    oci::DetailsResolver resolver(&fetcher, repository);
    StallResult result;
    QElapsedTimer total;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        result.longestStallMs =
            std::max(result.longestStallMs, double(sinceTick.nsecsElapsed()) / 1e6 - 5.0);
        sinceTick.start();
    });
    total.start();
    sinceTick.start();
    ticker.start();
    std::unique_ptr<oci::TagListJob> list(harness.client()->tags(repository));
    QObject::connect(list.get(), &oci::Job::finished, &resolver,
                     [&] { resolver.request(list->tags()); });
    QSignalSpy idle(&resolver, &oci::DetailsResolver::idle);
    idle.wait(600000);
    ticker.stop();
    result.totalMs = double(total.nsecsElapsed()) / 1e6;
    result.tags = resolver.done();
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lading tag benchmark: ladingctl beside skopeo."));
    parser.addHelpOption();
    const QCommandLineOption tagsOption(QStringLiteral("tags"),
                                        QStringLiteral("Tags to list (5000)."), QStringLiteral("N"),
                                        QStringLiteral("5000"));
    const QCommandLineOption detailsOption(QStringLiteral("details"),
                                           QStringLiteral("Tags for the details run (500)."),
                                           QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption sampleOption(QStringLiteral("sample"),
                                          QStringLiteral("skopeo inspect runs, extrapolated (50)."),
                                          QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Runs per measurement; the median is shown (3)."),
        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption ladingctlOption(
        QStringLiteral("ladingctl"), QStringLiteral("ladingctl to run."), QStringLiteral("PATH"),
        QStringLiteral(LADINGCTL_PATH));
    parser.addOptions({tagsOption, detailsOption, sampleOption, runsOption, ladingctlOption});
    parser.process(app);
    const int tagCount = std::max(1, parser.value(tagsOption).toInt());
    const int detailCount = std::max(1, parser.value(detailsOption).toInt());
    const int sample = std::clamp(parser.value(sampleOption).toInt(), 1, detailCount);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QString ladingctl = parser.value(ladingctlOption);

    QString missing;
    if (!RegistryProcess::toolsAvailable(&missing)) {
        say(u"cannot run: " + missing);
        return 2;
    }
    RegistryProcess registry(RegistryProcess::Auth::Anonymous);
    if (!registry.start()) {
        say(u"cannot start the registry: " + registry.errorString());
        return 1;
    }
    const QString host = registry.host();
    const auto loadAverage = [] {
        QFile file(QStringLiteral("/proc/loadavg"));
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed())
                                              : QString();
    };
    say(QStringLiteral("machine: %1 cores, load average %2")
            .arg(QThread::idealThreadCount())
            .arg(loadAverage()));
    say(QStringLiteral(
            "registry: docker-registry on %1 (anonymous, plain http); %2 runs per figure, median")
            .arg(host)
            .arg(runs));

    QElapsedTimer seeding;
    seeding.start();
    Fixtures fixtures(registry);
    auto base = fixtures.pushOciImage(QStringLiteral("bench/list"), QStringLiteral("base"));
    if (!base) {
        say(u"seeding failed: " + base.error().describe());
        return 1;
    }
    auto many = fixtures.pushManyTags(*base, tagCount - 1, QStringLiteral("t"));
    if (!many) {
        say(u"seeding failed: " + many.error().describe());
        return 1;
    }
    QStringList detailTags;
    if (!seedDistinct(registry, *base, QStringLiteral("bench/details"), detailCount, &detailTags)) {
        say(QStringLiteral("seeding the details repository failed"));
        return 1;
    }
    say(QStringLiteral(
            "seeded: bench/list with %1 tags (one image), bench/details with %2 tags (%2 "
            "distinct images) in %3")
            .arg(tagCount)
            .arg(detailCount)
            .arg(seconds(double(seeding.elapsed()))));

    const QProcessEnvironment toolEnv = Fixtures::toolEnvironment();
    QTemporaryDir cacheHome;
    QProcessEnvironment ladingEnv = toolEnv;
    ladingEnv.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome.path());
    const QStringList skopeoTls{QStringLiteral("--tls-verify=false")};

    // 1. Listing.
    const double ladingList = medianOf(runs, [&] {
        Timed t = timeTool(
            ladingctl,
            {QStringLiteral("tags"), host + u"/bench/list", QStringLiteral("--plain-http")},
            ladingEnv);
        if (t.ok && t.out.count('\n') != tagCount) {
            t.ok = false;
            t.error = QStringLiteral("ladingctl listed %1 tags").arg(t.out.count('\n'));
        }
        return t;
    });
    const double skopeoList = medianOf(runs, [&] {
        return timeTool(QStringLiteral("skopeo"),
                        QStringList{QStringLiteral("list-tags")} + skopeoTls +
                            QStringList{u"docker://" + host + u"/bench/list"},
                        toolEnv);
    });
    say(QStringLiteral(
            "list %1 tags:  ladingctl tags %2   skopeo list-tags %3   ratio %4 (goal <= 1.0x)")
            .arg(tagCount)
            .arg(seconds(ladingList), seconds(skopeoList), ratio(ladingList, skopeoList)));

    // 2. Details of the distinct-image repository.
    const auto detailsRun = [&](const QStringList &extra) {
        return medianOf(runs, [&] {
            Timed t = timeTool(ladingctl,
                               QStringList{QStringLiteral("tags"), host + u"/bench/details",
                                           QStringLiteral("--plain-http"),
                                           QStringLiteral("--details"), QStringLiteral("--json")} +
                                   extra,
                               ladingEnv);
            if (t.ok && QJsonDocument::fromJson(t.out).array().size() != detailCount) {
                t.ok = false;
                t.error = QStringLiteral("ladingctl --details gave the wrong number of rows");
            }
            return t;
        });
    };
    const double ladingDetailsCold = detailsRun({QStringLiteral("--no-cache")});
    const double ladingDetailsColdCpu = g_lastCpuMs;
    const double ladingDetailsSerial = detailsRun(
        {QStringLiteral("--no-cache"), QStringLiteral("--concurrency"), QStringLiteral("1")});
    (void)detailsRun({}); // fills the disk cache
    const double ladingDetailsWarm = detailsRun({});
    // skopeo inspect as a person runs it (it also lists the repository's tags for
    // "RepoTags"), and with --no-tags (manifest and config only, as Lading does).
    struct SkopeoFigure
    {
        double total = 0; // extrapolated to detailCount
        double perTag = 0;
        double cpuPerTag = 0;
    };
    const auto skopeoInspect = [&](const QStringList &extra, SkopeoFigure *figure) {
        double wall = 0;
        double cpu = 0;
        for (int i = 0; i < sample; ++i) {
            const QString tag = detailTags.at(int(qint64(i) * detailCount / sample));
            const Timed t =
                timeTool(QStringLiteral("skopeo"),
                         QStringList{QStringLiteral("inspect")} + skopeoTls + extra +
                             QStringList{u"docker://" + host + u"/bench/details:" + tag},
                         toolEnv);
            if (!t.ok) {
                say(u"FAILED: " + t.error);
                return false;
            }
            wall += t.ms;
            cpu += t.cpuMs;
        }
        figure->perTag = wall / sample;
        figure->cpuPerTag = cpu / sample;
        figure->total = figure->perTag * detailCount;
        return true;
    };
    SkopeoFigure skopeoDefault;
    SkopeoFigure skopeoNoTags;
    if (!skopeoInspect({}, &skopeoDefault) ||
        !skopeoInspect({QStringLiteral("--no-tags")}, &skopeoNoTags))
        return 1;
    const double skopeoDetails = skopeoDefault.total;
    say(QStringLiteral("details of %1 tags (%1 distinct images; digest, size, created, platforms):")
            .arg(detailCount));
    say(QStringLiteral(
            "  ladingctl tags --details, empty cache (--no-cache): %1 (ladingctl CPU %2)")
            .arg(seconds(ladingDetailsCold), seconds(ladingDetailsColdCpu)));
    say(QStringLiteral(
            "  ladingctl tags --details, empty cache, one request at a time (--concurrency 1): %1")
            .arg(seconds(ladingDetailsSerial)));
    say(QStringLiteral("  ladingctl tags --details, warm disk cache (HEADs only): %1")
            .arg(seconds(ladingDetailsWarm)));
    const auto skopeoLine = [&](const QString &what, const SkopeoFigure &figure) {
        say(QStringLiteral("  %1: %2 (measured on %3 tags: %4 per tag, skopeo CPU %5 per tag; "
                           "extrapolated to %6)")
                .arg(what, seconds(figure.total))
                .arg(sample)
                .arg(seconds(figure.perTag), seconds(figure.cpuPerTag))
                .arg(detailCount));
    };
    skopeoLine(QStringLiteral("skopeo inspect per tag"), skopeoDefault);
    skopeoLine(QStringLiteral("skopeo inspect --no-tags per tag"), skopeoNoTags);
    say(QStringLiteral("  ratio vs skopeo inspect: empty cache %1, warm cache %2 (goal <= 0.1x)")
            .arg(ratio(ladingDetailsCold, skopeoDetails), ratio(ladingDetailsWarm, skopeoDetails)));
    say(QStringLiteral("  ratio vs skopeo inspect --no-tags: empty cache %1, warm cache %2")
            .arg(ratio(ladingDetailsCold, skopeoNoTags.total),
                 ratio(ladingDetailsWarm, skopeoNoTags.total)));

    // 3. The event loop while details fill in (in process, memory cache).
    const StallResult stall = measureStall(registry, QStringLiteral("bench/list"));
    say(QStringLiteral(
            "in-process DetailsResolver, %1 tags (list + details): %2, longest event-loop "
            "stall %3 ms (goal <= 50 ms)")
            .arg(stall.tags)
            .arg(seconds(stall.totalMs))
            .arg(QString::number(stall.longestStallMs, 'f', 1)));
    const StallResult distinct = measureStall(registry, QStringLiteral("bench/details"));
    say(QStringLiteral(
            "in-process DetailsResolver, %1 distinct images: %2, longest event-loop stall %3 ms")
            .arg(distinct.tags)
            .arg(seconds(distinct.totalMs))
            .arg(QString::number(distinct.longestStallMs, 'f', 1)));
    say(QStringLiteral("load average at the end: %1").arg(loadAverage()));
    return 0;
}
