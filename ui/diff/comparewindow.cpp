#include "comparewindow.h"

#include "diff/compareconfigpage.h"
#include "diff/comparefilespage.h"
#include "diff/diffcells.h"
#include "diff/diffroles.h"
#include "diff/diffsummarytext.h"
#include "diff/layeralignmentmodel.h"
#include "errortext.h"
#include "image/diff/job/imagediffcache.h"
#include "image/reader/layercache.h"
#include "oci/core/futurecontinuation.h"
#include "oci/inspect/contentfetcher.h"

#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

QString sideLabel(const image::DiffImageRef &ref)
{
    if (!ref.label.isEmpty())
        return ref.label;
    if (ref.local)
        return ref.local->toString();
    return ref.repository + (ref.reference.startsWith(u"sha256:") ? u'@' : u':') + ref.reference;
}

QLabel *boldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

CompareWindow::CompareWindow(image::LayerCache *layers,
                             std::shared_ptr<image::ImageDiffCache> cache, QWidget *parent)
    : QWidget(parent, Qt::Window), m_layers(layers), m_cache(std::move(cache))
{
    setAttribute(Qt::WA_DeleteOnClose);

    // Header: A and B, the platform, the status with progress and buttons.
    m_sideA = new QLabel(this);
    m_sideB = new QLabel(this);
    for (QLabel *label : {m_sideA, m_sideB}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setTextFormat(Qt::PlainText);
    }
    m_platformLabel = new QLabel(tr("Platform:"), this);
    m_platforms = new QComboBox(this);
    m_platforms->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_oneSided = new QLabel(this);
    m_oneSided->setWordWrap(true);
    auto *header = new QGridLayout;
    header->setHorizontalSpacing(10);
    header->addWidget(boldLabel(tr("A"), this), 0, 0);
    header->addWidget(m_sideA, 0, 1, 1, 3);
    header->addWidget(boldLabel(tr("B"), this), 1, 0);
    header->addWidget(m_sideB, 1, 1, 1, 3);
    header->addWidget(m_platformLabel, 2, 0);
    header->addWidget(m_platforms, 2, 1);
    header->addWidget(m_oneSided, 2, 2, 1, 2);
    header->setColumnStretch(3, 1);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_again = new QPushButton(tr("Compare Again"), this);
    m_export = new QPushButton(tr("Export Report…"), this);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("As Text…"), this, [this] { chooseReportFile(ReportFormat::Text); });
    exportMenu->addAction(tr("As JSON…"), this, [this] { chooseReportFile(ReportFormat::Json); });
    m_export->setMenu(exportMenu);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancel);
    statusRow->addWidget(m_again);
    statusRow->addWidget(m_export);

    // Summary first.
    m_headline = new QLabel(this);
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.15);
    m_headline->setFont(headlineFont);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The tabs.
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_config = new CompareConfigPage(m_tabs);
    m_layerModel = new LayerAlignmentModel(this);
    m_layerView = new QTreeView(m_tabs);
    m_layerView->setModel(m_layerModel);
    m_layerView->setAlternatingRowColors(true);
    m_layerView->setUniformRowHeights(true);
    m_layerView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_layerView->header()->setStretchLastSection(false);
    // Numbers and sizes as wide as they need (a few hundred rows at most), the two commands
    // sharing the rest.
    m_layerView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_layerView->header()->setSectionResizeMode(LayerAlignmentModel::CommandAColumn,
                                                QHeaderView::Stretch);
    m_layerView->header()->setSectionResizeMode(LayerAlignmentModel::CommandBColumn,
                                                QHeaderView::Stretch);
    m_files = new CompareFilesPage(layers, m_tabs);
    m_tabs->addTab(m_config, tr("Config"));
    m_tabs->addTab(m_layerView, tr("Layers"));
    m_tabs->addTab(m_files, tr("Files"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(statusRow);
    layout->addSpacing(4);
    layout->addWidget(m_headline);
    layout->addWidget(m_details);
    layout->addWidget(m_tabs, 1);
    layout->addStretch(); // takes the room while the tabs are hidden (no result yet)

    // The job reads through the layer cache: it must not outlive it (application shutdown).
    if (layers)
        connect(layers, &QObject::destroyed, this, [this] {
            if (!isRunning())
                return;
            stopJob();
            m_progress->hide();
            m_cancel->hide();
            m_headline->setText(tr("Not compared"));
            setStatus(tr("The comparison stopped: the layer cache was closed."), true);
            Q_EMIT finished();
        });
    connect(m_cancel, &QPushButton::clicked, this, &CompareWindow::cancel);
    connect(m_again, &QPushButton::clicked, this, [this] { start(m_a, m_b, m_onlyPlatform); });
    connect(m_platforms, &QComboBox::activated, this, &CompareWindow::setCurrentPlatform);

    m_platformLabel->hide();
    m_platforms->hide();
    m_oneSided->hide();
    m_progress->hide();
    m_cancel->hide();
    m_again->hide();
    m_export->setEnabled(false);
    m_tabs->hide();
    resize(1120, 780);
}

CompareWindow::~CompareWindow()
{
    // The job's readers use the fetchers: stop it before anything else goes.
    stopJob();
}

void CompareWindow::start(const image::DiffImageRef &a, const image::DiffImageRef &b,
                          const QString &platform)
{
    stopJob();
    m_a = a;
    m_b = b;
    m_onlyPlatform = platform;
    m_result.reset();
    m_platform = -1;
    m_registryRemoved = false;
    for (oci::ContentFetcher *old : {m_fetcherA.data(), m_fetcherB.data()})
        if (old)
            disconnect(old, nullptr, this, nullptr);
    m_fetcherA = a.fetcher;
    m_fetcherB = b.fetcher;
    watchFetcher(a.fetcher);
    watchFetcher(b.fetcher);

    m_config->clear();
    m_layerModel->clear();
    m_files->clear();
    m_tabs->hide();
    m_export->setEnabled(false);
    m_platformLabel->hide();
    m_platforms->hide();
    m_oneSided->hide();
    m_again->hide();
    m_headline->setText(tr("Comparing %1 with %2…").arg(sideLabel(a), sideLabel(b)));
    m_details->clear();
    showHeader();
    updateTitle();

    if ((!a.isLocal() && !a.fetcher) || (!b.isLocal() && !b.fetcher)) {
        registryRemoved();
        return;
    }
    image::ImageDiffOptions options;
    options.cache = m_cache;
    options.platform = platform;
    m_job = image::ImageDiffJob::start(a, b, m_layers, options, this);
    connect(m_job, &image::ImageDiffJob::progress, this, &CompareWindow::jobProgress);
    connect(m_job, &oci::Job::finished, this, &CompareWindow::jobFinished);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    setStatus(tr("Reading the manifests and configs…"), false);
}

void CompareWindow::watchFetcher(oci::ContentFetcher *fetcher)
{
    if (!fetcher)
        return;
    // Direct: queued would be too late, the job would use the fetcher in between.
    connect(fetcher, &QObject::destroyed, this, &CompareWindow::registryRemoved,
            Qt::UniqueConnection);
}

void CompareWindow::registryRemoved()
{
    m_registryRemoved = true;
    m_again->hide();
    if (!isRunning() && m_result)
        return; // what is shown stays readable: files come from the layer cache
    stopJob();
    m_progress->hide();
    m_cancel->hide();
    m_headline->setText(tr("Not compared"));
    setStatus(tr("The comparison stopped: the registry was removed. Add it again and compare "
                 "the images anew."),
              true);
    Q_EMIT finished();
}

void CompareWindow::stopJob()
{
    if (m_job) {
        image::ImageDiffJob *job = m_job;
        m_job = nullptr;
        job->cancel();
        delete job;
    }
}

void CompareWindow::cancel()
{
    if (!isRunning())
        return;
    stopJob();
    m_progress->hide();
    m_cancel->hide();
    m_again->setVisible(!m_registryRemoved);
    m_headline->setText(tr("Not compared"));
    setStatus(tr("Cancelled."), false);
}

void CompareWindow::jobProgress(const image::ImageDiffProgress &p)
{
    using Stage = image::ImageDiffProgress::Stage;
    switch (p.stage) {
    case Stage::Resolving:
        m_progress->setRange(0, 0);
        setStatus(tr("Reading the manifests and configs…"), false);
        break;
    case Stage::ReadingLayers:
        if (p.bytesTotal > 0) {
            // Per mille: the bar's int range cannot hold bytes of large images.
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(p.bytesDone * 1000 / p.bytesTotal));
        }
        setStatus(tr("Reading layers: %1 of %2 (%3 of %4)…")
                      .arg(p.layersDone)
                      .arg(p.layersTotal)
                      .arg(DiffCells::size(p.bytesDone), DiffCells::size(p.bytesTotal)),
                  false);
        break;
    case Stage::Comparing:
        m_progress->setRange(0, 0);
        setStatus(p.pairsTotal > 1 ? tr("Comparing platform %1 of %2…")
                                         .arg(p.pairsDone + 1)
                                         .arg(p.pairsTotal)
                                   : tr("Comparing the files…"),
                  false);
        break;
    case Stage::Done:
        break;
    }
}

void CompareWindow::jobFinished()
{
    image::ImageDiffJob *job = m_job;
    if (!job)
        return;
    m_job = nullptr;
    job->deleteLater();
    m_progress->hide();
    m_cancel->hide();
    if (!job->succeeded()) {
        m_again->setVisible(!m_registryRemoved);
        m_headline->setText(tr("Not compared"));
        setStatus(tr("The comparison failed: %1").arg(ErrorText::summary(job->error(), false)),
                  true);
        m_status->setToolTip(job->error().describe());
        Q_EMIT finished();
        return;
    }
    m_result = std::make_shared<const image::ImageDiff>(job->result());
    showResult();
    Q_EMIT finished();
}

void CompareWindow::showResult()
{
    const image::ImageDiff &diff = *m_result;
    showHeader();
    updateTitle();
    m_export->setEnabled(true);
    m_again->setVisible(!m_registryRemoved);

    {
        const QSignalBlocker blocker(m_platforms);
        m_platforms->clear();
        for (const image::PlatformDiff &pair : diff.platforms)
            m_platforms->addItem(pair.platformText().isEmpty() ? tr("(no platform named)")
                                                               : pair.platformText());
    }
    const bool choose = diff.platforms.size() > 1;
    m_platformLabel->setVisible(choose);
    m_platforms->setVisible(choose);
    QStringList oneSided;
    if (!diff.platformsOnlyInA.isEmpty())
        oneSided << tr("Only in A: %1").arg(diff.platformsOnlyInA.join(QStringLiteral(", ")));
    if (!diff.platformsOnlyInB.isEmpty())
        oneSided << tr("Only in B: %1").arg(diff.platformsOnlyInB.join(QStringLiteral(", ")));
    m_oneSided->setText(oneSided.join(QStringLiteral(" · ")));
    m_oneSided->setVisible(!oneSided.isEmpty());
    if (!oneSided.isEmpty())
        m_platformLabel->show();

    if (diff.noDifferences())
        setStatus(tr("No differences between %1 and %2.").arg(diff.labelA, diff.labelB), false);
    else
        setStatus(tr("%1 and %2 differ.").arg(diff.labelA, diff.labelB), false);

    if (diff.platforms.isEmpty()) {
        m_headline->setText(tr("No platform in common: nothing to compare side by side."));
        m_details->clear();
        m_tabs->hide();
        return;
    }
    m_platform = -1;
    setCurrentPlatform(0);
}

void CompareWindow::setCurrentPlatform(int index)
{
    if (!m_result || index < 0 || index >= m_result->platforms.size() || index == m_platform)
        return;
    m_platform = index;
    m_platforms->setCurrentIndex(index);
    showPlatform();
}

void CompareWindow::showPlatform()
{
    const image::ImageDiff &diff = *m_result;
    const image::PlatformDiff &pair = diff.platforms.at(m_platform);
    m_headline->setText(DiffSummaryText::headline(pair.summary));
    // Each detail kept on one line: the label wraps only between them.
    QStringList details = DiffSummaryText::details(pair.summary);
    for (QString &detail : details)
        detail.replace(u' ', QChar(QChar::Nbsp));
    m_details->setText(details.join(QStringLiteral("   ·   ")));

    m_config->setDiff(pair, diff.labelA, diff.labelB);
    m_layerModel->setAlignment(pair.layers);
    for (int row = 0; row < m_layerModel->rowCount(); ++row)
        if (m_layerModel->index(row, 0).data(DiffRoles::GroupRole).toBool())
            m_layerView->setFirstColumnSpanned(row, {}, true);
    m_files->setDiff(pair.files, diff.labelA, diff.labelB);
    m_tabs->show();

    const int keys = pair.config.changedKeyCount();
    m_tabs->setTabText(0, keys > 0 ? tr("Config (%1)").arg(keys) : tr("Config"));
    const int layers = int(pair.layers.onlyA().size() + pair.layers.onlyB().size());
    m_tabs->setTabText(1, layers > 0 ? tr("Layers (%1)").arg(layers) : tr("Layers"));
    const int files = pair.files.totals.added + pair.files.totals.removed
                      + pair.files.totals.changed;
    m_tabs->setTabText(2, files > 0 ? tr("Files (%1)").arg(files) : tr("Files"));
}

void CompareWindow::showHeader()
{
    const auto side = [](const QString &label, const oci::Digest &digest, bool index) {
        if (digest.isNull())
            return label;
        return index ? tr("%1   %2 (index)").arg(label, digest.toString())
                     : tr("%1   %2").arg(label, digest.toString());
    };
    if (m_result) {
        m_sideA->setText(side(m_result->labelA, m_result->digestA, m_result->indexA));
        m_sideB->setText(side(m_result->labelB, m_result->digestB, m_result->indexB));
    } else {
        m_sideA->setText(sideLabel(m_a));
        m_sideB->setText(sideLabel(m_b));
    }
}

void CompareWindow::updateTitle()
{
    setWindowTitle(tr("Compare %1 and %2").arg(sideLabel(m_a), sideLabel(m_b)));
}

void CompareWindow::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setToolTip({});
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
                     error ? DiffCells::kindColour(DiffCells::Kind::Removed)
                           : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

QString CompareWindow::statusText() const
{
    return m_status->text();
}

QString CompareWindow::headline() const
{
    return m_headline->text();
}

QByteArray CompareWindow::reportBytes(const image::ImageDiff &diff, ReportFormat format)
{
    if (format == ReportFormat::Json)
        return QJsonDocument(diff.toJson()).toJson(QJsonDocument::Indented);
    return (image::describeImageDiff(diff).join(u'\n') + u'\n').toUtf8();
}

void CompareWindow::chooseReportFile(ReportFormat format)
{
    if (!m_result)
        return;
    const bool json = format == ReportFormat::Json;
    auto *dialog = new QFileDialog(this, json ? tr("Export Report as JSON")
                                              : tr("Export Report as Text"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(json ? tr("JSON files (*.json)") : tr("Text files (*.txt)"));
    dialog->setDefaultSuffix(json ? QStringLiteral("json") : QStringLiteral("txt"));
    dialog->selectFile(json ? QStringLiteral("image-diff.json") : QStringLiteral("image-diff.txt"));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, format](const QString &path) { exportReport(path, format); });
    dialog->open();
}

void CompareWindow::exportReport(const QString &path, ReportFormat format)
{
    if (!m_result)
        return;
    setStatus(tr("Writing %1…").arg(QDir::toNativeSeparators(path)), false);
    // A report of 100k paths is tens of megabytes: made and written on the pool.
    std::shared_ptr<const image::ImageDiff> diff = m_result;
    oci::whenFinished(this, QtConcurrent::run([diff, path, format]() -> QString {
                          QSaveFile file(path);
                          if (!file.open(QIODevice::WriteOnly))
                              return file.errorString();
                          const QByteArray bytes = reportBytes(*diff, format);
                          if (file.write(bytes) != bytes.size() || !file.commit())
                              return file.errorString();
                          return QString();
                      }),
                      [this, path](const QString &error) {
                          const QString shown = QDir::toNativeSeparators(path);
                          if (error.isEmpty())
                              setStatus(tr("Report saved to %1.").arg(shown), false);
                          else
                              setStatus(tr("Cannot write %1: %2").arg(shown, error), true);
                          Q_EMIT exported(path, error);
                      });
}
