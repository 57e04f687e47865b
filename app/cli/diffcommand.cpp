#include "diffcommand.h"

#include "diffoutput.h"
#include "output.h"
#include "runner.h"

#include "image/diff/job/imagediffcache.h"
#include "image/diff/job/imagediffjob.h"
#include "image/reader/layercache.h"
#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"

#include <QTemporaryDir>

namespace cli {

QString diffHelp()
{
    return QStringLiteral(
        "  diff A B             compare two images, each a registry reference or a local\n"
        "                       image (as for layers): the summary first (digests, sizes,\n"
        "                       layer counts, files added/removed/changed, config keys\n"
        "                       changed), then config changes, layers (shared ones\n"
        "                       counted, differing ones with size and command), files\n"
        "                       (content compared by SHA-256, never by mtime; paths under an\n"
        "                       added or removed directory folded into its line; paths that\n"
        "                       differ only by mtime counted, not listed)\n"
        "diff compares an index platform by platform (matched by os/arch/variant; platforms\n"
        "only one side has are listed), or only --platform OS/ARCH[/VARIANT]. --files-only:\n"
        "the files alone. --json: the whole result (every path, mtime-only ones too, both\n"
        "manifests and configs). Layers both images share are read once; a second diff of\n"
        "the same pair comes from the diff cache (--no-cache: none). Exit status of diff:\n"
        "0 no differences, 1 differences (with --files-only: in the files), 2 trouble.\n");
}

QString readDiffArguments(const QString &a, const QString &b, Options &options)
{
    options.command = Options::Command::Diff;
    const auto read = [](const QString &text, oci::Reference &reference,
                         std::optional<image::LocalReference> &local) -> QString {
        local = image::parseLocalReference(text);
        if (local)
            return {};
        auto parsed = oci::Reference::parse(text);
        if (!parsed)
            return parsed.error().message() + u" (nor is it a file or folder here)";
        reference = std::move(parsed).value();
        return {};
    };
    if (QString error = read(a, options.reference, options.local); !error.isEmpty())
        return error;
    if (QString error = read(b, options.referenceB, options.localB); !error.isEmpty())
        return error;
    // --username, TLS options: for the first registry named.
    options.registry = !options.local    ? options.reference.registry()
                       : !options.localB ? options.referenceB.registry()
                                         : QString();
    return {};
}

DiffCommand::DiffCommand(Options options, oci::Transport *transport, oci::RegistryClient *client,
                         QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_transport(transport), m_client(client)
{
    oci::ContentCacheOptions contentOptions;
    image::LayerCacheOptions layerOptions;
    if (m_options.noCache) {
        m_scratch = std::make_unique<QTemporaryDir>();
        if (m_scratch->isValid())
            layerOptions.directory = m_scratch->path();
    } else {
        contentOptions.directory = oci::ContentCacheOptions::defaultDirectory();
        layerOptions.directory = image::LayerCacheOptions::defaultDirectory();
    }
    m_contentCache = new oci::ContentCache(contentOptions, this);
    m_layers = new image::LayerCache(layerOptions, this);
}

DiffCommand::~DiffCommand()
{
    // The job's readers use the fetchers' clients; the fetchers use the content cache.
    delete m_job;
    qDeleteAll(m_fetchers);
    m_fetchers.clear();
}

oci::ContentFetcher *DiffCommand::fetcherFor(const QString &host)
{
    if (oci::ContentFetcher *known = m_fetchers.value(host))
        return known;
    oci::RegistryClient *client = m_client;
    if (host != m_options.registry) // a second registry: a client of its own, same options
        client = new oci::RegistryClient(m_transport, registryConfig(m_options, host), this);
    auto *fetcher = new oci::ContentFetcher(client, m_contentCache);
    m_fetchers.insert(host, fetcher);
    return fetcher;
}

image::DiffImageRef DiffCommand::sideRef(const oci::Reference &reference,
                                         const std::optional<image::LocalReference> &local)
{
    if (local)
        return image::DiffImageRef::fromLocal(*local);
    return image::DiffImageRef::fromRegistry(fetcherFor(reference.registry()),
                                             reference.repository(), reference.identifier(),
                                             reference.toString());
}

void DiffCommand::start()
{
    image::ImageDiffOptions options;
    options.platform = m_options.platform;
    // As ImageCommand: one layer read at a time, so that a failed diff leaves no cancelled
    // reader's worker running while the process exits (it would crash in OpenSSL's exit
    // handler).
    options.maxParallelReads = 1;
    if (!m_options.noCache)
        options.cache =
            std::make_shared<image::ImageDiffCache>(image::ImageDiffCache::defaultDirectory());
    m_job = image::ImageDiffJob::start(sideRef(m_options.reference, m_options.local),
                                       sideRef(m_options.referenceB, m_options.localB), m_layers,
                                       options, this);
    connect(m_job, &image::ImageDiffJob::progress, this,
            [this](const image::ImageDiffProgress &p) {
                // Progress only on a terminal: in a pipe or a log the report is what counts.
                if (!m_progress.isTerminal())
                    return;
                const bool newStage = int(p.stage) != m_stage;
                m_stage = int(p.stage);
                switch (p.stage) {
                case image::ImageDiffProgress::Stage::Resolving:
                    m_progress.show(QStringLiteral("resolving both images"), 0, 0, newStage);
                    break;
                case image::ImageDiffProgress::Stage::ReadingLayers:
                    if (p.layersTotal > 0)
                        m_progress.show(QStringLiteral("reading %1 of %2 layers,")
                                            .arg(p.layersDone)
                                            .arg(p.layersTotal),
                                        p.bytesDone, p.bytesTotal, newStage);
                    break;
                case image::ImageDiffProgress::Stage::Comparing:
                    m_progress.show(QStringLiteral("comparing"), 0, 0, newStage);
                    break;
                case image::ImageDiffProgress::Stage::Done:
                    break;
                }
            });
    connect(m_job, &oci::Job::finished, this, &DiffCommand::done);
}

void DiffCommand::done()
{
    m_progress.clear();
    if (!m_job->succeeded()) {
        printError(m_job->error().describe());
        Q_EMIT finished(2);
        return;
    }
    const image::ImageDiff &diff = m_job->result();
    if (m_options.json)
        writeStdout(diffJson(diff, m_options.filesOnly));
    else
        writeLines(diffText(diff, m_options.filesOnly));
    Q_EMIT finished(diffDiffers(diff, m_options.filesOnly) ? 1 : 0);
}

} // namespace cli
