#include "inspectorwidget.h"

#include "errortext.h"
#include "inspectorcontent.h"
#include "inspectorjsonview.h"
#include "inspectormediatypes.h"

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
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QLineEdit *makeReadOnlyField(QWidget *parent, const QString &objectName)
{
    auto *field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setReadOnly(true);
    field->setFrame(false);
    field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return field;
}

// Config blobs the inspector reads as an image config; others are only shown.
bool isJsonType(const QString &mediaType)
{
    const QString type = oci::stripParameters(mediaType);
    return type.endsWith(u"json") && type != oci::MediaType::OciEmpty;
}

} // namespace

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

    // Header: back/forward, title and what it is, copy menu.
    m_backAction = new QAction(tr("Back"), this);
    m_backAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_backAction->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_Back)});
    m_backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_backAction->setToolTip(tr("Back (Alt+Left)"));
    connect(m_backAction, &QAction::triggered, this, &InspectorWidget::goBack);
    m_forwardAction = new QAction(tr("Forward"), this);
    m_forwardAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_forwardAction->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence(Qt::Key_Forward)});
    m_forwardAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_forwardAction->setToolTip(tr("Forward (Alt+Right)"));
    connect(m_forwardAction, &QAction::triggered, this, &InspectorWidget::goForward);
    addAction(m_backAction);
    addAction(m_forwardAction);

    m_backButton = new QToolButton(main);
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_backButton->setDefaultAction(m_backAction);
    m_backButton->setAutoRaise(true);
    m_forwardButton = new QToolButton(main);
    m_forwardButton->setObjectName(QStringLiteral("forwardButton"));
    m_forwardButton->setDefaultAction(m_forwardAction);
    m_forwardButton->setAutoRaise(true);

    m_title = new QLabel(main);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(main);
    m_subtitle->setObjectName(QStringLiteral("inspectorSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setWordWrap(true);

    auto *copyMenu = new QMenu(this);
    m_copyPinned = copyMenu->addAction(tr("Reference with Digest"));
    m_copyPinned->setObjectName(QStringLiteral("copyPinnedAction"));
    m_copyDocker = copyMenu->addAction(tr("docker pull Command"));
    m_copyDocker->setObjectName(QStringLiteral("copyDockerAction"));
    m_copyPodman = copyMenu->addAction(tr("podman pull Command"));
    m_copyPodman->setObjectName(QStringLiteral("copyPodmanAction"));
    copyMenu->addSeparator();
    m_copyDigest = copyMenu->addAction(tr("Digest"));
    m_copyDigest->setObjectName(QStringLiteral("copyDigestAction"));
    connect(m_copyPinned, &QAction::triggered, this, [this] {
        copy(pinnedReference(), tr("Copied the reference with its digest to the clipboard."));
    });
    connect(m_copyDocker, &QAction::triggered, this, [this] {
        copy(pullCommand(PullTool::Docker), tr("Copied the docker pull command to the clipboard."));
    });
    connect(m_copyPodman, &QAction::triggered, this, [this] {
        copy(pullCommand(PullTool::Podman), tr("Copied the podman pull command to the clipboard."));
    });
    connect(m_copyDigest, &QAction::triggered, this,
            [this] { copy(digest(), tr("Copied the digest to the clipboard.")); });
    m_copyButton = new QToolButton(main);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy the reference with its digest, a pull command or the digest"));
    m_copyButton->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyButton->setPopupMode(QToolButton::InstantPopup);
    m_copyButton->setMenu(copyMenu);

    auto *titleColumn = new QVBoxLayout;
    titleColumn->setSpacing(1);
    titleColumn->addWidget(m_title);
    titleColumn->addWidget(m_subtitle);
    auto *headerRow = new QHBoxLayout;
    headerRow->setSpacing(4);
    headerRow->addWidget(m_backButton, 0, Qt::AlignTop);
    headerRow->addWidget(m_forwardButton, 0, Qt::AlignTop);
    headerRow->addSpacing(6);
    headerRow->addLayout(titleColumn, 1);
    headerRow->addWidget(m_copyButton, 0, Qt::AlignTop);

    m_reference = makeReadOnlyField(main, QStringLiteral("referenceField"));
    m_digestField = makeReadOnlyField(main, QStringLiteral("digestField"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setVerticalSpacing(2);
    form->addRow(tr("Reference:"), m_reference);
    form->addRow(tr("Digest:"), m_digestField);

    // Offline: the tag's digest came from the cache.
    m_staleBanner = new QFrame(main);
    m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
    m_staleBanner->setFrameShape(QFrame::StyledPanel);
    m_staleBanner->setAutoFillBackground(true);
    m_staleIcon = new QLabel(m_staleBanner);
    m_staleText = new QLabel(m_staleBanner);
    m_staleText->setObjectName(QStringLiteral("staleText"));
    m_staleText->setWordWrap(true);
    m_staleText->setTextFormat(Qt::PlainText);
    auto *staleLayout = new QHBoxLayout(m_staleBanner);
    staleLayout->setContentsMargins(8, 6, 8, 6);
    staleLayout->addWidget(m_staleIcon, 0, Qt::AlignTop);
    staleLayout->addWidget(m_staleText, 1);
    m_staleBanner->hide();

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
    mainLayout->addLayout(headerRow);
    mainLayout->addLayout(form);
    mainLayout->addWidget(m_staleBanner);
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
            m_ownCache = new oci::ContentCache(oci::ContentCacheOptions{{}, 32 * 1024 * 1024, 0, 2000}, this);
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
        if (current.kind == location.kind && current.fetcher == fetcher
            && current.reference.name() == reference.name()
            && (reference.hasDigest() ? current.reference.digest() == reference.digest()
                                      : current.reference.tag() == reference.tag())) {
            rememberTab();
            m_history.current() = location;
            load();
            return;
        }
    }
    navigateTo(location);
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
    const QString target = location.descriptor.isNull() ? digest : location.descriptor.digest().toString();
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

InspectorLocation::Kind InspectorWidget::kind() const
{
    return m_history.isEmpty() ? InspectorLocation::Kind::Manifest : m_history.current().kind;
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
    m_platform = location.descriptor.platform() && !location.descriptor.platform()->isNull()
                     && !location.descriptor.isAttestation()
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
    if (!fetcher) {
        showFailure(tr("%1 cannot be loaded: its registry was removed from Lading.")
                        .arg(referenceText()));
        return;
    }
    if (location.kind == InspectorLocation::Kind::Config) {
        showLoading(tr("Loading the config %1…").arg(location.reference.digest().shortString()));
        oci::ContentJob *job = fetcher->blob(repository, location.reference.digest(),
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
    QStringList sentences{tr("Could not load %1.").arg(what), ErrorText::summary(error, false), todo};
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
    m_digest = job->digest().toString();
    m_mediaType = document->mediaType().isEmpty() ? job->mediaType() : document->mediaType();
    m_bytes = document->bytes();
    m_staleReason = location.staleReason;
    m_content->showManifest(document);

    if (m_content->isImage()) {
        const oci::Descriptor &config = document->manifest().config;
        oci::ContentJob *configJob = location.fetcher->blob(location.reference.repository(),
                                                            config.digest(), config.size());
        m_configJob = configJob;
        connect(configJob, &oci::Job::finished, this, [this, configJob] { onImageConfigLoaded(configJob); });
    } else if (document->isImageManifest() && isJsonType(document->manifest().config.mediaType())
               && document->manifest().config.size() <= oci::ContentCache::MaxItemBytes) {
        const oci::Descriptor &config = document->manifest().config;
        oci::ContentJob *configJob = location.fetcher->blob(location.reference.repository(),
                                                            config.digest(), config.size());
        m_configJob = configJob;
        connect(configJob, &oci::Job::finished, this,
                [this, configJob] { onArtifactConfigLoaded(configJob); });
    }
    showContent();
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
    oci::Result<oci::ImageConfig> parsed = oci::ImageConfig::parse(job->bytes());
    if (!parsed.ok()) {
        m_content->setImageConfigProblem(
            tr("The config could not be read: %1").arg(parsed.error().message()), job->bytes());
        return;
    }
    const auto config = std::make_shared<const oci::ImageConfig>(std::move(parsed).value());
    m_platform = m_platform.isEmpty() ? config->platform.toString() : m_platform;
    m_content->setImageConfig(config, job->bytes());
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
        const QString text = describeError(tr("the config %1 of %2")
                                               .arg(location.reference.digest().shortString(),
                                                    location.reference.name()),
                                           job->error());
        showFailure(text);
        Q_EMIT statusMessage(text);
        return;
    }
    m_bytes = job->bytes();
    m_digest = job->digest().toString();
    if (m_mediaType.isEmpty())
        m_mediaType = QString(oci::MediaType::OciConfig);
    oci::Result<oci::ImageConfig> parsed = oci::ImageConfig::parse(job->bytes());
    std::shared_ptr<const oci::ImageConfig> config;
    QString problem;
    if (parsed.ok()) {
        config = std::make_shared<const oci::ImageConfig>(std::move(parsed).value());
        m_platform = config->platform.toString();
    } else {
        problem = tr("This blob is not an image config Lading can read (%1); its JSON is shown as sent.")
                      .arg(parsed.error().message());
    }
    m_content->showConfig(config, job->bytes(), location.image, problem);
    showContent();
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
    Q_EMIT statusMessage(m_staleReason.isEmpty()
                             ? tr("Showing %1.").arg(referenceText())
                             : tr("Showing %1 from the cache; it may be out of date.").arg(referenceText()));
    Q_EMIT contentShown(referenceText());
}

QString InspectorWidget::referenceText() const
{
    if (m_history.isEmpty())
        return {};
    const oci::Reference &reference = m_history.current().reference;
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
    const QString shortDigest = reference.hasDigest() ? reference.digest().shortString() : QString();
    switch (location.kind) {
    case InspectorLocation::Kind::Manifest:
        if (reference.hasTag())
            return reference.repository() + u':' + reference.tag();
        return reference.repository() + u'@' + shortDigest;
    case InspectorLocation::Kind::Config:
        return tr("Config %1").arg(shortDigest);
    case InspectorLocation::Kind::Layer:
        if (location.image && location.image->isImageManifest() && location.layerIndex >= 0)
            return tr("Layer %1 of %2").arg(location.layerIndex + 1).arg(location.image->manifest().layers.size());
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
        if (m_state == State::Shown && location.kind == InspectorLocation::Kind::Manifest
            && m_content->document() && m_content->document()->isImageManifest() && !m_content->isImage())
            kind = tr("Artifact (%1)").arg(m_content->document()->manifest().effectiveArtifactType());
        parts << kind;
    }
    if (!m_platform.isEmpty())
        parts << m_platform;
    const qint64 size = !m_bytes.isEmpty() ? m_bytes.size()
                        : location.descriptor.isNull() ? -1 : location.descriptor.size();
    if (m_state == State::Shown && location.kind == InspectorLocation::Kind::Manifest
        && m_content->isImage()) {
        // What the tag table shows too: config and layers as stored.
        const oci::ImageManifest &manifest = m_content->document()->manifest();
        parts << tr("%1 compressed").arg(QLocale().formattedDataSize(manifest.config.size() + manifest.layersSize(), 1));
    } else if (size >= 0) {
        parts << QLocale().formattedDataSize(size, 1);
    }
    if (location.kind != InspectorLocation::Kind::Manifest)
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
    m_title->setText(titleText());
    m_subtitle->setText(subtitleText());
    m_reference->setText(referenceText());
    m_reference->setCursorPosition(0);
    m_digestField->setText(m_digest);
    m_digestField->setCursorPosition(0);
    m_digestField->setPlaceholderText(m_state == State::Loading ? tr("loading…") : QString());
}

void InspectorWidget::updateActions()
{
    m_backAction->setEnabled(m_history.canGoBack());
    m_forwardAction->setEnabled(m_history.canGoForward());
    const bool known = m_state == State::Shown && !m_digest.isEmpty();
    const bool pullable = known && kind() == InspectorLocation::Kind::Manifest;
    m_copyPinned->setEnabled(known);
    m_copyDigest->setEnabled(known);
    m_copyDocker->setEnabled(pullable);
    m_copyPodman->setEnabled(pullable);
    m_copyButton->setEnabled(known);
}

void InspectorWidget::updateStaleBanner()
{
    const bool stale = m_state == State::Shown && !m_history.isEmpty() && !m_staleReason.isEmpty();
    if (stale) {
        const oci::Reference &reference = m_history.current().reference;
        m_staleText->setText(
            tr("Shown from Lading's cache, and it may be stale: %1 could not be reached (%2) The tag "
               "“%3” pointed to this digest when Lading last asked; it may point elsewhere now.")
                .arg(reference.registry(), m_staleReason, reference.tag()));
        const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
        m_staleIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize));
        QPalette banner = palette();
        const bool dark = palette().color(QPalette::Window).lightness() < 128;
        banner.setColor(QPalette::Window, dark ? QColor(0x4a, 0x3b, 0x12) : QColor(0xff, 0xf4, 0xce));
        banner.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xec, 0xb3) : QColor(0x5c, 0x45, 0x00));
        m_staleBanner->setPalette(banner);
    }
    m_staleBanner->setVisible(stale);
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
    if (m_history.isEmpty() || m_digest.isEmpty())
        return {};
    return m_history.current().reference.name() + u'@' + m_digest;
}

QString InspectorWidget::pullCommand(PullTool tool) const
{
    if (kind() != InspectorLocation::Kind::Manifest || pinnedReference().isEmpty())
        return {};
    return (tool == PullTool::Docker ? QStringLiteral("docker pull ") : QStringLiteral("podman pull "))
           + pinnedReference();
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

void InspectorWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateStaleBanner();
}
