#include "textdiffhighlighting.h"

#include "codehighlighter.h"

#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>
#include <memory>

void TextDiffHighlighting::reset(const QStringList &lines, FileSyntax syntax, bool darkBackground)
{
    m_lines = lines;
    m_syntax = syntax;
    m_dark = darkBackground;
    m_chunks.clear();
}

QList<QTextLayout::FormatRange> TextDiffHighlighting::formats(int line)
{
    if (m_syntax == FileSyntax::Plain || line < 0 || line >= m_lines.size())
        return {};
    const int chunk = line / ChunkLines;
    if (!m_chunks.contains(chunk))
        highlightChunk(chunk);
    const auto &lines = m_chunks[chunk];
    const int index = line - chunk * ChunkLines;
    return index < lines.size() ? lines.at(index) : QList<QTextLayout::FormatRange>{};
}

void TextDiffHighlighting::highlightChunk(int chunk)
{
    const int first = chunk * ChunkLines;
    const int lead = std::min(first, LeadLines);
    const int end = std::min<int>(int(m_lines.size()), first + ChunkLines);
    QString text;
    for (int i = first - lead; i < end; ++i) {
        if (i > first - lead)
            text += u'\n';
        text += QStringView(m_lines.at(i)).left(MaxLineChars);
    }
    QTextDocument document;
    document.setPlainText(text);
    std::unique_ptr<QSyntaxHighlighter> highlighter(
        attachFileHighlighter(&document, m_syntax, m_dark));
    QList<QList<QTextLayout::FormatRange>> lines;
    lines.reserve(end - first);
    if (highlighter) {
        highlighter->rehighlight(); // attaching only schedules it
        QTextBlock block = document.findBlockByNumber(lead);
        for (int i = first; i < end && block.isValid(); ++i, block = block.next())
            lines.append(block.layout()->formats());
    }
    m_chunks.insert(chunk, lines);
}
