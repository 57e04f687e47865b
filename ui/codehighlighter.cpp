#include "codehighlighter.h"

#include "jsonhighlighter.h"

#include <QColor>

namespace {

const QString kDoubleQuoted = QStringLiteral(R"("(?:[^"\\]|\\.)*"?)");
const QString kSingleQuoted = QStringLiteral(R"('(?:[^'\\]|\\.)*'?)");
const QString kNumber = QStringLiteral(R"(\b(?:0x[0-9A-Fa-f]+|[0-9]+(?:\.[0-9]+)?)\b)");

} // namespace

CodeHighlighter::CodeHighlighter(QTextDocument *document, FileSyntax syntax, bool dark)
    : QSyntaxHighlighter(document), m_syntax(syntax)
{
    const auto colour = [dark](QRgb light, QRgb darkColour) {
        return QColor::fromRgb(dark ? darkColour : light);
    };
    auto &comment = m_formats[int(Token::Comment)];
    comment.setForeground(colour(0x6b7280, 0x9aa0a6));
    comment.setFontItalic(true);
    m_formats[int(Token::String)].setForeground(colour(0x1e7b34, 0xa5d68f));
    m_formats[int(Token::Keyword)].setForeground(colour(0x8e24aa, 0xd79bf5));
    m_formats[int(Token::Keyword)].setFontWeight(QFont::DemiBold);
    m_formats[int(Token::Number)].setForeground(colour(0xb35400, 0xf4b36b));
    m_formats[int(Token::Key)].setForeground(colour(0x1a4f9c, 0x8ab4f8));
    m_formats[int(Token::Key)].setFontWeight(QFont::DemiBold);
    m_formats[int(Token::Variable)].setForeground(colour(0x006d77, 0x7fd8d8));
    m_formats[int(Token::Tag)].setForeground(colour(0x1a4f9c, 0x8ab4f8));
    m_formats[int(Token::Attribute)].setForeground(colour(0xb35400, 0xf4b36b));

    switch (syntax) {
    case FileSyntax::Shell:
        addKeywords(
            {QStringLiteral("if"),    QStringLiteral("then"),     QStringLiteral("else"),
             QStringLiteral("elif"),  QStringLiteral("fi"),       QStringLiteral("for"),
             QStringLiteral("while"), QStringLiteral("until"),    QStringLiteral("do"),
             QStringLiteral("done"),  QStringLiteral("case"),     QStringLiteral("esac"),
             QStringLiteral("in"),    QStringLiteral("function"), QStringLiteral("return"),
             QStringLiteral("exit"),  QStringLiteral("export"),   QStringLiteral("local"),
             QStringLiteral("set"),   QStringLiteral("unset"),    QStringLiteral("exec"),
             QStringLiteral("echo"),  QStringLiteral("cd"),       QStringLiteral("source")});
        addRule(kNumber, Token::Number);
        addRule(QStringLiteral(R"(\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*|[0-9@#?*$!-]))"),
                Token::Variable);
        addRule(QStringLiteral(R"(^\s*([A-Za-z_][A-Za-z0-9_]*)=)"), Token::Variable, 1);
        addRule(kDoubleQuoted, Token::String);
        addRule(kSingleQuoted, Token::String);
        addRule(QStringLiteral(R"((?:^|\s)(#.*)$)"), Token::Comment, 1);
        break;
    case FileSyntax::Yaml:
        addRule(kNumber, Token::Number);
        addRule(QStringLiteral(R"(\b(?:true|false|null|yes|no|on|off)\b)"), Token::Keyword);
        addRule(QStringLiteral(R"(^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$))"), Token::Key, 1);
        addRule(QStringLiteral(R"(^(?:---|\.\.\.)\s*$)"), Token::Keyword);
        addRule(QStringLiteral(R"([&*][A-Za-z0-9_-]+)"), Token::Variable);
        addRule(kDoubleQuoted, Token::String);
        addRule(kSingleQuoted, Token::String);
        addRule(QStringLiteral(R"((?:^|\s)(#.*)$)"), Token::Comment, 1);
        break;
    case FileSyntax::Ini:
        addRule(kNumber, Token::Number);
        addRule(QStringLiteral(R"(^\s*([^=:\s\[;#][^=:]*?)\s*[=:])"), Token::Key, 1);
        addRule(QStringLiteral(R"(^\s*\[[^\]]*\])"), Token::Tag);
        addRule(QStringLiteral(R"(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[a-zA-Z%])"), Token::Variable);
        addRule(kDoubleQuoted, Token::String);
        addRule(QStringLiteral(R"(^\s*[#;].*$)"), Token::Comment);
        break;
    case FileSyntax::Dockerfile:
        addRule(
            QStringLiteral(
                R"(^\s*(?:FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\b)"),
            Token::Keyword);
        addRule(QStringLiteral(R"(\bAS\b)"), Token::Keyword);
        addRule(QStringLiteral(R"(\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*))"), Token::Variable);
        addRule(QStringLiteral(R"(--[a-z-]+(?:=\S*)?)"), Token::Attribute);
        addRule(kDoubleQuoted, Token::String);
        addRule(QStringLiteral(R"(^\s*#.*$)"), Token::Comment);
        break;
    case FileSyntax::Xml:
        addRule(QStringLiteral(R"(</?[A-Za-z_][\w:.-]*|/?>|<\?[\w-]+|\?>)"), Token::Tag);
        addRule(QStringLiteral(R"(\s([A-Za-z_][\w:.-]*)\s*=)"), Token::Attribute, 1);
        addRule(kDoubleQuoted, Token::String);
        addRule(kSingleQuoted, Token::String);
        addRule(QStringLiteral(R"(&[#\w]+;)"), Token::Variable);
        m_spanStart = QStringLiteral("<!--");
        m_spanEnd = QStringLiteral("-->");
        break;
    case FileSyntax::C:
        addKeywords(
            {QStringLiteral("if"),        QStringLiteral("else"),     QStringLiteral("for"),
             QStringLiteral("while"),     QStringLiteral("do"),       QStringLiteral("switch"),
             QStringLiteral("case"),      QStringLiteral("default"),  QStringLiteral("break"),
             QStringLiteral("continue"),  QStringLiteral("return"),   QStringLiteral("struct"),
             QStringLiteral("class"),     QStringLiteral("enum"),     QStringLiteral("union"),
             QStringLiteral("typedef"),   QStringLiteral("static"),   QStringLiteral("const"),
             QStringLiteral("void"),      QStringLiteral("int"),      QStringLiteral("char"),
             QStringLiteral("long"),      QStringLiteral("unsigned"), QStringLiteral("bool"),
             QStringLiteral("auto"),      QStringLiteral("func"),     QStringLiteral("package"),
             QStringLiteral("import"),    QStringLiteral("fn"),       QStringLiteral("let"),
             QStringLiteral("var"),       QStringLiteral("pub"),      QStringLiteral("use"),
             QStringLiteral("impl"),      QStringLiteral("function"), QStringLiteral("new"),
             QStringLiteral("public"),    QStringLiteral("private"),  QStringLiteral("true"),
             QStringLiteral("false"),     QStringLiteral("null"),     QStringLiteral("nullptr"),
             QStringLiteral("namespace"), QStringLiteral("template"), QStringLiteral("type"),
             QStringLiteral("interface")});
        addRule(kNumber, Token::Number);
        addRule(QStringLiteral(R"(^\s*#\s*\w+)"), Token::Attribute); // preprocessor
        addRule(kDoubleQuoted, Token::String);
        addRule(QStringLiteral(R"('(?:[^'\\]|\\.){0,4}')"), Token::String);
        addRule(QStringLiteral(R"(//.*$)"), Token::Comment);
        m_spanStart = QStringLiteral("/*");
        m_spanEnd = QStringLiteral("*/");
        break;
    case FileSyntax::Python:
        addKeywords({QStringLiteral("def"),   QStringLiteral("class"),  QStringLiteral("if"),
                     QStringLiteral("elif"),  QStringLiteral("else"),   QStringLiteral("for"),
                     QStringLiteral("while"), QStringLiteral("return"), QStringLiteral("import"),
                     QStringLiteral("from"),  QStringLiteral("as"),     QStringLiteral("with"),
                     QStringLiteral("try"),   QStringLiteral("except"), QStringLiteral("finally"),
                     QStringLiteral("raise"), QStringLiteral("yield"),  QStringLiteral("lambda"),
                     QStringLiteral("pass"),  QStringLiteral("break"),  QStringLiteral("continue"),
                     QStringLiteral("in"),    QStringLiteral("is"),     QStringLiteral("not"),
                     QStringLiteral("and"),   QStringLiteral("or"),     QStringLiteral("None"),
                     QStringLiteral("True"),  QStringLiteral("False"),  QStringLiteral("async"),
                     QStringLiteral("await"), QStringLiteral("global"), QStringLiteral("self")});
        addRule(kNumber, Token::Number);
        addRule(QStringLiteral(R"(^\s*@[\w.]+)"), Token::Attribute);
        addRule(kDoubleQuoted, Token::String);
        addRule(kSingleQuoted, Token::String);
        addRule(QStringLiteral(R"(#.*$)"), Token::Comment);
        m_spanStart = QStringLiteral("\"\"\"");
        m_spanEnd = QStringLiteral("\"\"\"");
        m_spanToken = Token::String;
        break;
    case FileSyntax::Plain:
    case FileSyntax::Json:
        break;
    }
}

void CodeHighlighter::addRule(const QString &pattern, Token token, int group)
{
    m_rules.append(Rule{QRegularExpression(pattern), token, group});
}

void CodeHighlighter::addKeywords(const QStringList &words, Token token)
{
    addRule(u"\\b(?:" + words.join(u'|') + u")\\b", token);
}

QTextCharFormat CodeHighlighter::format(Token token) const
{
    return m_formats[int(token)];
}

bool CodeHighlighter::continueSpan(const QString &text, qsizetype &from)
{
    // Inside a span carried over from the previous line?
    const qsizetype end = text.indexOf(m_spanEnd, from);
    if (end < 0) {
        setFormat(int(from), int(text.size() - from), m_formats[int(m_spanToken)]);
        setCurrentBlockState(1);
        from = text.size();
        return true;
    }
    const qsizetype stop = end + m_spanEnd.size();
    setFormat(int(from), int(stop - from), m_formats[int(m_spanToken)]);
    from = stop;
    return false;
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(0);
    // Later rules win: comments and strings are added last so they cover keywords inside them.
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            if (match.capturedLength(rule.group) > 0)
                setFormat(int(match.capturedStart(rule.group)),
                          int(match.capturedLength(rule.group)), m_formats[int(rule.token)]);
        }
    }
    if (m_spanStart.isEmpty())
        return;
    qsizetype from = 0;
    if (previousBlockState() == 1 && continueSpan(text, from))
        return;
    while (from < text.size()) {
        const qsizetype start = text.indexOf(m_spanStart, from);
        if (start < 0)
            break;
        qsizetype after = start + m_spanStart.size();
        if (continueSpan(text, after)) {
            setFormat(int(start), int(text.size() - start), m_formats[int(m_spanToken)]);
            return;
        }
        setFormat(int(start), int(after - start), m_formats[int(m_spanToken)]);
        from = after;
    }
}

QSyntaxHighlighter *attachFileHighlighter(QTextDocument *document, FileSyntax syntax,
                                          bool darkBackground)
{
    switch (syntax) {
    case FileSyntax::Plain:
        return nullptr;
    case FileSyntax::Json:
        return attachJsonHighlighter(document, darkBackground);
    default:
        return new CodeHighlighter(document, syntax, darkBackground);
    }
}
