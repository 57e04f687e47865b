#pragma once

#include <QByteArray>
#include <QPlainTextEdit>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QSyntaxHighlighter;
class QToolButton;

// Read-only, highlighted JSON in which every content digest ("sha256:…") is a link:
// click it (or press Enter with the cursor on it) to open it; the context menu offers to
// open or copy it. Shows the bytes exactly as given (Raw) or re-indented (Pretty).
class InspectorJsonView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorJsonView)

public:
    enum class Mode { Raw, Pretty };

    explicit InspectorJsonView(QWidget *parent = nullptr);

    void setJson(const QByteArray &bytes);
    const QByteArray &json() const { return m_bytes; }
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    // The digest under a viewport position; empty when there is none.
    QString digestAt(const QPoint &viewportPosition) const;
    // Where the n-th occurrence of `digest` is shown, in viewport coordinates (for tests
    // and keyboard use); empty when it is not in the text.
    QRect digestRect(const QString &digest, int occurrence = 0) const;

Q_SIGNALS:
    void digestActivated(const QString &digest);
    void digestCopied(const QString &digest);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString digestAtCursor(const QTextCursor &cursor) const;
    void refresh();

    QByteArray m_bytes;
    Mode m_mode = Mode::Raw;
    QSyntaxHighlighter *m_highlighter = nullptr;
    QPoint m_pressPosition;
};

// An InspectorJsonView under a small bar: Raw / Pretty, what the view shows, Copy JSON.
class InspectorJsonPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorJsonPane)

public:
    explicit InspectorJsonPane(QWidget *parent = nullptr);

    InspectorJsonView *view() const { return m_view; }
    void setJson(const QByteArray &bytes);
    void setMode(InspectorJsonView::Mode mode);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void updateCaption();

    InspectorJsonView *m_view = nullptr;
    QToolButton *m_raw = nullptr;
    QToolButton *m_pretty = nullptr;
    QLabel *m_caption = nullptr;
};
