#include "manifestpanel.h"

#include "errortext.h"
#include "jsonformat.h"
#include "jsonhighlighter.h"

#include "oci/client/registryclient.h"
#include "oci/manifest/mediatypes.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// A name people know for the manifest formats registries serve; empty for others.
QString mediaTypeName(const QString &mediaType)
{
    if (mediaType == oci::MediaType::OciManifest)
        return ManifestPanel::tr("OCI image manifest");
    if (mediaType == oci::MediaType::OciIndex)
        return ManifestPanel::tr("OCI image index");
    if (mediaType == oci::MediaType::DockerManifest)
        return ManifestPanel::tr("Docker image manifest");
    if (mediaType == oci::MediaType::DockerManifestList)
        return ManifestPanel::tr("Docker manifest list");
    return {};
}

QLineEdit *makeReadOnlyField(QWidget *parent, const QString &objectName)
{
    auto *field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setReadOnly(true);
    field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return field;
}

} // namespace

ManifestPanel::ManifestPanel(QWidget *parent) : QWidget(parent)
{
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("manifestHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setMargin(24);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *details = new QWidget(this);
    m_title = new QLabel(details);
    m_title->setObjectName(QStringLiteral("manifestTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_reference = makeReadOnlyField(details, QStringLiteral("referenceField"));
    m_digest = makeReadOnlyField(details, QStringLiteral("digestField"));
    m_mediaType = new QLabel(details);
    m_mediaType->setObjectName(QStringLiteral("mediaTypeLabel"));
    m_mediaType->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_size = new QLabel(details);
    m_size->setObjectName(QStringLiteral("sizeLabel"));

    auto *referenceRow = new QHBoxLayout;
    referenceRow->addWidget(m_reference, 1);
    referenceRow->addWidget(makeCopyButton(m_reference, tr("Copy the reference"),
                                           tr("Copied the reference to the clipboard.")));
    auto *digestRow = new QHBoxLayout;
    digestRow->addWidget(m_digest, 1);
    digestRow->addWidget(
        makeCopyButton(m_digest, tr("Copy the digest"), tr("Copied the digest to the clipboard.")));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("Reference:"), referenceRow);
    form->addRow(tr("Digest:"), digestRow);
    form->addRow(tr("Media type:"), m_mediaType);
    form->addRow(tr("Size:"), m_size);

    m_manifest = new QPlainTextEdit(details);
    m_manifest->setObjectName(QStringLiteral("manifestView"));
    m_manifest->setReadOnly(true);
    m_manifest->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_manifest->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_manifest->setFont(mono);
    m_manifest->setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 4);
    m_highlighter = attachJsonHighlighter(m_manifest->document(), isDark(palette()));

    auto *manifestLabel = new QLabel(tr("Manifest"), details);
    QFont sectionFont = manifestLabel->font();
    sectionFont.setBold(true);
    manifestLabel->setFont(sectionFont);

    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_title);
    detailsLayout->addSpacing(4);
    detailsLayout->addLayout(form);
    detailsLayout->addSpacing(8);
    detailsLayout->addWidget(manifestLabel);
    detailsLayout->addWidget(m_manifest, 1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_hint);
    m_pages->addWidget(details);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(m_pages);

    showHint(tr("Select a tag to see its manifest."));
}

ManifestPanel::~ManifestPanel()
{
    cancelRequest();
}

QToolButton *ManifestPanel::makeCopyButton(QLineEdit *field, const QString &toolTip,
                                           const QString &doneMessage)
{
    auto *button = new QToolButton(this);
    button->setText(tr("Copy"));
    button->setToolTip(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(button, &QToolButton::clicked, this,
            [this, field, doneMessage] { copyToClipboard(field, doneMessage); });
    return button;
}

void ManifestPanel::cancelRequest()
{
    if (oci::ManifestJob *job = m_job.data()) {
        m_job = nullptr;
        job->cancel();
        delete job;
    }
}

void ManifestPanel::showHint(const QString &text, HintKind kind)
{
    cancelRequest();
    m_hint->setText(text);
    m_hint->setForegroundRole(kind == HintKind::Problem ? QPalette::WindowText
                                                        : QPalette::PlaceholderText);
    m_pages->setCurrentWidget(m_hint);
}

void ManifestPanel::showTag(oci::RegistryClient *client, const QString &host,
                            const QString &repository, const QString &tag)
{
    cancelRequest();
    const QString reference = host + QLatin1Char('/') + repository + QLatin1Char(':') + tag;
    if (!client) {
        showHint(tr("%1 cannot be loaded: its registry is gone.").arg(reference));
        return;
    }
    showHint(tr("Loading the manifest of %1…").arg(reference));
    Q_EMIT statusMessage(tr("Loading the manifest of %1…").arg(reference));

    oci::ManifestJob *job = client->manifest(repository, tag);
    job->setParent(this);
    m_job = job;
    connect(job, &oci::Job::finished, this, [this, job, reference, tag] {
        m_job = nullptr;
        job->deleteLater();
        if (!job->succeeded()) {
            const QString text = ErrorText::describe(ErrorText::Operation::LoadManifest, reference,
                                                     job->error(), false);
            showHint(text, HintKind::Problem);
            Q_EMIT statusMessage(text);
            return;
        }
        const oci::FetchedManifest &manifest = job->manifest();
        m_title->setText(reference.section(QLatin1Char('/'), 1));
        m_reference->setText(reference);
        m_reference->setCursorPosition(0);
        m_digest->setText(manifest.digest.toString());
        m_digest->setCursorPosition(0);
        const QString typeName = mediaTypeName(manifest.mediaType);
        if (manifest.mediaType.isEmpty())
            m_mediaType->setText(tr("Not given by the registry"));
        else if (typeName.isEmpty())
            m_mediaType->setText(manifest.mediaType);
        else
            m_mediaType->setText(typeName + QStringLiteral("  ·  ") + manifest.mediaType);
        const qint64 size = manifest.size >= 0 ? manifest.size : manifest.bytes.size();
        // formattedDataSize says "345 bytes" itself; larger sizes add the exact count.
        const QLocale locale;
        m_size->setText(size < 1024
                            ? locale.formattedDataSize(size)
                            : tr("%1 (%2 bytes)")
                                  .arg(locale.formattedDataSize(size, 1), locale.toString(size)));
        m_manifest->setPlainText(indentJson(manifest.bytes));
        m_pages->setCurrentIndex(1);
        Q_EMIT statusMessage(tr("Showing the manifest of %1.").arg(reference));
        Q_EMIT manifestShown(reference);
    });
}

void ManifestPanel::copyToClipboard(const QLineEdit *field, const QString &doneMessage)
{
    if (field->text().isEmpty())
        return;
    QApplication::clipboard()->setText(field->text());
    Q_EMIT statusMessage(doneMessage);
}

bool ManifestPanel::isManifestShown() const
{
    return m_pages->currentIndex() == 1;
}

QString ManifestPanel::reference() const
{
    return isManifestShown() ? m_reference->text() : QString();
}

QString ManifestPanel::digest() const
{
    return isManifestShown() ? m_digest->text() : QString();
}

QString ManifestPanel::manifestText() const
{
    return isManifestShown() ? m_manifest->toPlainText() : QString();
}

QString ManifestPanel::hintText() const
{
    return m_hint->text();
}

void ManifestPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ManifestPanel::applyPalette()
{
    if (auto *own = qobject_cast<JsonHighlighter *>(m_highlighter))
        own->setDarkBackground(isDark(palette()));
}
