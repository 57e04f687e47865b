#include "jsonhighlighter.h"

#include <QColor>
#include <QRegularExpression>
#include <QTextDocument>

#ifdef LADING_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setDarkBackground(false);
}

void JsonHighlighter::setDarkBackground(bool dark)
{
    // Two small palettes with enough contrast on white and on a dark base colour.
    m_key.setForeground(dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0x9c));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0x8f) : QColor(0x1e, 0x7b, 0x34));
    m_number.setForeground(dark ? QColor(0xf4, 0xb3, 0x6b) : QColor(0xb3, 0x54, 0x00));
    m_literal.setForeground(dark ? QColor(0xd7, 0x9b, 0xf5) : QColor(0x8e, 0x24, 0xaa));
    m_literal.setFontWeight(QFont::DemiBold);
    m_digest.setForeground(dark ? QColor(0x7f, 0xd8, 0xd8) : QColor(0x00, 0x6d, 0x77));
    m_digest.setFontUnderline(true); // digests are links in the inspector
    m_punctuation.setForeground(dark ? QColor(0x9a, 0xa0, 0xa6) : QColor(0x6b, 0x72, 0x80));
    rehighlight();
}

QTextCharFormat JsonHighlighter::format(Token token) const
{
    switch (token) {
    case Token::Key:
        return m_key;
    case Token::String:
        return m_string;
    case Token::Number:
        return m_number;
    case Token::Literal:
        return m_literal;
    case Token::Digest:
        return m_digest;
    case Token::Punctuation:
        return m_punctuation;
    }
    return {};
}

void JsonHighlighter::highlightString(const QString &text, qsizetype start, qsizetype length,
                                      bool isKey)
{
    setFormat(int(start), int(length), isKey ? m_key : m_string);
    if (isKey)
        return;
    // A digest anywhere in a string value ("sha256:…", also inside "…@sha256:…").
    static const QRegularExpression digest(
        QStringLiteral("(?:sha256|sha384|sha512):[0-9a-f]{32,128}"));
    auto it = digest.globalMatch(QStringView(text).sliced(start, length));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        setFormat(int(start + match.capturedStart()), int(match.capturedLength()), m_digest);
    }
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression number(
        QStringLiteral(R"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)"));

    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < text.size() && text.at(end) != u'"') {
                if (text.at(end) == u'\\')
                    ++end;
                ++end;
            }
            end = std::min(end + 1, text.size());
            qsizetype after = end;
            while (after < text.size() && text.at(after).isSpace())
                ++after;
            const bool isKey = after < text.size() && text.at(after) == u':';
            highlightString(text, i, end - i, isKey);
            i = end;
        } else if (c == u'-' || c.isDigit()) {
            const QRegularExpressionMatch match =
                number.match(text, i, QRegularExpression::NormalMatch,
                             QRegularExpression::AnchorAtOffsetMatchOption);
            const qsizetype length = match.hasMatch() ? match.capturedLength() : 1;
            if (match.hasMatch())
                setFormat(int(i), int(length), m_number);
            i += length;
        } else if (c.isLetter()) {
            qsizetype end = i;
            while (end < text.size() && isWordChar(text.at(end)))
                ++end;
            const QStringView word = QStringView(text).sliced(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(int(i), int(end - i), m_literal);
            i = end;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',')
                setFormat(int(i), 1, m_punctuation);
            ++i;
        }
    }
}

QSyntaxHighlighter *attachJsonHighlighter(QTextDocument *document, bool darkBackground)
{
#ifdef LADING_HAVE_KSYNTAXHIGHLIGHTING
    static KSyntaxHighlighting::Repository repository;
    const KSyntaxHighlighting::Definition definition =
        repository.definitionForName(QStringLiteral("JSON"));
    if (definition.isValid()) {
        auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        highlighter->setTheme(
            repository.defaultTheme(darkBackground ? KSyntaxHighlighting::Repository::DarkTheme
                                                   : KSyntaxHighlighting::Repository::LightTheme));
        highlighter->setDefinition(definition);
        return highlighter;
    }
#endif
    auto *highlighter = new JsonHighlighter(document);
    highlighter->setDarkBackground(darkBackground);
    return highlighter;
}
