// LayerAlignmentModel under QAbstractItemModelTester, with alignments made by
// image::alignLayers from layer facts written in the test: the shared leading layers folded
// into one expandable row, differing layers side by side, recompressed and moved layers
// marked, sizes and deltas that add up to the images' difference.

#include "diff/diffcells.h"
#include "diff/diffroles.h"
#include "diff/layeralignmentmodel.h"

#include "image/diff/config/layeralignment.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using RowKind = LayerAlignmentModel::RowKind;

namespace {

constexpr qint64 MiB = 1024 * 1024;

oci::Digest digestOf(const QByteArray &name)
{
    return oci::Digest::sha256Of(name);
}

// A layer named `name` (its blob digest), its tar `tar` (diff ID), size and command.
image::LayerFacts layer(const QByteArray &name, qint64 size, const QString &createdBy,
                        const QByteArray &tar = {}, qint64 unpacked = -1)
{
    image::LayerFacts facts;
    facts.digest = digestOf(name);
    facts.diffId = digestOf(tar.isEmpty() ? QByteArray(name + ".tar") : tar);
    facts.mediaType = u"application/vnd.oci.image.layer.v1.tar+gzip"_s;
    facts.size = size;
    facts.uncompressedSize = unpacked;
    facts.createdBy = createdBy;
    return facts;
}

// A: base, libs, apt, moveMe, tail1, tail2, onlyA.
// B: base, libs, apt v2, tail1, tail2 recompressed, moveMe, newB1, newB2.
image::LayerAlignment sample(bool unpackedKnown = true)
{
    const qint64 u = unpackedKnown ? 1 : -1;
    const QList<image::LayerFacts> a = {
        layer("base", 30 * MiB, u"ADD file:abc in /"_s, {}, u * 80 * MiB),
        layer("libs", 5 * MiB, u"RUN apt-get install -y libc"_s, {}, u * 12 * MiB),
        layer("apt", 31 * MiB, u"RUN apt-get install -y curl"_s, {}, u * 90 * MiB),
        layer("moveMe", 1 * MiB, u"COPY config /etc/app"_s, {}, u * 2 * MiB),
        layer("tail1", 2 * MiB, u"COPY app /app"_s, {}, u * 4 * MiB),
        layer("tail2", 3 * MiB, u"COPY static /srv"_s, "tail2.tar", u * 6 * MiB),
        layer("onlyA", 4 * MiB, u"RUN make"_s, {}, u * 8 * MiB),
    };
    const QList<image::LayerFacts> b = {
        layer("base", 30 * MiB, u"ADD file:abc in /"_s, {}, u * 80 * MiB),
        layer("libs", 5 * MiB, u"RUN apt-get install -y libc"_s, {}, u * 12 * MiB),
        layer("apt2", 33 * MiB, u"RUN apt-get install -y curl wget"_s, {}, u * 95 * MiB),
        layer("tail1", 2 * MiB, u"COPY app /app"_s, {}, u * 4 * MiB),
        layer("tail2-zstd", 2 * MiB + 512 * 1024, u"COPY static /srv"_s, "tail2.tar", u * 6 * MiB),
        layer("moveMe", 1 * MiB, u"COPY config /etc/app"_s, {}, u * 2 * MiB),
        layer("newB1", 6 * MiB, u"RUN make all"_s, {}, u * 9 * MiB),
        layer("newB2", 512 * 1024, u"LABEL x=y"_s, {}, -1),
    };
    return image::alignLayers(a, b);
}

QList<int> kinds(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QList<int> out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out << model.index(row, 0, parent).data(DiffRoles::LayerRowRole).toInt();
    return out;
}

QStringList column(const QAbstractItemModel &model, int column, const QModelIndex &parent = {},
                   int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(parent); ++row)
        values << model.index(row, column, parent).data(role).toString();
    return values;
}

} // namespace

class TestLayerAlignmentModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel()
    {
        LayerAlignmentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.leadingGroup().isValid());
        QCOMPARE(model.headerData(LayerAlignmentModel::CommandBColumn, Qt::Horizontal).toString(),
                 u"Layer in B"_s);
    }

    void rowsOfTheAlignment()
    {
        LayerAlignmentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const image::LayerAlignment alignment = sample();
        model.setAlignment(alignment);

        QCOMPARE(kinds(model), (QList<int>{int(RowKind::Group), int(RowKind::Changed), int(RowKind::MovedA),
                                           int(RowKind::Group), int(RowKind::MovedB), int(RowKind::Changed),
                                           int(RowKind::Added)}));
        // The shared leading layers: one row, "2 shared layers, 35.0 MiB", expandable.
        const QModelIndex leading = model.leadingGroup();
        QCOMPARE(leading, model.index(0, 0));
        QVERIFY(leading.data(DiffRoles::GroupRole).toBool());
        QCOMPARE(leading.data().toString(), QString(u"2 shared layer(s), " + DiffCells::size(35 * MiB)));
        QCOMPARE(model.rowCount(leading), 2);
        QCOMPARE(column(model, LayerAlignmentModel::CommandAColumn, leading),
                 (QStringList{u"ADD file:abc in /"_s, u"RUN apt-get install -y libc"_s}));
        QCOMPARE(column(model, LayerAlignmentModel::CommandBColumn, leading),
                 column(model, LayerAlignmentModel::CommandAColumn, leading));
        QCOMPARE(column(model, LayerAlignmentModel::ChangeColumn, leading), (QStringList{u"Shared"_s, u"Shared"_s}));
        QCOMPARE(model.index(0, LayerAlignmentModel::LayerAColumn).data().toString(), u"1\u20132"_s);
        QCOMPARE(model.index(0, LayerAlignmentModel::DeltaColumn).data().toString(), QString());

        // The differing layers side by side: A's command and size | B's.
        const auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(1, LayerAlignmentModel::ChangeColumn), u"Changed"_s);
        QCOMPARE(cell(1, LayerAlignmentModel::LayerAColumn), u"3"_s);
        QCOMPARE(cell(1, LayerAlignmentModel::CommandAColumn), u"RUN apt-get install -y curl"_s);
        QCOMPARE(cell(1, LayerAlignmentModel::CommandBColumn), u"RUN apt-get install -y curl wget"_s);
        QCOMPARE(cell(1, LayerAlignmentModel::SizeAColumn), DiffCells::size(31 * MiB));
        QCOMPARE(cell(1, LayerAlignmentModel::SizeBColumn), DiffCells::size(33 * MiB));
        QCOMPARE(cell(1, LayerAlignmentModel::DeltaColumn), DiffCells::delta(2 * MiB));
        QVERIFY(cell(1, LayerAlignmentModel::DeltaColumn).startsWith(u'+'));
        QCOMPARE(cell(1, LayerAlignmentModel::UnpackedDeltaColumn), DiffCells::delta(5 * MiB));
        QCOMPARE(model.index(1, 0).data(Qt::ForegroundRole).value<QColor>(),
                 DiffCells::kindColour(DiffCells::Kind::Changed));
        QVERIFY(model.index(1, 0).data(DiffRoles::DiffersRole).toBool());

        // moveMe: A's #4 is B's #6, listed on both sides, its size counted once.
        QCOMPARE(cell(2, LayerAlignmentModel::ChangeColumn), u"Moved to #6"_s);
        QCOMPARE(cell(2, LayerAlignmentModel::CommandBColumn), QString());
        QCOMPARE(cell(2, LayerAlignmentModel::DeltaColumn), QString());
        QCOMPARE(cell(4, LayerAlignmentModel::ChangeColumn), u"Moved from #4"_s);
        QCOMPARE(cell(4, LayerAlignmentModel::CommandBColumn), u"COPY config /etc/app"_s);
        QVERIFY(model.index(2, 0).data(DiffRoles::MovedRole).toBool());
        QVERIFY(!model.index(2, 0).data(DiffRoles::DiffersRole).toBool());

        // tail1 and tail2 fold together; tail2 recompressed (same diff ID), both one place up.
        const QModelIndex tail = model.index(3, 0);
        QCOMPARE(tail.data().toString(),
                 u"%1 (1 recompressed)"_s.arg(QString(u"2 shared layer(s), " + DiffCells::size(5 * MiB))));
        QCOMPARE(column(model, LayerAlignmentModel::ChangeColumn, tail), (QStringList{u"Shared"_s, u"Recompressed"_s}));
        QCOMPARE(column(model, LayerAlignmentModel::LayerAColumn, tail), (QStringList{u"5"_s, u"6"_s}));
        QCOMPARE(column(model, LayerAlignmentModel::LayerBColumn, tail), (QStringList{u"4"_s, u"5"_s}));
        const QModelIndex recompressed = model.index(1, 0, tail);
        QVERIFY(recompressed.data(DiffRoles::RecompressedRole).toBool());
        QVERIFY(recompressed.data(DiffRoles::MovedRole).toBool());
        QCOMPARE(recompressed.data(DiffRoles::DigestBRole).toString(), digestOf("tail2-zstd").toString());
        QCOMPARE(model.index(1, LayerAlignmentModel::DeltaColumn, tail).data().toString(),
                 DiffCells::delta(-512 * 1024));
        QCOMPARE(model.index(1, LayerAlignmentModel::UnpackedDeltaColumn, tail).data().toString(), QString());
        QCOMPARE(model.index(3, LayerAlignmentModel::DeltaColumn).data(DiffRoles::SortRole).toLongLong(),
                 -512 * 1024);

        // onlyA beside newB1; newB2 alone, added.
        QCOMPARE(cell(5, LayerAlignmentModel::CommandAColumn), u"RUN make"_s);
        QCOMPARE(cell(5, LayerAlignmentModel::CommandBColumn), u"RUN make all"_s);
        QCOMPARE(cell(6, LayerAlignmentModel::ChangeColumn), u"Added"_s);
        QCOMPARE(cell(6, LayerAlignmentModel::LayerBColumn), u"8"_s);
        QCOMPARE(cell(6, LayerAlignmentModel::LayerAColumn), QString());
        QCOMPARE(model.index(6, 0).data(Qt::ForegroundRole).value<QColor>(),
                 DiffCells::kindColour(DiffCells::Kind::Added));
        // newB2's unpacked size is unknown: no unpacked delta there.
        QCOMPARE(cell(6, LayerAlignmentModel::UnpackedDeltaColumn), QString());

        // Every layer once: the deltas add up to the images' difference.
        qint64 sum = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            sum += model.index(row, LayerAlignmentModel::DeltaColumn).data(DiffRoles::SortRole).toLongLong();
        QCOMPARE(sum, alignment.compressedDelta());
        QCOMPARE(sum, 4 * MiB); // +2 apt, −0.5 tail2, +2 make, +0.5 label
        int sideA = 0;
        int sideB = 0;
        const std::function<void(const QModelIndex &)> count = [&](const QModelIndex &parent) {
            for (int row = 0; row < model.rowCount(parent); ++row) {
                const QModelIndex index = model.index(row, 0, parent);
                sideA += index.data(DiffRoles::LayerARole).toInt() >= 0 ? 1 : 0;
                sideB += index.data(DiffRoles::LayerBRole).toInt() >= 0 ? 1 : 0;
                count(index);
            }
        };
        count({});
        QCOMPARE(sideA, alignment.a.size());
        QCOMPARE(sideB, alignment.b.size());
    }

    void removedLayerAndShiftedOnes()
    {
        LayerAlignmentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlignment(image::alignLayers(
            {layer("x", 100, u"ADD x"_s), layer("y", 200, u"RUN y"_s), layer("z", 300, u"RUN z"_s)},
            {layer("x", 100, u"ADD x"_s), layer("z", 300, u"RUN z"_s)}));
        QCOMPARE(kinds(model), (QList<int>{int(RowKind::Group), int(RowKind::Removed), int(RowKind::Shared)}));
        QCOMPARE(model.index(0, 0).data().toString(), QString(u"1 shared layer(s), " + DiffCells::size(100)));
        QCOMPARE(model.index(1, 0).data().toString(), u"Removed"_s);
        QCOMPARE(model.index(1, LayerAlignmentModel::DeltaColumn).data().toString(), DiffCells::delta(-200));
        QVERIFY(model.index(1, LayerAlignmentModel::DeltaColumn).data().toString().startsWith(u'\u2212'));
        // z shifted down one place: shared, positions shown, marked moved, not folded alone.
        QCOMPARE(model.index(2, 0).data().toString(), u"Shared"_s);
        QVERIFY(model.index(2, 0).data(DiffRoles::MovedRole).toBool());
        QCOMPARE(model.rowCount(model.index(2, 0)), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void nothingShared()
    {
        LayerAlignmentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlignment(image::alignLayers({layer("p", 10, {})}, {layer("q", 20, {}), layer("r", 5, {})}));
        QVERIFY(!model.leadingGroup().isValid());
        QCOMPARE(kinds(model), (QList<int>{int(RowKind::Changed), int(RowKind::Added)}));
        // No history: the short digest stands for the command.
        QCOMPARE(model.index(0, LayerAlignmentModel::CommandAColumn).data().toString(),
                 digestOf("p").shortString());
    }
};

QTEST_MAIN(TestLayerAlignmentModel)
#include "tst_layeralignmentmodel.moc"
