#include "ops/transfer/transferlabels.h"

#include "dialogtext.h"

#include "oci/core/digest.h"

#include <QLabel>

namespace TransferLabels {

QLabel *sentence(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *problem(const QString &objectName, QWidget *parent)
{
    QLabel *label = sentence(objectName, parent);
    DialogText::reserveLines(label, 2);
    DialogText::setColour(label, DialogText::problemColour());
    return label;
}

QLabel *warning(const QString &objectName, QWidget *parent)
{
    QLabel *label = sentence(objectName, parent);
    DialogText::setColour(label, DialogText::warningColour());
    return label;
}

QString shortDigest(const oci::Digest &digest)
{
    return digest.shortString() + u'…';
}

} // namespace TransferLabels
