#pragma once

class QLabel;
class QString;
class QWidget;

// The cleanup window's wrapped, plain-text, selectable labels (status, rules in words, a
// tag's reason), each keeping room for `lines` lines at the dialog's width.
QLabel *cleanupLabel(const QString &objectName, int lines, QWidget *parent);
