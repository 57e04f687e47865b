#include "image/fs/mergedfilesystem.h"
#include "image/fs/wastereport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace image;

namespace {

// A layer written by hand: no tarballs needed to test stacking.
class Layer
{
public:
    Layer &file(const QByteArray &name, qint64 size, quint8 content = 1)
    {
        LayerEntry e;
        e.type = EntryType::Regular;
        e.size = size;
        e.mode = 0644;
        e.hash[0] = content;
        e.hash[1] = quint8(size);
        e.flags = Hashed;
        m_builder.add(e, name);
        return *this;
    }
    Layer &dir(const QByteArray &name, quint32 mode = 0755)
    {
        LayerEntry e;
        e.type = EntryType::Directory;
        e.mode = mode;
        m_builder.add(e, name);
        return *this;
    }
    Layer &symlink(const QByteArray &name, const QByteArray &target)
    {
        LayerEntry e;
        e.type = EntryType::Symlink;
        e.mode = 0777;
        m_builder.add(e, name, target);
        return *this;
    }
    Layer &hardlink(const QByteArray &name, const QByteArray &target)
    {
        LayerEntry e;
        e.type = EntryType::Hardlink;
        e.mode = 0644;
        m_builder.add(e, name, target);
        return *this;
    }
    // `dir/.wh.name` and `dir/.wh..wh..opq`, as the tar has them.
    Layer &whiteout(const QByteArray &markerName) { return file(markerName, 0); }
    LayerIndex done() { return m_builder.finish(); }

private:
    LayerIndexBuilder m_builder;
};

QStringList tree(const MergedFilesystem &fs)
{
    QStringList lines;
    for (int i = 1; i < fs.size(); ++i) {
        const MergedNode &node = fs.node(i);
        lines.append(QStringLiteral("%1 %2 L%3 %4")
                         .arg(QLatin1Char(entryTypeLetter(fs.type(i))))
                         .arg(fs.displayPath(i))
                         .arg(node.layer)
                         .arg(fs.size(i)));
    }
    lines.sort();
    return lines;
}

// Every node reachable from the root exactly once, parents consistent, lookup consistent.
void checkShape(const MergedFilesystem &fs)
{
    QList<int> seen(fs.size(), 0);
    QList<int> stack{fs.root()};
    while (!stack.isEmpty()) {
        const int n = stack.takeLast();
        ++seen[n];
        QCOMPARE(fs.find(fs.path(n)), n);
        for (int c = fs.node(n).firstChild; c >= 0; c = fs.node(c).nextSibling) {
            QCOMPARE(fs.node(c).parent, n);
            QVERIFY(fs.path(c).startsWith(fs.path(n)));
            stack.append(c);
        }
    }
    for (int i = 0; i < fs.size(); ++i)
        QCOMPARE(seen[i], 1);
}

} // namespace

class TestMergedFilesystem final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whiteoutModifyAndImpliedParents()
    {
        const LayerIndex base =
            Layer().dir("etc").file("etc/a", 10).file("etc/b", 20).dir("usr").file("usr/x", 5).done();
        const LayerIndex top = Layer()
                                   .file("etc/a", 11, 2)
                                   .whiteout("etc/.wh.b")
                                   .file("new", 3)
                                   .file("var/log/y", 2)
                                   .whiteout(".wh.nothing-here")
                                   .done();
        const auto fs = MergedFilesystem::build({base, top});
        checkShape(fs);
        QCOMPARE(tree(fs), (QStringList{
                               QStringLiteral("- etc/a L1 11"),
                               QStringLiteral("- new L1 3"),
                               QStringLiteral("- usr/x L0 5"),
                               QStringLiteral("- var/log/y L1 2"),
                               QStringLiteral("d etc L0 0"),
                               QStringLiteral("d usr L0 0"),
                               QStringLiteral("d var L1 0"),
                               QStringLiteral("d var/log L1 0"),
                           }));
        QCOMPARE(fs.find("etc/b"), -1);
        QVERIFY(fs.node(fs.find("var")).flags & Implied);
        QCOMPARE(fs.entry(fs.find("var")), nullptr);
        QCOMPARE(fs.node(fs.find("etc/a")).change, Change::Modified);
        QCOMPARE(fs.node(fs.find("new")).change, Change::Added);
        QCOMPARE(fs.node(fs.find("var/log/y")).change, Change::Added);
        QCOMPARE(fs.entryChange(1, 0), Change::Modified);
        QCOMPARE(fs.entryChange(1, 1), Change::Removed);
        QCOMPARE(fs.entryChange(1, 2), Change::Added);
        QCOMPARE(fs.entryChange(1, 4), Change::NoEffect);
        QCOMPARE(fs.entryChange(0, 1), Change::Added);
        QCOMPARE(fs.hiddenBytes(1, 1), 20);
        QCOMPARE(fs.changedBy(1).size(), 5); // etc/a, new, var, var/log, var/log/y
        QCOMPARE(fs.visibleBytes(), 11 + 5 + 3 + 2);

        // The filesystem after layer 0 still has etc/b.
        const auto first = MergedFilesystem::build({base, top}, 0);
        QCOMPARE(first.layerCount(), 1);
        QVERIFY(first.find("etc/b") > 0);
        QCOMPARE(first.visibleBytes(), 35);

        // Waste: etc/a's 10 bytes overwritten, etc/b's 20 deleted; the survivors are not waste.
        const WasteReport waste = WasteReport::compute(fs);
        QCOMPARE(waste.totalBytes, 10 + 20 + 5 + 11 + 3 + 2);
        QCOMPARE(waste.visibleBytes, 21);
        QCOMPARE(waste.wastedBytes, 30);
        QCOMPARE(waste.efficiency, 21.0 / 51.0);
        QCOMPARE(waste.paths.size(), 2);
        QCOMPARE(waste.paths[0].path, QByteArray("etc/b"));
        QCOMPARE(waste.paths[0].wastedBytes, 20);
        QCOMPARE(waste.paths[0].copies[0].removedBy, 1);
        QCOMPARE(waste.paths[0].copies[0].reason, Removal::Reason::Whiteout);
        QCOMPARE(waste.paths[1].path, QByteArray("etc/a"));
        QCOMPARE(waste.paths[1].copies[0].reason, Removal::Reason::Overwritten);
        // dive: etc/a 10+11 (min 10), etc/b 20 + whiteout hiding 20 (min 20), usr/x 5, new 3,
        // var/log/y 2, .wh.nothing-here 0 → 40 / 71; inefficiencies etc/a + etc/b = 61 bytes
        // over user bytes (layer 1) 16.
        QCOMPARE(waste.dive.score, 40.0 / 71.0);
        QCOMPARE(waste.dive.wastedBytes, 61);
        QCOMPARE(waste.dive.wastedUserPercent, 100.0 * 61.0 / 16.0);
    }

    void opaqueWhereverTheMarkerIs()
    {
        const LayerIndex base = Layer()
                                    .dir("d")
                                    .file("d/a", 1)
                                    .file("d/sub/b", 2)
                                    .file("d2/c", 4)
                                    .done();
        // The marker comes after the layer's own entry of d: it must not hide it.
        const LayerIndex top =
            Layer().file("d/new", 8).whiteout("d/.wh..wh..opq").file("d/sub/again", 16).done();
        const auto fs = MergedFilesystem::build({base, top});
        checkShape(fs);
        QCOMPARE(tree(fs), (QStringList{
                               QStringLiteral("- d/new L1 8"),
                               QStringLiteral("- d/sub/again L1 16"),
                               QStringLiteral("- d2/c L0 4"),
                               QStringLiteral("d d L0 0"),
                               QStringLiteral("d d/sub L1 0"),
                               QStringLiteral("d d2 L0 0"),
                           }));
        QCOMPARE(fs.entryChange(1, 1), Change::Opaque);
        QCOMPARE(fs.hiddenBytes(1, 1), 3);
        // d/sub existed below and was hidden, then implied again: modified, not added.
        QCOMPARE(fs.node(fs.find("d/sub")).change, Change::Modified);
        const WasteReport waste = WasteReport::compute(fs);
        QCOMPARE(waste.wastedBytes, 3);
        for (const WastedPath &p : waste.paths)
            QCOMPARE(p.copies[0].reason, Removal::Reason::Opaque);
    }

    void whiteoutHidesLowerLayersOnly()
    {
        const LayerIndex base = Layer().file("x", 7).file("y", 9).done();
        // x then .wh.x in the same layer: the spec keeps x (Docker would delete it): flagged.
        // .wh.y then y: y kept, no flag.
        const LayerIndex top =
            Layer().file("x", 5).whiteout(".wh.x").whiteout(".wh.y").file("y", 3).done();
        QVERIFY(top.at(1).has(SameLayerWhiteout));
        QVERIFY(!top.at(2).has(SameLayerWhiteout));
        QVERIFY(top.flagsSeen() & SameLayerWhiteout);
        const auto fs = MergedFilesystem::build({base, top});
        checkShape(fs);
        QCOMPARE(tree(fs), (QStringList{QStringLiteral("- x L1 5"), QStringLiteral("- y L1 3")}));
        QCOMPARE(fs.node(fs.find("x")).change, Change::Modified);
        QCOMPARE(fs.entryChange(1, 1), Change::Removed);
        QCOMPARE(WasteReport::compute(fs).wastedBytes, 16);
    }

    void fileOverDirectoryAndBack()
    {
        const LayerIndex base =
            Layer().dir("a").file("a/b", 3).file("a/c/d", 4).file("f", 2).symlink("s", "a").done();
        const LayerIndex top = Layer().file("a", 1).dir("f").file("f/g", 1).dir("s").done();
        const auto fs = MergedFilesystem::build({base, top});
        checkShape(fs);
        QCOMPARE(tree(fs), (QStringList{
                               QStringLiteral("- a L1 1"),
                               QStringLiteral("- f/g L1 1"),
                               QStringLiteral("d f L1 0"),
                               QStringLiteral("d s L1 0"),
                           }));
        QCOMPARE(fs.node(fs.find("a")).change, Change::Modified);
        QCOMPARE(fs.node(fs.find("f")).change, Change::Modified);
        const WasteReport waste = WasteReport::compute(fs);
        QCOMPARE(waste.wastedBytes, 3 + 4 + 2);
        QCOMPARE(waste.totalBytes, 3 + 4 + 2 + 1 + 1);
        bool sawReplaced = false;
        for (const Removal &r : fs.removals()) {
            if (fs.removedPath(r) == QByteArrayView("a/c/d")) {
                QCOMPARE(r.reason, Removal::Reason::Replaced);
                QCOMPARE(r.removedBy, 1);
                sawReplaced = true;
            }
        }
        QVERIFY(sawReplaced);
    }

    void hardlinks()
    {
        const LayerIndex base = Layer()
                                    .file("bin/a", 10)
                                    .hardlink("bin/b", "bin/a")
                                    .hardlink("bin/c", "bin/b")     // a chain
                                    .hardlink("bin/early", "bin/late") // target later in the layer
                                    .file("bin/late", 6)
                                    .hardlink("bin/broken", "nowhere")
                                    .done();
        const LayerIndex top = Layer().whiteout("bin/.wh.a").done();
        const auto fs = MergedFilesystem::build({base, top});
        checkShape(fs);
        QCOMPARE(fs.find("bin/a"), -1);
        const int b = fs.find("bin/b");
        QCOMPARE(fs.type(b), EntryType::Hardlink);
        QCOMPARE(fs.size(b), 10);
        QCOMPARE(fs.size(fs.find("bin/c")), 10);
        QCOMPARE(fs.size(fs.find("bin/early")), 6);
        QVERIFY(fs.node(fs.find("bin/broken")).flags & BrokenHardlink);
        QVERIFY(!(fs.node(b).flags & BrokenHardlink));
        // The inode lives on through its links: its bytes are counted once and are not waste.
        QCOMPARE(fs.visibleBytes(), 16);
        const WasteReport waste = WasteReport::compute(fs);
        QCOMPARE(waste.totalBytes, 16);
        QCOMPARE(waste.wastedBytes, 0);
        QCOMPARE(waste.efficiency, 1.0);
    }

    void duplicatesUnsafeAndUnchanged()
    {
        const LayerIndex base =
            Layer().dir("etc", 0755).file("etc/conf", 4, 9).file("dup", 5).file("dup", 6).done();
        QVERIFY(base.at(2).has(Superseded));
        const LayerIndex top = Layer()
                                   .dir("etc", 0755)           // same metadata
                                   .file("etc/conf", 4, 9)     // same content
                                   .file("../escape", 100)     // never applied
                                   .dir("etc2", 0700)
                                   .done();
        QVERIFY(top.at(2).has(UnsafePath));
        const auto fs = MergedFilesystem::build({base, top});
        checkShape(fs);
        QCOMPARE(fs.entryChange(1, 0), Change::Unchanged);
        QCOMPARE(fs.entryChange(1, 1), Change::Unchanged);
        QCOMPARE(fs.entryChange(1, 2), Change::NoEffect);
        QCOMPARE(fs.entryChange(0, 2), Change::NoEffect);
        QCOMPARE(fs.size(fs.find("dup")), 6);
        for (int i = 0; i < fs.size(); ++i)
            QVERIFY(!fs.path(i).startsWith(".."));
        const WasteReport waste = WasteReport::compute(fs);
        // dup's first copy (5), etc/conf's first copy (4, rewritten unchanged), the unsafe 100.
        QCOMPARE(waste.wastedBytes, 5 + 4 + 100);
        QCOMPARE(waste.paths[0].path, QByteArray("../escape"));
        QCOMPARE(waste.paths[0].copies[0].reason, Removal::Reason::Unapplied);
        qint64 sum = 0;
        for (const WastedPath &p : waste.paths)
            sum += p.wastedBytes;
        QCOMPARE(sum, waste.wastedBytes);
    }

    void parentsThroughSymlinks()
    {
        // Debian's merged /usr: bin -> usr/bin. A later `bin/tool` lands in usr/bin, as
        // Docker and umoci put it; an absolute link is re-rooted inside the image; `..`
        // stops at the root; a loop ends.
        const LayerIndex base = Layer()
                                    .dir("usr")
                                    .dir("usr/bin")
                                    .file("usr/bin/old", 11)
                                    .symlink("bin", "usr/bin")
                                    .dir("etc")
                                    .symlink("sneaky", "/etc")
                                    .symlink("up", "../../..")
                                    .symlink("loop1", "loop2")
                                    .symlink("loop2", "loop1")
                                    .done();
        const LayerIndex top = Layer()
                                   .whiteout("bin/.wh.old")
                                   .file("bin/tool", 5)
                                   .file("sneaky/passwd", 7)
                                   .file("up/top-level", 1)
                                   .file("loop1/x", 2)
                                   .hardlink("linked", "bin/tool") // through the symlink
                                   .done();
        const auto fs = MergedFilesystem::build({base, top});
        checkShape(fs);
        QCOMPARE(fs.find("bin/tool"), -1);
        QCOMPARE(fs.find("usr/bin/old"), -1); // the whiteout went through the link too
        QCOMPARE(fs.entryChange(1, 0), Change::Removed);
        const int tool = fs.find("usr/bin/tool");
        QVERIFY(tool > 0);
        QVERIFY(fs.node(tool).flags & ThroughSymlink);
        QCOMPARE(fs.size(tool), 5);
        QCOMPARE(fs.type(fs.find("bin")), EntryType::Symlink);
        const int passwd = fs.find("etc/passwd");
        QVERIFY(passwd > 0);
        QVERIFY(fs.node(passwd).flags & ThroughSymlink);
        QVERIFY(fs.find("top-level") > 0);
        const int linked = fs.find("linked");
        QVERIFY(!(fs.node(linked).flags & BrokenHardlink));
        QCOMPARE(fs.size(linked), 5);
        // The loop gives up after 40 hops; the entry goes somewhere inside, never outside.
        for (int i = 0; i < fs.size(); ++i)
            QVERIFY(!fs.path(i).startsWith(".."));
        QCOMPARE(fs.visibleBytes(), 5 + 7 + 1 + 2);
    }

    void rootOpaqueAndEmpty()
    {
        const auto empty = MergedFilesystem::build({});
        QCOMPARE(empty.size(), 1);
        QCOMPARE(WasteReport::compute(empty).efficiency, 1.0);
        const LayerIndex base = Layer().file("a", 1).file("b/c", 2).done();
        const LayerIndex top = Layer().whiteout(".wh..wh..opq").file("z", 3).done();
        const auto fs = MergedFilesystem::build({base, top});
        QCOMPARE(tree(fs), QStringList{QStringLiteral("- z L1 3")});
    }

    void linearTime()
    {
        // 3 layers × ~100,000 entries; the top one deletes every other directory and makes
        // the rest opaque. Time printed, not asserted.
        QList<LayerIndex> layers;
        for (int n = 0; n < 3; ++n) {
            Layer layer;
            for (int d = 0; d < 1000; ++d) {
                const QByteArray dir = "usr/lib/d" + QByteArray::number(d);
                if (n == 2) {
                    layer.whiteout(d % 2 ? QByteArray("usr/lib/.wh.d" + QByteArray::number(d))
                                         : QByteArray(dir + "/.wh..wh..opq"));
                }
                for (int f = 0; f < 99; ++f)
                    layer.file(dir + "/f" + QByteArray::number(f), 100 + n);
            }
            layers.append(layer.done());
        }
        QElapsedTimer timer;
        timer.start();
        const auto fs = MergedFilesystem::build(layers);
        const qint64 mergeMs = timer.elapsed();
        const WasteReport waste = WasteReport::compute(fs);
        const qint64 totalMs = timer.elapsed();
        checkShape(fs);
        // Layer 2 hid every lower directory (whiteout or opaque) and wrote its own files.
        QCOMPARE(fs.visibleBytes(), qint64(1000) * 99 * 102);
        QCOMPARE(waste.wastedBytes, qint64(1000) * 99 * (100 + 101));
        QCOMPARE(waste.wastedBytes, waste.totalBytes - fs.visibleBytes());
        qInfo("merge of %d entries: %lld ms, waste: %lld ms more, %d nodes", 3 * 100 * 1000,
              mergeMs, totalMs - mergeMs, fs.size());
    }
};

QTEST_GUILESS_MAIN(TestMergedFilesystem)
#include "tst_mergedfilesystem.moc"
