// The built-in JSON highlighter: which format each token gets.

#include "jsonhighlighter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Qt::StringLiterals;
using Token = JsonHighlighter::Token;

namespace {

// The foreground colour the highlighter gave the character at `position` of the block.
QColor colourAt(const QTextBlock &block, int position)
{
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    QColor colour;
    for (const QTextLayout::FormatRange &range : ranges) {
        if (position >= range.start && position < range.start + range.length)
            colour = range.format.foreground().color();
    }
    return colour;
}

} // namespace

class TestJsonHighlighter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens()
    {
        QTextDocument document;
        const QString digest = u"sha256:"_s + QString(64, u'a');
        const QString line = u"  \"digest\": \""_s + digest +
                             u"\", \"size\": -12.5e3, \"ok\": true, \"x\": null, \"n\": \"v1\""_s;
        document.setPlainText(line);
        JsonHighlighter highlighter(&document);
        const QTextBlock block = document.firstBlock();

        const auto colour = [&](Token token) {
            return highlighter.format(token).foreground().color();
        };
        QCOMPARE(colourAt(block, int(line.indexOf(u"\"digest\"")) + 1), colour(Token::Key));
        QCOMPARE(colourAt(block, int(line.indexOf(u"sha256:")) + 3), colour(Token::Digest));
        QCOMPARE(colourAt(block, int(line.indexOf(u"-12.5e3")) + 4), colour(Token::Number));
        QCOMPARE(colourAt(block, int(line.indexOf(u"true")) + 1), colour(Token::Literal));
        QCOMPARE(colourAt(block, int(line.indexOf(u"null"))), colour(Token::Literal));
        QCOMPARE(colourAt(block, int(line.indexOf(u"\"v1\"")) + 1), colour(Token::String));
        QCOMPARE(colourAt(block, int(line.indexOf(u':'))), colour(Token::Punctuation));
        // The kinds are told apart by colour.
        QVERIFY(colour(Token::Key) != colour(Token::String));
        QVERIFY(colour(Token::Digest) != colour(Token::String));
    }

    void keyWithSpaceBeforeColon()
    {
        QTextDocument document;
        document.setPlainText(u"{\"a\" : \"b\"}"_s);
        JsonHighlighter highlighter(&document);
        const QTextBlock block = document.firstBlock();
        QCOMPARE(colourAt(block, 2), highlighter.format(Token::Key).foreground().color());
        QCOMPARE(colourAt(block, 8), highlighter.format(Token::String).foreground().color());
    }

    void darkBackgroundChangesColours()
    {
        QTextDocument document;
        document.setPlainText(u"{\"a\": 1}"_s);
        JsonHighlighter highlighter(&document);
        const QColor light = highlighter.format(Token::Key).foreground().color();
        highlighter.setDarkBackground(true);
        const QColor dark = highlighter.format(Token::Key).foreground().color();
        QVERIFY(light != dark);
        QVERIFY(dark.lightness() > light.lightness());
        QCOMPARE(colourAt(document.firstBlock(), 2), dark);
    }
};

QTEST_MAIN(TestJsonHighlighter)
#include "tst_jsonhighlighter.moc"
