#pragma once

#include "filekind.h"

#include <QList>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QTextDocument;

// Lading's own rule-based highlighter for the file preview: shell, YAML, INI/conf,
// Dockerfile, XML/HTML, C-like and Python. Deliberately small (comments, strings, keywords,
// numbers, keys, variables, tags); JSON goes to JsonHighlighter. Colours suit a light or
// dark base colour.
class CodeHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeHighlighter)

public:
    enum class Token { Comment, String, Keyword, Number, Key, Variable, Tag, Attribute };

    CodeHighlighter(QTextDocument *document, FileSyntax syntax, bool darkBackground);

    FileSyntax syntax() const { return m_syntax; }
    QTextCharFormat format(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        Token token;
        int group = 0; // capture group to colour
    };
    void addRule(const QString &pattern, Token token, int group = 0);
    void addKeywords(const QStringList &words, Token token = Token::Keyword);
    // A construct that can span lines (C comments, XML comments, Python docstrings).
    bool continueSpan(const QString &text, qsizetype &from);

    FileSyntax m_syntax;
    QList<Rule> m_rules;
    QTextCharFormat m_formats[8];
    QString m_spanStart; // e.g. "/*"
    QString m_spanEnd;   // e.g. "*/"
    Token m_spanToken = Token::Comment;
};

// Attaches the right highlighter for `syntax` to `document`: JSON through
// attachJsonHighlighter (KF6 when built with it), the others CodeHighlighter; nullptr for
// plain text.
QSyntaxHighlighter *attachFileHighlighter(QTextDocument *document, FileSyntax syntax,
                                          bool darkBackground);
