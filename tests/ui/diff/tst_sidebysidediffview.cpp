// The side-by-side text diff offscreen: what each row shows and its tint (read back from
// the painted pixels), JSON mode, binary refused, both sides scrolling together, next and
// previous change, folds, a 50k-line file; pictures on a light and a dark palette.
#include "diff/sidebysidediffview.h"
#include "diff/sidebysidepane.h"
#include "diff/textdiffhighlighting.h"
#include "image/diff/text/linediff.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QScopeGuard>
#include <QTranslator>
#include <QWheelEvent>

namespace {

QByteArray numberedLines(int from, int to, const char *prefix = "line ")
{
    QByteArray out;
    for (int i = from; i < to; ++i)
        out += QByteArray(prefix) + QByteArray::number(i) + '\n';
    return out;
}

bool compareAndWait(SideBySideDiffView &view, const QString &leftTitle, const QByteArray &left,
                    const QString &rightTitle, const QByteArray &right,
                    const QString &fileName = {})
{
    QSignalSpy spy(&view, &SideBySideDiffView::compared);
    view.setTexts(leftTitle, left, rightTitle, right, fileName);
    return spy.count() > 0 || spy.wait(10'000);
}

// The colour painted in a row of a pane, right of its text (where only the tint is).
QColor rowColour(SideBySidePane *pane, int displayRow, int x = -1)
{
    const QImage image = pane->viewport()->grab().toImage();
    const int y = (displayRow - pane->firstVisibleRow()) * pane->rowHeight() +
                  pane->rowHeight() / 2;
    return image.pixelColor(x < 0 ? image.width() - 4 : x, y);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xdc, 0xdc, 0xdc));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x8a));
    p.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

int contrast(const QColor &a, const QColor &b)
{
    return std::abs(a.lightness() - b.lightness());
}

const QByteArray kLeftConf = "# nginx site\n"
                             "server {\n"
                             "    listen 80;\n"
                             "    server_name example.org;\n"
                             "    root /var/www/html;\n"
                             "    index index.html;\n"
                             "    gzip off;\n"
                             "    location / {\n"
                             "        try_files $uri $uri/ =404;\n"
                             "    }\n"
                             "}\n";
const QByteArray kRightConf = "# nginx site\n"
                              "server {\n"
                              "    listen 8080;\n"
                              "    server_name example.org;\n"
                              "    root /srv/www;\n"
                              "    index index.html;\n"
                              "    location / {\n"
                              "        try_files $uri $uri/ =404;\n"
                              "        add_header X-Frame-Options DENY;\n"
                              "    }\n"
                              "}\n";

} // namespace

class TestSideBySideDiffView final : public QObject
{
    Q_OBJECT

private slots:
    void rowsAndTints()
    {
        SideBySideDiffView view;
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // keep / changed (spaces → "42") / keep / removed / keep / added
        const QByteArray left = "keep 1\nvalue:     end\nkeep 2\ngone\nkeep 3\n";
        const QByteArray right = "keep 1\nvalue: 42  end\nkeep 2\nkeep 3\nnew line\n";
        QVERIFY(compareAndWait(view, QStringLiteral("a"), left, QStringLiteral("b"), right));
        SideBySidePane *l = view.leftPane();
        SideBySidePane *r = view.rightPane();
        QCOMPARE(view.displayRowCount(), 6);
        QCOMPARE(l->rowText(0), QStringLiteral("1   keep 1"));
        QCOMPARE(r->rowText(0), QStringLiteral("1   keep 1"));
        QCOMPARE(l->rowText(1), QStringLiteral("2 \u2212 value:     end"));
        QCOMPARE(r->rowText(1), QStringLiteral("2 + value: 42  end"));
        QCOMPARE(l->rowText(3), QStringLiteral("4 \u2212 gone"));
        QCOMPARE(r->rowText(3), QString()); // a gap
        QCOMPARE(r->lineAt(3), -1);
        QCOMPARE(l->rowText(4), QStringLiteral("5   keep 3"));
        QCOMPARE(r->rowText(4), QStringLiteral("4   keep 3"));
        QCOMPARE(l->rowText(5), QString());
        QCOMPARE(r->rowText(5), QStringLiteral("5 + new line"));
        QCOMPARE(view.summaryText(), QStringLiteral("1 changed \u00b7 1 removed \u00b7 1 added"));
        QVERIFY(view.message().isEmpty());

        const TextDiffColours c = TextDiffColours::fromPalette(l->palette());
        const QColor base = l->palette().color(QPalette::Base);
        QCOMPARE(rowColour(l, 0), base);
        QCOMPARE(rowColour(l, 1), c.changed);
        QCOMPARE(rowColour(r, 1), c.changed);
        QCOMPARE(rowColour(l, 3), c.removed);
        QCOMPARE(rowColour(r, 5), c.added);
        const QColor gap = rowColour(r, 3, r->viewport()->width() / 2);
        QVERIFY(gap != base && gap != c.removed);
        // The two changed spaces (columns 7 and 8) stronger on the left.
        const int charWidth = l->fontMetrics().horizontalAdvance(QLatin1Char('0'));
        QCOMPARE(rowColour(l, 1, l->textX() + charWidth * 8), c.changedEmphasis);
        // Tints are told apart from the base and from each other.
        QVERIFY(c.removed != c.added && c.added != c.changed && c.removed != c.changed);
        QVERIFY(c.changedEmphasis != c.changed);
    }

    void tintsOnLightAndDarkPalettes()
    {
        const TextDiffColours light = TextDiffColours::fromPalette(QApplication::palette());
        const QPalette darkP = darkPalette();
        const TextDiffColours dark = TextDiffColours::fromPalette(darkP);
        for (const QColor &tint : {light.removed, light.added, light.changed}) {
            QVERIFY2(tint.lightness() > 200, qPrintable(tint.name())); // light and calm
            QVERIFY(contrast(tint, light.text) > 150);                  // text stays readable
        }
        for (const QColor &tint : {dark.removed, dark.added, dark.changed}) {
            QVERIFY2(tint.lightness() < 90, qPrintable(tint.name())); // dark stays dark
            QVERIFY(contrast(tint, dark.text) > 120);
            QVERIFY(contrast(tint, darkP.color(QPalette::Base)) > 8); // but visible
        }
        QVERIFY(contrast(dark.changedEmphasis, dark.text) > 90);
        QVERIFY(contrast(light.changedEmphasis, light.text) > 120);
    }

    void jsonMode()
    {
        SideBySideDiffView view;
        view.resize(800, 300);
        view.setJsonMode(true);
        const QByteArray left = R"({"b":1,"a":[1,2],"c":"same"})";
        const QByteArray right = R"({"b":1,"a":[1,3],"c":"same"})";
        QVERIFY(compareAndWait(view, QStringLiteral("old"), left, QStringLiteral("new"), right,
                               QStringLiteral("config")));
        const image::LineDiff &d = view.diff();
        // Indented in the document's own order ("b" before "a"), one value per line.
        QVERIFY(d.leftLines.size() > 5);
        QCOMPARE(d.leftLines.at(1), QStringLiteral("  \"b\": 1,"));
        QVERIFY(d.leftLines.at(2).startsWith(QStringLiteral("  \"a\"")));
        QCOMPARE(d.changedRows, 1);
        QCOMPARE(d.hunks.size(), 1);
        const image::LineDiffRow &row = d.rows.at(d.hunks.at(0).firstRow);
        QCOMPARE(d.leftLines.at(row.leftLine).trimmed(), QStringLiteral("2"));
        QCOMPARE(d.rightLines.at(row.rightLine).trimmed(), QStringLiteral("3"));
        QVERIFY(view.notes().join(u' ').contains(QStringLiteral("JSON")));
        // Off: the one-line documents differ in their only line.
        QSignalSpy spy(&view, &SideBySideDiffView::compared);
        view.setJsonMode(false);
        QVERIFY(spy.wait(10'000));
        QCOMPARE(view.diff().leftLines.size(), 1);
        QCOMPARE(view.diff().changedRows, 1);
    }

    void jsonHighlighting()
    {
        TextDiffHighlighting highlighting;
        highlighting.reset({QStringLiteral("{"), QStringLiteral("  \"key\": \"value\""),
                            QStringLiteral("}")},
                           FileSyntax::Json, false);
        const auto formats = highlighting.formats(1);
        QVERIFY(!formats.isEmpty());
        QCOMPARE(formats.first().start, 2); // the key
        QCOMPARE(highlighting.chunksMade(), 1);
        highlighting.reset({QStringLiteral("plain")}, FileSyntax::Plain, false);
        QVERIFY(highlighting.formats(0).isEmpty());
        QCOMPARE(highlighting.chunksMade(), 0);
    }

    void binaryRefused()
    {
        SideBySideDiffView view;
        view.resize(700, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QByteArray elf("\x7f" "ELF\x02\x01\x01\0\0\0", 10);
        QVERIFY(compareAndWait(view, QStringLiteral("usr/bin/tool (1.0)"), elf,
                               QStringLiteral("usr/bin/tool (1.1)"), "text\n"));
        QVERIFY(view.diff().binary);
        QVERIFY(view.message().contains(QStringLiteral("usr/bin/tool (1.0) is binary")));
        QVERIFY(!view.leftPane()->isVisible());
        QVERIFY(view.summaryText().isEmpty());
        QVERIFY(!view.nextChangeAction()->isEnabled());
        QCOMPARE(view.displayRowCount(), 0);
        // Text again: the panes come back.
        QVERIFY(compareAndWait(view, QStringLiteral("a"), "x\n", QStringLiteral("b"), "y\n"));
        QVERIFY(view.message().isEmpty());
        QVERIFY(view.leftPane()->isVisible());
    }

    void tooLargeRefused()
    {
        SideBySideDiffView view;
        const QByteArray big(SideBySideDiffView::MaxBytes + 1, 'a');
        QVERIFY(compareAndWait(view, QStringLiteral("a"), big, QStringLiteral("b"), "a\n"));
        QVERIFY(view.message().contains(QStringLiteral("too large")));
        QVERIFY(view.diff().rows.isEmpty());
        QVERIFY(view.summaryText().isEmpty());
    }

    void laterTextsWin()
    {
        // A comparison superseded while it runs is dropped: the view shows the last texts.
        SideBySideDiffView view;
        QSignalSpy spy(&view, &SideBySideDiffView::compared);
        view.setTexts(QStringLiteral("a"), numberedLines(0, 20'000), QStringLiteral("b"),
                      numberedLines(5, 20'000));
        view.setTexts(QStringLiteral("a"), "one\n", QStringLiteral("b"), "two\n");
        QVERIFY(view.isComparing());
        QVERIFY(spy.wait(10'000));
        QTest::qWait(100); // the first one's result, if it came late, is ignored
        QCOMPARE(spy.count(), 1);
        QCOMPARE(view.diff().leftLines, QStringList{QStringLiteral("one")});
        QCOMPARE(view.summaryText(), QStringLiteral("1 changed"));
    }

    void notesForLineEndings()
    {
        SideBySideDiffView view;
        QVERIFY(compareAndWait(view, QStringLiteral("a"), "one\r\ntwo\r\n", QStringLiteral("b"),
                               "one\ntwo"));
        const QString notes = view.notes().join(u'\n');
        QVERIFY2(notes.contains(QStringLiteral("CRLF on the left, LF on the right")),
                 qPrintable(notes));
        QVERIFY(notes.contains(QStringLiteral("No newline at the end of the right file")));
        QCOMPARE(view.summaryText(), QStringLiteral("No line differs"));
        QVERIFY(compareAndWait(view, QStringLiteral("a"), "same\n", QStringLiteral("b"),
                               "same\n"));
        QCOMPARE(view.summaryText(), QStringLiteral("No differences"));
        QVERIFY(view.notes().isEmpty());
    }

    void scrollingInSync()
    {
        SideBySideDiffView view;
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setCollapseUnchanged(false);
        // Ten lines inserted at 100 on the right, line 1000 changed.
        const QByteArray left = numberedLines(0, 2000);
        const QByteArray right = numberedLines(0, 100) + numberedLines(0, 10, "new ") +
                                 numberedLines(100, 1000) + "line 1000 changed\n" +
                                 numberedLines(1001, 2000);
        QVERIFY(compareAndWait(view, QStringLiteral("a"), left, QStringLiteral("b"), right));
        SideBySidePane *l = view.leftPane();
        SideBySidePane *r = view.rightPane();
        QCOMPARE(view.displayRowCount(), 2010);
        r->verticalScrollBar()->setValue(600);
        QCOMPARE(l->firstVisibleRow(), 600);
        // The same row holds the same line on both sides, ten lines apart in number.
        QCOMPARE(l->lineAt(600), 590);
        QCOMPARE(r->lineAt(600), 600);
        QCOMPARE(view.diff().leftLines.at(590), view.diff().rightLines.at(600));
        // The wheel over the left side (whose bar is hidden) moves both.
        const QPoint at(l->viewport()->width() / 2, 40);
        QWheelEvent wheel(at, l->viewport()->mapToGlobal(at), QPoint(), QPoint(0, -120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(l->viewport(), &wheel);
        QVERIFY(l->firstVisibleRow() > 600);
        QCOMPARE(r->firstVisibleRow(), l->firstVisibleRow());
        // The keyboard on the left too.
        l->setFocus();
        const int before = r->firstVisibleRow();
        QTest::keyClick(l, Qt::Key_PageDown);
        QVERIFY(r->firstVisibleRow() > before);
        QCOMPARE(l->firstVisibleRow(), r->firstVisibleRow());
        // Horizontal too, all the way, also when only one side has the long line.
        QVERIFY(compareAndWait(view, QStringLiteral("a"), QByteArray(400, 'x') + '\n',
                               QStringLiteral("b"), QByteArray(100, 'y') + '\n'));
        l->horizontalScrollBar()->setValue(50);
        QCOMPARE(r->horizontalScrollBar()->value(), 50);
        const int end = l->horizontalScrollBar()->maximum();
        QVERIFY(end > 1000);
        l->horizontalScrollBar()->setValue(end);
        QCOMPARE(l->horizontalScrollBar()->value(), end);
        QVERIFY(r->horizontalScrollBar()->value() >= end - 30); // a scroll bar's width less
    }

    void nextAndPreviousChange()
    {
        SideBySideDiffView view;
        view.resize(800, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Changes at lines 100, 400 and 700 of 1000: folds between them.
        QByteArray right = numberedLines(0, 100) + "changed 100\n" + numberedLines(101, 400) +
                           "changed 400\n" + numberedLines(401, 700) + "changed 700\n" +
                           numberedLines(701, 1000);
        QVERIFY(compareAndWait(view, QStringLiteral("a"), numberedLines(0, 1000),
                               QStringLiteral("b"), right));
        QCOMPARE(view.changeCount(), 3);
        QCOMPARE(view.displayRowCount(), 1 + 3 + 1 + 3 + 1 + 3 + 1 + 3 + 1 + 3 + 1 + 3 + 1);
        // (English plural forms come from lading_en.qm, which tests do not load.)
        QCOMPARE(view.leftPane()->rowText(0), QStringLiteral("⋯ 97 unchanged line(s)"));
        QVERIFY(view.nextChangeAction()->isEnabled());
        QVERIFY(!view.previousChangeAction()->isEnabled());

        const auto changeRowVisible = [&view](const QString &text) {
            SideBySidePane *r = view.rightPane();
            for (int i = 0; i < r->visibleRowCount(); ++i)
                if (r->rowText(r->firstVisibleRow() + i).endsWith(text))
                    return true;
            return false;
        };
        view.nextChangeAction()->trigger();
        QCOMPARE(view.currentChange(), 0);
        QVERIFY(changeRowVisible(QStringLiteral("changed 100")));
        view.nextChangeAction()->trigger();
        QCOMPARE(view.currentChange(), 1);
        QVERIFY(changeRowVisible(QStringLiteral("changed 400")));
        view.nextChangeAction()->trigger();
        QCOMPARE(view.currentChange(), 2);
        QVERIFY(changeRowVisible(QStringLiteral("changed 700")));
        QVERIFY(!view.nextChangeAction()->isEnabled());
        view.previousChangeAction()->trigger();
        QCOMPARE(view.currentChange(), 1);
        QVERIFY(changeRowVisible(QStringLiteral("changed 400")));
        // The shortcut works from inside the view.
        view.leftPane()->setFocus();
        QTest::keyClick(view.leftPane(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(view.currentChange(), 2);

        // A click on a fold opens it in place.
        SideBySidePane *l = view.leftPane();
        l->verticalScrollBar()->setValue(0);
        const int rows = view.displayRowCount();
        QTest::mouseClick(l->viewport(), Qt::LeftButton, {}, QPoint(40, l->rowHeight() / 2));
        QCOMPARE(view.displayRowCount(), rows + 96);
        QCOMPARE(l->rowText(0), QStringLiteral("1   line 0"));
        // Showing everything, then hiding again.
        view.collapseAction()->trigger();
        QCOMPARE(view.displayRowCount(), 1000);
        view.collapseAction()->trigger();
        QCOMPARE(view.displayRowCount(), rows + 96); // the opened fold stays open
    }

    void fiftyThousandLines()
    {
        SideBySideDiffView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QByteArray left;
        QByteArray right;
        for (int i = 0; i < 50'000; ++i) {
            const QByteArray line = "def function_" + QByteArray::number(i) +
                                    "(value):  # returns \"" + QByteArray::number(i * 7) +
                                    "\"\n";
            left += line;
            right += i % 5'000 == 17 ? "def changed_" + QByteArray::number(i) + "():\n" : line;
        }
        QElapsedTimer timer;
        timer.start();
        QVERIFY(compareAndWait(view, QStringLiteral("a.py"), left, QStringLiteral("b.py"), right,
                               QStringLiteral("tool.py")));
        const qint64 compared = timer.elapsed();
        view.setCollapseUnchanged(false);
        timer.restart();
        view.rightPane()->verticalScrollBar()->setValue(25'000);
        const QImage shot = view.grab().toImage();
        const qint64 painted = timer.elapsed();
        qInfo("50k lines: compared in %lld ms (off the GUI thread), a screen painted in %lld ms",
              compared, painted);
        QCOMPARE(view.changeCount(), 10);
        QVERIFY(!shot.isNull());
        // Only the chunks on screen got syntax colours (one or two per side), not 50k lines.
        QVERIFY2(view.highlightedChunks() <= 4, qPrintable(QString::number(view.highlightedChunks())));
        QVERIFY(view.highlightedChunks() >= 2);
    }

    void pictures()
    {
        const QString folder = qEnvironmentVariable("LADING_DIFF_SHOTS");
        // The English plural forms, as the application loads them ("1 line", "7 lines"),
        // when this build has them in its resources.
        QTranslator english;
        if (english.load(QStringLiteral("lading_en"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(&english);
        const auto removeEnglish = qScopeGuard([&english] {
            QCoreApplication::removeTranslator(&english);
        });
        for (const bool dark : {false, true}) {
            SideBySideDiffView view;
            if (dark)
                view.setPalette(darkPalette());
            view.resize(960, 330);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(compareAndWait(view, QStringLiteral("etc/nginx/sites-enabled/default  (1.24)"),
                                   kLeftConf, QStringLiteral("etc/nginx/sites-enabled/default  (1.25)"),
                                   kRightConf, QStringLiteral("default.conf")));
            view.nextChangeAction()->trigger();
            QTest::qWait(50); // the labels' new sizes laid out
            const QImage shot = view.grab().toImage();
            QVERIFY(!shot.isNull());
            // The base of the texts is the palette's: a dark picture on a dark palette.
            const QColor base = view.leftPane()->palette().color(QPalette::Base);
            QCOMPARE(rowColour(view.leftPane(), 0), base);
            if (!folder.isEmpty())
                QVERIFY(shot.save(folder + QLatin1String(dark ? "/textdiff-dark.png" : "/textdiff-light.png")));

            SideBySideDiffView json;
            if (dark)
                json.setPalette(darkPalette());
            json.resize(960, 330);
            json.setJsonMode(true);
            json.show();
            QVERIFY(QTest::qWaitForWindowExposed(&json));
            const QByteArray a = R"({"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/bin","LANG=C"],"Cmd":["nginx","-g","daemon off;"],"ExposedPorts":{"80/tcp":{}},"Labels":{"version":"1.24"}}})";
            const QByteArray b = R"({"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/bin","LANG=C.UTF-8"],"Cmd":["nginx","-g","daemon off;"],"ExposedPorts":{"80/tcp":{},"443/tcp":{}},"Labels":{"version":"1.25"}}})";
            QVERIFY(compareAndWait(json, QStringLiteral("nginx:1.24 config"), a,
                                   QStringLiteral("nginx:1.25 config"), b));
            QTest::qWait(50);
            const QImage jsonShot = json.grab().toImage();
            QVERIFY(!jsonShot.isNull());
            if (!folder.isEmpty())
                QVERIFY(jsonShot.save(folder + QLatin1String(dark ? "/textdiff-json-dark.png"
                                                              : "/textdiff-json-light.png")));

            // A longer file: unchanged runs folded between the changes.
            SideBySideDiffView folds;
            if (dark)
                folds.setPalette(darkPalette());
            folds.resize(960, 330);
            folds.show();
            QVERIFY(QTest::qWaitForWindowExposed(&folds));
            QByteArray before = "#!/bin/sh\nset -eu\n";
            QByteArray after = before;
            for (int i = 0; i < 60; ++i) {
                const QByteArray line = "echo \"step " + QByteArray::number(i) + "\"\n";
                before += line;
                after += i == 20 ? QByteArray("echo \"step 20, now with a log\" >&2\n")
                                 : i == 45 ? QByteArray() : line;
            }
            QVERIFY(compareAndWait(folds, QStringLiteral("usr/local/bin/entrypoint.sh  (1.24)"),
                                   before, QStringLiteral("usr/local/bin/entrypoint.sh  (1.25)"),
                                   after, QStringLiteral("entrypoint.sh")));
            QTest::qWait(50);
            QVERIFY(folds.leftPane()->rowText(0).startsWith(QStringLiteral("⋯ 19 unchanged line")));
            const QImage foldShot = folds.grab().toImage();
            if (!folder.isEmpty())
                QVERIFY(foldShot.save(folder + QLatin1String(dark ? "/textdiff-folds-dark.png"
                                                              : "/textdiff-folds-light.png")));
        }
    }
};

QTEST_MAIN(TestSideBySideDiffView)
#include "tst_sidebysidediffview.moc"
