#include "inspectorwidget.h"

#include "errortext.h"
#include "inspectorcells.h"
#include "inspectorcontent.h"
#include "inspectorheader.h"
#include "inspectorjsonview.h"
#include "inspectormediatypes.h"

#include "image/source/localimagesource.h"
#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

InspectorWidget::InspectorWidget(QWidget *parent) : QWidget(parent)
{
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("inspectorHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setMargin(24);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *main = new QWidget(this);

    m_header = new InspectorHeader(main);
    m_header->setObjectName(QStringLiteral("inspectorHeader"));
    // Shortcuts work wherever the keyboard is in the inspector.
    addAction(m_header->backAction());
    addAction(m_header->forwardAction());
    connect(m_header->backAction(), &QAction::triggered, this, &InspectorWidget::goBack);
    connect(m_header->forwardAction(), &QAction::triggered, this, &InspectorWidget::goForward);
    connect(m_header->copyPinnedAction(), &QAction::triggered, this, [this] {
        copy(pinnedReference(), tr("Copied the reference with its digest to the clipboard."));
    });
    connect(m_header->copyDockerAction(), &QAction::triggered, this, [this] {
        copy(pullCommand(PullTool::Docker), tr("Copied the docker pull command to the clipboard."));
    });
    connect(m_header->copyPodmanAction(), &QAction::triggered, this, [this] {
        copy(pullCommand(PullTool::Podman), tr("Copied the podman pull command to the clipboard."));
    });
    connect(m_header->copyDigestAction(), &QAction::triggered, this,
            [this] { copy(digest(), tr("Copied the digest to the clipboard.")); });

    // Body: loading / failure, or the tabs.
    m_statusPage = new QWidget(main);
    m_statusText = new QLabel(m_statusPage);
    m_statusText->setObjectName(QStringLiteral("inspectorStatus"));
    m_statusText->setWordWrap(true);
    m_statusText->setAlignment(Qt::AlignCenter);
    m_statusText->setTextFormat(Qt::PlainText);
    m_statusText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy = new QProgressBar(m_statusPage);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(220);
    m_retry = new QPushButton(tr("Retry"), m_statusPage);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    connect(m_retry, &QPushButton::clicked, this, &InspectorWidget::load);
    auto *statusLayout = new QVBoxLayout(m_statusPage);
    statusLayout->setContentsMargins(24, 24, 24, 24);
    statusLayout->addStretch(1);
    statusLayout->addWidget(m_statusText);
    statusLayout->addSpacing(8);
    statusLayout->addWidget(m_busy, 0, Qt::AlignHCenter);
    statusLayout->addWidget(m_retry, 0, Qt::AlignHCenter);
    statusLayout->addStretch(2);

    m_content = new InspectorContent(main);
    m_content->setObjectName(QStringLiteral("inspectorContent"));
    connect(m_content, &InspectorContent::openRequested, this, &InspectorWidget::openLinked);
    connect(m_content, &InspectorContent::cannotOpen, this, &InspectorWidget::statusMessage);
    connect(m_content, &InspectorContent::statusMessage, this, &InspectorWidget::statusMessage);

    m_body = new QStackedWidget(main);
    m_body->addWidget(m_statusPage);
    m_body->addWidget(m_content);

    auto *mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->setSpacing(6);
    mainLayout->addWidget(m_header);
    mainLayout->addWidget(m_body, 1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_hint);
    m_pages->addWidget(main);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(m_pages);

    updateStaleBanner();
    clear();
}

InspectorWidget::~InspectorWidget()
{
    cancelJobs();
    // Our fetchers hold our cache: they go first (their clients may live on).
    for (const QPointer<oci::ContentFetcher> &fetcher : std::as_const(m_ownFetchers))
        delete fetcher.data();
}

void InspectorWidget::setContentCache(oci::ContentCache *cache)
{
    m_externalCache = cache;
}

oci::ContentFetcher *InspectorWidget::fetcherFor(oci::RegistryClient *client)
{
    m_ownFetchers.removeAll(QPointer<oci::ContentFetcher>());
    oci::ContentCache *cache = m_externalCache.data();
    if (!cache) {
        if (!m_ownCache)
            m_ownCache = new oci::ContentCache(
                oci::ContentCacheOptions{{}, 32 * 1024 * 1024, 0, 2000}, this);
        cache = m_ownCache;
    }
    for (const QPointer<oci::ContentFetcher> &fetcher : std::as_const(m_ownFetchers)) {
        if (fetcher->client() == client && fetcher->cache() == cache)
            return fetcher;
    }
    // A child of the client: it goes before the client's own jobs do (made later).
    auto *fetcher = new oci::ContentFetcher(client, cache, client);
    m_ownFetchers.append(fetcher);
    return fetcher;
}

void InspectorWidget::showReference(oci::RegistryClient *client, const oci::Reference &reference)
{
    if (!client) {
        showMessage(tr("%1 cannot be loaded: its registry is gone.").arg(reference.toString()),
                    MessageKind::Problem);
        return;
    }
    showReference(fetcherFor(client), reference);
}

void InspectorWidget::showReference(oci::ContentFetcher *fetcher, const oci::Reference &reference)
{
    InspectorLocation location;
    location.kind = InspectorLocation::Kind::Manifest;
    location.fetcher = fetcher;
    location.reference = reference;
    // Choosing the same tag again reloads it rather than stacking a copy.
    if (!m_history.isEmpty() && m_state != State::Message) {
        const InspectorLocation &current = m_history.current();
        if (current.kind == location.kind && current.fetcher == fetcher &&
            current.reference.name() == reference.name() &&
            (reference.hasDigest() ? current.reference.digest() == reference.digest()
                                   : current.reference.tag() == reference.tag())) {
            rememberTab();
            m_history.current() = location;
            load();
            return;
        }
    }
    navigateTo(location);
}

void InspectorWidget::showLocalImage(std::shared_ptr<const image::LocalImageSource> source,
                                     const oci::Digest &digest, const QString &name)
{
    InspectorLocation location;
    location.kind = InspectorLocation::Kind::Manifest;
    location.local = std::move(source);
    location.localName = name;
    location.reference = oci::Reference().withDigest(digest);
    navigateTo(std::move(location));
}

QString InspectorWidget::localFileName() const
{
    if (m_history.isEmpty() || !m_history.current().local)
        return {};
    return QFileInfo(m_history.current().local->path()).fileName();
}

void InspectorWidget::navigateTo(InspectorLocation location)
{
    rememberTab();
    m_history.push(std::move(location));
    load();
}

void InspectorWidget::openLinked(InspectorLocation location, const QString &digest)
{
    if (m_history.isEmpty())
        return;
    const InspectorLocation &current = m_history.current();
    // The descriptor's digest, not the one clicked: a diff ID stands for its layer.
    const QString target =
        location.descriptor.isNull() ? digest : location.descriptor.digest().toString();
    if (current.local) {
        const oci::Result<oci::Digest> parsed = oci::Digest::parse(target);
        if (!parsed.ok()) {
            Q_EMIT statusMessage(tr("%1 is not a digest Lading can open.").arg(digest));
            return;
        }
        location.local = current.local;
        location.reference = oci::Reference().withDigest(parsed.value());
        navigateTo(std::move(location));
        return;
    }
    const oci::Result<oci::Reference> reference =
        oci::Reference::parse(QString(current.reference.name() + u'@' + target));
    if (!reference.ok()) {
        Q_EMIT statusMessage(tr("%1 is not a digest Lading can open.").arg(digest));
        return;
    }
    location.fetcher = current.fetcher;
    location.reference = reference.value();
    navigateTo(std::move(location));
}

void InspectorWidget::openDigest(const QString &digest)
{
    if (m_state != State::Shown)
        return;
    QString why;
    std::optional<InspectorLocation> location = m_content->locationFor(digest, &why);
    if (!location) {
        Q_EMIT statusMessage(why);
        return;
    }
    openLinked(*location, digest);
}

void InspectorWidget::rememberTab()
{
    if (!m_history.isEmpty() && m_state == State::Shown)
        m_history.current().tab = m_content->currentTab();
}

void InspectorWidget::showMessage(const QString &text, MessageKind kind)
{
    cancelJobs();
    rememberTab();
    m_state = State::Message;
    m_hint->setText(text);
    m_hint->setForegroundRole(kind == MessageKind::Problem ? QPalette::WindowText
                                                           : QPalette::PlaceholderText);
    m_pages->setCurrentWidget(m_hint);
    updateActions();
}

void InspectorWidget::clear()
{
    m_history.clear();
    showMessage(tr("Select a tag to inspect its manifest."));
    Q_EMIT navigationChanged();
}

bool InspectorWidget::canGoBack() const
{
    return m_history.canGoBack();
}

bool InspectorWidget::canGoForward() const
{
    return m_history.canGoForward();
}

void InspectorWidget::goBack()
{
    rememberTab();
    if (m_history.back())
        load();
}

void InspectorWidget::goForward()
{
    rememberTab();
    if (m_history.forward())
        load();
}

InspectorLocation::Kind InspectorWidget::kind() const
{
    return m_history.isEmpty() ? InspectorLocation::Kind::Manifest : m_history.current().kind;
}

void InspectorWidget::showLoading(const QString &text)
{
    m_state = State::Loading;
    m_statusText->setText(text);
    m_statusText->setForegroundRole(QPalette::PlaceholderText);
    m_busy->show();
    m_retry->hide();
    m_body->setCurrentWidget(m_statusPage);
    updateActions();
    updateStaleBanner();
}

void InspectorWidget::showFailure(const QString &text)
{
    m_state = State::Failed;
    m_statusText->setText(text);
    m_statusText->setForegroundRole(QPalette::WindowText);
    m_busy->hide();
    m_retry->show();
    m_body->setCurrentWidget(m_statusPage);
    if (std::exchange(m_keepFocus, false))
        m_retry->setFocus(Qt::OtherFocusReason);
    updateHeader();
    updateActions();
    updateStaleBanner();
}

void InspectorWidget::showContent()
{
    m_state = State::Shown;
    const InspectorLocation &location = m_history.current();
    int tab = location.tab;
    if (tab < 0) {
        if (location.preferJson && m_content->hasTab(InspectorContent::Document))
            tab = InspectorContent::Document;
        else if (m_content->hasTab(InspectorContent::Platforms))
            tab = InspectorContent::Platforms;
        else
            tab = InspectorContent::Overview;
    }
    m_content->setCurrentTab(tab);
    m_body->setCurrentWidget(m_content);
    if (std::exchange(m_keepFocus, false) && m_content->currentWidget())
        m_content->currentWidget()->setFocus(Qt::OtherFocusReason);
    updateHeader();
    updateActions();
    updateStaleBanner();
    Q_EMIT statusMessage(
        m_staleReason.isEmpty()
            ? tr("Showing %1.").arg(referenceText())
            : tr("Showing %1 from the cache; it may be out of date.").arg(referenceText()));
    Q_EMIT contentShown(referenceText());
}

QString InspectorWidget::referenceText() const
{
    if (m_history.isEmpty())
        return {};
    const oci::Reference &reference = m_history.current().reference;
    if (m_history.current().local) {
        const QString &name = m_history.current().localName;
        return tr("%1 in %2")
            .arg(name.isEmpty() || m_history.current().kind != InspectorLocation::Kind::Manifest
                     ? reference.digest().toString()
                     : name,
                 localFileName());
    }
    if (m_history.current().kind == InspectorLocation::Kind::Manifest && reference.hasTag())
        return reference.name() + u':' + reference.tag();
    if (reference.hasDigest())
        return reference.name() + u'@' + reference.digest().toString();
    return reference.toString();
}

QString InspectorWidget::titleText() const
{
    const InspectorLocation &location = m_history.current();
    const oci::Reference &reference = location.reference;
    const QString shortDigest =
        reference.hasDigest() ? reference.digest().shortString() : QString();
    switch (location.kind) {
    case InspectorLocation::Kind::Manifest:
        if (location.local)
            return location.localName.isEmpty() ? tr("Image %1").arg(shortDigest) : location.localName;
        if (reference.hasTag())
            return reference.repository() + u':' + reference.tag();
        return reference.repository() + u'@' + shortDigest;
    case InspectorLocation::Kind::Config:
        return tr("Config %1").arg(shortDigest);
    case InspectorLocation::Kind::Layer:
        if (location.image && location.image->isImageManifest() && location.layerIndex >= 0)
            return tr("Layer %1 of %2")
                .arg(location.layerIndex + 1)
                .arg(location.image->manifest().layers.size());
        return tr("Layer %1").arg(shortDigest);
    }
    return {};
}

QString InspectorWidget::subtitleText() const
{
    const InspectorLocation &location = m_history.current();
    QStringList parts;
    if (!m_mediaType.isEmpty()) {
        QString kind = MediaTypeNames::nameOrType(m_mediaType);
        if (m_state == State::Shown && location.kind == InspectorLocation::Kind::Manifest &&
            m_content->document() && m_content->document()->isImageManifest() &&
            !m_content->isImage())
            kind =
                tr("Artifact (%1)").arg(m_content->document()->manifest().effectiveArtifactType());
        parts << kind;
    }
    if (!m_platform.isEmpty())
        parts << m_platform;
    const qint64 size = !m_bytes.isEmpty()             ? m_bytes.size()
                        : location.descriptor.isNull() ? -1
                                                       : location.descriptor.size();
    if (m_state == State::Shown && location.kind == InspectorLocation::Kind::Manifest &&
        m_content->isImage()) {
        // What the tag table shows too: config and layers as stored.
        const oci::ImageManifest &manifest = m_content->document()->manifest();
        const QString stored =
            QLocale().formattedDataSize(manifest.config.size() + manifest.layersSize(), 1);
        parts << (InspectorCells::hasUncompressedLayers(manifest) ? tr("%1 uncompressed")
                                                                  : tr("%1 compressed"))
                     .arg(stored);
    } else if (size >= 0) {
        parts << QLocale().formattedDataSize(size, 1);
    }
    if (location.local)
        parts << localFileName();
    else if (location.kind != InspectorLocation::Kind::Manifest)
        parts << location.reference.repository();
    QString text = parts.join(QStringLiteral("  ·  "));
    if (!location.context.isEmpty())
        text += u'\n' + tr("Opened as %1").arg(location.context);
    return text;
}

void InspectorWidget::updateHeader()
{
    if (m_history.isEmpty())
        return;
    m_header->setShown(titleText(), subtitleText(), referenceText(), m_digest,
                       m_state == State::Loading);
}

void InspectorWidget::updateActions()
{
    m_header->backAction()->setEnabled(m_history.canGoBack());
    m_header->forwardAction()->setEnabled(m_history.canGoForward());
    const bool known = m_state == State::Shown && !m_digest.isEmpty();
    // A local image has a digest but no registry to pull it from.
    const bool registry = !m_history.isEmpty() && !m_history.current().local;
    const bool pullable = known && registry && kind() == InspectorLocation::Kind::Manifest;
    m_header->copyPinnedAction()->setEnabled(known && registry);
    m_header->copyDigestAction()->setEnabled(known);
    m_header->copyDockerAction()->setEnabled(pullable);
    m_header->copyPodmanAction()->setEnabled(pullable);
    m_header->copyButton()->setEnabled(known);
}

void InspectorWidget::updateStaleBanner()
{
    QString text;
    if (m_state == State::Shown && !m_history.isEmpty() && !m_staleReason.isEmpty()) {
        const oci::Reference &reference = m_history.current().reference;
        text = tr("Shown from Lading's cache, and it may be stale: %1 could not be reached (%2) "
                  "The tag "
                  "“%3” pointed to this digest when Lading last asked; it may point elsewhere now.")
                   .arg(reference.registry(), m_staleReason, reference.tag());
    }
    m_header->setStaleText(text);
}

bool InspectorWidget::isStale() const
{
    return m_state == State::Shown && !m_staleReason.isEmpty();
}

QString InspectorWidget::digest() const
{
    return m_digest;
}

QString InspectorWidget::mediaType() const
{
    return m_mediaType;
}

QByteArray InspectorWidget::rawBytes() const
{
    return m_state == State::Shown ? m_bytes : QByteArray();
}

QString InspectorWidget::messageText() const
{
    if (m_state == State::Message)
        return m_hint->text();
    if (m_state == State::Loading || m_state == State::Failed)
        return m_statusText->text();
    return {};
}

QString InspectorWidget::pinnedReference() const
{
    if (m_history.isEmpty() || m_digest.isEmpty() || m_history.current().local)
        return {};
    return m_history.current().reference.name() + u'@' + m_digest;
}

QString InspectorWidget::pullCommand(PullTool tool) const
{
    if (kind() != InspectorLocation::Kind::Manifest || pinnedReference().isEmpty())
        return {};
    return (tool == PullTool::Docker ? QStringLiteral("docker pull ")
                                     : QStringLiteral("podman pull ")) +
           pinnedReference();
}

void InspectorWidget::copy(const QString &text, const QString &doneMessage)
{
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(doneMessage);
}

void InspectorWidget::mousePressEvent(QMouseEvent *event)
{
    // The mouse's back and forward buttons, as in a web browser.
    if (event->button() == Qt::BackButton) {
        goBack();
        return;
    }
    if (event->button() == Qt::ForwardButton) {
        goForward();
        return;
    }
    QWidget::mousePressEvent(event);
}
