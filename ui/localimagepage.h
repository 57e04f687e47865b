#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

class InspectorWidget;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace image {
class LayerCache;
class LocalImageSource;
} // namespace image

// The right side of the window for an image on disk — a `docker save` tarball, an
// oci-archive, an OCI layout folder, gzip'ed or not — opened with File › Open Image or
// dropped on the window: a bar naming the file, its format and, when it holds several
// images, a chooser; below it an inspector of its own (manifest, config, layers, Files with
// the merged tree and previews) that needs no registry.
//
// Opening reads the archive's structure and every document on the pool
// (image::LocalImageSource::openAsync; a large gzip'ed tarball is inflated once, which takes
// a while) with a busy bar and Cancel; a problem is said in the page, naming the file.
// Layers are read when the Files tab asks, verified as they pass.
class LocalImagePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalImagePage)

public:
    explicit LocalImagePage(QWidget *parent = nullptr);
    ~LocalImagePage() override;

    // Where layer indexes and blobs are kept (the window's, shared with the registry
    // inspector); must outlive the page.
    void setLayerCache(image::LayerCache *cache);

    // Opens `path` (a file or an OCI layout folder); the image shown before stays until the
    // new one is read. Opening the file shown again reopens it (it may have changed).
    void open(const QString &path);
    // Stops waiting for the file being opened (the worker finishes on its own; its result
    // is dropped).
    void cancelOpening();
    // Forgets the image.
    void close();

    bool isOpening() const { return m_opening; }
    bool hasImage() const { return bool(m_source); }
    QString path() const { return m_path; }
    std::shared_ptr<const image::LocalImageSource> source() const { return m_source; }
    // The problem with the last file opened; empty when it opened.
    QString problem() const { return m_problem; }

    // The images a person can choose from: indexes, and images that are not a platform of
    // an index, in archive order.
    int entryCount() const;
    QString entryText(int entry) const;
    int currentEntry() const;
    void showEntry(int entry);

    InspectorWidget *inspector() const { return m_inspector; }
    QComboBox *imageChooser() const { return m_chooser; }
    QLabel *titleLabel() const { return m_title; }

Q_SIGNALS:
    void statusMessage(const QString &message);
    // The file opened (or failed: problem() says why).
    void opened(const QString &path);
    void failed(const QString &path, const QString &problem);
    void closeRequested();

private:
    struct Entry
    {
        QString digest; // oci::Digest text (a lean header)
        QString name;   // what the archive calls it; may be empty
        QString text;   // the chooser's line
    };
    void onOpened(const QString &path, const std::shared_ptr<const image::LocalImageSource> &source);
    void onFailed(const QString &path, const QString &problem);
    void setBusy(bool busy);
    void updateTitle();

    InspectorWidget *m_inspector = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_chooserLabel = nullptr;
    QComboBox *m_chooser = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_cancel = nullptr;
    QToolButton *m_close = nullptr;

    QString m_path;
    QString m_openingPath;
    QString m_problem;
    bool m_opening = false;
    quint64 m_generation = 0;
    std::shared_ptr<const image::LocalImageSource> m_source;
    QList<Entry> m_entries;
};
