// The line diff: rows against hand-worked answers, edit counts against a longest-common-
// subsequence table on random texts, and the two ends of the work cap.
#include "image/diff/text/linediff.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace image;

namespace {

using Kind = LineDiffRowKind;

// Every row pairs lines that belong there: both sides' lines appear once each, in order;
// Equal rows hold equal lines; hunks cover exactly the non-Equal rows.
bool consistent(const LineDiff &d, bool ignoreEndings = true)
{
    int nextLeft = 0;
    int nextRight = 0;
    for (const LineDiffRow &r : d.rows) {
        if (r.leftLine >= 0 && r.leftLine != nextLeft++)
            return false;
        if (r.rightLine >= 0 && r.rightLine != nextRight++)
            return false;
        switch (r.kind) {
        case Kind::Equal:
            if (r.leftLine < 0 || r.rightLine < 0)
                return false;
            if (ignoreEndings && d.leftLines.at(r.leftLine) != d.rightLines.at(r.rightLine))
                return false;
            break;
        case Kind::Changed:
            if (r.leftLine < 0 || r.rightLine < 0)
                return false;
            break;
        case Kind::Removed:
            if (r.leftLine < 0 || r.rightLine >= 0)
                return false;
            break;
        case Kind::Added:
            if (r.leftLine >= 0 || r.rightLine < 0)
                return false;
            break;
        }
    }
    if (nextLeft != d.leftLines.size() || nextRight != d.rightLines.size())
        return false;
    int covered = 0;
    int previousEnd = -1;
    for (const LineDiffHunk &h : d.hunks) {
        if (h.firstRow <= previousEnd)
            return false; // hunks are separated by at least one Equal row
        for (int i = h.firstRow; i < h.firstRow + h.rowCount; ++i)
            if (d.rows.at(i).kind == Kind::Equal)
                return false;
        covered += h.rowCount;
        previousEnd = h.firstRow + h.rowCount;
    }
    return covered == d.rows.size() - d.equalRows;
}

int editCount(const LineDiff &d)
{
    return d.removedRows + d.addedRows + 2 * d.changedRows;
}

QByteArray joinLines(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &l : lines)
        out += l + '\n';
    return out;
}

// n + m - 2·LCS: the fewest lines removed plus added.
int minimalEdits(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    std::vector<std::vector<int>> lcs(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1)));
    for (qsizetype i = a.size() - 1; i >= 0; --i)
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a[i] == b[j] ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                     : std::max(lcs[size_t(i + 1)][size_t(j)],
                                                                lcs[size_t(i)][size_t(j + 1)]);
    return int(a.size() + b.size()) - 2 * lcs[0][0];
}

QList<QByteArray> numbered(int count, const char *prefix)
{
    QList<QByteArray> lines;
    lines.reserve(count);
    for (int i = 0; i < count; ++i)
        lines.append(QByteArray(prefix) + QByteArray::number(i));
    return lines;
}

} // namespace

class TestLineDiff final : public QObject
{
    Q_OBJECT

private slots:
    void identical()
    {
        const LineDiff d = diffTexts("one\ntwo\nthree\n", "one\ntwo\nthree\n");
        QVERIFY(consistent(d));
        QVERIFY(d.identical());
        QCOMPARE(d.rows.size(), 3);
        QCOMPARE(d.equalRows, 3);
        QVERIFY(d.hunks.isEmpty());
        QCOMPARE(d.leftLines, QStringList({QStringLiteral("one"), QStringLiteral("two"),
                                           QStringLiteral("three")}));
        QCOMPARE(d.leftEnding, LineEnding::Lf);
    }

    void insert()
    {
        const LineDiff d = diffTexts("a\nb\nc\n", "a\nb\nnew\nc\n");
        QVERIFY(consistent(d));
        QCOMPARE(d.rows.size(), 4);
        QCOMPARE(d.rows.at(2).kind, Kind::Added);
        QCOMPARE(d.rows.at(2).leftLine, -1);
        QCOMPARE(d.rows.at(2).rightLine, 2);
        QCOMPARE(d.rows.at(3).kind, Kind::Equal);
        QCOMPARE(d.rows.at(3).leftLine, 2);
        QCOMPARE(d.rows.at(3).rightLine, 3);
        QCOMPARE(d.hunks.size(), 1);
        QCOMPARE(d.hunks.at(0).firstRow, 2);
        QCOMPARE(d.hunks.at(0).leftStart, 2); // inserted before left line 2
        QCOMPARE(d.hunks.at(0).leftCount, 0);
        QCOMPARE(d.hunks.at(0).rightStart, 2);
        QCOMPARE(d.hunks.at(0).rightCount, 1);
        QCOMPARE(d.addedRows, 1);
        QVERIFY(!d.linesEqual());
    }

    void remove()
    {
        const LineDiff d = diffTexts("a\nb\nc\nd\n", "a\nd\n");
        QVERIFY(consistent(d));
        QCOMPARE(d.removedRows, 2);
        QCOMPARE(d.rows.at(1).kind, Kind::Removed);
        QCOMPARE(d.rows.at(1).leftLine, 1);
        QCOMPARE(d.rows.at(2).kind, Kind::Removed);
        QCOMPARE(d.rows.at(2).leftLine, 2);
        QCOMPARE(d.hunks.size(), 1);
        QCOMPARE(d.hunks.at(0).rightStart, 1);
        QCOMPARE(d.hunks.at(0).rightCount, 0);
    }

    void change()
    {
        const LineDiff d = diffTexts("x\nhello world\ny\n", "x\nhello there\ny\n");
        QVERIFY(consistent(d));
        QCOMPARE(d.rows.size(), 3);
        const LineDiffRow &r = d.rows.at(1);
        QCOMPARE(r.kind, Kind::Changed);
        QCOMPARE(r.leftLine, 1);
        QCOMPARE(r.rightLine, 1);
        QCOMPARE(r.leftChange, (CharRange{6, 5}));  // "world"
        QCOMPARE(r.rightChange, (CharRange{6, 5})); // "there"
        QCOMPARE(d.changedRows, 1);
        // Two removed and one added line: one pair, one left over.
        const LineDiff e = diffTexts("k\nold 1\nold 2\nk2\n", "k\nnew 1\nk2\n");
        QVERIFY(consistent(e));
        QCOMPARE(e.rows.at(1).kind, Kind::Changed);
        QCOMPARE(e.rows.at(2).kind, Kind::Removed);
        QCOMPARE(e.hunks.at(0).leftCount, 2);
        QCOMPARE(e.hunks.at(0).rightCount, 1);
    }

    void withinLineRanges()
    {
        CharRange l;
        CharRange r;
        changedCharacters(u"abc", u"abXc", &l, &r);
        QCOMPARE(l, (CharRange{2, 0}));
        QCOMPARE(r, (CharRange{2, 1}));
        changedCharacters(u"same", u"same", &l, &r);
        QCOMPARE(l, (CharRange{4, 0}));
        // 😀 and 😁 share their high surrogate: the emphasis takes the whole character.
        changedCharacters(u"a\U0001F600b", u"a\U0001F601b", &l, &r);
        QCOMPARE(l, (CharRange{1, 2}));
        QCOMPARE(r, (CharRange{1, 2}));
        // "aa" → "aaa": prefix and suffix must not overlap.
        changedCharacters(u"aa", u"aaa", &l, &r);
        QCOMPARE(l.length, 0);
        QCOMPARE(r.length, 1);
    }

    void bothEmpty()
    {
        const LineDiff d = diffTexts("", "");
        QVERIFY(d.identical());
        QVERIFY(d.rows.isEmpty());
        QVERIFY(d.leftLines.isEmpty());
        QCOMPARE(d.leftEnding, LineEnding::None);
        QVERIFY(!d.binary);
    }

    void oneEmpty()
    {
        const LineDiff d = diffTexts("", "a\nb\n");
        QVERIFY(consistent(d));
        QCOMPARE(d.addedRows, 2);
        QCOMPARE(d.hunks.size(), 1);
        QCOMPARE(d.hunks.at(0).rowCount, 2);
        const LineDiff e = diffTexts("a\nb\n", "");
        QVERIFY(consistent(e));
        QCOMPARE(e.removedRows, 2);
        QCOMPARE(e.rows.at(0).rightLine, -1);
    }

    void lineEndings()
    {
        const LineDiff d = diffTexts("a\r\nb\r\n", "a\nb\n");
        QVERIFY(consistent(d));
        QVERIFY(d.linesEqual());
        QVERIFY(d.lineEndingsDiffer());
        QVERIFY(!d.identical());
        QCOMPARE(d.leftEnding, LineEnding::CrLf);
        QCOMPARE(d.rightEnding, LineEnding::Lf);
        QCOMPARE(d.leftLines.at(0), QStringLiteral("a")); // no '\r' shown
        QCOMPARE(diffTexts("a\r\nb\n", "a\nb\n").leftEnding, LineEnding::Mixed);

        LineDiffOptions strict;
        strict.ignoreLineEndings = false;
        const LineDiff s = diffTexts("a\r\nb\r\n", "a\nb\n", strict);
        QVERIFY(consistent(s, false));
        QCOMPARE(s.changedRows, 2);
    }

    void finalNewline()
    {
        const LineDiff d = diffTexts("a\nb", "a\nb\n");
        QVERIFY(consistent(d));
        QVERIFY(d.linesEqual());
        QVERIFY(d.leftMissingFinalNewline);
        QVERIFY(!d.rightMissingFinalNewline);
        QVERIFY(d.finalNewlineDiffers());
        QVERIFY(!d.lineEndingsDiffer());
        QVERIFY(!d.identical());
        QCOMPARE(d.leftLines.size(), 2);
        // A lone newline is one empty line.
        QCOMPARE(diffTexts("\n", "").leftLines, QStringList{QString()});
    }

    void binary()
    {
        const QByteArray withNul("ELF\0\1\2", 6);
        const LineDiff d = diffTexts(withNul, "text\n");
        QVERIFY(d.binary);
        QVERIFY(d.leftBinary);
        QVERIFY(!d.rightBinary);
        QVERIFY(d.rows.isEmpty());
        QVERIFY(d.leftLines.isEmpty());
        QVERIFY(!d.linesEqual());
        QVERIFY(!looksBinary("plain text\n"));
        QVERIFY(!looksBinary(""));
    }

    void utf8()
    {
        const LineDiff d = diffTexts("Grüße\n", "Grüsse\n");
        QCOMPARE(d.leftLines.at(0), QStringLiteral("Grüße"));
        QCOMPARE(d.rows.at(0).leftChange, (CharRange{3, 1}));
        QCOMPARE(d.rows.at(0).rightChange, (CharRange{3, 2}));
    }

    void minimalOnClassicExample()
    {
        // Myers' paper: ABCABBA → CBABAC takes 5 edits.
        const LineDiff d = diffTexts("A\nB\nC\nA\nB\nB\nA\n", "C\nB\nA\nB\nA\nC\n");
        QVERIFY(consistent(d));
        QCOMPARE(editCount(d), 5);
        QCOMPARE(d.equalRows, 4);
    }

    void minimalOnRandomTexts()
    {
        QRandomGenerator random(20261128);
        for (int trial = 0; trial < 300; ++trial) {
            QList<QByteArray> a;
            QList<QByteArray> b;
            const int n = int(random.bounded(30));
            const int m = int(random.bounded(30));
            const int alphabet = 2 + int(random.bounded(4));
            for (int i = 0; i < n; ++i)
                a.append(QByteArray(1, char('a' + random.bounded(alphabet))));
            for (int i = 0; i < m; ++i)
                b.append(QByteArray(1, char('a' + random.bounded(alphabet))));
            const LineDiff d = diffTexts(joinLines(a), joinLines(b));
            QVERIFY2(consistent(d), qPrintable(QString::number(trial)));
            QCOMPARE(editCount(d), minimalEdits(a, b));
            QVERIFY(!d.coarse);
        }
    }

    void large()
    {
        // 100k lines; 10 changed, 5 inserted, 5 deleted, spread out.
        QList<QByteArray> a = numbered(100'000, "line ");
        QList<QByteArray> b = a;
        for (int i = 0; i < 10; ++i)
            b[5'000 + i * 9'000] += " changed";
        for (int i = 0; i < 5; ++i)
            b.insert(2'000 + i * 19'000, "inserted " + QByteArray::number(i));
        for (int i = 0; i < 5; ++i)
            b.removeAt(90'000 - i * 17'000);
        const QByteArray left = joinLines(a);
        const QByteArray right = joinLines(b);
        QElapsedTimer timer;
        timer.start();
        const LineDiff d = diffTexts(left, right);
        const qint64 ms = timer.elapsed();
        qInfo("100k lines, 20 changes: %lld ms, %lld search steps", ms, d.work);
        QVERIFY(!d.coarse);
        QVERIFY(consistent(d));
        QCOMPARE(editCount(d), 10 * 2 + 5 + 5);
        QCOMPARE(d.hunks.size(), 20);
        QCOMPARE(d.changedRows, 10);
    }

    void pathologicalWithinCap()
    {
        // No line in common: the search runs to D = n + m, which is within the cap here.
        const QByteArray left = joinLines(numbered(1'000, "left "));
        const QByteArray right = joinLines(numbered(1'000, "right "));
        QElapsedTimer timer;
        timer.start();
        const LineDiff d = diffTexts(left, right);
        qInfo("1000 vs 1000 lines, none in common: %lld ms, %lld search steps",
              timer.elapsed(), d.work);
        QVERIFY(!d.coarse);
        QVERIFY(consistent(d));
        QCOMPARE(d.changedRows, 1'000);
        QCOMPARE(d.hunks.size(), 1);
        QVERIFY(d.work > 1'000'000); // it did search (≈ D²/2 diagonals)
    }

    void pastTheCapIsCoarse()
    {
        // Same head and tail, 5000 unrelated lines in between: over a 1M-step cap.
        QList<QByteArray> a = numbered(5'000, "left ");
        QList<QByteArray> b = numbered(5'000, "right ");
        a.prepend("head");
        b.prepend("head");
        a.append("tail");
        b.append("tail");
        LineDiffOptions options;
        options.maxWork = 1'000'000;
        QElapsedTimer timer;
        timer.start();
        const LineDiff d = diffTexts(joinLines(a), joinLines(b), options);
        qInfo("5000 vs 5000 unrelated lines, 1M-step cap: %lld ms, %lld steps", timer.elapsed(),
              d.work);
        QVERIFY(d.coarse);
        QVERIFY(consistent(d));
        QVERIFY(d.work <= options.maxWork + 20'000); // stopped at the step that crossed it
        QCOMPARE(d.rows.first().kind, Kind::Equal);
        QCOMPARE(d.rows.last().kind, Kind::Equal);
        QCOMPARE(d.changedRows, 5'000);
        QCOMPARE(d.hunks.size(), 1);
        // Fewer unrelated lines fit under the same cap and are searched to the end.
        const LineDiff small = diffTexts(joinLines(a.mid(0, 500)), joinLines(b.mid(0, 500)),
                                         options);
        QVERIFY(!small.coarse);
        QCOMPARE(editCount(small), 2 * 499);
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
