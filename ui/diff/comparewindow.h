#pragma once

#include "image/diff/job/imagediffjob.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class CompareConfigPage;
class CompareFilesPage;
class LayerAlignmentModel;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeView;

namespace oci {
class ContentFetcher;
} // namespace oci

// Two images compared (issue 7): a non-modal top-level window that runs an
// image::ImageDiffJob and shows its result. The header names A and B (labels, digests),
// offers a platform chooser when indexes have several matched pairs (platforms on one side
// listed), and shows progress while layers are read (Cancel). Then the summary
// (DiffSummaryText) and three tabs: Config (ConfigDiffModel, HistoryDiffModel, the raw
// configs as JSON side by side), Layers (LayerAlignmentModel, shared layers folded), Files
// (CompareFilesPage: the tree with filters and a side-by-side text diff of the selected
// file). "Export Report…" writes the ImageDiff's text report or JSON on the pool.
//
// Deletes itself when closed. A registry fetcher deleted while the job runs stops the
// comparison ("the registry was removed"); a finished comparison stays readable (files
// come from the LayerCache).
//
//     auto *window = new CompareWindow(layerCache, diffCache, this);   // Qt::Window
//     window->start(image::DiffImageRef::fromRegistry(fetcher, repo, u"1.0"_s, u"host/repo:1.0"_s),
//                   image::DiffImageRef::fromRegistry(fetcher, repo, u"1.1"_s, u"host/repo:1.1"_s));
//     window->show();
class CompareWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareWindow)

public:
    enum class ReportFormat { Text, Json };
    Q_ENUM(ReportFormat)

    // `layers` (the application's, with a folder, so selected files can be read back) and
    // `cache` (results by pair of digests; may be null) are shared with other windows.
    CompareWindow(image::LayerCache *layers, std::shared_ptr<image::ImageDiffCache> cache,
                  QWidget *parent = nullptr);
    ~CompareWindow() override;

    // Compares A with B (every platform pair they share, or only `platform`,
    // "os/arch[/variant]", as ImageDiffOptions::platform); a running comparison is dropped.
    void start(const image::DiffImageRef &a, const image::DiffImageRef &b,
               const QString &platform = {});
    // Stops the running comparison ("Cancelled"); nothing happens when none runs.
    void cancel();
    bool isRunning() const { return !m_job.isNull(); }

    // The finished comparison; null while running, after an error or a cancel.
    const image::ImageDiff *result() const { return m_result.get(); }
    // The platform pair shown (index into result()->platforms), -1 when none.
    int currentPlatform() const { return m_platform; }
    void setCurrentPlatform(int index);

    // What the status line says: progress, the error in words, "No differences…".
    QString statusText() const;
    QString headline() const;

    // Writes the report (text: describeImageDiff; JSON: ImageDiff::toJson) to `path` through
    // QSaveFile on the pool; exported() says how it went. Nothing without a result.
    void exportReport(const QString &path, ReportFormat format);
    static QByteArray reportBytes(const image::ImageDiff &diff, ReportFormat format);

    QTabWidget *tabs() const { return m_tabs; }
    CompareConfigPage *configPage() const { return m_config; }
    CompareFilesPage *filesPage() const { return m_files; }
    LayerAlignmentModel *layerModel() const { return m_layerModel; }
    QTreeView *layerView() const { return m_layerView; }

Q_SIGNALS:
    // The comparison finished: shown, failed or stopped (not after cancel()).
    void finished();
    // A report was written (`error` empty) or could not be.
    void exported(const QString &path, const QString &error);

private:
    void watchFetcher(oci::ContentFetcher *fetcher);
    void registryRemoved();
    void jobProgress(const image::ImageDiffProgress &progress);
    void jobFinished();
    void stopJob();
    void showResult();
    void showPlatform();
    void showHeader();
    void setStatus(const QString &text, bool error);
    void chooseReportFile(ReportFormat format);
    void updateTitle();

    QPointer<image::LayerCache> m_layers;
    std::shared_ptr<image::ImageDiffCache> m_cache;
    image::DiffImageRef m_a;
    image::DiffImageRef m_b;
    QString m_onlyPlatform;
    // The sides' fetchers, null once deleted (the refs keep raw pointers for the job).
    QPointer<oci::ContentFetcher> m_fetcherA;
    QPointer<oci::ContentFetcher> m_fetcherB;
    bool m_registryRemoved = false;
    QPointer<image::ImageDiffJob> m_job;
    std::shared_ptr<const image::ImageDiff> m_result;
    int m_platform = -1;

    QLabel *m_sideA = nullptr;
    QLabel *m_sideB = nullptr;
    QLabel *m_platformLabel = nullptr;
    QComboBox *m_platforms = nullptr;
    QLabel *m_oneSided = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_again = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_details = nullptr;
    QTabWidget *m_tabs = nullptr;
    CompareConfigPage *m_config = nullptr;
    LayerAlignmentModel *m_layerModel = nullptr;
    QTreeView *m_layerView = nullptr;
    CompareFilesPage *m_files = nullptr;
};
