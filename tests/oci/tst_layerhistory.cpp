// oci::LayerHistory: which history entries made which layers (empty_layer steps made none),
// also when a builder left the history and the layers out of step.

#include "oci/manifest/layerhistory.h"

#include "oci/manifest/imageconfig.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QList<oci::HistoryEntry> history(std::initializer_list<bool> emptyLayers)
{
    QList<oci::HistoryEntry> entries;
    for (bool empty : emptyLayers) {
        oci::HistoryEntry entry;
        entry.createdBy = u"step %1"_s.arg(entries.size());
        entry.emptyLayer = empty;
        entries.append(entry);
    }
    return entries;
}

} // namespace

class TestLayerHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nthNonEmptyEntryMadeLayerN()
    {
        // ADD, ENV, RUN, CMD, COPY
        const oci::LayerHistory map(history({false, true, false, true, false}), 3);
        QVERIFY(map.isConsistent());
        QCOMPARE(map.layerOf(0), 0);
        QCOMPARE(map.layerOf(1), -1);
        QCOMPARE(map.layerOf(2), 1);
        QCOMPARE(map.layerOf(3), -1);
        QCOMPARE(map.layerOf(4), 2);
        QCOMPARE(map.historyOf(0), 0);
        QCOMPARE(map.historyOf(1), 2);
        QCOMPARE(map.historyOf(2), 4);
        QCOMPARE(map.historyOf(3), -1);
        QCOMPARE(map.layerOf(-1), -1);
        QCOMPARE(map.layerOf(5), -1);
    }

    void moreStepsThanLayers()
    {
        const oci::LayerHistory map(history({false, false, false}), 2);
        QVERIFY(!map.isConsistent());
        QCOMPARE(map.layerOf(1), 1);
        QCOMPARE(map.layerOf(2), -1);
        QCOMPARE(map.historyOf(1), 1);
    }

    void fewerStepsThanLayers()
    {
        const oci::LayerHistory map(history({true, false}), 3);
        QVERIFY(!map.isConsistent());
        QCOMPARE(map.historyOf(0), 1);
        QCOMPARE(map.historyOf(1), -1);
        QCOMPARE(map.historyOf(2), -1);
    }

    void noHistory()
    {
        const oci::LayerHistory map({}, 2);
        QVERIFY(map.isEmpty());
        QVERIFY(!map.isConsistent());
        QCOMPARE(map.historyOf(0), -1);
        QVERIFY(oci::LayerHistory({}, 0).isConsistent());
    }

    void oneLineCommand_data()
    {
        QTest::addColumn<QString>("createdBy");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nop") << u"/bin/sh -c #(nop)  CMD [\"/bin/sh\"]"_s << u"CMD [\"/bin/sh\"]"_s;
        QTest::newRow("run") << u"/bin/sh -c apt-get update"_s << u"/bin/sh -c apt-get update"_s;
        QTest::newRow("heredoc") << u"RUN /bin/sh -c set -e\n\tmake\n  install # buildkit"_s
                                 << u"RUN /bin/sh -c set -e make install # buildkit"_s;
        QTest::newRow("empty") << QString() << QString();
    }

    void oneLineCommand()
    {
        QFETCH(QString, createdBy);
        QFETCH(QString, expected);
        QCOMPARE(oci::LayerHistory::oneLineCommand(createdBy), expected);
    }
};

QTEST_GUILESS_MAIN(TestLayerHistory)
#include "tst_layerhistory.moc"
