#pragma once

#include "inspectorlocation.h"

#include <QByteArray>
#include <QPointer>
#include <QWidget>

class InspectorContent;
class InspectorHeader;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace image {
class LayerCache;
class LocalImageSource;
} // namespace image
namespace oci {
class ContentCache;
class ContentFetcher;
class ContentJob;
class Digest;
class ManifestDocument;
class RegistryClient;
class Reference;
} // namespace oci

// The inspector: a manifest, index, config or layer shown two ways (readable tabs and the
// JSON exactly as the registry sent it), with every digest a link, back/forward through
// what was opened (buttons, Alt+Left / Alt+Right), and copy actions for the reference with
// digest, `docker pull` / `podman pull` and the digest.
//
// Hook-up (MainWindow):
//     auto *inspector = new InspectorWidget(this);
//     connect(inspector, &InspectorWidget::statusMessage, statusBar(), ...);
//     inspector->showReference(fetcher, reference);   // a tag or digest was chosen
//     inspector->showMessage(tr("Select a tag…"));     // nothing to inspect
//     inspector->clear();                              // e.g. the registry was removed
// Content comes through oci::ContentFetcher (cached by digest, offline-capable): pass the
// fetcher the rest of the window uses for that registry, or a RegistryClient, for which
// the inspector keeps a fetcher of its own over setContentCache()'s cache (memory only
// without one). Everything is asynchronous; a newer request cancels the older one.
class InspectorWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorWidget)

public:
    explicit InspectorWidget(QWidget *parent = nullptr);
    ~InspectorWidget() override;

    // Opens `reference` (registry/repository with a tag or digest) as a new entry of the
    // back/forward history. The fetcher must belong to the reference's registry.
    void showReference(oci::ContentFetcher *fetcher, const oci::Reference &reference);
    void showReference(oci::RegistryClient *client, const oci::Reference &reference);
    // A manifest or index of a local image (tarball or OCI layout, opened and verified by
    // image::LocalImageSource); `name` is what the archive calls it, may be empty. Links,
    // Files and back/forward work as for a registry; there is nothing to pull.
    void showLocalImage(std::shared_ptr<const image::LocalImageSource> source,
                        const oci::Digest &digest, const QString &name);
    // The cache for the fetchers made for showReference(RegistryClient*, …); it must
    // outlive the inspector. Without one, a memory-only cache of the inspector's own.
    void setContentCache(oci::ContentCache *cache);
    // Where the Files tab keeps layer indexes and blobs (it must outlive the inspector).
    // Without one, a memory-only cache of the inspector's own (files cannot be read back).
    void setLayerCache(image::LayerCache *cache);
    image::LayerCache *layerCache();

    // A sentence instead of a document: a hint (nothing chosen) or a problem. Cancels
    // loading; the history stays, so Back still works after the next showReference().
    enum class MessageKind { Hint, Problem };
    void showMessage(const QString &text, MessageKind kind = MessageKind::Hint);
    // Forgets everything (history included) and shows the default hint.
    void clear();

    bool canGoBack() const;
    bool canGoForward() const;
    void goBack();
    void goForward();
    // Opens a digest named in what is shown, as clicking it does.
    void openDigest(const QString &digest);

    enum class State { Message, Loading, Failed, Shown };
    State state() const { return m_state; }
    // What is shown or loading (meaningless in State::Message).
    InspectorLocation::Kind kind() const;
    // "host/repository:tag" when chosen by tag, else "host/repository@digest".
    QString referenceText() const;
    // The digest of what is shown; empty until known.
    QString digest() const;
    QString mediaType() const;
    // The document as received (manifest, index or config); empty for layers.
    QByteArray rawBytes() const;
    // The tag's digest came from the cache: the registry could not be reached.
    bool isStale() const;
    QString messageText() const;
    // "host/repository@sha256:…"; empty until the digest is known.
    QString pinnedReference() const;
    enum class PullTool { Docker, Podman };
    // "docker pull host/repository@sha256:…"; empty for blobs and until known.
    QString pullCommand(PullTool tool) const;

    InspectorContent *content() const { return m_content; }

Q_SIGNALS:
    void statusMessage(const QString &message);
    // A document (manifest, index or config) or a layer is shown; `reference` as
    // referenceText().
    void contentShown(const QString &reference);
    void navigationChanged();

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    oci::ContentFetcher *fetcherFor(oci::RegistryClient *client);
    void navigateTo(InspectorLocation location);
    // A place reached from what is shown: same registry and repository, by digest.
    void openLinked(InspectorLocation location, const QString &digest);
    void load();
    void cancelJobs();
    void watchJob(oci::ContentJob *job);
    void onManifestLoaded(oci::ContentJob *job);
    void onImageConfigLoaded(oci::ContentJob *job);
    void onArtifactConfigLoaded(oci::ContentJob *job);
    void onConfigLoaded(oci::ContentJob *job);
    void loadLocal(const InspectorLocation &location);
    void presentManifest(std::shared_ptr<const oci::ManifestDocument> document,
                         const oci::Digest &digest, const QString &mediaType);
    void applyImageConfig(const QByteArray &bytes);
    void presentConfig(const QByteArray &bytes, const oci::Digest &digest);
    QString localFileName() const; // of the local image shown; empty for a registry
    void showLoading(const QString &text);
    void showFailure(const QString &text);
    void showContent();
    void updateHeader();
    void updateActions();
    void updateStaleBanner();
    void copy(const QString &text, const QString &doneMessage);
    void rememberTab();
    QString titleText() const;
    QString subtitleText() const;
    QString describeError(const QString &what, const oci::Error &error) const;

    InspectorHistory m_history;
    State m_state = State::Message;
    QString m_digest;
    QString m_mediaType;
    QByteArray m_bytes;
    QString m_platform;
    QString m_staleReason;
    bool m_keepFocus = false;
    QPointer<oci::ContentJob> m_job;
    QPointer<oci::ContentJob> m_configJob;
    const QObject *m_loadingJob = nullptr; // compared only, never dereferenced
    QPointer<oci::ContentCache> m_externalCache;
    oci::ContentCache *m_ownCache = nullptr;
    QList<QPointer<oci::ContentFetcher>> m_ownFetchers;
    QPointer<image::LayerCache> m_layerCache;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_hint = nullptr;
    InspectorHeader *m_header = nullptr;
    QStackedWidget *m_body = nullptr;
    QWidget *m_statusPage = nullptr;
    QLabel *m_statusText = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_retry = nullptr;
    InspectorContent *m_content = nullptr;
};
