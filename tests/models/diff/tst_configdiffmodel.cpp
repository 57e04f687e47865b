// ConfigDiffModel and HistoryDiffModel under QAbstractItemModelTester, with diffs made by
// image::diffConfigs from two configs written in the test: the fields in words, the
// changes in colour, the values before and after, sorting through a proxy; the histories
// side by side with equal runs folded, unfolded one by one or all at once.

#include "diff/configdiffmodel.h"
#include "diff/diffcells.h"
#include "diff/diffroles.h"
#include "diff/historydiffmodel.h"

#include "image/diff/config/configdiff.h"
#include "oci/manifest/imageconfig.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

oci::ImageConfig parse(const QByteArray &json)
{
    auto config = oci::ImageConfig::parse(json);
    if (!config)
        qFatal("config: %s", qPrintable(config.error().describe()));
    return config.value();
}

// Seven equal steps, then A's `RUN make` becomes B's `RUN make all`, B adds a label step,
// then two equal steps.
QByteArray configA()
{
    return R"json({"architecture": "amd64", "os": "linux",
      "config": {"Env": ["PATH=/usr/bin", "GONE=1", "MODE=dev"], "Cmd": ["app", "--serve"],
                 "Entrypoint": ["/entry.sh"], "User": "", "WorkingDir": "/srv",
                 "ExposedPorts": {"80/tcp": {}}, "Labels": {"version": "1.0"}},
      "rootfs": {"type": "layers", "diff_ids": []},
      "history": [{"created_by": "ADD base /"}, {"created_by": "ENV A=1", "empty_layer": true},
                  {"created_by": "ENV B=2", "empty_layer": true}, {"created_by": "RUN one"},
                  {"created_by": "RUN two"}, {"created_by": "RUN three"}, {"created_by": "RUN four"},
                  {"created_by": "RUN make"},
                  {"created_by": "COPY app /app"}, {"created_by": "CMD app", "empty_layer": true}]})json";
}

QByteArray configB()
{
    return R"json({"architecture": "amd64", "os": "linux",
      "config": {"Env": ["PATH=/usr/local/bin:/usr/bin", "MODE=dev", "NEW=yes"],
                 "Cmd": ["app", "--serve", "--fast"], "Entrypoint": ["/entry.sh"], "User": "app",
                 "WorkingDir": "/srv", "ExposedPorts": {"80/tcp": {}, "443/tcp": {}},
                 "Volumes": {"/data": {}}, "Labels": {"version": "1.1"}},
      "rootfs": {"type": "layers", "diff_ids": []},
      "history": [{"created_by": "ADD base /"}, {"created_by": "ENV A=1", "empty_layer": true},
                  {"created_by": "ENV B=2", "empty_layer": true}, {"created_by": "RUN one"},
                  {"created_by": "RUN two"}, {"created_by": "RUN three"}, {"created_by": "RUN four"},
                  {"created_by": "RUN make all"}, {"created_by": "LABEL x=y", "empty_layer": true},
                  {"created_by": "COPY app /app"}, {"created_by": "CMD app", "empty_layer": true}]})json";
}

image::ConfigDiff sampleDiff()
{
    return image::diffConfigs(parse(configA()), parse(configB()));
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data(role).toString();
    return values;
}

} // namespace

class TestConfigDiffModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel()
    {
        ConfigDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(ConfigDiffModel::ColumnCount));
        QCOMPARE(model.headerData(ConfigDiffModel::FieldColumn, Qt::Horizontal).toString(), u"Field"_s);
        QCOMPARE(model.headerData(ConfigDiffModel::AfterColumn, Qt::Horizontal).toString(), u"After"_s);
    }

    void changesInWordsAndColours()
    {
        ConfigDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const image::ConfigDiff diff = sampleDiff();
        model.setDiff(diff);
        QCOMPARE(model.rowCount(), int(diff.changes.size()));
        // The diff's order: cmd, env by name, label, user, port, volume.
        QCOMPARE(column(model, ConfigDiffModel::FieldColumn),
                 (QStringList{u"Command"_s, u"Environment"_s, u"Environment"_s, u"Environment"_s,
                              u"Label"_s, u"User"_s, u"Exposed port"_s, u"Volume"_s}));
        QCOMPARE(column(model, ConfigDiffModel::NameColumn),
                 (QStringList{QString(), u"GONE"_s, u"NEW"_s, u"PATH"_s, u"version"_s, QString(),
                              u"443/tcp"_s, u"/data"_s}));
        QCOMPARE(column(model, ConfigDiffModel::ChangeColumn),
                 (QStringList{u"Changed"_s, u"Removed"_s, u"Added"_s, u"Changed"_s, u"Changed"_s,
                              u"Added"_s, u"Added"_s, u"Added"_s}));
        QCOMPARE(column(model, ConfigDiffModel::BeforeColumn),
                 (QStringList{uR"(["app","--serve"])"_s, u"1"_s, QString(), u"/usr/bin"_s,
                              u"1.0"_s, QString(), QString(), QString()}));
        QCOMPARE(column(model, ConfigDiffModel::AfterColumn),
                 (QStringList{uR"(["app","--serve","--fast"])"_s, QString(), u"yes"_s,
                              u"/usr/local/bin:/usr/bin"_s, u"1.1"_s, u"app"_s, QString(), QString()}));

        // Colours of the delete plan: removed red, changed amber; added green; all bold.
        const auto colourAt = [&model](int row) {
            return model.index(row, ConfigDiffModel::ChangeColumn).data(Qt::ForegroundRole).value<QColor>();
        };
        QCOMPARE(colourAt(1), QColor(0xb3, 0x26, 0x1e));
        QCOMPARE(colourAt(0), QColor(0xa8, 0x4b, 0x00));
        QCOMPARE(colourAt(2), DiffCells::kindColour(DiffCells::Kind::Added));
        QVERIFY(colourAt(2) != colourAt(0) && colourAt(2) != colourAt(1));
        QVERIFY(model.index(2, ConfigDiffModel::ChangeColumn).data(Qt::FontRole).value<QFont>().bold());
        // A list's tooltip: one item a line.
        QCOMPARE(model.index(0, ConfigDiffModel::AfterColumn).data(Qt::ToolTipRole).toString(),
                 u"app\n--serve\n--fast"_s);
        // Roles.
        QCOMPARE(model.index(3, ConfigDiffModel::BeforeColumn).data(DiffRoles::ConfigFieldRole).toInt(),
                 int(image::ConfigField::Env));
        QCOMPARE(model.index(3, 0).data(DiffRoles::KeyRole).toString(), u"PATH"_s);
        QCOMPARE(model.index(1, 4).data(DiffRoles::KindRole).toInt(), int(DiffCells::Kind::Removed));
        QCOMPARE(model.changeAt(4).key, u"version"_s);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void sortingThroughAProxy()
    {
        ConfigDiffModel model;
        model.setDiff(sampleDiff());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(DiffRoles::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(ConfigDiffModel::ChangeColumn);
        QCOMPARE(column(proxy, ConfigDiffModel::ChangeColumn),
                 (QStringList{u"Added"_s, u"Added"_s, u"Added"_s, u"Added"_s, u"Removed"_s,
                              u"Changed"_s, u"Changed"_s, u"Changed"_s}));
        proxy.sort(ConfigDiffModel::FieldColumn, Qt::DescendingOrder);
        QCOMPARE(column(proxy, ConfigDiffModel::FieldColumn).first(), u"Volume"_s);
        QCOMPARE(column(proxy, ConfigDiffModel::FieldColumn).last(), u"Command"_s);
    }

    void everyFieldHasAName()
    {
        using image::ConfigField;
        QStringList names;
        for (ConfigField field : {ConfigField::Entrypoint, ConfigField::Cmd, ConfigField::Env,
                                  ConfigField::Label, ConfigField::User, ConfigField::WorkingDir,
                                  ConfigField::ExposedPort, ConfigField::Volume, ConfigField::StopSignal,
                                  ConfigField::Os, ConfigField::Architecture, ConfigField::Variant,
                                  ConfigField::OsVersion, ConfigField::Other}) {
            const QString name = ConfigDiffModel::fieldName(field);
            QVERIFY2(!name.isEmpty() && !names.contains(name), qPrintable(name));
            names << name;
        }
        QCOMPARE(names.at(5), u"Working directory"_s);
    }

    // Histories: 7 equal, a changed pair, B's extra step, 2 equal. (English plurals come
    // from lading_en.qm, which tests do not load: "step(s)".)
    void historyFoldsEqualRuns()
    {
        const image::ConfigDiff diff = sampleDiff();
        QCOMPARE(diff.history.size(), 11);
        HistoryDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHistory(diff.history);
        QCOMPARE(model.differingCount(), 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(column(model, HistoryDiffModel::StepAColumn),
                 (QStringList{u"1\u20137"_s, u"8"_s, QString(), u"9\u201310"_s}));
        QCOMPARE(column(model, HistoryDiffModel::StepBColumn),
                 (QStringList{u"1\u20137"_s, u"8"_s, u"9"_s, u"10\u201311"_s}));
        QCOMPARE(column(model, HistoryDiffModel::CreatedByAColumn),
                 (QStringList{u"7 unchanged step(s)"_s, u"RUN make"_s, QString(), u"2 unchanged step(s)"_s}));
        QCOMPARE(column(model, HistoryDiffModel::CreatedByBColumn),
                 (QStringList{u"7 unchanged step(s)"_s, u"RUN make all"_s, u"LABEL x=y"_s,
                              u"2 unchanged step(s)"_s}));
        QCOMPARE(model.index(0, 1).data(DiffRoles::CollapsedCountRole).toInt(), 7);
        QCOMPARE(model.index(1, 1).data(DiffRoles::CollapsedCountRole).toInt(), 0);
        // Differing rows emphasized: bold, in the change's colour; folded rows italic.
        QVERIFY(model.index(1, HistoryDiffModel::CreatedByAColumn).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.index(1, 0).data(Qt::ForegroundRole).value<QColor>(),
                 DiffCells::kindColour(DiffCells::Kind::Changed));
        QCOMPARE(model.index(2, 3).data(Qt::ForegroundRole).value<QColor>(),
                 DiffCells::kindColour(DiffCells::Kind::Added));
        QCOMPARE(model.index(2, 3).data(DiffRoles::KindRole).toInt(), int(DiffCells::Kind::Added));
        QVERIFY(model.index(0, 1).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(!model.index(0, 1).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(2, 3).data(Qt::ToolTipRole).toString().contains(u"no layer"_s));
        QCOMPARE(model.historyRowAt(3), 9);

        // One run unfolded: its rows come in where it was.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(!model.expandRow(1));
        QVERIFY(model.expandRow(3));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(column(model, HistoryDiffModel::CreatedByBColumn).mid(3),
                 (QStringList{u"COPY app /app"_s, u"CMD app"_s}));
        QVERIFY(!model.index(4, 1).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(4, 1).data(DiffRoles::DiffersRole).toBool());

        // Everything shown, then folded again (the unfolded run stays unfolded).
        model.setShowUnchanged(true);
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(model.index(6, HistoryDiffModel::CreatedByAColumn).data().toString(), u"RUN four"_s);
        model.setShowUnchanged(false);
        QCOMPARE(model.rowCount(), 5);
        model.setHistory(diff.history);
        QCOMPARE(model.rowCount(), 4);
    }

    void identicalHistoriesFoldIntoOneRow()
    {
        const image::ConfigDiff same = image::diffConfigs(parse(configA()), parse(configA()));
        QVERIFY(same.isEmpty());
        HistoryDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHistory(same.history);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 1).data().toString(), u"10 unchanged step(s)"_s);
        QCOMPARE(model.differingCount(), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestConfigDiffModel)
#include "tst_configdiffmodel.moc"
