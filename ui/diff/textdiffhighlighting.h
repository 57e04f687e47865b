#pragma once

#include "filekind.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QTextLayout>

// Syntax colours for one side of the text diff, made on demand for the rows being painted:
// lines are highlighted in chunks of ChunkLines by Lading's own highlighters in a scratch
// QTextDocument (with a few lines before the chunk, so a comment or string opened just
// above is seen), so a 50k-line file costs nothing until scrolled to. A construct that
// opens further above a chunk than that is not seen; that is the price of not
// highlighting the whole file.
class TextDiffHighlighting final
{
public:
    static constexpr int ChunkLines = 256;
    static constexpr int LeadLines = 64;
    static constexpr int MaxLineChars = 4000; // longer lines are painted cut (minified files)

    void reset(const QStringList &lines, FileSyntax syntax, bool darkBackground);
    FileSyntax syntax() const { return m_syntax; }

    // The formats of `line` (empty for plain text or past the end).
    QList<QTextLayout::FormatRange> formats(int line);
    int chunksMade() const { return int(m_chunks.size()); }

private:
    void highlightChunk(int chunk);

    QStringList m_lines;
    FileSyntax m_syntax = FileSyntax::Plain;
    bool m_dark = false;
    QHash<int, QList<QList<QTextLayout::FormatRange>>> m_chunks;
};
