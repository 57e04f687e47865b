// PlanFateFilter over a DeletePlanModel under QAbstractItemModelTester: a retention plan of
// a hand-built scan (tests/ops/plan/scanbuilder.h), filtered by decision and by tag text,
// sorted by the model's sort keys, and a new plan arriving while filtered.

#include "ops/cleanup/planfatefilter.h"
#include "ops/delete/deleteplanmodel.h"

#include "scanbuilder.h"

#include "ops/plan/retentionplanner.h"
#include "ops/plan/retentionrules.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using Fate = ops::TagFate::Fate;

namespace {

QDateTime day(int n)
{
    return QDateTime(QDate(2024, 1, 1).addDays(n), QTime(12, 0), Qt::UTC);
}

QStringList tagsOf(const QAbstractItemModel &model)
{
    QStringList tags;
    for (int row = 0; row < model.rowCount(); ++row)
        tags << model.index(row, DeletePlanModel::TagColumn)
                    .data(DeletePlanModel::TagRole)
                    .toString();
    return tags;
}

// The filter over a model showing `plan`, checked by QAbstractItemModelTester throughout.
struct Filtered
{
    Filtered(const ops::DeletePlan &plan, const ops::RepositoryScan &scan)
    {
        filter.setSourceModel(&model);
        model.setPlan(plan, scan);
    }
    DeletePlanModel model;
    PlanFateFilter filter;
    QAbstractItemModelTester tester{&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestPlanFateFilter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Oldest first: v1 (day 0), rc-1 and release-1 on one image (day 10), v2 (day 20),
        // v3 (day 30). Keep the newest 1 and "release-.*": rc-1 is protected by release-1.
        m_builder.tag(u"v1"_s, m_builder.image(u"a"_s, day(0)));
        m_builder.tags({u"rc-1"_s, u"release-1"_s}, m_builder.image(u"b"_s, day(10)));
        m_builder.tag(u"v2"_s, m_builder.image(u"c"_s, day(20)));
        m_builder.tag(u"v3"_s, m_builder.image(u"d"_s, day(30)));
        ops::RetentionRules rules;
        rules.keepNewest = 1;
        rules.keep = {u"release-.*"_s};
        auto plan = ops::planRetention(m_builder.scan, rules);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().describe()));
        m_plan = plan.value();
    }

    void filters()
    {
        Filtered filtered(m_plan, m_builder.scan);
        DeletePlanModel &model = filtered.model;
        PlanFateFilter &filter = filtered.filter;
        QCOMPARE(filter.rowCount(), 5);
        QVERIFY(!filter.fate().has_value());

        filter.setFate(int(Fate::Deleted));
        QStringList deleted = tagsOf(filter);
        deleted.sort();
        QCOMPARE(deleted, (QStringList{u"v1"_s, u"v2"_s}));
        filter.setFate(int(Fate::Protected));
        QCOMPARE(tagsOf(filter), QStringList{u"rc-1"_s});
        filter.setFate(int(Fate::Kept));
        QStringList kept = tagsOf(filter);
        kept.sort();
        QCOMPARE(kept, (QStringList{u"release-1"_s, u"v3"_s}));

        // Text and decision together; case does not matter; blanks around are ignored.
        filter.setFate(std::nullopt);
        filter.setTagText(u"  V "_s);
        QCOMPARE(filter.rowCount(), 3);
        filter.setFate(int(Fate::Deleted));
        QCOMPARE(filter.rowCount(), 2);
        filter.setTagText(u"rel"_s);
        QCOMPARE(filter.rowCount(), 0);
        filter.setTagText(QString());
        filter.setFate(std::nullopt);
        QCOMPARE(filter.rowCount(), 5);

        // A new plan while filtered: the filter applies to it at once.
        filter.setFate(int(Fate::Deleted));
        ops::RetentionRules everything;
        everything.keepNewest = 4;
        auto plan = ops::planRetention(m_builder.scan, everything);
        QVERIFY(plan.ok());
        model.setPlan(plan.value(), m_builder.scan);
        QCOMPARE(filter.rowCount(), 0);
        model.setPlan(m_plan, m_builder.scan);
        QCOMPARE(filter.rowCount(), 2);
    }

    void sortsByTheModelsKeys()
    {
        Filtered filtered(m_plan, m_builder.scan);
        PlanFateFilter &filter = filtered.filter;
        QCOMPARE(filter.sortRole(), int(DeletePlanModel::SortRole));
        filter.sort(DeletePlanModel::CreatedColumn, Qt::DescendingOrder);
        const QStringList newestFirst = tagsOf(filter);
        QCOMPARE(newestFirst.constFirst(), u"v3"_s);
        QCOMPARE(newestFirst.constLast(), u"v1"_s);
        filter.sort(DeletePlanModel::DecisionColumn, Qt::AscendingOrder);
        QCOMPARE(filter.index(0, 0).data(DeletePlanModel::FateRole).toInt(), int(Fate::Deleted));
        QCOMPARE(filter.index(4, 0).data(DeletePlanModel::FateRole).toInt(), int(Fate::Kept));
    }

private:
    ScanBuilder m_builder;
    ops::DeletePlan m_plan;
};

QTEST_GUILESS_MAIN(TestPlanFateFilter)
#include "tst_planfatefilter.moc"
