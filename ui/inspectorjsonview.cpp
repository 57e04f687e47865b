#include "inspectorjsonview.h"

#include "jsonformat.h"
#include "jsonhighlighter.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QRegularExpression>
#include <QTextBlock>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace {

// The same digests the highlighter marks, anywhere in a string ("…@sha256:…" too).
const QRegularExpression &digestPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("(?:sha256|sha384|sha512):[0-9a-f]{32,128}"));
    return pattern;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// Raw compact JSON is often one long line: wrap it rather than scroll sideways forever.
bool hasLongLines(const QByteArray &bytes)
{
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        if (end - start > 160)
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace

InspectorJsonView::InspectorJsonView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 4);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    m_highlighter = attachJsonHighlighter(document(), isDark(palette()));
}

void InspectorJsonView::setJson(const QByteArray &bytes)
{
    m_bytes = bytes;
    refresh();
}

void InspectorJsonView::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    refresh();
}

void InspectorJsonView::refresh()
{
    if (m_mode == Mode::Raw) {
        setLineWrapMode(hasLongLines(m_bytes) ? WidgetWidth : NoWrap);
        setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        setPlainText(QString::fromUtf8(m_bytes));
    } else {
        setLineWrapMode(NoWrap);
        setPlainText(indentJson(m_bytes));
    }
}

QString InspectorJsonView::digestAtCursor(const QTextCursor &cursor) const
{
    const QTextBlock block = cursor.block();
    const int position = cursor.positionInBlock();
    auto it = digestPattern().globalMatch(block.text());
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (position >= match.capturedStart() && position < match.capturedEnd())
            return match.captured();
    }
    return {};
}

QString InspectorJsonView::digestAt(const QPoint &viewportPosition) const
{
    const QTextCursor cursor = cursorForPosition(viewportPosition);
    // cursorForPosition snaps to the nearest character: make sure the point is on it.
    const QRect at = cursorRect(cursor);
    if (viewportPosition.y() < at.top() || viewportPosition.y() > at.bottom())
        return {};
    return digestAtCursor(cursor);
}

QRect InspectorJsonView::digestRect(const QString &digest, int occurrence) const
{
    QTextCursor found(document());
    for (int i = 0; i <= occurrence; ++i) {
        found = document()->find(digest, found);
        if (found.isNull())
            return {};
    }
    QTextCursor start = found;
    start.setPosition(found.selectionStart());
    QTextCursor end = found;
    end.setPosition(found.selectionEnd());
    const QRect first = cursorRect(start);
    const QRect last = cursorRect(end);
    if (last.top() != first.top()) // wrapped: the part on the first line
        return QRect(first.topLeft(), QPoint(viewport()->width() - 1, first.bottom()));
    return QRect(first.topLeft(), QPoint(last.left(), last.bottom()));
}

void InspectorJsonView::mousePressEvent(QMouseEvent *event)
{
    m_pressPosition = event->position().toPoint();
    QPlainTextEdit::mousePressEvent(event);
}

void InspectorJsonView::mouseMoveEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseMoveEvent(event);
    const bool onLink =
        event->buttons() == Qt::NoButton && !digestAt(event->position().toPoint()).isEmpty();
    viewport()->setCursor(onLink ? Qt::PointingHandCursor : Qt::IBeamCursor);
}

void InspectorJsonView::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    // A click follows the link; a drag selects text as usual.
    const QPoint position = event->position().toPoint();
    if (event->button() != Qt::LeftButton || textCursor().hasSelection() ||
        (position - m_pressPosition).manhattanLength() > QApplication::startDragDistance())
        return;
    const QString digest = digestAt(position);
    if (!digest.isEmpty())
        Q_EMIT digestActivated(digest);
}

void InspectorJsonView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        const QString digest = digestAtCursor(textCursor());
        if (!digest.isEmpty()) {
            Q_EMIT digestActivated(digest);
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

void InspectorJsonView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    const QString digest = event->reason() == QContextMenuEvent::Mouse
                               ? digestAt(event->pos())
                               : digestAtCursor(textCursor());
    if (!digest.isEmpty()) {
        QAction *first = menu->actions().value(0);
        QAction *open = new QAction(tr("Open %1").arg(digest.left(19) + u'…'), menu);
        connect(open, &QAction::triggered, this,
                [this, digest] { Q_EMIT digestActivated(digest); });
        QAction *copy = new QAction(tr("Copy Digest"), menu);
        connect(copy, &QAction::triggered, this, [this, digest] {
            QApplication::clipboard()->setText(digest);
            Q_EMIT digestCopied(digest);
        });
        menu->insertAction(first, open);
        menu->insertAction(first, copy);
        menu->insertSeparator(first);
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

bool InspectorJsonView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (!digestAt(help->pos()).isEmpty()) {
            QToolTip::showText(help->globalPos(), tr("Click to open this digest"), viewport());
            return true;
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void InspectorJsonView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        if (auto *own = qobject_cast<JsonHighlighter *>(m_highlighter))
            own->setDarkBackground(isDark(palette()));
    }
}

// ---------------------------------------------------------------------------------------

InspectorJsonPane::InspectorJsonPane(QWidget *parent) : QWidget(parent)
{
    m_view = new InspectorJsonView(this);

    auto makeToggle = [this](const QString &text, const QString &toolTip) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(toolTip);
        button->setCheckable(true);
        button->setAutoRaise(true);
        return button;
    };
    m_raw = makeToggle(tr("Raw"), tr("The bytes exactly as the registry sent them"));
    m_raw->setObjectName(QStringLiteral("rawButton"));
    m_pretty = makeToggle(tr("Pretty"), tr("Re-indented for reading; keys and values as sent"));
    m_pretty->setObjectName(QStringLiteral("prettyButton"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_raw);
    group->addButton(m_pretty);
    group->setExclusive(true);
    m_raw->setChecked(true);
    connect(m_raw, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setMode(InspectorJsonView::Mode::Raw);
    });
    connect(m_pretty, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setMode(InspectorJsonView::Mode::Pretty);
    });

    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("jsonCaption"));
    m_caption->setForegroundRole(QPalette::PlaceholderText);

    auto *copy = new QToolButton(this);
    copy->setObjectName(QStringLiteral("copyJsonButton"));
    copy->setText(tr("Copy JSON"));
    copy->setToolTip(tr("Copy the JSON as shown"));
    copy->setAutoRaise(true);
    connect(copy, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_view->toPlainText());
        Q_EMIT statusMessage(tr("Copied the JSON to the clipboard."));
    });
    connect(m_view, &InspectorJsonView::digestCopied, this, [this](const QString &) {
        Q_EMIT statusMessage(tr("Copied the digest to the clipboard."));
    });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(2);
    bar->addWidget(m_raw);
    bar->addWidget(m_pretty);
    bar->addSpacing(8);
    bar->addWidget(m_caption, 1);
    bar->addWidget(copy);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

void InspectorJsonPane::setJson(const QByteArray &bytes)
{
    m_view->setJson(bytes);
    updateCaption();
}

void InspectorJsonPane::setMode(InspectorJsonView::Mode mode)
{
    m_view->setMode(mode);
    (mode == InspectorJsonView::Mode::Raw ? m_raw : m_pretty)->setChecked(true);
    updateCaption();
}

void InspectorJsonPane::updateCaption()
{
    const QString size = QLocale().toString(m_view->json().size());
    m_caption->setText(
        m_view->mode() == InspectorJsonView::Mode::Raw
            ? tr("Exactly as the registry sent it · %1 bytes · click a digest to open it").arg(size)
            : tr("Re-indented for reading · click a digest to open it"));
}
