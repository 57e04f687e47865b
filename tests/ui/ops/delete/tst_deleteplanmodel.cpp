// DeletePlanModel under QAbstractItemModelTester, with plans from ops::planDeletion over
// hand-built scans: the columns, the decision's words and colours, the roles a proxy
// sorts and filters by, created dates from the scan or a map.

#include "ops/delete/deleteplanmodel.h"

#include "ops/plan/deletionplanner.h"
#include "ops/tagfatetext.h"

#include "scanbuilder.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using Fate = ops::TagFate::Fate;

namespace {

const QDateTime kOld(QDate(2024, 1, 2), QTime(3, 4), Qt::UTC);
const QDateTime kNew(QDate(2025, 6, 7), QTime(8, 9), Qt::UTC);

// 1.0 on its own image (old); 1.1 and latest on one image (new); v2 and v10 on a third
// (no created date).
struct Repo
{
    ScanBuilder builder;
    oci::Digest old, current, other;

    Repo()
    {
        old = builder.image(QStringLiteral("one-oh"), kOld);
        current = builder.image(QStringLiteral("one-one"), kNew);
        other = builder.image(QStringLiteral("vee"));
        builder.tag(QStringLiteral("1.0"), old);
        builder.tags({QStringLiteral("1.1"), QStringLiteral("latest")}, current);
        builder.tags({QStringLiteral("v10"), QStringLiteral("v2")}, other);
    }

    ops::DeletePlan plan(const QStringList &tags, ops::DeleteMode mode) const
    {
        const auto made = ops::planDeletion(builder.scan, tags, mode);
        if (!made)
            qFatal("plan: %s", qPrintable(made.error().describe()));
        return made.value();
    }
};

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data(role).toString();
    return values;
}

} // namespace

class TestDeletePlanModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel()
    {
        DeletePlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(DeletePlanModel::ColumnCount));
        QCOMPARE(model.headerData(DeletePlanModel::DecisionColumn, Qt::Horizontal).toString(), QStringLiteral("Decision"));
        QCOMPARE(model.headerData(DeletePlanModel::WhyColumn, Qt::Horizontal).toString(), QStringLiteral("Why"));
        QCOMPARE(model.rowOf(QStringLiteral("latest")), -1);
        QCOMPARE(model.touchedCount(), 0);
    }

    // TagOnly on a shared digest: latest Deleted (struck out, red), 1.1 Kept and touched.
    void tagOnlyOnASharedDigest()
    {
        Repo repo;
        DeletePlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const ops::DeletePlan plan = repo.plan({QStringLiteral("latest")}, ops::DeleteMode::TagOnly);
        model.setPlan(plan, repo.builder.scan);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(column(model, DeletePlanModel::TagColumn),
                 (QStringList{QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("latest"),
                              QStringLiteral("v10"), QStringLiteral("v2")}));

        const int latest = model.rowOf(QStringLiteral("latest"));
        const int kept = model.rowOf(QStringLiteral("1.1"));
        QCOMPARE(latest, 2);
        const QModelIndex decision = model.index(latest, DeletePlanModel::DecisionColumn);
        QCOMPARE(decision.data().toString(), tagFateName(int(Fate::Deleted)));
        QCOMPARE(decision.data().toString(), QStringLiteral("Deleted"));
        QCOMPARE(decision.data(Qt::ForegroundRole).value<QColor>(), DeletePlanModel::fateColour(int(Fate::Deleted)));
        QVERIFY(DeletePlanModel::fateColour(int(Fate::Deleted)).isValid());
        QVERIFY(model.index(latest, DeletePlanModel::TagColumn).data(Qt::FontRole).value<QFont>().strikeOut());
        QCOMPARE(model.index(kept, DeletePlanModel::DecisionColumn).data().toString(), QStringLiteral("Kept"));
        QVERIFY(!model.index(kept, DeletePlanModel::DecisionColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(kept, DeletePlanModel::TagColumn).data(Qt::FontRole).isValid());

        // Why: the plan's reason through tagFateText, in the column and as tool tip.
        const ops::TagFate &fate = model.fateAt(latest);
        QCOMPARE(fate.tag, QStringLiteral("latest"));
        QCOMPARE(model.index(latest, DeletePlanModel::WhyColumn).data().toString(), tagFateText(fate));
        QVERIFY(model.index(latest, DeletePlanModel::WhyColumn).data().toString().contains(u"Only the tag is removed"));
        QCOMPARE(model.index(latest, DeletePlanModel::DecisionColumn).data(Qt::ToolTipRole).toString(), tagFateText(fate));

        // Digest: short, full in the tool tip and DigestRole.
        const QModelIndex digest = model.index(latest, DeletePlanModel::DigestColumn);
        QCOMPARE(digest.data().toString(), repo.current.shortString());
        QCOMPARE(digest.data(Qt::ToolTipRole).toString(), repo.current.toString());
        QCOMPARE(model.index(latest, DeletePlanModel::TagColumn).data(DeletePlanModel::DigestRole).toString(),
                 repo.current.toString());

        // Created: from the scan (local time shown, UTC in the role); none for v2.
        QCOMPARE(model.index(latest, DeletePlanModel::TagColumn).data(DeletePlanModel::CreatedRole).toDateTime(), kNew);
        QCOMPARE(model.index(latest, DeletePlanModel::CreatedColumn).data().toString(),
                 kNew.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        QVERIFY(model.index(model.rowOf(QStringLiteral("v2")), DeletePlanModel::CreatedColumn).data().toString().isEmpty());

        // Roles for proxies: the fate, and "touched" (deleted or on a deleted tag's digest).
        QCOMPARE(model.index(latest, DeletePlanModel::WhyColumn).data(DeletePlanModel::FateRole).toInt(), int(Fate::Deleted));
        QCOMPARE(model.index(kept, 0).data(DeletePlanModel::FateRole).toInt(), int(Fate::Kept));
        QCOMPARE(column(model, 0, DeletePlanModel::TouchedRole),
                 (QStringList{QStringLiteral("false"), QStringLiteral("true"), QStringLiteral("true"),
                              QStringLiteral("false"), QStringLiteral("false")}));
        QCOMPARE(model.touchedCount(), 2);
        QCOMPARE(model.plan().deletedTags(), QStringList{QStringLiteral("latest")});
    }

    // Image mode: both tags of the digest are deleted.
    void imageModeDeletesEveryTagOnTheDigest()
    {
        Repo repo;
        DeletePlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(repo.plan({QStringLiteral("latest")}, ops::DeleteMode::Image));
        QCOMPARE(column(model, DeletePlanModel::DecisionColumn),
                 (QStringList{QStringLiteral("Kept"), QStringLiteral("Deleted"), QStringLiteral("Deleted"),
                              QStringLiteral("Kept"), QStringLiteral("Kept")}));
        // No scan, no dates.
        QVERIFY(!model.index(0, DeletePlanModel::TagColumn).data(DeletePlanModel::CreatedRole).toDateTime().isValid());
        QVERIFY(column(model, DeletePlanModel::CreatedColumn).join(QString()).isEmpty());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // Dates from a map; the sort keys order tags naturally, dates by time, decisions first.
    void sortingAndFilteringThroughAProxy()
    {
        Repo repo;
        DeletePlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QHash<QString, QDateTime> created{{QStringLiteral("v2"), kOld}, {QStringLiteral("v10"), kNew}};
        model.setPlan(repo.plan({QStringLiteral("1.0"), QStringLiteral("v2")}, ops::DeleteMode::TagOnly), created);
        QCOMPARE(model.index(model.rowOf(QStringLiteral("v10")), 0).data(DeletePlanModel::CreatedRole).toDateTime(), kNew);

        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(DeletePlanModel::SortRole);

        proxy.sort(DeletePlanModel::TagColumn);
        QCOMPARE(column(proxy, DeletePlanModel::TagColumn),
                 (QStringList{QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("latest"),
                              QStringLiteral("v2"), QStringLiteral("v10")}));
        proxy.sort(DeletePlanModel::CreatedColumn, Qt::DescendingOrder);
        QCOMPARE(column(proxy, DeletePlanModel::TagColumn).mid(0, 2),
                 (QStringList{QStringLiteral("v10"), QStringLiteral("v2")}));
        proxy.sort(DeletePlanModel::DecisionColumn);
        QCOMPARE(column(proxy, DeletePlanModel::DecisionColumn).mid(0, 2),
                 (QStringList{QStringLiteral("Deleted"), QStringLiteral("Deleted")}));
        QCOMPARE(column(proxy, DeletePlanModel::DecisionColumn).constLast(), QStringLiteral("Kept"));

        // "Only what changes": v2 is deleted and v10 shares its digest; 1.0 is alone.
        proxy.setFilterRole(DeletePlanModel::TouchedRole);
        proxy.setFilterFixedString(QStringLiteral("true"));
        proxy.sort(DeletePlanModel::TagColumn);
        QCOMPARE(column(proxy, DeletePlanModel::TagColumn),
                 (QStringList{QStringLiteral("1.0"), QStringLiteral("v2"), QStringLiteral("v10")}));
        // "Only what is deleted".
        proxy.setFilterRole(DeletePlanModel::FateRole);
        proxy.setFilterFixedString(QString::number(int(Fate::Deleted)));
        QCOMPARE(column(proxy, DeletePlanModel::TagColumn),
                 (QStringList{QStringLiteral("1.0"), QStringLiteral("v2")}));

        // A new plan resets the proxy's rows too.
        model.setPlan(repo.plan({QStringLiteral("latest")}, ops::DeleteMode::Image));
        QCOMPARE(column(proxy, DeletePlanModel::TagColumn),
                 (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
    }

    void protectedIsAmber()
    {
        QVERIFY(DeletePlanModel::fateColour(int(Fate::Protected)).isValid());
        QVERIFY(DeletePlanModel::fateColour(int(Fate::Protected)) != DeletePlanModel::fateColour(int(Fate::Deleted)));
        QVERIFY(!DeletePlanModel::fateColour(int(Fate::Kept)).isValid());
    }
};

QTEST_MAIN(TestDeletePlanModel)
#include "tst_deleteplanmodel.moc"
