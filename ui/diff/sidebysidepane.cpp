#include "sidebysidepane.h"

#include <QEvent>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QScrollBar>
#include <QTextLayout>

#include <algorithm>

namespace {

constexpr int kPadding = 6;

QColor mix(const QColor &base, const QColor &tint, qreal amount)
{
    const auto channel = [amount](int from, int to) {
        return qRound(from + (to - from) * amount);
    };
    return QColor(channel(base.red(), tint.red()), channel(base.green(), tint.green()),
                  channel(base.blue(), tint.blue()));
}

int digits(int value)
{
    int count = 1;
    while (value >= 10) {
        value /= 10;
        ++count;
    }
    return count;
}

} // namespace

TextDiffColours TextDiffColours::fromPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = base.lightness() < 128;
    // On a dark base the same hue needs more of itself to show, and less to stay calm.
    const qreal soft = dark ? 0.20 : 0.15;
    const qreal strong = dark ? 0.50 : 0.36;
    const QColor red(dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xe5, 0x3e, 0x3e));
    const QColor green(dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x2d, 0xa4, 0x4e));
    const QColor amber(dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xe0, 0xa0, 0x10));
    TextDiffColours c;
    c.removed = mix(base, red, soft);
    c.removedEmphasis = mix(base, red, strong);
    c.added = mix(base, green, soft);
    c.addedEmphasis = mix(base, green, strong);
    c.changed = mix(base, amber, soft + (dark ? 0.0 : 0.03));
    c.changedEmphasis = mix(base, amber, strong + 0.1);
    c.gap = mix(base, text, dark ? 0.07 : 0.045);
    c.fold = mix(base, palette.color(QPalette::Highlight), dark ? 0.22 : 0.10);
    c.gutter = mix(base, text, dark ? 0.05 : 0.03);
    c.marker = palette.color(QPalette::Highlight);
    c.lineNumber = palette.color(QPalette::PlaceholderText);
    c.text = text;
    return c;
}

SideBySidePane::SideBySidePane(Side side, QWidget *parent)
    : QAbstractScrollArea(parent), m_side(side)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    // Always there on both sides, so both viewports are as tall and scroll in step.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    viewport()->setMouseTracking(true);
    updateScrollBars();
}

void SideBySidePane::setContent(SideBySideContent *content)
{
    m_content = content;
    m_longestLine = 0;
    if (m_content) {
        // Both sides' longest: the panes' horizontal ranges match, so they scroll in step.
        for (const QStringList *lines : {&m_content->diff.leftLines, &m_content->diff.rightLines})
            for (const QString &line : *lines)
                m_longestLine = std::max<int>(m_longestLine, int(line.size()));
        m_longestLine = std::min(m_longestLine, TextDiffHighlighting::MaxLineChars);
    }
    updateScrollBars();
    viewport()->update();
}

int SideBySidePane::rowHeight() const
{
    return fontMetrics().height() + 2;
}

int SideBySidePane::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int SideBySidePane::visibleRowCount() const
{
    return std::max(1, viewport()->height() / std::max(1, rowHeight()));
}

int SideBySidePane::rowAt(int y) const
{
    if (!m_content || y < 0)
        return -1;
    const int row = firstVisibleRow() + y / std::max(1, rowHeight());
    return row < m_content->rows.size() ? row : -1;
}

int SideBySidePane::lineCount() const
{
    if (!m_content)
        return 0;
    return int(std::max(m_content->diff.leftLines.size(), m_content->diff.rightLines.size()));
}

int SideBySidePane::gutterWidth() const
{
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    // Numbers, then a sign column; both sides alike so the two texts start level.
    return kPadding + charWidth * std::max(3, digits(lineCount())) + kPadding + charWidth * 2;
}

int SideBySidePane::textX() const
{
    return gutterWidth() + kPadding - horizontalScrollBar()->value();
}

QString SideBySidePane::foldText(int count) const
{
    return tr("⋯ %n unchanged line(s)", nullptr, count);
}

int SideBySidePane::lineAt(int displayRow) const
{
    if (!m_content || displayRow < 0 || displayRow >= m_content->rows.size())
        return -1;
    const TextDiffDisplayRow &shown = m_content->rows.at(displayRow);
    if (shown.type == TextDiffDisplayRow::Type::Fold)
        return -1;
    const image::LineDiffRow &row = m_content->diff.rows.at(shown.diffRow);
    return m_side == Side::Left ? row.leftLine : row.rightLine;
}

QString SideBySidePane::rowText(int displayRow) const
{
    if (!m_content || displayRow < 0 || displayRow >= m_content->rows.size())
        return {};
    const TextDiffDisplayRow &shown = m_content->rows.at(displayRow);
    if (shown.type == TextDiffDisplayRow::Type::Fold)
        return foldText(shown.foldCount);
    const int line = lineAt(displayRow);
    if (line < 0)
        return {};
    const image::LineDiffRow &row = m_content->diff.rows.at(shown.diffRow);
    const QChar sign = row.kind == image::LineDiffRowKind::Equal ? u' '
                       : m_side == Side::Left                    ? QChar(0x2212)
                                                                 : u'+';
    const QStringList &lines =
        m_side == Side::Left ? m_content->diff.leftLines : m_content->diff.rightLines;
    return QString::number(line + 1) + u' ' + sign + u' ' + lines.at(line);
}

void SideBySidePane::updateScrollBars()
{
    const int rows = m_content ? int(m_content->rows.size()) : 0;
    const int visible = visibleRowCount();
    verticalScrollBar()->setRange(0, std::max(0, rows - visible));
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(1);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int textWidth = viewport()->width() - gutterWidth();
    horizontalScrollBar()->setRange(0, std::max(0, m_longestLine * charWidth + 2 * kPadding -
                                                       textWidth));
    horizontalScrollBar()->setPageStep(std::max(1, textWidth));
    horizontalScrollBar()->setSingleStep(charWidth * 2);
}

void SideBySidePane::paintEvent(QPaintEvent *)
{
    if (!m_content)
        return;
    QPainter painter(viewport());
    painter.setFont(font());
    const TextDiffColours colours = TextDiffColours::fromPalette(palette());
    const QFontMetrics metrics = fontMetrics();
    const int h = rowHeight();
    const int width = viewport()->width();
    const int gutter = gutterWidth();
    const int charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    const int numberRight = gutter - kPadding - charWidth * 2;
    const int first = firstVisibleRow();
    const int rows = int(m_content->rows.size());
    const int visible = viewport()->height() / std::max(1, h) + 1;
    const QStringList &lines =
        m_side == Side::Left ? m_content->diff.leftLines : m_content->diff.rightLines;
    TextDiffHighlighting &highlighting = m_content->highlighting[m_side == Side::Left ? 0 : 1];
    const image::LineDiffHunk *current =
        m_content->currentHunk >= 0 && m_content->currentHunk < m_content->diff.hunks.size()
            ? &m_content->diff.hunks.at(m_content->currentHunk)
            : nullptr;

    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    option.setTabStopDistance(charWidth * 4);
    const int x0 = textX();
    const QRect textArea(gutter, 0, width - gutter, viewport()->height());

    for (int i = 0; i < visible && first + i < rows; ++i) {
        const TextDiffDisplayRow &shown = m_content->rows.at(first + i);
        const QRect rowRect(0, i * h, width, h);
        const int baseline = i * h + 1 + metrics.ascent();
        if (shown.type == TextDiffDisplayRow::Type::Fold) {
            painter.fillRect(rowRect, colours.fold);
            painter.setPen(colours.lineNumber);
            painter.drawText(gutter + kPadding, baseline, foldText(shown.foldCount));
            continue;
        }
        const image::LineDiffRow &row = m_content->diff.rows.at(shown.diffRow);
        const int line = m_side == Side::Left ? row.leftLine : row.rightLine;
        if (line < 0) {
            // A gap: lines only the other side has. Hatched, so it never reads as an
            // empty line.
            painter.fillRect(rowRect, colours.gap);
            QColor hatch = colours.lineNumber;
            hatch.setAlpha(48);
            painter.fillRect(rowRect, QBrush(hatch, Qt::BDiagPattern));
        } else {
            QColor tint;
            QColor emphasis;
            switch (row.kind) {
            case image::LineDiffRowKind::Equal:
                break;
            case image::LineDiffRowKind::Removed:
                tint = colours.removed;
                emphasis = colours.removedEmphasis;
                break;
            case image::LineDiffRowKind::Added:
                tint = colours.added;
                emphasis = colours.addedEmphasis;
                break;
            case image::LineDiffRowKind::Changed:
                tint = colours.changed;
                emphasis = colours.changedEmphasis;
                break;
            }
            painter.fillRect(QRect(0, i * h, gutter, h),
                             tint.isValid() ? emphasis : colours.gutter);
            if (tint.isValid())
                painter.fillRect(QRect(gutter, i * h, width - gutter, h), tint);
            // On a tinted gutter the muted number colour would fade into it.
            painter.setPen(tint.isValid() ? colours.text : colours.lineNumber);
            painter.drawText(QRect(0, i * h, numberRight, h), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(line + 1));
            if (row.kind != image::LineDiffRowKind::Equal) {
                painter.setPen(colours.text);
                painter.drawText(numberRight + kPadding, baseline,
                                 m_side == Side::Left ? QString(QChar(0x2212))
                                                      : QStringLiteral("+"));
            }

            const QString text = lines.at(line).left(TextDiffHighlighting::MaxLineChars);
            QList<QTextLayout::FormatRange> formats = highlighting.formats(line);
            if (row.kind == image::LineDiffRowKind::Changed) {
                const image::CharRange range =
                    m_side == Side::Left ? row.leftChange : row.rightChange;
                if (range.length > 0 && range.start < text.size()) {
                    QTextLayout::FormatRange changed;
                    changed.start = int(range.start);
                    changed.length = int(std::min<qsizetype>(range.length,
                                                             text.size() - range.start));
                    changed.format.setBackground(emphasis);
                    formats.append(changed);
                }
            }
            QTextLayout layout(text, font(), viewport());
            layout.setTextOption(option);
            layout.setFormats(formats);
            layout.beginLayout();
            QTextLine textLine = layout.createLine();
            if (textLine.isValid())
                textLine.setLineWidth(1e7);
            layout.endLayout();
            painter.save();
            painter.setClipRect(textArea);
            painter.setPen(colours.text);
            layout.draw(&painter, QPointF(x0, i * h + 1));
            painter.restore();
        }
        if (current && shown.diffRow >= current->firstRow &&
            shown.diffRow < current->firstRow + current->rowCount)
            painter.fillRect(QRect(0, i * h, 3, h), colours.marker);
    }
}

void SideBySidePane::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void SideBySidePane::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

void SideBySidePane::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint().y());
    if (event->button() == Qt::LeftButton && row >= 0 &&
        m_content->rows.at(row).type == TextDiffDisplayRow::Type::Fold) {
        Q_EMIT foldClicked(row);
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void SideBySidePane::mouseMoveEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint().y());
    const bool fold = row >= 0 && m_content->rows.at(row).type == TextDiffDisplayRow::Type::Fold;
    viewport()->setCursor(fold ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QAbstractScrollArea::mouseMoveEvent(event);
}
