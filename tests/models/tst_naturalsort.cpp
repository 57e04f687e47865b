// Natural order of tags and repository names.

#include "naturalsort.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestNaturalSort final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void order()
    {
        QStringList names{u"v10"_s,   u"v2"_s,    u"1.10.0"_s, u"1.9.2"_s, u"latest"_s,
                          u"Alpha"_s, u"alpha"_s, u"1.9.10"_s, u"v1"_s};
        const NaturalLess less;
        std::sort(names.begin(), names.end(), less);
        QCOMPARE(names, (QStringList{u"1.9.2"_s, u"1.9.10"_s, u"1.10.0"_s, u"Alpha"_s, u"alpha"_s,
                                     u"latest"_s, u"v1"_s, u"v2"_s, u"v10"_s}));
    }

    void totalOrder()
    {
        // Case-insensitive collation would call these equal; the order must still be total.
        const NaturalLess less;
        QVERIFY(less(u"Alpha"_s, u"alpha"_s) != less(u"alpha"_s, u"Alpha"_s));
        QVERIFY(!less(u"same"_s, u"same"_s));
        QCOMPARE(less.compare(u"same"_s, u"same"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestNaturalSort)
#include "tst_naturalsort.moc"
