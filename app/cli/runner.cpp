#include "runner.h"

#include "detailsoutput.h"
#include "diffcommand.h"
#include "imagecommand.h"
#include "opscommand.h"
#include "pushcommand.h"
#include "output.h"
#include "resolveone.h"

#include "oci/auth/chainedcredentials.h"
#include "oci/auth/containertoolcredentials.h"
#include "oci/auth/staticcredentials.h"
#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/detailsresolver.h"
#include "oci/inspect/referrersjob.h"
#include "oci/inspect/tagorder.h"
#include "oci/transport/transport.h"

#include <QJsonDocument>

namespace cli {

Runner::Runner(Options options, QString password, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_password(std::move(password))
{
    m_transport = new oci::Transport(this);
    auto chain = std::make_shared<oci::ChainedCredentialProvider>();
    if (!m_options.username.isEmpty()) {
        auto given = std::make_shared<oci::StaticCredentialProvider>();
        oci::Credentials credentials;
        credentials.username = m_options.username;
        credentials.password = m_password;
        given->set(m_options.registry, std::move(credentials));
        chain->append(std::move(given));
    }
    chain->append(oci::makeContainerToolCredentials());
    m_transport->setCredentialProvider(std::move(chain));

    m_client = new oci::RegistryClient(m_transport, registryConfig(m_options, m_options.registry), this);
}

oci::RegistryConfig registryConfig(const Options &options, const QString &host)
{
    oci::RegistryConfig config;
    config.host = host;
    config.plainHttp = options.plainHttp;
    config.insecureSkipTlsVerify = options.insecure;
    config.caFile = options.caFile;
    return config;
}

Runner::~Runner()
{
    // Users first: the resolver's and fetcher's jobs belong to the client, the client's to
    // the transport; the layer readers of an image command use the client too.
    delete m_diff;
    delete m_image;
    delete m_push;
    delete m_ops;
    delete m_resolver;
    delete m_fetcher;
    delete m_cache; // waits for its last disk writes
    delete m_client;
    delete m_transport;
}

void Runner::makeFetcher()
{
    oci::ContentCacheOptions cacheOptions;
    if (!m_options.noCache)
        cacheOptions.directory = oci::ContentCacheOptions::defaultDirectory();
    m_cache = new oci::ContentCache(cacheOptions, this);
    m_fetcher = new oci::ContentFetcher(m_client, m_cache, this);
    m_resolver = new oci::DetailsResolver(m_fetcher, m_options.reference.repository(), this);
    m_resolver->setMaxConcurrent(m_options.concurrency);
}

void Runner::start()
{
    switch (m_options.command) {
    case Options::Command::Catalog:
        startCatalog();
        break;
    case Options::Command::Tags:
        startTags();
        break;
    case Options::Command::Manifest:
        startManifest();
        break;
    case Options::Command::Inspect:
        startInspect();
        break;
    case Options::Command::Layers:
    case Options::Command::Files:
    case Options::Command::Cat:
    case Options::Command::Waste:
        startImage();
        break;
    case Options::Command::Push:
        startPush();
        break;
    case Options::Command::Diff:
        startDiff();
        break;
    case Options::Command::Tag:
    case Options::Command::Copy:
    case Options::Command::Remove:
    case Options::Command::Cleanup:
    case Options::Command::Undo:
        m_ops = new OpsCommand(m_options, m_transport, m_client, this);
        connect(m_ops, &OpsCommand::finished, this, &Runner::finished);
        m_ops->start();
        break;
    }
}

void Runner::startCatalog()
{
    oci::CatalogJob *job = m_client->catalog();
    job->setParent(this);
    // Print page by page: a large catalog shows up while it is still being listed.
    const auto printNew = [this, job] {
        const QStringList all = job->repositories();
        writeLines(all.mid(m_printed));
        m_printed = all.size();
    };
    connect(job, &oci::CatalogJob::pageReceived, this, printNew);
    connect(job, &oci::Job::finished, this, [this, job, printNew] {
        if (job->succeeded())
            printNew();
        finishJob(job);
    });
}

void Runner::startTags()
{
    oci::TagListJob *job = m_client->tags(m_options.reference.repository());
    job->setParent(this);
    const bool streaming = !m_options.details && !m_options.sorted;
    const auto printNew = [this, job] {
        const QStringList all = job->tags();
        writeLines(all.mid(m_printed));
        m_printed = all.size();
    };
    if (streaming)
        connect(job, &oci::TagListJob::pageReceived, this, printNew);
    connect(job, &oci::Job::finished, this, [this, job, printNew, streaming] {
        if (!job->succeeded() || streaming) {
            if (job->succeeded())
                printNew();
            finishJob(job);
            return;
        }
        QStringList tags = job->tags();
        job->deleteLater();
        if (m_options.details) {
            startTagDetails(tags);
            return;
        }
        std::sort(tags.begin(), tags.end(),
                  [](const QString &a, const QString &b) { return oci::naturalCompare(a, b) < 0; });
        writeLines(tags);
        Q_EMIT finished(0);
    });
}

void Runner::startTagDetails(const QStringList &tags)
{
    makeFetcher();
    connect(
        m_resolver, &oci::DetailsResolver::idle, this,
        [this, tags] {
            QList<oci::TagDetails> rows;
            rows.reserve(tags.size());
            int failed = 0;
            QString firstError;
            for (const QString &tag : tags) {
                const oci::TagDetails row = m_resolver->results().value(tag);
                if (row.error.code() != oci::Error::Code::None && ++failed == 1)
                    firstError = tag + u": " + row.error.describe();
                rows << row;
            }
            oci::sortTagDetails(rows, m_options.sort);
            const QHash<oci::Digest, int> perDigest = oci::tagsPerDigest(rows);
            if (m_options.json)
                writeStdout(tagJson(rows, perDigest));
            else
                writeLines(tagTable(rows, perDigest));
            if (failed > 0) {
                fail(QStringLiteral("%1 of %2 tags without details (first: %3)")
                         .arg(failed)
                         .arg(tags.size())
                         .arg(firstError));
                return;
            }
            Q_EMIT finished(0);
        },
        Qt::SingleShotConnection);
    m_resolver->request(tags);
}

void Runner::startInspect()
{
    makeFetcher();
    resolveOne(
        m_resolver, this, m_options.reference.identifier(),
        [this](const oci::TagDetails &row) {
            oci::ReferrersJob *job =
                m_fetcher->referrers(m_options.reference.repository(), row.details.digest);
            job->setParent(this);
            connect(job, &oci::Job::finished, this, [this, job, row] {
                ReferrerList referrers;
                if (job->succeeded()) {
                    referrers.descriptors = job->referrers();
                    referrers.source = job->source() == oci::ReferrersJob::Source::Api
                                           ? QStringLiteral("api")
                                       : job->source() == oci::ReferrersJob::Source::FallbackTag
                                           ? QStringLiteral("fallback-tag")
                                           : QStringLiteral("none");
                } else {
                    referrers.source = QStringLiteral("none");
                    referrers.error = job->error().describe();
                }
                job->deleteLater();
                const QJsonObject object =
                    inspectJson(m_options.reference.toString(), row, referrers);
                writeStdout(QJsonDocument(object).toJson(QJsonDocument::Indented));
                Q_EMIT finished(0);
            });
        },
        [this](const QString &error) { fail(error); });
}

void Runner::startImage()
{
    if (!m_options.local)
        makeFetcher(); // the image's manifest and config through the content cache
    m_image = new ImageCommand(m_options, m_client, m_resolver, this);
    connect(m_image, &ImageCommand::finished, this, &Runner::finished);
    m_image->start();
}

void Runner::startPush()
{
    m_push = new PushCommand(m_options, m_client, this);
    connect(m_push, &PushCommand::finished, this, &Runner::finished);
    m_push->start();
}

void Runner::startDiff()
{
    m_diff = new DiffCommand(m_options, m_transport, m_client, this);
    connect(m_diff, &DiffCommand::finished, this, &Runner::finished);
    m_diff->start();
}

void Runner::startManifest()
{
    oci::ManifestJob *job =
        m_client->manifest(m_options.reference.repository(), m_options.reference.identifier());
    job->setParent(this);
    connect(job, &oci::Job::finished, this, [this, job] {
        if (job->succeeded())
            writeStdout(job->manifest().bytes); // as received and verified: no newline added
        finishJob(job);
    });
}

void Runner::finishJob(oci::Job *job)
{
    if (job->succeeded()) {
        Q_EMIT finished(0);
        return;
    }
    fail(job->error().describe());
}

void Runner::fail(const QString &message)
{
    printError(message);
    Q_EMIT finished(1);
}

} // namespace cli
