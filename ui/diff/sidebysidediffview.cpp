#include "sidebysidediffview.h"

#include "diff/sidebysidepane.h"
#include "filekind.h"
#include "jsonformat.h"
#include "oci/core/futurecontinuation.h"

#include <QAction>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

QString endingName(image::LineEnding ending)
{
    switch (ending) {
    case image::LineEnding::CrLf:
        return QStringLiteral("CRLF");
    case image::LineEnding::Lf:
        return QStringLiteral("LF");
    case image::LineEnding::Mixed:
        return SideBySideDiffView::tr("mixed CRLF and LF");
    case image::LineEnding::None:
        break;
    }
    return {};
}

QLabel *titleLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(4, 2, 4, 2);
    return label;
}

} // namespace

SideBySideDiffView::SideBySideDiffView(QWidget *parent)
    : QWidget(parent),
      m_content(std::make_unique<SideBySideContent>()),
      m_options(std::make_unique<TextDiffRowOptions>())
{
    m_previous = new QAction(QIcon::fromTheme(QStringLiteral("go-up")), tr("Previous Change"), this);
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_previous->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_previous->setToolTip(tr("Previous change (Alt+Up)"));
    m_next = new QAction(QIcon::fromTheme(QStringLiteral("go-down")), tr("Next Change"), this);
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_next->setToolTip(tr("Next change (Alt+Down)"));
    m_collapse = new QAction(tr("Hide Unchanged Lines"), this);
    m_collapse->setCheckable(true);
    m_collapse->setChecked(true);
    addActions({m_previous, m_next, m_collapse});
    connect(m_next, &QAction::triggered, this, [this] { goToChange(nextTarget()); });
    connect(m_previous, &QAction::triggered, this, [this] { goToChange(previousTarget()); });
    connect(m_collapse, &QAction::toggled, this, &SideBySideDiffView::setCollapseUnchanged);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {m_previous, m_next, m_collapse}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        bar->addWidget(button);
    }
    m_position = new QLabel(this);
    bar->addWidget(m_position);
    bar->addStretch(1);
    m_summary = new QLabel(this);
    bar->addWidget(m_summary);

    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->setContentsMargins(4, 0, 4, 0);
    m_notes->hide();

    m_left = new SideBySidePane(SideBySidePane::Side::Left, this);
    m_right = new SideBySidePane(SideBySidePane::Side::Right, this);
    // One vertical scroll bar (the right one) moves both; each side's horizontal bar too.
    m_left->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_right->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    for (Qt::Orientation o : {Qt::Vertical, Qt::Horizontal}) {
        QScrollBar *a = o == Qt::Vertical ? m_left->verticalScrollBar()
                                          : m_left->horizontalScrollBar();
        QScrollBar *b = o == Qt::Vertical ? m_right->verticalScrollBar()
                                          : m_right->horizontalScrollBar();
        // Guarded: a bar that clamps the value must not pull the other one back.
        const auto follow = [this](QScrollBar *to) {
            return [this, to](int value) {
                if (m_syncing)
                    return;
                m_syncing = true;
                to->setValue(value);
                m_syncing = false;
            };
        };
        connect(a, &QScrollBar::valueChanged, b, follow(b));
        connect(b, &QScrollBar::valueChanged, a, follow(a));
    }
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &SideBySideDiffView::updateActions);
    for (SideBySidePane *pane : {m_left, m_right}) {
        pane->setContent(m_content.get());
        connect(pane, &SideBySidePane::foldClicked, this, &SideBySideDiffView::expandFold);
    }

    m_leftTitleLabel = titleLabel(this);
    m_rightTitleLabel = titleLabel(this);
    auto *texts = new QWidget(this);
    auto *grid = new QGridLayout(texts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(2);
    grid->setVerticalSpacing(0);
    grid->addWidget(m_leftTitleLabel, 0, 0);
    grid->addWidget(m_rightTitleLabel, 0, 1);
    grid->addWidget(m_left, 1, 0);
    grid->addWidget(m_right, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(1, 1);

    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setMargin(24);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(texts);
    m_stack->addWidget(m_message);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_notes);
    layout->addWidget(m_stack, 1);
    updateLabels();
    updateActions();
}

SideBySideDiffView::~SideBySideDiffView() = default;

const image::LineDiff &SideBySideDiffView::diff() const
{
    return m_content->diff;
}

void SideBySideDiffView::setTexts(const QString &leftTitle, const QByteArray &leftBytes,
                                  const QString &rightTitle, const QByteArray &rightBytes,
                                  const QString &fileNameForHighlighting)
{
    m_leftTitle = leftTitle;
    m_rightTitle = rightTitle;
    m_leftBytes = leftBytes;
    m_rightBytes = rightBytes;
    m_fileName = fileNameForHighlighting;
    m_hasTexts = true;
    m_options->expanded.clear();
    m_leftTitleLabel->setText(leftTitle);
    m_rightTitleLabel->setText(rightTitle);
    compare();
}

void SideBySideDiffView::setJsonMode(bool on)
{
    if (m_json == on)
        return;
    m_json = on;
    if (m_hasTexts) {
        m_options->expanded.clear();
        compare();
    }
}

void SideBySideDiffView::clear()
{
    ++m_generation; // a comparison still running is dropped
    m_hasTexts = false;
    m_comparing = false;
    m_tooLarge = false;
    m_leftBytes.clear();
    m_rightBytes.clear();
    m_leftTitleLabel->clear();
    m_rightTitleLabel->clear();
    showDiff(image::LineDiff{}, m_generation);
}

void SideBySideDiffView::compare()
{
    const int generation = ++m_generation;
    m_comparing = true;
    updateLabels();
    if (m_leftBytes.size() > MaxBytes || m_rightBytes.size() > MaxBytes) {
        // Lines of a text this size would take several times its size in memory.
        image::LineDiff tooLarge;
        m_tooLarge = true;
        showDiff(std::move(tooLarge), generation);
        return;
    }
    m_tooLarge = false;
    const QByteArray left = m_leftBytes;
    const QByteArray right = m_rightBytes;
    const bool json = m_json;
    oci::whenFinished(this, QtConcurrent::run([left, right, json] {
        if (json && !image::looksBinary(left) && !image::looksBinary(right))
            return image::diffTexts(indentJson(left).toUtf8(), indentJson(right).toUtf8());
        return image::diffTexts(left, right);
    }), [this, generation](const image::LineDiff &diff) { showDiff(diff, generation); });
}

void SideBySideDiffView::showDiff(image::LineDiff diff, int generation)
{
    if (generation != m_generation)
        return; // texts changed while this one ran
    m_comparing = false;
    m_content->diff = std::move(diff);
    m_content->currentHunk = -1;
    resetHighlighting();
    relayout(-1);
    m_left->verticalScrollBar()->setValue(0);
    m_left->horizontalScrollBar()->setValue(0);
    m_right->horizontalScrollBar()->setValue(0);
    m_stack->setCurrentIndex(m_content->diff.binary || m_tooLarge ? 1 : 0);
    updateLabels();
    updateActions();
    if (m_hasTexts)
        Q_EMIT compared();
}

void SideBySideDiffView::resetHighlighting()
{
    FileSyntax syntax = FileSyntax::Json;
    if (!m_json) {
        const QByteArray name = m_fileName.toUtf8();
        syntax = detectFileSyntax(name, QByteArrayView(m_rightBytes).first(std::min<qsizetype>(m_rightBytes.size(), 4096)));
        if (syntax == FileSyntax::Plain)
            syntax = detectFileSyntax(name, QByteArrayView(m_leftBytes).first(std::min<qsizetype>(m_leftBytes.size(), 4096)));
    }
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    m_content->highlighting[0].reset(m_content->diff.leftLines, syntax, dark);
    m_content->highlighting[1].reset(m_content->diff.rightLines, syntax, dark);
}

int SideBySideDiffView::topDiffRow() const
{
    const int top = m_left->firstVisibleRow();
    return top < m_content->rows.size() ? m_content->rows.at(top).diffRow : -1;
}

void SideBySideDiffView::relayout(int keepDiffRow)
{
    m_content->rows = layoutTextDiffRows(m_content->diff, *m_options);
    m_left->setContent(m_content.get());
    m_right->setContent(m_content.get());
    if (keepDiffRow >= 0)
        m_right->verticalScrollBar()->setValue(
            std::max(0, displayRowOf(m_content->rows, keepDiffRow)));
}

void SideBySideDiffView::setCollapseUnchanged(bool on)
{
    if (m_collapse->isChecked() != on) {
        m_collapse->setChecked(on); // comes back here through toggled
        return;
    }
    if (m_options->collapse == on)
        return;
    m_options->collapse = on;
    relayout(topDiffRow());
    updateActions();
}

void SideBySideDiffView::expandFold(int displayRow)
{
    if (displayRow < 0 || displayRow >= m_content->rows.size())
        return;
    const TextDiffDisplayRow fold = m_content->rows.at(displayRow);
    if (fold.type != TextDiffDisplayRow::Type::Fold)
        return;
    const int top = m_right->verticalScrollBar()->value();
    m_options->expanded.insert(fold.diffRow);
    relayout(-1);
    m_right->verticalScrollBar()->setValue(top); // the rows above did not move
    updateActions();
}

int SideBySideDiffView::displayRowCount() const
{
    return int(m_content->rows.size());
}

int SideBySideDiffView::highlightedChunks() const
{
    return m_content->highlighting[0].chunksMade() + m_content->highlighting[1].chunksMade();
}

int SideBySideDiffView::changeCount() const
{
    return int(m_content->diff.hunks.size());
}

int SideBySideDiffView::currentChange() const
{
    return m_content->currentHunk;
}

void SideBySideDiffView::goToChange(int index)
{
    if (index < 0 || index >= changeCount())
        return;
    m_content->currentHunk = index;
    const int row = displayRowOf(m_content->rows, m_content->diff.hunks.at(index).firstRow);
    // A little of what comes before, so the change is read in place.
    m_right->verticalScrollBar()->setValue(std::max(0, row - m_options->context));
    m_left->viewport()->update();
    m_right->viewport()->update();
    updateLabels();
    updateActions();
}

bool SideBySideDiffView::currentVisible() const
{
    if (m_content->currentHunk < 0)
        return false;
    const int row = displayRowOf(m_content->rows,
                                 m_content->diff.hunks.at(m_content->currentHunk).firstRow);
    const int top = m_right->firstVisibleRow();
    return row >= top && row < top + m_right->visibleRowCount();
}

// After the current change while it is on screen; otherwise the first change at or below
// the top of the view, so "next" follows where the person scrolled to.
int SideBySideDiffView::nextTarget() const
{
    const auto &hunks = m_content->diff.hunks;
    if (currentVisible())
        return m_content->currentHunk + 1 < hunks.size() ? m_content->currentHunk + 1 : -1;
    const int top = m_right->firstVisibleRow();
    for (int i = 0; i < hunks.size(); ++i)
        if (displayRowOf(m_content->rows, hunks.at(i).firstRow) >= top)
            return i;
    return -1;
}

int SideBySideDiffView::previousTarget() const
{
    const auto &hunks = m_content->diff.hunks;
    if (currentVisible())
        return m_content->currentHunk - 1;
    const int top = m_right->firstVisibleRow();
    for (qsizetype i = hunks.size() - 1; i >= 0; --i)
        if (displayRowOf(m_content->rows, hunks.at(i).firstRow) < top)
            return int(i);
    return -1;
}

void SideBySideDiffView::updateActions()
{
    m_next->setEnabled(nextTarget() >= 0);
    m_previous->setEnabled(previousTarget() >= 0);
    m_collapse->setEnabled(!m_content->diff.hunks.isEmpty());
}

QString SideBySideDiffView::summaryText() const
{
    if (m_comparing)
        return tr("Comparing…");
    const image::LineDiff &d = m_content->diff;
    if (!m_hasTexts || d.binary || m_tooLarge)
        return {};
    if (d.identical())
        return tr("No differences");
    if (d.linesEqual())
        return tr("No line differs");
    QStringList parts;
    if (d.changedRows > 0)
        parts << tr("%n changed", "lines", d.changedRows);
    if (d.removedRows > 0)
        parts << tr("%n removed", "lines", d.removedRows);
    if (d.addedRows > 0)
        parts << tr("%n added", "lines", d.addedRows);
    return parts.join(QStringLiteral(" · "));
}

QString SideBySideDiffView::message() const
{
    const image::LineDiff &d = m_content->diff;
    if (m_comparing)
        return {};
    if (m_tooLarge)
        return tr("The files are too large to compare line by line (more than %1 MiB): they "
                  "are compared by size and hash.")
            .arg(MaxBytes / (1024 * 1024));
    if (!d.binary)
        return {};
    if (d.leftBinary && d.rightBinary)
        return tr("Both files are binary: they are compared by size and hash, not line by "
                  "line.");
    if (d.leftBinary)
        return tr("%1 is binary: the files are compared by size and hash, not line by line.")
            .arg(m_leftTitle);
    return tr("%1 is binary: the files are compared by size and hash, not line by line.")
        .arg(m_rightTitle);
}

QStringList SideBySideDiffView::notes() const
{
    const image::LineDiff &d = m_content->diff;
    QStringList out;
    if (m_comparing || !m_hasTexts || d.binary || m_tooLarge)
        return out;
    if (d.coarse)
        out << tr("The texts differ too much to compare line by line: the changed part is "
                  "shown as one replaced block.");
    if (m_json)
        out << tr("Both sides are shown as indented JSON, in their own key order.");
    if (d.lineEndingsDiffer())
        out << tr("Line endings differ: %1 on the left, %2 on the right.")
                   .arg(endingName(d.leftEnding), endingName(d.rightEnding));
    if (d.finalNewlineDiffers())
        out << (d.leftMissingFinalNewline ? tr("No newline at the end of the left file.")
                                          : tr("No newline at the end of the right file."));
    return out;
}

void SideBySideDiffView::updateLabels()
{
    m_summary->setText(summaryText());
    const QStringList lines = notes();
    m_notes->setText(lines.join(u'\n'));
    m_notes->setVisible(!lines.isEmpty());
    m_message->setText(message());
    const int count = changeCount();
    m_position->setText(count == 0 || m_content->currentHunk < 0
                            ? QString()
                            : tr("Change %1 of %2").arg(m_content->currentHunk + 1).arg(count));
}

void SideBySideDiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_content) {
        resetHighlighting(); // the highlighters pick colours for a light or dark base
        m_left->viewport()->update();
        m_right->viewport()->update();
    }
}
