#pragma once

class QColor;
class QLabel;
class QString;
class QWidget;

// How Lading's dialogs write their explanations, the same in each: quiet notes, problems in
// red, warnings in orange (both readable on light and dark window colours).
namespace DialogText {

const QColor &problemColour();
const QColor &warningColour();

// A wrapped, plain-text note in the quieter placeholder colour.
QLabel *note(const QString &text, QWidget *parent);
// A dialog window does not ask its wrapped labels for their height at its width, so each
// one keeps room for the lines its longest text needs at the dialog's width.
void reserveLines(QLabel *label, int lines);
void setColour(QLabel *label, const QColor &colour);

} // namespace DialogText
