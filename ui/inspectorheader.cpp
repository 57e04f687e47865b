#include "inspectorheader.h"

#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
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

QToolButton *makeNavigationButton(QWidget *parent, QAction *action, const QString &objectName)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

} // namespace

InspectorHeader::InspectorHeader(QWidget *parent) : QWidget(parent)
{
    m_back = new QAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Back"), this);
    m_back->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_Back)});
    m_back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_back->setToolTip(tr("Back (Alt+Left)"));
    m_forward = new QAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Forward"), this);
    m_forward->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence(Qt::Key_Forward)});
    m_forward->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_forward->setToolTip(tr("Forward (Alt+Right)"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
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
    m_copyButton = new QToolButton(this);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(
        tr("Copy the reference with its digest, a pull command or the digest"));
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
    headerRow->addWidget(makeNavigationButton(this, m_back, QStringLiteral("backButton")), 0,
                         Qt::AlignTop);
    headerRow->addWidget(makeNavigationButton(this, m_forward, QStringLiteral("forwardButton")), 0,
                         Qt::AlignTop);
    headerRow->addSpacing(6);
    headerRow->addLayout(titleColumn, 1);
    headerRow->addWidget(m_copyButton, 0, Qt::AlignTop);

    m_reference = makeReadOnlyField(this, QStringLiteral("referenceField"));
    m_digest = makeReadOnlyField(this, QStringLiteral("digestField"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setVerticalSpacing(2);
    form->addRow(tr("Reference:"), m_reference);
    form->addRow(tr("Digest:"), m_digest);

    m_staleBanner = new QFrame(this);
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(headerRow);
    layout->addLayout(form);
    layout->addWidget(m_staleBanner);
}

void InspectorHeader::setShown(const QString &title, const QString &subtitle,
                               const QString &reference, const QString &digest, bool loading)
{
    m_title->setText(title);
    m_subtitle->setText(subtitle);
    m_subtitle->setVisible(!subtitle.isEmpty());
    m_reference->setText(reference);
    m_reference->setCursorPosition(0);
    m_digest->setText(digest);
    m_digest->setCursorPosition(0);
    m_digest->setPlaceholderText(loading ? tr("loading…") : QString());
}

void InspectorHeader::setStaleText(const QString &text)
{
    m_staleText->setText(text);
    if (!text.isEmpty())
        applyBannerPalette();
    m_staleBanner->setVisible(!text.isEmpty());
}

void InspectorHeader::applyBannerPalette()
{
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_staleIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize));
    // A warm warning colour that reads on light and dark themes alike.
    QPalette banner = palette();
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    banner.setColor(QPalette::Window, dark ? QColor(0x4a, 0x3b, 0x12) : QColor(0xff, 0xf4, 0xce));
    banner.setColor(QPalette::WindowText,
                    dark ? QColor(0xff, 0xec, 0xb3) : QColor(0x5c, 0x45, 0x00));
    m_staleBanner->setPalette(banner);
}

void InspectorHeader::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyBannerPalette();
}
