#include "codehighlighter.h"
#include "jsonhighlighter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace {

// The colour the highlighter gave the character at `column` of line `line`.
QColor colourAt(QTextDocument &document, int line, int column)
{
    const QTextBlock block = document.findBlockByNumber(line);
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (column >= range.start && column < range.start + range.length &&
            range.format.hasProperty(QTextFormat::ForegroundBrush))
            return range.format.foreground().color();
    }
    return {};
}

} // namespace

class TestCodeHighlighter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shell()
    {
        QTextDocument document;
        document.setPlainText(
            QStringLiteral("#!/bin/sh\nif [ -n \"$HOME\" ]; then # check\n  echo 'hi'\nfi\n"));
        auto *h = new CodeHighlighter(&document, FileSyntax::Shell, false);
        h->rehighlight(); // otherwise queued to the event loop
        const QColor comment = h->format(CodeHighlighter::Token::Comment).foreground().color();
        const QColor keyword = h->format(CodeHighlighter::Token::Keyword).foreground().color();
        const QColor string = h->format(CodeHighlighter::Token::String).foreground().color();
        QCOMPARE(colourAt(document, 0, 3), comment);  // the shebang is a comment
        QCOMPARE(colourAt(document, 1, 0), keyword);  // if
        QCOMPARE(colourAt(document, 1, 8), string);   // "$HOME"
        QCOMPARE(colourAt(document, 1, 28), comment); // # check
        QCOMPARE(colourAt(document, 2, 8), string);   // 'hi'
        QCOMPARE(colourAt(document, 3, 0), keyword);  // fi
        QVERIFY(comment != keyword && keyword != string);
    }

    void yamlKeysAndComments()
    {
        QTextDocument document;
        document.setPlainText(QStringLiteral("apiVersion: v1\n# note\n- name: web\n  port: 80\n"));
        auto *h = new CodeHighlighter(&document, FileSyntax::Yaml, false);
        h->rehighlight(); // otherwise queued to the event loop
        const QColor key = h->format(CodeHighlighter::Token::Key).foreground().color();
        QCOMPARE(colourAt(document, 0, 2), key);
        QCOMPARE(colourAt(document, 1, 2),
                 h->format(CodeHighlighter::Token::Comment).foreground().color());
        QCOMPARE(colourAt(document, 2, 3), key);
        QCOMPARE(colourAt(document, 3, 8),
                 h->format(CodeHighlighter::Token::Number).foreground().color());
        QVERIFY(!colourAt(document, 0, 13).isValid()); // "v1" is plain
    }

    void iniAndDockerfile()
    {
        QTextDocument ini;
        ini.setPlainText(QStringLiteral("[Unit]\nDescription=SSH\n; off\n"));
        auto *h = new CodeHighlighter(&ini, FileSyntax::Ini, false);
        h->rehighlight(); // otherwise queued to the event loop
        QCOMPARE(colourAt(ini, 0, 1), h->format(CodeHighlighter::Token::Tag).foreground().color());
        QCOMPARE(colourAt(ini, 1, 1), h->format(CodeHighlighter::Token::Key).foreground().color());
        QCOMPARE(colourAt(ini, 2, 2),
                 h->format(CodeHighlighter::Token::Comment).foreground().color());

        QTextDocument docker;
        docker.setPlainText(
            QStringLiteral("FROM debian:12 AS build\nRUN apt-get install -y $PKG\n"));
        auto *d = new CodeHighlighter(&docker, FileSyntax::Dockerfile, false);
        d->rehighlight(); // otherwise queued to the event loop
        QCOMPARE(colourAt(docker, 0, 1),
                 d->format(CodeHighlighter::Token::Keyword).foreground().color());
        QCOMPARE(colourAt(docker, 0, 16),
                 d->format(CodeHighlighter::Token::Keyword).foreground().color());
        QCOMPARE(colourAt(docker, 1, 25),
                 d->format(CodeHighlighter::Token::Variable).foreground().color());
    }

    void spansCrossLines()
    {
        QTextDocument c;
        c.setPlainText(QStringLiteral("int a; /* one\n two\n three */ int b;\n"));
        auto *h = new CodeHighlighter(&c, FileSyntax::C, false);
        h->rehighlight(); // otherwise queued to the event loop
        const QColor comment = h->format(CodeHighlighter::Token::Comment).foreground().color();
        const QColor keyword = h->format(CodeHighlighter::Token::Keyword).foreground().color();
        QCOMPARE(colourAt(c, 0, 0), keyword);
        QCOMPARE(colourAt(c, 0, 9), comment);
        QCOMPARE(colourAt(c, 1, 2), comment);
        QCOMPARE(colourAt(c, 2, 2), comment);
        QCOMPARE(colourAt(c, 2, 10), keyword); // int after the comment

        QTextDocument xml;
        xml.setPlainText(QStringLiteral("<a href=\"x\"><!-- a\nb --><b/>\n"));
        auto *x = new CodeHighlighter(&xml, FileSyntax::Xml, false);
        x->rehighlight(); // otherwise queued to the event loop
        QCOMPARE(colourAt(xml, 0, 1), x->format(CodeHighlighter::Token::Tag).foreground().color());
        QCOMPARE(colourAt(xml, 0, 3),
                 x->format(CodeHighlighter::Token::Attribute).foreground().color());
        QCOMPARE(colourAt(xml, 0, 9),
                 x->format(CodeHighlighter::Token::String).foreground().color());
        QCOMPARE(colourAt(xml, 1, 0),
                 x->format(CodeHighlighter::Token::Comment).foreground().color());
        QCOMPARE(colourAt(xml, 1, 6), x->format(CodeHighlighter::Token::Tag).foreground().color());
    }

    void darkColoursDiffer()
    {
        QTextDocument a;
        QTextDocument b;
        auto *light = new CodeHighlighter(&a, FileSyntax::Python, false);
        light->rehighlight(); // otherwise queued to the event loop
        auto *dark = new CodeHighlighter(&b, FileSyntax::Python, true);
        dark->rehighlight(); // otherwise queued to the event loop
        QVERIFY(light->format(CodeHighlighter::Token::Keyword).foreground().color() !=
                dark->format(CodeHighlighter::Token::Keyword).foreground().color());
    }

    void attachPicksByLanguage()
    {
        QTextDocument document;
        QSyntaxHighlighter *json = attachFileHighlighter(&document, FileSyntax::Json, false);
#ifndef LADING_HAVE_KSYNTAXHIGHLIGHTING
        QVERIFY(qobject_cast<JsonHighlighter *>(json)); // the existing one, reused
#endif
        delete json;
        QVERIFY(!attachFileHighlighter(&document, FileSyntax::Plain, false));
        auto *shell = qobject_cast<CodeHighlighter *>(
            attachFileHighlighter(&document, FileSyntax::Shell, false));
        QVERIFY(shell);
        QCOMPARE(shell->syntax(), FileSyntax::Shell);
    }
};

QTEST_MAIN(TestCodeHighlighter)
#include "tst_codehighlighter.moc"
