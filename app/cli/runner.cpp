#include "runner.h"

#include "output.h"

#include "oci/auth/chainedcredentials.h"
#include "oci/auth/dockerconfig.h"
#include "oci/auth/staticcredentials.h"
#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"


namespace cli {

Runner::Runner(Options options, QString password, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_password(std::move(password))
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
    chain->append(std::make_shared<oci::DockerConfigCredentialProvider>());
    m_transport->setCredentialProvider(std::move(chain));

    oci::RegistryConfig config;
    config.host = m_options.registry;
    config.plainHttp = m_options.plainHttp;
    config.insecureSkipTlsVerify = m_options.insecure;
    config.caFile = m_options.caFile;
    m_client = new oci::RegistryClient(m_transport, std::move(config), this);
}

Runner::~Runner() = default;

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
    const auto printNew = [this, job] {
        const QStringList all = job->tags();
        writeLines(all.mid(m_printed));
        m_printed = all.size();
    };
    connect(job, &oci::TagListJob::pageReceived, this, printNew);
    connect(job, &oci::Job::finished, this, [this, job, printNew] {
        if (job->succeeded())
            printNew();
        finishJob(job);
    });
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
