#pragma once

#include "inspectorlocation.h"
#include "layerorigin.h"

#include <QByteArray>
#include <QTabWidget>

#include <memory>
#include <optional>

class FilesPage;
class HistoryTableModel;
class InspectorJsonPane;
class LayerTableModel;
class PlatformTableModel;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace image {
class LayerCache;
}
namespace oci {
class ManifestDocument;
class RegistryClient;
struct ImageConfig;
} // namespace oci

// The inspector's tabs for one document: Overview (readable), Platforms (indexes), Layers
// and History (images), and the JSON of the document and of an image's config, exactly as
// received. Every digest (links, JSON, table rows) can be opened: openRequested() carries
// the place it leads to and the digest, without fetcher and reference (the InspectorWidget
// adds those).
class InspectorContent final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorContent)

public:
    enum Tab { Overview, Platforms, Layers, History, Document, Config, Files };

    explicit InspectorContent(QWidget *parent = nullptr);
    ~InspectorContent() override;

    // Where the Files tab of the next image reads its layers from (set before showManifest()).
    void setFilesSource(const LayerOrigin &origin, image::LayerCache *cache);

    // A manifest, index or other document. For an image the config follows with
    // setImageConfig() or setImageConfigProblem().
    void showManifest(std::shared_ptr<const oci::ManifestDocument> document);
    void setImageConfig(std::shared_ptr<const oci::ImageConfig> config, const QByteArray &bytes);
    void setImageConfigProblem(const QString &text, const QByteArray &bytes = {});
    // A config blob on its own; `config` null when it could not be read (`problem` says why).
    // `image` is the manifest it came from, when known (layer numbers and sizes).
    void showConfig(std::shared_ptr<const oci::ImageConfig> config, const QByteArray &bytes,
                    std::shared_ptr<const oci::ManifestDocument> image, const QString &problem);
    // A layer: its descriptor and what the image and config say about it. Not fetched.
    void showLayer(const InspectorLocation &location);
    // Artifacts: the config blob's bytes, shown as they are.
    void setArtifactConfig(const QByteArray &bytes);

    bool hasTab(Tab tab) const;
    int currentTab() const; // a Tab, -1 when none
    void setCurrentTab(int tab);

    // The place a digest shown here leads to; nullopt with `*why` set when it names
    // nothing that can be opened (a diff ID of a config opened without its image).
    std::optional<InspectorLocation> locationFor(const QString &digest,
                                                 QString *why = nullptr) const;

    bool isImage() const { return m_isImage; }
    std::shared_ptr<const oci::ManifestDocument> document() const { return m_document; }
    std::shared_ptr<const oci::ImageConfig> imageConfig() const { return m_config; }

    QTextBrowser *overview() const { return m_overview; }
    QTableView *platformView() const { return m_platformView; }
    QTableView *layerView() const { return m_layerView; }
    QTableView *historyView() const { return m_historyView; }
    InspectorJsonPane *documentPane() const { return m_documentPane; }
    InspectorJsonPane *configPane() const { return m_configPane; }
    PlatformTableModel *platformModel() const { return m_platforms; }
    LayerTableModel *layerModel() const { return m_layers; }
    HistoryTableModel *historyModel() const { return m_history; }
    FilesPage *filesPage() const { return m_filesPage; }

Q_SIGNALS:
    void openRequested(const InspectorLocation &location, const QString &digest);
    // A digest that leads nowhere, with the reason.
    void cannotOpen(const QString &why);
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void resetTabs(std::initializer_list<Tab> tabs);
    void addTabFor(Tab tab);
    QWidget *pageFor(Tab tab) const;
    QString titleFor(Tab tab) const;
    void renderOverview();
    void openDigest(const QString &digest);
    void openLayer(int layer);
    void openPlatformRow(int row);
    QTableView *makeTable(const QString &objectName, QSortFilterProxyModel *proxy);

    enum class Shown { Nothing, Image, Artifact, Index, Config, Layer, Other };
    Shown m_shown = Shown::Nothing;
    bool m_isImage = false;
    std::shared_ptr<const oci::ManifestDocument>
        m_document; // manifest/index, or the image of a config/layer
    std::shared_ptr<const oci::ImageConfig> m_config;
    QByteArray m_configBytes;
    QString m_configNote;
    InspectorLocation m_layer; // when a layer is shown

    QTextBrowser *m_overview = nullptr;
    QWidget *m_platformPage = nullptr;
    QTableView *m_platformView = nullptr;
    QTableView *m_layerView = nullptr;
    QTableView *m_historyView = nullptr;
    InspectorJsonPane *m_documentPane = nullptr;
    InspectorJsonPane *m_configPane = nullptr;
    PlatformTableModel *m_platforms = nullptr;
    LayerTableModel *m_layers = nullptr;
    HistoryTableModel *m_history = nullptr;
    QSortFilterProxyModel *m_platformProxy = nullptr;
    QSortFilterProxyModel *m_layerProxy = nullptr;
    QSortFilterProxyModel *m_historyProxy = nullptr;
    FilesPage *m_filesPage = nullptr;
    LayerOrigin m_filesOrigin;
    image::LayerCache *m_layerCache = nullptr;
};
