// Display rows of the side-by-side view: which unchanged runs fold, how many rows a fold
// hides, expanded folds, and finding a diff row among the display rows.
#include "diff/textdiffrows.h"
#include "image/diff/text/linediff.h"

#include <QTest>

using Type = TextDiffDisplayRow::Type;

namespace {

QByteArray lines(int from, int to, const char *prefix = "line ")
{
    QByteArray out;
    for (int i = from; i < to; ++i)
        out += QByteArray(prefix) + QByteArray::number(i) + '\n';
    return out;
}

int folds(const QList<TextDiffDisplayRow> &rows)
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [](const TextDiffDisplayRow &r) { return r.type == Type::Fold; }));
}

} // namespace

class TestTextDiffRows final : public QObject
{
    Q_OBJECT

private slots:
    void foldsLongUnchangedRuns()
    {
        // 100 lines, line 50 changed: 47 hidden above (3 kept), 46 below (3 kept).
        const QByteArray a = lines(0, 100);
        const QByteArray b = lines(0, 50) + "changed\n" + lines(51, 100);
        const image::LineDiff diff = image::diffTexts(a, b);
        const QList<TextDiffDisplayRow> rows = layoutTextDiffRows(diff, {});
        QCOMPARE(rows.size(), 1 + 3 + 1 + 3 + 1);
        QCOMPARE(rows.at(0).type, Type::Fold);
        QCOMPARE(rows.at(0).diffRow, 0);
        QCOMPARE(rows.at(0).foldCount, 47);
        QCOMPARE(rows.at(4).diffRow, 50);
        QCOMPARE(rows.at(8).type, Type::Fold);
        QCOMPARE(rows.at(8).diffRow, 54);
        QCOMPARE(rows.at(8).foldCount, 46);
        // Every diff row is found: in its own row or in the fold hiding it.
        QCOMPARE(displayRowOf(rows, 0), 0);
        QCOMPARE(displayRowOf(rows, 46), 0);
        QCOMPARE(displayRowOf(rows, 47), 1);
        QCOMPARE(displayRowOf(rows, 50), 4);
        QCOMPARE(displayRowOf(rows, 99), 8);
        QCOMPARE(displayRowOf(rows, 100), -1);
        QCOMPARE(displayRowOf(rows, -1), -1);
    }

    void expandedAndOff()
    {
        const image::LineDiff diff =
            image::diffTexts(lines(0, 100), QByteArray(lines(0, 50) + "changed\n" + lines(51, 100)));
        TextDiffRowOptions options;
        options.expanded.insert(0);
        const QList<TextDiffDisplayRow> rows = layoutTextDiffRows(diff, options);
        QCOMPARE(folds(rows), 1);
        QCOMPARE(rows.size(), 47 + 3 + 1 + 3 + 1);
        options.collapse = false;
        const QList<TextDiffDisplayRow> all = layoutTextDiffRows(diff, options);
        QCOMPARE(all.size(), 100);
        QCOMPARE(folds(all), 0);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all.at(i).diffRow, i);
    }

    void shortRunsStay()
    {
        // Two changes 8 lines apart: 3 + 3 kept leaves 2 to hide, fewer than a fold's worth.
        const image::LineDiff diff = image::diffTexts(
            lines(0, 10), QByteArray(QByteArray("x\n") + lines(1, 9) + "y\n"));
        const QList<TextDiffDisplayRow> rows = layoutTextDiffRows(diff, {});
        QCOMPARE(folds(rows), 0);
        QCOMPARE(rows.size(), 10);
    }

    void nothingChangedFoldsNothing()
    {
        const image::LineDiff diff = image::diffTexts(lines(0, 500), lines(0, 500));
        QCOMPARE(layoutTextDiffRows(diff, {}).size(), 500);
    }
};

QTEST_GUILESS_MAIN(TestTextDiffRows)
#include "tst_textdiffrows.moc"
