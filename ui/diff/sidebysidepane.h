#pragma once

#include "diff/textdiffhighlighting.h"
#include "diff/textdiffrows.h"
#include "image/diff/text/linediff.h"

#include <QAbstractScrollArea>
#include <QColor>

class QPalette;

// The tints of the text diff, mixed from the palette's base colour so they read on a
// light and on a dark palette alike.
struct TextDiffColours
{
    QColor removed;
    QColor removedEmphasis;
    QColor added;
    QColor addedEmphasis;
    QColor changed;
    QColor changedEmphasis;
    QColor gap;       // no line on this side
    QColor fold;      // "⋯ 120 unchanged lines"
    QColor gutter;    // line numbers' background
    QColor marker;    // the current change's bar
    QColor lineNumber;
    QColor text;

    static TextDiffColours fromPalette(const QPalette &palette);
};

// What both panes of the side-by-side view show: the diff, its display rows and each
// side's syntax colours. Owned by SideBySideDiffView.
struct SideBySideContent
{
    image::LineDiff diff;
    QList<TextDiffDisplayRow> rows;
    TextDiffHighlighting highlighting[2]; // left, right
    int currentHunk = -1;
};

// One side of the side-by-side text diff, painted row by row for the visible rows only (a
// 50k-line file scrolls like a short one): line numbers, a −/+ sign, the line with its
// syntax colours on a tint for its kind, gaps where the other side has lines, folds.
class SideBySidePane final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SideBySidePane)

public:
    enum class Side { Left, Right };

    explicit SideBySidePane(Side side, QWidget *parent = nullptr);

    Side side() const { return m_side; }
    // `content` outlives the pane's use of it; call again whenever it changed.
    void setContent(SideBySideContent *content);

    int rowHeight() const;
    int firstVisibleRow() const;
    int visibleRowCount() const;
    int rowAt(int y) const; // display row under viewport y, -1 if none
    // One row as shown, for tests and copying: "12 − text", "⋯ 120 unchanged lines", "".
    QString rowText(int displayRow) const;
    // The line shown on this side in a display row, -1 for a gap or a fold.
    int lineAt(int displayRow) const;
    QString foldText(int count) const;
    // Where column 0 of the text is painted (after the gutter, less the horizontal scroll).
    int textX() const;
    int gutterWidth() const;

Q_SIGNALS:
    void foldClicked(int displayRow);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void updateScrollBars();
    int lineCount() const;

    Side m_side;
    SideBySideContent *m_content = nullptr;
    int m_longestLine = 0; // characters on either side, for the horizontal scroll range
};
