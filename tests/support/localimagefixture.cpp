#include "localimagefixture.h"

#include "support/clientharness.h"
#include "support/signalwait.h"
#include "support/throttledproxy.h"
#include "support/toolrunner.h"

#include "image/push/pushjob.h"
#include "image/reader/layercache.h"
#include "image/source/localimagesource.h"

#include "push/pushtestdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

LocalImageFixture::LocalImageFixture(const QString &name)
    : m_dir(testsupport::makeScratchDir(QString(u"lading-" + name)))
{}

LocalImageFixture::~LocalImageFixture()
{
    // The clients go before the registry they talk to.
    m_throttled.reset();
    m_proxy.reset();
    m_harness.reset();
    m_registry.reset();
}

bool LocalImageFixture::isValid() const
{
    return m_dir && m_dir->isValid();
}

QString LocalImageFixture::path(const QString &name) const
{
    return QFileInfo(name).isAbsolute() ? name : m_dir->filePath(name);
}

bool LocalImageFixture::write(const QString &name, const QByteArray &bytes)
{
    QFile file(path(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        m_error = QString(file.fileName() + u": " + file.errorString());
        return false;
    }
    return true;
}

bool LocalImageFixture::writeLegacySave(const QString &name, const QString &repoTag,
                                        int mebibytes, quint32 seed)
{
    QList<QByteArray> layers{tartest::Writer().file("etc/hello", "hello\n").finish()};
    if (mebibytes > 0)
        layers << pushtest::randomLayer((mebibytes + 1) / 2, 2 * 1024 * 1024, seed);
    return write(name, pushtest::legacyDockerSave(layers, repoTag).tar);
}

oci::Result<std::shared_ptr<const image::LocalImageSource>>
LocalImageFixture::open(const QString &name) const
{
    return image::LocalImageSource::open(path(name));
}

std::unique_ptr<image::LayerCache> LocalImageFixture::newLayerCache()
{
    image::LayerCacheOptions options;
    options.directory = path(QString(u"layer-cache-" + QString::number(++m_caches)));
    QDir().mkpath(options.directory);
    return std::make_unique<image::LayerCache>(options);
}

bool LocalImageFixture::startRegistry(RegistryProcess::Auth auth)
{
    m_throttled.reset();
    m_proxy.reset();
    m_harness.reset();
    if (!isValid()) {
        m_error = QStringLiteral("no scratch folder");
        return false;
    }
    m_registry = std::make_unique<RegistryProcess>(auth);
    if (!m_registry->start()) {
        m_error = m_registry->errorString();
        return false;
    }
    m_harness = std::make_unique<ClientHarness>(*m_registry);
    return true;
}

oci::RegistryClient *LocalImageFixture::client() const
{
    return m_harness ? m_harness->client() : nullptr;
}

oci::RegistryClient *LocalImageFixture::throttledClient(qint64 bytesPerSecond)
{
    if (!m_registry)
        return nullptr;
    if (!m_throttled) {
        m_proxy = std::make_unique<ThrottledProxy>(m_registry->port(), bytesPerSecond);
        if (!m_proxy->listen()) {
            m_error = QStringLiteral("the throttled link could not listen");
            return nullptr;
        }
        oci::RegistryConfig config = m_registry->registryConfig();
        config.host = m_proxy->host();
        m_throttled = std::make_unique<ClientHarness>(*m_registry, std::move(config),
                                                      ClientHarness::Login::TestUser);
    }
    return m_throttled->client();
}

std::unique_ptr<image::PushJob> LocalImageFixture::newPushJob(const QString &name,
                                                              const QString &repository,
                                                              oci::RegistryClient *through)
{
    oci::RegistryClient *client = through ? through : this->client();
    if (!client) {
        m_error = QStringLiteral("no registry: call startRegistry() first");
        return {};
    }
    auto opened = open(name);
    if (!opened.ok()) {
        m_error = opened.error().describe();
        return {};
    }
    std::shared_ptr<const image::LocalImageSource> source = opened.value();
    const oci::Digest root = source->images().constFirst().manifestDigest;
    std::unique_ptr<image::PushPlanner> planner(
        image::PushPlanner::start(client, source, {{root, QStringLiteral("1")}}, repository));
    if (!ClientHarness::wait(planner.get()) || !planner->succeeded()) {
        m_error = QString(u"planning the push of " + name + u": " +
                          planner->error().describe());
        return {};
    }
    return std::make_unique<image::PushJob>(client, planner->plan());
}

bool LocalImageFixture::waitUntilSending(const image::PushJob *job, int timeoutMs)
{
    return testsupport::waitFor(job, &image::PushJob::progress, [job] {
        return job->phase() == image::PushJob::Phase::Sending && job->bytesDone() > 0;
    }, timeoutMs);
}
