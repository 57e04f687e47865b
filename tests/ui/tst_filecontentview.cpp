#include "codehighlighter.h"
#include "filecontentview.h"
#include "hexview.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

class TestFileContentView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textIsHighlightedByNameAndContent()
    {
        FileContentView view;
        const QByteArray script("#!/bin/sh\nset -e\nexec \"$@\"\n");
        view.setContent("usr/local/bin/entrypoint", script, script.size());
        QCOMPARE(view.kind(), FileKind::Text);
        QCOMPARE(view.syntax(), FileSyntax::Shell);
        QCOMPARE(view.currentPage(), view.textView());
        QCOMPARE(view.textView()->toPlainText(), QString::fromUtf8(script));
        auto *shell = qobject_cast<CodeHighlighter *>(view.highlighter());
        QVERIFY(shell);
        QCOMPARE(shell->syntax(), FileSyntax::Shell);
        QVERIFY(view.isComplete());

        view.setContent("etc/app/settings.json", "{\"a\": [1, true]}", 16);
        QCOMPARE(view.syntax(), FileSyntax::Json);
        QVERIFY(view.highlighter());
        QVERIFY(!qobject_cast<CodeHighlighter *>(view.highlighter()));

        view.setContent("etc/hostname", "box\n", 4);
        QCOMPARE(view.syntax(), FileSyntax::Plain);
        QVERIFY(!view.highlighter());
    }

    void binaryIsHex()
    {
        FileContentView view;
        const QByteArray elf("\x7f"
                             "ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0",
                             20);
        view.setContent("usr/bin/true", elf, 30000);
        QCOMPARE(view.kind(), FileKind::Binary);
        QCOMPARE(view.currentPage(), view.hexView());
        QCOMPARE(view.hexView()->rowCount(), 2);
        QVERIFY(view.hexView()->rowText(0).startsWith(u"00000000  7f 45 4c 46"));
        QVERIFY(!view.isComplete());
        QVERIFY(!view.canToggleHex());
    }

    void imagesAreShown()
    {
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        FileContentView view;
        view.setContent("usr/share/icons/x.png", png, png.size());
        QCOMPARE(view.kind(), FileKind::Image);
        QCOMPARE(view.imageLabel()->pixmap().size(), QSize(40, 30));
        QCOMPARE(view.imageLabel()->pixmap().toImage().pixelColor(5, 5), QColor(Qt::red));
        view.setHexMode(true);
        QCOMPARE(view.currentPage(), view.hexView());
        view.setHexMode(false);

        const QByteArray svg("<svg xmlns='http://www.w3.org/2000/svg' width='20' height='10'>"
                             "<rect width='20' height='10' fill='blue'/></svg>");
        view.setContent("logo.svg", svg, svg.size());
        QCOMPARE(view.kind(), FileKind::Image);
        QVERIFY(!view.imageLabel()->pixmap().isNull());
        QCOMPARE(view.imageLabel()->pixmap().width(), 256); // small SVGs drawn bigger

        // Half a PNG cannot be drawn: shown as hex until the rest arrives.
        view.setContent("x.png", png.first(png.size() / 2), png.size());
        QCOMPARE(view.kind(), FileKind::Binary);
        QCOMPARE(view.currentPage(), view.hexView());
    }

    void loadMoreAppends()
    {
        // Three slices, cut inside a UTF-8 character and inside a line.
        QByteArray text;
        for (int i = 0; i < 2000; ++i)
            text += "line " + QByteArray::number(i) + " gr\xc3\xbc\xc3\x9f\n";
        const qsizetype cut1 = text.indexOf("\xc3\xbc", 1000) + 1;
        const qsizetype cut2 = text.size() - 7;
        FileContentView view;
        view.setContent("notes.txt", text.first(cut1), text.size());
        QVERIFY(!view.isComplete());
        const int linesBefore = view.textView()->document()->blockCount();
        view.appendContent(text.sliced(cut1, cut2 - cut1));
        QVERIFY(view.textView()->document()->blockCount() > linesBefore);
        view.appendContent(text.sliced(cut2));
        QVERIFY(view.isComplete());
        QTRY_VERIFY(view.isTextShown());
        QCOMPARE(view.bytes(), text);
        QCOMPARE(view.textView()->toPlainText(), QString::fromUtf8(text));
        QCOMPARE(view.hexView()->rowCount(), (text.size() + 15) / 16);

        view.setHexMode(true);
        QCOMPARE(view.currentPage(), view.hexView());
        QVERIFY(view.canToggleHex());
        view.setHexMode(false);
        QCOMPARE(view.currentPage(), view.textView());
    }

    void bigTextIsNotHighlighted()
    {
        QByteArray json("[");
        while (json.size() < FileContentView::HighlightLimit)
            json += "{\"key\": \"value\", \"n\": 12345},\n";
        FileContentView view;
        view.setContent("big.json", json.first(64 * 1024), json.size() + 2);
        QVERIFY(view.highlighter());
        view.appendContent(json.sliced(64 * 1024) + "]\n");
        QVERIFY(!view.highlighter()); // rules over megabytes would stall the window
        QCOMPARE(view.syntax(), FileSyntax::Json);
    }

    // The window's stall when a 2 MiB text slice arrives (printed; bounded loosely so a
    // regression to something quadratic fails).
    void twoMebibytesOfText()
    {
        QByteArray text;
        for (int i = 0; text.size() < 2 * 1024 * 1024; ++i)
            text += "export VAR_" + QByteArray::number(i) + "=\"some value\" # comment\n";
        FileContentView view;
        view.resize(800, 600);
        view.show();
        QElapsedTimer timer;
        timer.start();
        view.setContent("big.sh", text.first(128 * 1024), text.size());
        QCoreApplication::processEvents(); // the highlighter's queued pass
        const qint64 highlighted = timer.restart();
        // The longest single step while 1.9 MiB more go in, piece by piece.
        view.appendContent(text.sliced(128 * 1024));
        qint64 appended = timer.restart();
        qint64 longest = appended;
        while (!view.isTextShown()) {
            QCoreApplication::processEvents();
            longest = std::max(longest, timer.elapsed());
            appended += timer.restart();
        }
        qInfo("128 KiB highlighted shell: %lld ms; +1.9 MiB appended (unhighlighted): %lld ms "
              "in all, longest step %lld ms",
              highlighted, appended, longest);
        QVERIFY(!view.highlighter());
        QCOMPARE(view.textView()->document()->blockCount(), int(text.count('\n')) + 1);
        QVERIFY(highlighted + appended < 5000);
    }

    void messagesAndEmpty()
    {
        FileContentView view;
        view.showMessage(QStringLiteral("Symbolic link"), QStringLiteral("A link to <b>x</b>"));
        QVERIFY(!view.hasContent());
        auto *label = view.findChild<QLabel *>(QStringLiteral("previewMessage"));
        QVERIFY(label && label->text().contains(u"&lt;b&gt;x")); // escaped, never markup
        view.setContent("empty", {}, 0);
        QCOMPARE(view.kind(), FileKind::Empty);
        QVERIFY(view.isComplete());
    }
};

QTEST_MAIN(TestFileContentView)
#include "tst_filecontentview.moc"
