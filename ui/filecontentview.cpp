#include "filecontentview.h"

#include "codehighlighter.h"
#include "hexview.h"

#include <QBuffer>
#include <QEvent>
#include <QFontDatabase>
#include <QImageReader>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

FileContentView::FileContentView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_hex(new HexView(this))
    , m_imageArea(new QScrollArea(this))
    , m_image(new QLabel(this))
    , m_message(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_hex->setObjectName(QStringLiteral("previewHex"));

    m_image->setAlignment(Qt::AlignCenter);
    m_image->setObjectName(QStringLiteral("previewImage"));
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    m_imageArea->setAlignment(Qt::AlignCenter);
    m_imageArea->setBackgroundRole(QPalette::Base);

    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setMargin(24);

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_hex);
    m_stack->addWidget(m_imageArea);
}

void FileContentView::clear()
{
    delete m_highlighter;
    m_highlighter = nullptr;
    m_text->clear();
    m_pendingText.clear(); // a queued feedText() finds nothing to add
    m_hex->setData({});
    m_image->clear();
    m_bytes.clear();
    m_fileName.clear();
    m_fileSize = 0;
    m_textBytes = 0;
    m_kind = FileKind::Empty;
    m_syntax = FileSyntax::Plain;
    m_hasContent = false;
    m_message->clear();
    m_stack->setCurrentWidget(m_message);
}

void FileContentView::showMessage(const QString &title, const QString &text)
{
    clear();
    m_message->setText(u"<p style='font-size:large'><b>" + title.toHtmlEscaped() + u"</b></p><p>" +
                       text.toHtmlEscaped().replace(QStringLiteral("\n"), QStringLiteral("<br>")) +
                       u"</p>");
}

void FileContentView::setContent(const QByteArray &fileName, const QByteArray &bytes,
                                 qint64 fileSize)
{
    clear();
    m_fileName = fileName;
    m_bytes = bytes;
    m_fileSize = std::max<qint64>(fileSize, bytes.size());
    m_hasContent = true;
    m_kind = detectFileKind(fileName, bytes);
    m_syntax = m_kind == FileKind::Text ? detectFileSyntax(fileName, bytes) : FileSyntax::Plain;
    m_hex->setData(m_bytes);

    if (m_kind == FileKind::Image && !showImage()) // an image cut short, or broken
        m_kind = FileKind::Binary;
    if (m_kind == FileKind::Text) {
        // Not UTF-8 (a cut character at the end is fine: the decoder keeps it): Latin-1.
        const QString probe = QStringDecoder(QStringDecoder::Utf8).decode(bytes);
        const bool utf8 = !probe.contains(QChar::ReplacementCharacter);
        m_decoder = QStringDecoder(utf8 ? QStringDecoder::Utf8 : QStringDecoder::Latin1);
        showText();
    }
    if (m_kind == FileKind::Empty)
        m_message->setText(u"<p>" + tr("This file is empty.").toHtmlEscaped() + u"</p>");
    setHexMode(m_hexWanted);
}

void FileContentView::appendContent(const QByteArray &bytes)
{
    if (!m_hasContent || bytes.isEmpty())
        return;
    m_bytes.append(bytes);
    m_hex->appendData(bytes);
    if (m_kind == FileKind::Text) {
        showText();
    } else if (m_kind == FileKind::Image) {
        showImage();
    } else if (m_kind == FileKind::Empty) {
        setContent(m_fileName, m_bytes, m_fileSize);
    }
    setHexMode(m_hexWanted);
}

void FileContentView::showText()
{
    // Decode only what is new; the stateful decoder keeps a character cut between slices.
    m_pendingText += m_decoder.decode(QByteArrayView(m_bytes).sliced(m_textBytes));
    m_textBytes = m_bytes.size();
    // Drop the highlighter before a slice takes the text over the limit: it would otherwise
    // run its rules over the whole new slice as it goes in.
    if (m_bytes.size() > HighlightLimit) {
        delete m_highlighter;
        m_highlighter = nullptr;
    }
    if (!m_feeding)
        feedText();
}

void FileContentView::feedText()
{
    // Megabytes of text go in a piece per event-loop pass (laying out 2 MiB at once stalls
    // the window for a third of a second); a piece ends at a line end when one is near.
    m_feeding = false;
    if (m_pendingText.isEmpty())
        return;
    qsizetype take = std::min<qsizetype>(m_pendingText.size(), TextPieceChars);
    if (take < m_pendingText.size()) {
        const qsizetype eol = m_pendingText.lastIndexOf(u'\n', take - 1);
        if (eol > take / 2)
            take = eol + 1;
    }
    const QString piece = m_pendingText.first(take);
    m_pendingText.remove(0, take);
    if (m_text->document()->isEmpty()) {
        m_text->setPlainText(piece);
    } else {
        QTextCursor cursor(m_text->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(piece);
    }
    if (!m_pendingText.isEmpty()) {
        m_feeding = true;
        QTimer::singleShot(0, this, &FileContentView::feedText);
        return;
    }
    applyHighlighter();
}

void FileContentView::applyHighlighter()
{
    const bool wanted = m_syntax != FileSyntax::Plain && m_bytes.size() <= HighlightLimit;
    if (!wanted) {
        delete m_highlighter;
        m_highlighter = nullptr;
        return;
    }
    if (!m_highlighter)
        m_highlighter = attachFileHighlighter(m_text->document(), m_syntax, darkBackground());
}

bool FileContentView::showImage()
{
    QBuffer buffer(&m_bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, imageFormat(m_fileName, m_bytes));
    reader.setAutoTransform(true);
    // Draw SVGs and icons at a size people can see; never decode a giant canvas.
    QSize size = reader.size();
    if (size.isValid() && (size.width() > 8192 || size.height() > 8192))
        reader.setScaledSize(size.scaled(4096, 4096, Qt::KeepAspectRatio));
    else if (size.isValid() && reader.format() == "svg" && size.width() < 256)
        reader.setScaledSize(size.scaled(256, 256, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    if (image.isNull())
        return false;
    m_image->setPixmap(QPixmap::fromImage(image));
    m_image->setToolTip(tr("%1 × %2 pixels, %3")
                            .arg(image.width())
                            .arg(image.height())
                            .arg(QString::fromLatin1(reader.format()).toUpper()));
    return true;
}

bool FileContentView::isHexMode() const
{
    return m_stack->currentWidget() == m_hex;
}

void FileContentView::setHexMode(bool hex)
{
    m_hexWanted = hex;
    QWidget *page = m_message;
    switch (m_kind) {
    case FileKind::Empty:
        page = m_message;
        break;
    case FileKind::Text:
        page = hex ? static_cast<QWidget *>(m_hex) : m_text;
        break;
    case FileKind::Binary:
        page = m_hex;
        break;
    case FileKind::Image:
        page = hex ? static_cast<QWidget *>(m_hex) : m_imageArea;
        break;
    }
    if (m_stack->currentWidget() != page) {
        m_stack->setCurrentWidget(page);
        Q_EMIT modeChanged();
    }
}

QWidget *FileContentView::currentPage() const
{
    return m_stack->currentWidget();
}

bool FileContentView::darkBackground() const
{
    return palette().color(QPalette::Base).lightness() < 128;
}

void FileContentView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_highlighter) {
        delete m_highlighter;
        m_highlighter = nullptr;
        applyHighlighter();
    }
}
