#include "dialogtext.h"

#include <QColor>
#include <QLabel>
#include <QPalette>

namespace DialogText {

const QColor &problemColour()
{
    static const QColor colour(0xb3, 0x26, 0x1e);
    return colour;
}

const QColor &warningColour()
{
    static const QColor colour(0xa8, 0x4b, 0x00);
    return colour;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void reserveLines(QLabel *label, int lines)
{
    label->setMinimumHeight(label->fontMetrics().lineSpacing() * lines + 4);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

void setColour(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

} // namespace DialogText
