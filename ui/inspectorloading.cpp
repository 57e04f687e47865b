// InspectorWidget, the loading side: what a location names is fetched through the
// ContentFetcher (cached by digest), then handed to InspectorContent; failures become
// sentences that say what failed, why and what to do.

#include "inspectorwidget.h"

#include "errortext.h"
#include "inspectorcontent.h"

#include "image/reader/layercache.h"
#include "image/source/localimagesource.h"
#include "oci/cache/contentcache.h"
#include "oci/core/reference.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <QApplication>
#include <QFileInfo>
#include <QStackedWidget>

namespace {

// Config blobs the inspector reads as an image config; others are only shown.
bool isJsonType(const QString &mediaType)
{
    const QString type = oci::stripParameters(mediaType);
    return type.endsWith(u"json") && type != oci::MediaType::OciEmpty;
}

} // namespace

void InspectorWidget::setLayerCache(image::LayerCache *cache)
{
    m_layerCache = cache;
}

image::LayerCache *InspectorWidget::layerCache()
{
    if (!m_layerCache)
        m_layerCache = new image::LayerCache(image::LayerCacheOptions(), this);
    return m_layerCache;
}

void InspectorWidget::cancelJobs()
{
    for (QPointer<oci::ContentJob> *job : {&m_job, &m_configJob}) {
        if (oci::ContentJob *running = job->data()) {
            *job = nullptr;
            if (m_loadingJob == running)
                m_loadingJob = nullptr;
            running->cancel();
            running->deleteLater();
        }
    }
}

void InspectorWidget::watchJob(oci::ContentJob *job)
{
    m_job = job;
    // Jobs belong to the fetcher, and it to its client: when a registry is removed while
    // loading, the job goes without finishing. Say so rather than load forever.
    connect(job, &QObject::destroyed, this, [this, job] {
        if (m_state == State::Loading && m_job.isNull() && m_loadingJob == job)
            showFailure(tr("%1 cannot be loaded: its registry was removed from Lading.")
                            .arg(referenceText()));
    });
    m_loadingJob = job;
}

void InspectorWidget::load()
{
    cancelJobs();
    if (m_history.isEmpty())
        return;
    const InspectorLocation &location = m_history.current();
    m_digest = location.reference.hasDigest() ? location.reference.digest().toString() : QString();
    m_mediaType = location.descriptor.isNull() ? QString() : location.descriptor.mediaType();
    m_bytes.clear();
    m_platform = location.descriptor.platform() && !location.descriptor.platform()->isNull() &&
                         !location.descriptor.isAttestation()
                     ? location.descriptor.platform()->toString()
                     : QString();
    m_staleReason = location.staleReason;
    // Pages are about to be swapped: keep the keyboard in the inspector (Alt+Left twice).
    QWidget *focus = QApplication::focusWidget();
    m_keepFocus = m_keepFocus || (focus && isAncestorOf(focus));
    m_pages->setCurrentIndex(1);
    updateHeader();
    Q_EMIT navigationChanged();

    oci::ContentFetcher *fetcher = location.fetcher.data();
    const QString repository = location.reference.repository();
    if (location.kind == InspectorLocation::Kind::Layer) {
        m_content->showLayer(location);
        showContent();
        return;
    }
    if (location.local) {
        loadLocal(location);
        return;
    }
    if (!fetcher) {
        showFailure(
            tr("%1 cannot be loaded: its registry was removed from Lading.").arg(referenceText()));
        return;
    }
    if (location.kind == InspectorLocation::Kind::Config) {
        showLoading(tr("Loading the config %1…").arg(location.reference.digest().shortString()));
        oci::ContentJob *job =
            fetcher->blob(repository, location.reference.digest(),
                          location.descriptor.isNull() ? -1 : location.descriptor.size());
        watchJob(job);
        connect(job, &oci::Job::finished, this, [this, job] { onConfigLoaded(job); });
        return;
    }
    showLoading(tr("Loading %1…").arg(referenceText()));
    Q_EMIT statusMessage(tr("Loading %1…").arg(referenceText()));
    oci::ContentJob *job = fetcher->manifest(repository, location.reference.identifier());
    watchJob(job);
    connect(job, &oci::Job::finished, this, [this, job] { onManifestLoaded(job); });
}

QString InspectorWidget::describeError(const QString &what, const oci::Error &error) const
{
    // What failed, why (ErrorText, shared with the tree), and what to do here: the
    // inspector has its own Retry button.
    QString todo;
    switch (error.code()) {
    case oci::Error::Code::NotFound:
        todo = tr("The tag or digest may have been deleted, or the name is misspelled.");
        break;
    case oci::Error::Code::Unauthorized:
        todo = tr("Sign in to the registry (“Sign In…” in its context menu), then choose Retry.");
        break;
    case oci::Error::Code::Denied:
        todo = tr("Ask the registry's administrator for access, or sign in as another user.");
        break;
    case oci::Error::Code::DigestMismatch:
    case oci::Error::Code::MalformedDocument:
    case oci::Error::Code::MediaTypeMismatch:
    case oci::Error::Code::SizeLimitExceeded:
        todo = tr("Tell the registry's administrator; retrying will not help.");
        break;
    default:
        todo = tr("Choose Retry to try again.");
        break;
    }
    QStringList sentences{tr("Could not load %1.").arg(what), ErrorText::summary(error, false),
                          todo};
    sentences.removeAll(QString());
    return sentences.join(u' ');
}

void InspectorWidget::onManifestLoaded(oci::ContentJob *job)
{
    if (m_job != job)
        return;
    m_job = nullptr;
    m_loadingJob = nullptr;
    job->deleteLater();
    InspectorLocation &location = m_history.current();
    if (!job->succeeded()) {
        const QString text = describeError(referenceText(), job->error());
        showFailure(text);
        Q_EMIT statusMessage(text);
        return;
    }
    const std::shared_ptr<const oci::ManifestDocument> document = job->document();
    if (!document) {
        showFailure(tr("%1 came back without a document.").arg(referenceText()));
        return;
    }
    // Back and forward show this same content again, whatever the tag points to later.
    location.reference = location.reference.withDigest(job->digest());
    if (job->isStale())
        location.staleReason = ErrorText::summary(job->networkError(), false);
    m_staleReason = location.staleReason;
    presentManifest(document, job->digest(), job->mediaType());

    const oci::Descriptor *config = nullptr;
    if (document->isImageManifest())
        config = &document->manifest().config;
    if (config && (m_content->isImage() || (isJsonType(config->mediaType()) &&
                                            config->size() <= oci::ContentCache::MaxItemBytes))) {
        oci::ContentJob *configJob =
            location.fetcher->blob(location.reference.repository(), config->digest(), config->size());
        m_configJob = configJob;
        const bool image = m_content->isImage();
        connect(configJob, &oci::Job::finished, this, [this, configJob, image] {
            if (image)
                onImageConfigLoaded(configJob);
            else
                onArtifactConfigLoaded(configJob);
        });
    }
    showContent();
}

void InspectorWidget::presentManifest(std::shared_ptr<const oci::ManifestDocument> document,
                                      const oci::Digest &digest, const QString &mediaType)
{
    const InspectorLocation &location = m_history.current();
    m_digest = digest.toString();
    m_mediaType = document->mediaType().isEmpty() ? mediaType : document->mediaType();
    m_bytes = document->bytes();
    m_content->setFilesSource(
        location.local ? LayerOrigin::localImage(location.local)
                       : LayerOrigin::registry(location.fetcher ? location.fetcher->client() : nullptr,
                                               location.reference.repository()),
        layerCache());
    m_content->showManifest(std::move(document));
}

void InspectorWidget::onImageConfigLoaded(oci::ContentJob *job)
{
    if (m_configJob != job)
        return;
    m_configJob = nullptr;
    job->deleteLater();
    if (!job->succeeded()) {
        const oci::Digest config = m_content->document()->manifest().config.digest();
        m_content->setImageConfigProblem(
            describeError(tr("the config %1").arg(config.shortString()), job->error()));
        return;
    }
    applyImageConfig(job->bytes());
}

void InspectorWidget::applyImageConfig(const QByteArray &bytes)
{
    oci::Result<oci::ImageConfig> parsed = oci::ImageConfig::parse(bytes);
    if (!parsed.ok()) {
        m_content->setImageConfigProblem(
            tr("The config could not be read: %1").arg(parsed.error().message()), bytes);
        return;
    }
    const auto config = std::make_shared<const oci::ImageConfig>(std::move(parsed).value());
    m_platform = m_platform.isEmpty() ? config->platform.toString() : m_platform;
    m_content->setImageConfig(config, bytes);
    updateHeader();
}

void InspectorWidget::onArtifactConfigLoaded(oci::ContentJob *job)
{
    if (m_configJob != job)
        return;
    m_configJob = nullptr;
    job->deleteLater();
    if (job->succeeded())
        m_content->setArtifactConfig(job->bytes());
}

void InspectorWidget::onConfigLoaded(oci::ContentJob *job)
{
    if (m_job != job)
        return;
    m_job = nullptr;
    m_loadingJob = nullptr;
    job->deleteLater();
    const InspectorLocation &location = m_history.current();
    if (!job->succeeded()) {
        const QString text = describeError(
            tr("the config %1 of %2")
                .arg(location.reference.digest().shortString(), location.reference.name()),
            job->error());
        showFailure(text);
        Q_EMIT statusMessage(text);
        return;
    }
    presentConfig(job->bytes(), job->digest());
}

void InspectorWidget::presentConfig(const QByteArray &bytes, const oci::Digest &digest)
{
    const InspectorLocation &location = m_history.current();
    m_bytes = bytes;
    m_digest = digest.toString();
    if (m_mediaType.isEmpty())
        m_mediaType = QString(oci::MediaType::OciConfig);
    oci::Result<oci::ImageConfig> parsed = oci::ImageConfig::parse(bytes);
    std::shared_ptr<const oci::ImageConfig> config;
    QString problem;
    if (parsed.ok()) {
        config = std::make_shared<const oci::ImageConfig>(std::move(parsed).value());
        m_platform = config->platform.toString();
    } else {
        problem =
            tr("This blob is not an image config Lading can read (%1); its JSON is shown as sent.")
                .arg(parsed.error().message());
    }
    m_content->showConfig(config, bytes, location.image, problem);
    showContent();
}

void InspectorWidget::loadLocal(const InspectorLocation &location)
{
    // Everything but layer contents was read and verified when the image was opened:
    // shown at once, no job.
    const image::LocalImageSource &source = *location.local;
    const oci::Digest digest = location.reference.digest();
    if (location.kind == InspectorLocation::Kind::Config) {
        for (const image::LocalImage &image : source.images()) {
            if (image.manifest.isImageManifest() && image.manifest.manifest().config.digest() == digest) {
                presentConfig(image.config, digest);
                return;
            }
        }
    } else {
        for (const image::LocalImage &image : source.images()) {
            if (image.manifestDigest != digest)
                continue;
            presentManifest(std::make_shared<const oci::ManifestDocument>(image.manifest), digest, {});
            if (image.manifest.isImageManifest() && m_content->isImage())
                applyImageConfig(image.config);
            else if (image.manifest.isImageManifest() && isJsonType(image.manifest.manifest().config.mediaType()))
                m_content->setArtifactConfig(image.config);
            showContent();
            return;
        }
        for (const image::LocalIndex &index : source.indexes()) {
            if (index.digest != digest)
                continue;
            presentManifest(std::make_shared<const oci::ManifestDocument>(index.document), digest, {});
            showContent();
            return;
        }
    }
    const bool missingManifest = std::any_of(
        source.indexes().cbegin(), source.indexes().cend(),
        [&digest](const image::LocalIndex &index) { return index.missingManifests.contains(digest); });
    showFailure(missingManifest
                    ? tr("%1 does not hold %2: the archive was exported with some platforms only.")
                          .arg(localFileName(), digest.toString())
                    : tr("%1 does not hold %2.").arg(localFileName(), digest.toString()));
}
