#include "manifestpanel.h"

#include "inspectorwidget.h"
#include "jsonformat.h"

#include "oci/core/reference.h"

#include <QVBoxLayout>

ManifestPanel::ManifestPanel(QWidget *parent) : QWidget(parent)
{
    m_inspector = new InspectorWidget(this);
    m_inspector->setObjectName(QStringLiteral("inspector"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_inspector);
    connect(m_inspector, &InspectorWidget::statusMessage, this, &ManifestPanel::statusMessage);
    connect(m_inspector, &InspectorWidget::contentShown, this, [this](const QString &reference) {
        if (isManifestShown())
            Q_EMIT manifestShown(reference);
    });
    showHint(tr("Select a tag to see its manifest."));
}

ManifestPanel::~ManifestPanel() = default;

namespace {

oci::Result<oci::Reference> tagReference(const QString &host, const QString &repository,
                                         const QString &tag)
{
    return oci::Reference::parse(QString(host + u'/' + repository + u':' + tag));
}

} // namespace

void ManifestPanel::showTag(oci::ContentFetcher *fetcher, const QString &host,
                            const QString &repository, const QString &tag)
{
    const oci::Result<oci::Reference> reference = tagReference(host, repository, tag);
    if (!reference.ok()) {
        showHint(
            tr("%1 is not a reference Lading can load: %2")
                .arg(QString(host + u'/' + repository + u':' + tag), reference.error().message()),
            HintKind::Problem);
        return;
    }
    m_inspector->showReference(fetcher, reference.value());
}

void ManifestPanel::showReference(oci::ContentFetcher *fetcher, const oci::Reference &reference)
{
    m_inspector->showReference(fetcher, reference);
}

void ManifestPanel::showHint(const QString &text, HintKind kind)
{
    m_inspector->showMessage(text, kind == HintKind::Problem ? InspectorWidget::MessageKind::Problem
                                                             : InspectorWidget::MessageKind::Hint);
}

bool ManifestPanel::isManifestShown() const
{
    return m_inspector->state() == InspectorWidget::State::Shown &&
           m_inspector->kind() == InspectorLocation::Kind::Manifest;
}

QString ManifestPanel::reference() const
{
    return isManifestShown() ? m_inspector->referenceText() : QString();
}

QString ManifestPanel::digest() const
{
    return isManifestShown() ? m_inspector->digest() : QString();
}

QString ManifestPanel::manifestText() const
{
    return isManifestShown() ? indentJson(m_inspector->rawBytes()) : QString();
}

QString ManifestPanel::hintText() const
{
    return m_inspector->messageText();
}
