#pragma once

#include "filekind.h"

#include <QByteArray>
#include <QStringDecoder>
#include <QWidget>

class HexView;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QSyntaxHighlighter;

// The body of the file preview: the bytes of one file shown as what they are — highlighted
// text, a hex dump, or a picture — or a message for things without bytes (a directory, a
// symlink, a device). Bytes arrive as a first slice and then appended slices ("Load more").
class FileContentView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileContentView)

public:
    // Highlighting stops above this much text (rules over megabytes would stall the GUI).
    static constexpr qsizetype HighlightLimit = 256 * 1024;
    // Text goes into the view this many characters per event-loop pass.
    static constexpr qsizetype TextPieceChars = 256 * 1024;

    explicit FileContentView(QWidget *parent = nullptr);

    // `fileName`: the path in the image (raw bytes), for the syntax and image format.
    void setContent(const QByteArray &fileName, const QByteArray &bytes, qint64 fileSize);
    void appendContent(const QByteArray &bytes);
    void showMessage(const QString &title, const QString &text);
    void clear();

    FileKind kind() const { return m_kind; }
    FileSyntax syntax() const { return m_syntax; }
    const QByteArray &bytes() const { return m_bytes; }
    qint64 fileSize() const { return m_fileSize; }
    bool isComplete() const { return m_bytes.size() >= m_fileSize; }
    bool hasContent() const { return m_hasContent; }
    // False while decoded text still waits to go into the text view (big slices).
    bool isTextShown() const { return m_pendingText.isEmpty(); }

    // Text files can be looked at as hex too; binary files are always hex.
    bool isHexMode() const;
    void setHexMode(bool hex);
    bool canToggleHex() const { return m_kind == FileKind::Text; }

    QPlainTextEdit *textView() const { return m_text; }
    HexView *hexView() const { return m_hex; }
    QLabel *imageLabel() const { return m_image; }
    QSyntaxHighlighter *highlighter() const { return m_highlighter; }
    QWidget *currentPage() const;

Q_SIGNALS:
    void modeChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showText();
    void feedText();
    bool showImage();
    void applyHighlighter();
    bool darkBackground() const;

    QStackedWidget *m_stack;
    QPlainTextEdit *m_text;
    HexView *m_hex;
    QScrollArea *m_imageArea;
    QLabel *m_image;
    QLabel *m_message;
    QSyntaxHighlighter *m_highlighter = nullptr;
    QStringDecoder m_decoder;
    QString m_pendingText; // decoded, not yet in the text view
    bool m_feeding = false;
    QByteArray m_fileName;
    QByteArray m_bytes;
    qint64 m_fileSize = 0;
    qsizetype m_textBytes = 0; // bytes already decoded into the text view
    FileKind m_kind = FileKind::Empty;
    FileSyntax m_syntax = FileSyntax::Plain;
    bool m_hasContent = false;
    bool m_hexWanted = false;
};
