#include "ops/cleanup/cleanuplabel.h"

#include "dialogtext.h"

#include <QLabel>

QLabel *cleanupLabel(const QString &objectName, int lines, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    DialogText::reserveLines(label, lines);
    return label;
}
