#include "localimagepage.h"

#include "inspectorwidget.h"

#include "image/source/localchoices.h"
#include "image/source/localimagesource.h"
#include "oci/core/futurecontinuation.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

qint64 compressedSize(const oci::ManifestDocument &document)
{
    if (!document.isImageManifest())
        return -1;
    return document.manifest().config.size() + document.manifest().layersSize();
}

} // namespace

LocalImagePage::LocalImagePage(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("localImageTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("localImageDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setForegroundRole(QPalette::PlaceholderText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_chooserLabel = new QLabel(tr("&Image:"), this);
    m_chooser = new QComboBox(this);
    m_chooser->setObjectName(QStringLiteral("localImageChooser"));
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chooser->setMinimumContentsLength(24);
    m_chooserLabel->setBuddy(m_chooser);
    connect(m_chooser, &QComboBox::activated, this, &LocalImagePage::showEntry);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(160);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("localImageCancel"));
    connect(m_cancel, &QPushButton::clicked, this, &LocalImagePage::cancelOpening);

    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("localImageClose"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close the image file"));
    m_close->setAccessibleName(tr("Close the image file"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        close();
        Q_EMIT closeRequested();
    });

    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(m_title);
    names->addWidget(m_details);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(12, 8, 8, 0);
    bar->addLayout(names, 1);
    bar->addWidget(m_chooserLabel);
    bar->addWidget(m_chooser);
    bar->addWidget(m_busy);
    bar->addWidget(m_cancel);
    bar->addWidget(m_close);

    m_inspector = new InspectorWidget(this);
    m_inspector->setObjectName(QStringLiteral("localInspector"));
    connect(m_inspector, &InspectorWidget::statusMessage, this, &LocalImagePage::statusMessage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_inspector, 1);
    setBusy(false);
    updateTitle();
}

LocalImagePage::~LocalImagePage() = default;

void LocalImagePage::setLayerCache(image::LayerCache *cache)
{
    m_inspector->setLayerCache(cache);
}

void LocalImagePage::open(const QString &path)
{
    const quint64 generation = ++m_generation;
    m_openingPath = path;
    m_opening = true;
    setBusy(true);
    const QString name = QFileInfo(path).fileName();
    if (!m_source)
        m_inspector->showMessage(tr("Reading %1…").arg(name));
    Q_EMIT statusMessage(tr("Reading %1 and checking its structure…").arg(name));
    oci::whenFinished(this, image::LocalImageSource::openAsync(path),
                      [this, generation, path](
                          const oci::Result<std::shared_ptr<const image::LocalImageSource>> &result) {
                          if (generation != m_generation)
                              return;
                          m_opening = false;
                          setBusy(false);
                          if (result.ok())
                              onOpened(path, result.value());
                          else
                              onFailed(path, result.error().object().isEmpty()
                                                 ? result.error().message()
                                                 : QStringLiteral("%1: %2").arg(
                                                       result.error().object(), result.error().message()));
                      });
}

void LocalImagePage::cancelOpening()
{
    if (!m_opening)
        return;
    ++m_generation;
    m_opening = false;
    setBusy(false);
    const QString name = QFileInfo(m_openingPath).fileName();
    if (!m_source)
        m_inspector->showMessage(tr("Opening %1 was cancelled.").arg(name));
    Q_EMIT statusMessage(tr("Stopped opening %1.").arg(name));
}

void LocalImagePage::close()
{
    ++m_generation;
    m_opening = false;
    m_source.reset();
    m_path.clear();
    m_problem.clear();
    m_entries.clear();
    m_chooser->clear();
    m_inspector->clear();
    setBusy(false);
    updateTitle();
}

void LocalImagePage::onOpened(const QString &path,
                              const std::shared_ptr<const image::LocalImageSource> &source)
{
    m_source = source;
    m_path = path;
    m_problem.clear();
    m_entries.clear();
    // What a person picks from: indexes (their platforms open from the Platforms tab) and
    // images that stand on their own.
    for (const image::LocalChoice &choice : image::localChoices(*source)) {
        Entry entry;
        entry.digest = choice.root.toString();
        entry.name = choice.names.value(0);
        const QString label = entry.name.isEmpty() ? choice.root.shortString() : entry.name;
        if (choice.index) {
            const int platforms = int(choice.index->document.index().manifests.size());
            entry.text = tr("%1 — index of %n image(s)", nullptr, platforms).arg(label);
        } else {
            QStringList parts{label};
            if (const QString platform = image::platformText(*choice.image); !platform.isEmpty())
                parts << platform;
            if (const qint64 size = compressedSize(choice.image->manifest); size >= 0)
                parts << QLocale().formattedDataSize(size, 1);
            entry.text = parts.join(QStringLiteral(" — "));
        }
        m_entries.append(entry);
    }
    m_chooser->clear();
    for (const Entry &entry : std::as_const(m_entries))
        m_chooser->addItem(entry.text);
    updateTitle();
    if (m_entries.isEmpty()) {
        m_inspector->showMessage(tr("%1 holds no image.").arg(QFileInfo(path).fileName()),
                                 InspectorWidget::MessageKind::Problem);
    } else {
        showEntry(0);
    }
    Q_EMIT statusMessage(tr("Opened %1.").arg(QFileInfo(path).fileName()));
    Q_EMIT opened(path);
}

void LocalImagePage::onFailed(const QString &path, const QString &problem)
{
    m_problem = problem;
    const QString text = tr("%1 cannot be opened as an image. %2")
                             .arg(QFileInfo(path).fileName(), problem);
    if (m_source) {
        Q_EMIT statusMessage(text); // the image shown before stays
    } else {
        m_path = path;
        updateTitle();
        m_inspector->showMessage(text, InspectorWidget::MessageKind::Problem);
        Q_EMIT statusMessage(text);
    }
    Q_EMIT failed(path, problem);
}

int LocalImagePage::entryCount() const
{
    return int(m_entries.size());
}

QString LocalImagePage::entryText(int entry) const
{
    return entry >= 0 && entry < m_entries.size() ? m_entries.at(entry).text : QString();
}

int LocalImagePage::currentEntry() const
{
    return m_chooser->currentIndex();
}

void LocalImagePage::showEntry(int entry)
{
    if (!m_source || entry < 0 || entry >= m_entries.size())
        return;
    m_chooser->setCurrentIndex(entry);
    const Entry &chosen = m_entries.at(entry);
    const oci::Result<oci::Digest> digest = oci::Digest::parse(chosen.digest);
    if (digest.ok())
        m_inspector->showLocalImage(m_source, digest.value(), chosen.name);
}

void LocalImagePage::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    const bool several = !busy && m_entries.size() > 1;
    m_chooserLabel->setVisible(several);
    m_chooser->setVisible(several);
}

void LocalImagePage::updateTitle()
{
    if (m_path.isEmpty()) {
        m_title->setText(tr("No image file open"));
        m_details->clear();
        setBusy(m_opening);
        return;
    }
    m_title->setText(QFileInfo(m_path).fileName());
    QStringList details{QDir::toNativeSeparators(m_path)};
    if (m_source) {
        details << image::localFormatName(m_source->format());
        if (m_source->isGzipCompressed())
            details << tr("gzip-compressed");
        if (m_source->format() == image::LocalFormat::DockerArchive)
            details << tr("manifests made by Lading from manifest.json");
        details << tr("%n image(s)", nullptr, int(m_source->images().size()));
    }
    m_details->setText(details.join(QStringLiteral("  ·  ")));
    m_details->setToolTip(m_source ? m_source->notes().join(u'\n') : QString());
    setBusy(m_opening);
}
