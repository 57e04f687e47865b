#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace image {
struct LineDiff;
}
class QAction;
class QLabel;
class QStackedWidget;
class QToolButton;
class SideBySidePane;
struct SideBySideContent;
struct TextDiffRowOptions;

// Two texts side by side from image::diffTexts (issue 7: a changed text file, or two
// configs as JSON): line numbers, removed lines tinted red on the left, added green on the
// right, changed amber with the changed characters stronger, hatched gaps where the other
// side has lines, both sides scrolling together, long unchanged runs folded ("⋯ 120
// unchanged lines", a click opens one), next/previous change. Syntax colours come from
// Lading's highlighters by file name. Binary content is refused with a message.
//
//     auto *view = new SideBySideDiffView(parent);
//     view->setJsonMode(true);                       // configs: pretty JSON, key order kept
//     view->setTexts(u"debian:12"_s, configA, u"debian:13"_s, configB, u"config.json"_s);
//     toolbar->addAction(view->previousChangeAction());
//     toolbar->addAction(view->nextChangeAction());
//
// The diff runs on the thread pool (capped; see image::LineDiffOptions); compared() says
// when it is shown. Only visible rows are painted, so 50k-line files stay responsive.
class SideBySideDiffView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SideBySideDiffView)

public:
    // Larger texts are not compared line by line (their lines would take several times
    // their size in memory); message() says so.
    static constexpr qsizetype MaxBytes = 32 * 1024 * 1024;

    explicit SideBySideDiffView(QWidget *parent = nullptr);
    ~SideBySideDiffView() override;

    // Compares the two byte strings (UTF-8 text). `fileNameForHighlighting` picks the
    // syntax colours (e.g. "etc/nginx/nginx.conf"); empty: by content.
    void setTexts(const QString &leftTitle, const QByteArray &leftBytes,
                  const QString &rightTitle, const QByteArray &rightBytes,
                  const QString &fileNameForHighlighting = {});
    // JSON mode: both sides re-indented with indentJson (their own key order kept) before
    // the comparison, highlighted as JSON. Compares again when texts are set.
    void setJsonMode(bool on);
    bool jsonMode() const { return m_json; }
    void setCollapseUnchanged(bool on);
    void clear();

    bool isComparing() const { return m_comparing; }
    const image::LineDiff &diff() const;
    // "2 changed · 1 removed · 3 added", or that nothing differs.
    QString summaryText() const;
    // Shown instead of the texts (binary content, too large), empty otherwise.
    QString message() const;
    // Shown above the texts: line endings, final newline, a coarse answer, JSON mode.
    QStringList notes() const;

    QAction *nextChangeAction() const { return m_next; }
    QAction *previousChangeAction() const { return m_previous; }
    QAction *collapseAction() const { return m_collapse; }

    int changeCount() const;
    int currentChange() const;
    void goToChange(int index);
    void expandFold(int displayRow);
    int displayRowCount() const;
    // Chunks of lines given syntax colours so far (only what was painted; for tests).
    int highlightedChunks() const;

    SideBySidePane *leftPane() const { return m_left; }
    SideBySidePane *rightPane() const { return m_right; }

Q_SIGNALS:
    void compared();

protected:
    void changeEvent(QEvent *event) override;

private:
    void compare();
    void showDiff(image::LineDiff diff, int generation);
    void relayout(int keepDiffRow);
    void resetHighlighting();
    void updateLabels();
    void updateActions();
    int nextTarget() const;
    int previousTarget() const;
    bool currentVisible() const;
    int topDiffRow() const;

    QString m_leftTitle;
    QString m_rightTitle;
    QByteArray m_leftBytes;
    QByteArray m_rightBytes;
    QString m_fileName;
    bool m_json = false;
    bool m_comparing = false;
    bool m_hasTexts = false;
    bool m_tooLarge = false;
    bool m_syncing = false; // one scroll bar following the other
    int m_generation = 0;
    std::unique_ptr<SideBySideContent> m_content;
    std::unique_ptr<TextDiffRowOptions> m_options;

    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_collapse = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_position = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_leftTitleLabel = nullptr;
    QLabel *m_rightTitleLabel = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_stack = nullptr;
    SideBySidePane *m_left = nullptr;
    SideBySidePane *m_right = nullptr;
};
