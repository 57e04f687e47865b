#include "hexview.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace {

constexpr char kHex[] = "0123456789abcdef";

// Scroll bars count in int; past that many rows each step covers several rows.
constexpr qint64 kMaxScrollRows = 1 << 30;

} // namespace

HexView::HexView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    updateScrollBars();
}

void HexView::setData(const QByteArray &bytes, qint64 baseOffset)
{
    m_bytes = bytes;
    m_base = baseOffset;
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void HexView::appendData(const QByteArray &bytes)
{
    m_bytes.append(bytes);
    updateScrollBars();
    viewport()->update();
}

qint64 HexView::rowCount() const
{
    return (qint64(m_bytes.size()) + BytesPerRow - 1) / BytesPerRow;
}

QString HexView::rowText(qint64 row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const qsizetype start = qsizetype(row * BytesPerRow);
    const qsizetype count = std::min<qsizetype>(BytesPerRow, m_bytes.size() - start);
    QString line = QStringLiteral("%1  ").arg(m_base + start, 8, 16, QLatin1Char('0'));
    QString ascii;
    ascii.reserve(BytesPerRow);
    for (qsizetype i = 0; i < BytesPerRow; ++i) {
        if (i == 8)
            line += u' ';
        if (i < count) {
            const auto b = static_cast<unsigned char>(m_bytes.at(start + i));
            line += QLatin1Char(kHex[b >> 4]);
            line += QLatin1Char(kHex[b & 0xf]);
            line += u' ';
            ascii += (b >= 0x20 && b < 0x7f) ? QLatin1Char(char(b)) : QLatin1Char('.');
        } else {
            line += QLatin1String("   ");
        }
    }
    return line + u' ' + ascii;
}

int HexView::rowHeight() const
{
    return fontMetrics().height();
}

qint64 HexView::firstVisibleRow() const
{
    const qint64 rows = rowCount();
    const qint64 value = verticalScrollBar()->value();
    if (rows <= kMaxScrollRows)
        return value;
    return value * (rows / kMaxScrollRows + 1);
}

void HexView::scrollToOffset(qint64 offset)
{
    const qint64 row = std::max<qint64>(0, (offset - m_base) / BytesPerRow);
    const qint64 rows = rowCount();
    verticalScrollBar()->setValue(
        int(rows <= kMaxScrollRows ? row : row / (rows / kMaxScrollRows + 1)));
}

void HexView::updateScrollBars()
{
    const int visible = std::max(1, viewport()->height() / std::max(1, rowHeight()));
    const qint64 rows = rowCount();
    const qint64 steps = rows <= kMaxScrollRows ? rows : rows / (rows / kMaxScrollRows + 1);
    verticalScrollBar()->setRange(0, int(std::max<qint64>(0, steps - visible)));
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(1);
    const int width = fontMetrics().horizontalAdvance(QLatin1Char('0')) *
                      (10 + 3 * BytesPerRow + 2 + BytesPerRow + 1);
    horizontalScrollBar()->setRange(0, std::max(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.setFont(font());
    const QFontMetrics metrics = fontMetrics();
    const int h = rowHeight();
    const int charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    const int x0 = 4 - horizontalScrollBar()->value();
    const qint64 first = firstVisibleRow();
    const qint64 rows = rowCount();
    const int visible = viewport()->height() / std::max(1, h) + 1;
    const QColor offsetColour = palette().color(QPalette::PlaceholderText);
    const QColor textColour = palette().color(QPalette::Text);
    for (int i = 0; i < visible && first + i < rows; ++i) {
        const qint64 row = first + i;
        if (row % 2 == 1)
            painter.fillRect(QRect(0, i * h, viewport()->width(), h),
                             palette().color(QPalette::AlternateBase));
        const QString text = rowText(row);
        const int y = i * h + metrics.ascent();
        painter.setPen(offsetColour);
        painter.drawText(x0, y, text.left(8));
        painter.setPen(textColour);
        painter.drawText(x0 + charWidth * 10, y, text.mid(10, 3 * BytesPerRow + 1));
        painter.setPen(offsetColour);
        painter.drawText(x0 + charWidth * (10 + 3 * BytesPerRow + 2), y,
                         text.mid(10 + 3 * BytesPerRow + 2));
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

QSize HexView::sizeHint() const
{
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    return {charWidth * (10 + 3 * BytesPerRow + 2 + BytesPerRow + 2) + 24, rowHeight() * 20};
}
