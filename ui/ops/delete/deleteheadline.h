#pragma once

class QLabel;
class QWidget;

// The delete window's first sentence on each step (the plan's count, the summary's
// outcome): wrapped plain text, bold and a little larger than the rest.
QLabel *newDeleteHeadline(QWidget *parent);
