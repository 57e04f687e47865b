#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QTextDocument;

// Lading's own JSON highlighter: object keys, strings, numbers, true/false/null and
// content digests ("sha256:…") in strings. Colours follow the palette (light or dark).
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonHighlighter)

public:
    enum class Token { Key, String, Number, Literal, Digest, Punctuation };

    explicit JsonHighlighter(QTextDocument *document);

    QTextCharFormat format(Token token) const;
    // Picks colours for a light or dark background and rehighlights.
    void setDarkBackground(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightString(const QString &text, qsizetype start, qsizetype length, bool isKey);

    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_digest;
    QTextCharFormat m_punctuation;
};

// Attaches the best highlighter this build has for JSON to `document`: KF6
// SyntaxHighlighting when Lading was built with it, JsonHighlighter otherwise.
QSyntaxHighlighter *attachJsonHighlighter(QTextDocument *document, bool darkBackground);
