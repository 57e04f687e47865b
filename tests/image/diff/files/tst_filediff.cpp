// The file-level diff of two merged filesystems, from layers written as tar bytes and read
// by the real layer reader (hashes as the reader computes them).
#include "image/diff/files/filediff.h"
#include "image/diff/files/filedifffilter.h"
#include "image/fs/mergedfilesystem.h"
#include "image/layer/bytesource.h"
#include "image/layer/layerstream.h"
#include "difflayers.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace image;
using namespace difflayers;

namespace {

LayerIndex readTar(const QByteArray &tar, bool hash = true)
{
    MemorySource source(tar);
    ReadOptions options;
    options.hashContents = hash;
    auto index = readLayerIndex(source, oci::Digest::sha256Of(tar), options);
    if (!index.ok()) {
        qCritical("layer not read: %s", qPrintable(index.error().describe()));
        return {};
    }
    return *index;
}

MergedFilesystem tree(const QList<QByteArray> &tars, bool hash = true)
{
    QList<LayerIndex> indexes;
    for (const QByteArray &tar : tars)
        indexes.append(readTar(tar, hash));
    return MergedFilesystem::build(indexes);
}

QStringList paths(const FileDiff &diff)
{
    QStringList out;
    for (const FileChange &change : diff.entries)
        out << QString::fromUtf8(change.path);
    return out;
}

const FileChange &at(const FileDiff &diff, const char *path)
{
    const int i = diff.indexOf(path);
    if (i < 0)
        qFatal("%s is not in the diff", path);
    return diff.entries.at(i);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QByteArray hashBytes(const ContentHash &hash)
{
    return QByteArray(reinterpret_cast<const char *>(hash.data()), qsizetype(hash.size()));
}

} // namespace

class TestFileDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalTreesHaveNoDifferences()
    {
        const QByteArray base = baseLayer();
        const QByteArray change = changeLayer();
        // The same blobs, and the same bytes read a second time.
        const MergedFilesystem a = tree({base, change});
        const MergedFilesystem b = tree({base, change});
        FileDiffOptions all;
        all.includeMtimeOnly = true;
        const FileDiff diff = diffFilesystems(a, b, all);
        QVERIFY(diff.isEmpty());
        QVERIFY(diff.entries.isEmpty());
        QCOMPARE(diff.totals.mtimeOnly, 0);
        QCOMPARE(diff.totals.netBytes(), 0);
        QCOMPARE(diff.totals.bytesA, diff.totals.bytesB);
        QCOMPARE(diff.totals.pathsA, a.size() - 1);
        QCOMPARE(diff.describe(), QStringList());
        QCOMPARE(diff.toJson().value(u"entries").toArray().size(), 0);
        // A tree against an empty one: everything added, once collapsed to the top.
        const FileDiff fromNothing = diffFilesystems(MergedFilesystem::build({}), a);
        QCOMPARE(fromNothing.totals.added, a.size() - 1);
        QCOMPARE(fromNothing.totals.addedBytes, a.visibleBytes());
        QCOMPARE(fromNothing.describe(true),
                 (QStringList{QStringLiteral("+ bin/ (3 entries inside, 11 B)"),
                              QStringLiteral("+ etc/ (5 entries inside, 39 B)"),
                              QStringLiteral("+ opt/ (2 entries inside, 2 B)"),
                              QStringLiteral("+ usr/ (10 entries inside, 1.5 KiB)"),
                              QStringLiteral("+ var/")})); // var/old whited out
    }

    void theIssuesSet()
    {
        const QByteArray base = baseLayer();
        const MergedFilesystem a = tree({base});
        const MergedFilesystem b = tree({base, changeLayer()});
        const FileDiff diff = diffFilesystems(a, b);

        QCOMPARE(diff.describe(), expectedLines());
        // Collapsed: the lines under opt/thing, usr/share and var/old fold into theirs.
        QStringList collapsed = expectedLines();
        collapsed.removeAt(collapsed.indexOf(QStringLiteral("+ opt/thing/inside (2 B)")));
        collapsed.replace(collapsed.indexOf(QStringLiteral("~ opt/thing: type file → directory, mode 0644 → 0755")),
                          QStringLiteral("~ opt/thing: type file → directory, mode 0644 → 0755 (1 entry inside, 2 B)"));
        collapsed = collapsed.mid(0, collapsed.indexOf(QStringLiteral("+ usr/share/")));
        collapsed << QStringLiteral("+ usr/share/ (4 entries inside, 3 B)")
                  << QStringLiteral("- var/old/ (2 entries inside, 3 B)");
        QCOMPARE(diff.describe(true), collapsed);

        // Flags as data.
        QCOMPARE(at(diff, "usr/bin/tool").flags, FileChangeFlags(FileChangeFlag::Content));
        QCOMPARE(at(diff, "usr/bin/grow").flags, FileChangeFlag::Content | FileChangeFlag::Size);
        QCOMPARE(at(diff, "bin/sh").flags, FileChangeFlags(FileChangeFlag::LinkTarget));
        QCOMPARE(at(diff, "etc/owned").flags, FileChangeFlags(FileChangeFlag::Owner));
        QCOMPARE(at(diff, "opt/thing").flags, FileChangeFlag::Type | FileChangeFlag::Mode);
        QCOMPARE(at(diff, "opt/thing/inside").collapsedInto, diff.indexOf("opt/thing"));
        QCOMPARE(at(diff, "usr/share/doc/pkg/README").collapsedInto, diff.indexOf("usr/share"));
        QCOMPARE(at(diff, "usr/share").collapsedInto, -1);
        QCOMPARE(at(diff, "usr/share").collapsedCount, 4);
        QVERIFY(at(diff, "usr/share/doc").b.implied);
        QCOMPARE(at(diff, "usr/bin/grow").sizeDelta, 1536 - 1229);
        QCOMPARE(at(diff, "etc/old.conf").sizeDelta, -4);

        // Both sides' values and the layer that wrote each.
        const FileChange &hard = at(diff, "usr/bin/b");
        QCOMPARE(hard.a.type, EntryType::Hardlink);
        QCOMPARE(hard.a.layer, 0);
        QCOMPARE(hard.b.layer, 1);
        QCOMPARE(hashBytes(hard.a.hash), sha256("AAA"));
        QCOMPARE(hashBytes(hard.b.hash), sha256("AAAA"));
        QCOMPARE(hard.a.linkTarget, QByteArray("usr/bin/a"));
        QCOMPARE(at(diff, "bin/sh").b.linkTarget, QByteArray("dash"));
        QCOMPARE(at(diff, "etc/mode.sh").b.mode, 0755u);
        QCOMPARE(at(diff, "etc/owned").b.uid, 1000u);

        // The mtime-only change: not listed, counted.
        QCOMPARE(diff.indexOf("etc/stamp"), -1);
        QCOMPARE(diff.unlistedMtimeOnly, 1);
        QCOMPARE(diff.totals.mtimeOnly, 1);

        // Totals: 8 added (3 of them directories), 4 removed, 8 changed; bytes add up to the
        // trees' difference (the hardlink's bytes are not counted twice).
        QCOMPARE(diff.totals.added, 8);
        QCOMPARE(diff.totals.removed, 4);
        QCOMPARE(diff.totals.changed, 8);
        QCOMPARE(diff.totals.addedBytes, 4 + 12 + 2 + 2 + 1);
        QCOMPARE(diff.totals.removedBytes, 4 + 1 + 2);
        QCOMPARE(diff.totals.changedBytes, 1 + (1536 - 1229) - 6);
        QCOMPARE(diff.totals.netBytes(), b.visibleBytes() - a.visibleBytes());
        QVERIFY(!diff.isEmpty());

        // Asked for, the mtime-only change is listed with both times.
        FileDiffOptions all;
        all.includeMtimeOnly = true;
        const FileDiff withNoise = diffFilesystems(a, b, all);
        QCOMPARE(withNoise.entries.size(), diff.entries.size() + 1);
        QCOMPARE(withNoise.unlistedMtimeOnly, 0);
        QCOMPARE(withNoise.totals.mtimeOnly, 1);
        QCOMPARE(withNoise.totals.changed, 8);
        QVERIFY(at(withNoise, "etc/stamp").isMtimeOnly());
        QCOMPARE(describeChange(at(withNoise, "etc/stamp")),
                 QStringLiteral("~ etc/stamp: mtime only 2023-11-14T22:13:20Z → 2023-11-14T22:15:00Z"));

        // b → a is the mirror image.
        const FileDiff back = diffFilesystems(b, a);
        QCOMPARE(back.totals.added, 4);
        QCOMPARE(back.totals.removed, 8);
        QCOMPARE(back.totals.changed, 8);
        QCOMPARE(back.totals.netBytes(), -diff.totals.netBytes());
        QCOMPARE(describeChange(at(back, "opt/thing")),
                 QStringLiteral("~ opt/thing: type directory → file, mode 0755 → 0644"));
        QCOMPARE(at(back, "opt/thing/inside").collapsedInto, back.indexOf("opt/thing"));
    }

    // What the text diff needs: which blob and tar entry holds each side's bytes.
    void contentLocations()
    {
        const QByteArray base = baseLayer();
        const QByteArray change = changeLayer();
        const MergedFilesystem a = tree({base});
        const MergedFilesystem b = tree({base, change});
        const FileDiff diff = diffFilesystems(a, b);
        const QByteArray tars[] = {base, change};
        for (const char *path : {"usr/bin/tool", "usr/bin/b"}) {
            const FileChange &c = at(diff, path);
            QCOMPARE(diff.contentLayerDigest(c, false), oci::Digest::sha256Of(base));
            QCOMPARE(diff.contentLayerDigest(c, true), oci::Digest::sha256Of(change));
            for (const bool sideB : {false, true}) {
                const FileSide &side = sideB ? c.b : c.a;
                MemorySource source(tars[side.contentLayer]);
                auto slice = readLayerFile(source, side.ordinal, 0, 1 << 20);
                QVERIFY_OK(slice);
                QCOMPARE(sha256(slice->bytes), hashBytes(side.hash));
            }
        }
        // A symlink or a directory has no bytes to fetch.
        QVERIFY(!at(diff, "bin/sh").b.hasContent());
        QVERIFY(diff.contentLayerDigest(at(diff, "usr/share"), true).isNull());
    }

    // Merged trees are compared, not layers: files whited out or hidden by an opaque
    // directory are not there, however the layers were cut.
    void whiteoutsAndOpaqueDirectories()
    {
        const QByteArray lower = Writer()
                                     .dir("etc")
                                     .file("etc/a", "a")
                                     .file("etc/b", "b")
                                     .dir("d")
                                     .file("d/x", "x")
                                     .file("d/y", "y")
                                     .finish();
        const QByteArray upper = Writer()
                                     .file("etc/.wh.b", "")
                                     .file("d/.wh..wh..opq", "")
                                     .file("d/z", "z")
                                     .finish();
        const QByteArray flat =
            Writer().dir("etc").file("etc/a", "a").dir("d").file("d/z", "z").finish();
        FileDiffOptions all;
        all.includeMtimeOnly = true;
        const FileDiff same = diffFilesystems(tree({lower, upper}), tree({flat}), all);
        QVERIFY2(same.entries.isEmpty(), qPrintable(same.describe().join(u'\n')));

        // Against the lower layer alone: the whited-out and hidden files are removed.
        const FileDiff diff = diffFilesystems(tree({lower}), tree({lower, upper}));
        QCOMPARE(paths(diff), (QStringList{QStringLiteral("d/x"), QStringLiteral("d/y"),
                                           QStringLiteral("d/z"), QStringLiteral("etc/b")}));
        QCOMPARE(diff.totals.removed, 3);
        QCOMPARE(diff.totals.added, 1);
    }

    // Hardlinks are compared as the files they are; a hardlink whose content changed is a
    // content change.
    void hardlinksResolveToTheirContent()
    {
        const QByteArray linked =
            Writer().dir("x").file("x/a", "same").hardlink("x/b", "x/a").finish();
        const QByteArray copies = Writer().dir("x").file("x/a", "same").file("x/b", "same").finish();
        QVERIFY(diffFilesystems(tree({linked}), tree({copies})).isEmpty());

        const QByteArray relinked = Writer().file("x/a", "diff").hardlink("x/b", "x/a").finish();
        const FileDiff diff = diffFilesystems(tree({linked}), tree({linked, relinked}));
        QCOMPARE(paths(diff), (QStringList{QStringLiteral("x/a"), QStringLiteral("x/b")}));
        QCOMPARE(at(diff, "x/b").flags, FileChangeFlags(FileChangeFlag::Content));
        // Only x/a rewritten: x/b still holds the old bytes (linked when the old file was
        // there), so only x/a differs.
        const QByteArray onlyFile = Writer().file("x/a", "diff").finish();
        QCOMPARE(paths(diffFilesystems(tree({linked}), tree({linked, onlyFile}))),
                 QStringList{QStringLiteral("x/a")});
    }

    // Content is judged by hash, never by mtime; without hashes an equal size is not
    // called the same (unless both sides are the same entry of the same blob).
    void contentWithoutHashes()
    {
        const QByteArray one = Writer().file("f", "1111").file("g", "short").finish();
        const QByteArray two = Writer().file("f", "2222").file("g", "longer").finish();
        const FileDiff hashed = diffFilesystems(tree({one}), tree({two}));
        QCOMPARE(at(hashed, "f").flags, FileChangeFlags(FileChangeFlag::Content));

        const FileDiff unhashed = diffFilesystems(tree({one}, false), tree({two}, false));
        QCOMPARE(at(unhashed, "f").flags, FileChangeFlags(FileChangeFlag::ContentUnknown));
        QCOMPARE(at(unhashed, "g").flags, FileChangeFlag::Content | FileChangeFlag::Size);
        QCOMPARE(describeChange(at(unhashed, "f")),
                 QStringLiteral("~ f: content not compared (no hash)"));
        QVERIFY(diffFilesystems(tree({one}, false), tree({one}, false)).isEmpty());
    }

    void filters()
    {
        const QByteArray base = baseLayer();
        FileDiffOptions all;
        all.includeMtimeOnly = true;
        const FileDiff diff = diffFilesystems(tree({base}), tree({base, changeLayer()}), all);

        // By default only the noise goes (and is still counted).
        const FileDiff plain = filtered(diff, FileDiffFilter());
        QCOMPARE(plain.entries.size(), diff.entries.size() - 1);
        QCOMPARE(plain.indexOf("etc/stamp"), -1);
        QCOMPARE(plain.totals.mtimeOnly, 1);
        QCOMPARE(plain.describe(), diffFilesystems(tree({base}), tree({base, changeLayer()})).describe());

        FileDiffFilter noise;
        noise.hideMtimeOnly = false;
        QCOMPARE(filtered(diff, noise).entries.size(), diff.entries.size());

        const FileDiff changed = filtered(diff, FileDiffFilter::onlyChanged());
        QCOMPARE(changed.totals.added, 0);
        QCOMPARE(changed.totals.removed, 0);
        QCOMPARE(changed.totals.changed, 8);
        QCOMPARE(changed.entries.size(), 8);
        QCOMPARE(changed.totals.bytesB, diff.totals.bytesB); // the trees' own

        FileDiffFilter usrBin;
        usrBin.includeGlobs = {"usr/bin/**"};
        QCOMPARE(paths(filtered(diff, usrBin)),
                 (QStringList{QStringLiteral("usr/bin/a"), QStringLiteral("usr/bin/b"),
                              QStringLiteral("usr/bin/grow"), QStringLiteral("usr/bin/tool")}));

        FileDiffFilter conf;
        conf.includeGlobs = {"*.conf"};
        const FileDiff confs = filtered(diff, conf);
        QCOMPARE(paths(confs), (QStringList{QStringLiteral("etc/new.conf"), QStringLiteral("etc/old.conf")}));
        QCOMPARE(confs.totals.added, 1);
        QCOMPARE(confs.totals.removed, 1);
        QCOMPARE(confs.totals.addedBytes, 12);

        // Below an added directory: the first line kept becomes the one others fold into.
        FileDiffFilter doc;
        doc.includeGlobs = {"usr/share/doc/**"};
        const FileDiff docs = filtered(diff, doc);
        QCOMPARE(docs.describe(true),
                 QStringList{QStringLiteral("+ usr/share/doc/pkg/ (2 entries inside, 3 B)")});

        FileDiffFilter excluded;
        excluded.excludeGlobs = {"var", "usr/**", "etc/*", "bin/sh"};
        QCOMPARE(paths(filtered(diff, excluded)),
                 (QStringList{QStringLiteral("bin/dash"), QStringLiteral("opt/thing"),
                              QStringLiteral("opt/thing/inside")}));

        // mtime-only paths the diff never listed still count without globs.
        const FileDiff unlisted = diffFilesystems(tree({base}), tree({base, changeLayer()}));
        QCOMPARE(filtered(unlisted, FileDiffFilter()).totals.mtimeOnly, 1);
        QCOMPARE(filtered(unlisted, usrBin).totals.mtimeOnly, 0);
    }

    void json()
    {
        const QByteArray base = baseLayer();
        const QByteArray change = changeLayer();
        const FileDiff diff = diffFilesystems(tree({base}), tree({base, change}));
        // Through text and back, as a report would be.
        const QJsonObject json =
            QJsonDocument::fromJson(QJsonDocument(diff.toJson()).toJson()).object();
        const QJsonObject totals = json.value(u"totals").toObject();
        QCOMPARE(totals.value(u"added").toInt(), 8);
        QCOMPARE(totals.value(u"mtimeOnly").toInt(), 1);
        QCOMPARE(totals.value(u"netBytes").toInteger(), diff.totals.netBytes());
        QCOMPARE(json.value(u"layersB").toArray().at(1).toString(),
                 oci::Digest::sha256Of(change).toString());
        const QJsonArray entries = json.value(u"entries").toArray();
        QCOMPARE(entries.size(), diff.entries.size());
        const QJsonObject grow = entries.at(diff.indexOf("usr/bin/grow")).toObject();
        QCOMPARE(grow.value(u"path").toString(), QStringLiteral("usr/bin/grow"));
        QCOMPARE(grow.value(u"kind").toString(), QStringLiteral("changed"));
        QCOMPARE(grow.value(u"changes").toArray(),
                 (QJsonArray{QStringLiteral("content"), QStringLiteral("size")}));
        QCOMPARE(grow.value(u"sizeDelta").toInteger(), qint64(307));
        const QJsonObject growB = grow.value(u"b").toObject();
        QCOMPARE(growB.value(u"sha256").toString(),
                 QString::fromLatin1(sha256(QByteArray(1536, 'G')).toHex()));
        QCOMPARE(growB.value(u"mode").toString(), QStringLiteral("0644"));
        QCOMPARE(growB.value(u"layerDigest").toString(), oci::Digest::sha256Of(change).toString());
        QCOMPARE(growB.value(u"contentLayer").toInt(), 1);
        QCOMPARE(grow.value(u"a").toObject().value(u"size").toInteger(), qint64(1229));
        const QJsonObject sh = entries.at(diff.indexOf("bin/sh")).toObject();
        QCOMPARE(sh.value(u"b").toObject().value(u"linkTarget").toString(), QStringLiteral("dash"));
        QVERIFY(!sh.value(u"b").toObject().contains(u"mode"));
        const QJsonObject inside = entries.at(diff.indexOf("opt/thing/inside")).toObject();
        QCOMPARE(inside.value(u"collapsedInto").toString(), QStringLiteral("opt/thing"));
        QVERIFY(!inside.contains(u"a"));
        QCOMPARE(entries.at(diff.indexOf("usr/share")).toObject().value(u"collapsedCount").toInt(), 4);
    }

    // Raw bytes stay raw in the result; text only for people.
    void pathsAreBytes()
    {
        const QByteArray name("bin/caf\xe9");
        const QByteArray b = Writer().dir("bin").file(name, "latin1").finish();
        const FileDiff diff = diffFilesystems(tree({Writer().dir("bin").finish()}), tree({b}));
        QCOMPARE(diff.entries.size(), 1);
        QCOMPARE(diff.entries.first().path, name);
        QCOMPARE(diff.indexOf(name), 0);
        QCOMPARE(diff.describe(), QStringList{QStringLiteral("+ bin/caf\\xe9 (6 B)")});
        const QJsonObject entry = diff.toJson().value(u"entries").toArray().first().toObject();
        QCOMPARE(QByteArray::fromBase64(entry.value(u"pathBase64").toString().toLatin1()), name);
        FileDiffFilter glob;
        glob.includeGlobs = {QByteArray("caf\xe9")};
        QCOMPARE(filtered(diff, glob).entries.size(), 1);
    }

    void treeOrder()
    {
        const QByteArray b = Writer()
                                 .file("a-b", "1")
                                 .file("a/b", "1")
                                 .file("a.b", "1")
                                 .file("a", "1")
                                 .file("A", "1")
                                 .finish();
        // Not a valid tree (a is a file and a directory): only the order matters here, and
        // the merge keeps the last writer.
        const FileDiff diff = diffFilesystems(MergedFilesystem::build({}), tree({b}));
        const QStringList order = paths(diff);
        QCOMPARE(order.first(), QStringLiteral("A"));
        QVERIFY(order.indexOf(QStringLiteral("a")) < order.indexOf(QStringLiteral("a-b")));
        QVERIFY(order.indexOf(QStringLiteral("a-b")) < order.indexOf(QStringLiteral("a.b")));
        for (const QString &path : order)
            QCOMPARE(diff.indexOf(path.toUtf8()), order.indexOf(path));
    }

    void sizes()
    {
        QCOMPARE(describeFileSize(0), QStringLiteral("0 B"));
        QCOMPARE(describeFileSize(1023), QStringLiteral("1023 B"));
        QCOMPARE(describeFileSize(1024), QStringLiteral("1.0 KiB"));
        QCOMPARE(describeFileSize(1229), QStringLiteral("1.2 KiB"));
        QCOMPARE(describeFileSize(5 * 1024 * 1024 + 512 * 1024), QStringLiteral("5.5 MiB"));
        QCOMPARE(describeFileSize(-2048), QStringLiteral("-2.0 KiB"));
        QCOMPARE(describeFileSize(qint64(3) << 40), QStringLiteral("3.0 TiB"));
    }

    // 100,000 paths a side, a few percent different: timed, not asserted.
    void hundredThousandPaths()
    {
        constexpr int Dirs = 1000;
        constexpr int Files = 100;
        auto build = [](bool second) {
            LayerIndexBuilder builder;
            for (int d = 0; d < Dirs; ++d) {
                const QByteArray dir = "usr/share/d" + QByteArray::number(d);
                LayerEntry e;
                e.type = EntryType::Directory;
                e.mode = 0755;
                builder.add(e, dir);
                for (int f = 0; f < Files; ++f) {
                    const int n = d * Files + f;
                    if (second && n % 100 == 1) // removed in b
                        continue;
                    LayerEntry file;
                    file.type = EntryType::Regular;
                    file.mode = 0644;
                    file.size = 100 + n % 1000;
                    file.mtime = Then + (second && n % 20 == 3 ? 1 : 0);
                    file.hash[0] = quint8(n);
                    file.hash[1] = quint8(n >> 8);
                    file.hash[2] = quint8(n >> 16);
                    file.hash[3] = second && n % 100 == 2 ? 1 : 0; // content changed
                    file.flags = Hashed;
                    builder.add(file, QByteArray(dir + "/file" + QByteArray::number(f) + ".so"));
                }
                if (second)
                    builder.add(LayerEntry{}, QByteArray(dir + "/added"));
            }
            return MergedFilesystem::build({builder.finish()});
        };
        const MergedFilesystem a = build(false);
        const MergedFilesystem b = build(true);
        QVERIFY(a.size() > 100000);

        QElapsedTimer timer;
        timer.start();
        const FileDiff diff = diffFilesystems(a, b);
        const qint64 diffMs = timer.elapsed();
        QCOMPARE(diff.totals.removed, Dirs);
        QCOMPARE(diff.totals.added, Dirs);
        QCOMPARE(diff.totals.changed, Dirs);
        QCOMPARE(diff.totals.mtimeOnly, Dirs * Files / 20);
        timer.restart();
        FileDiffFilter glob;
        glob.includeGlobs = {"usr/share/d1*/**", "*.so"};
        const FileDiff shown = filtered(diff, glob);
        const qint64 filterMs = timer.elapsed();
        QCOMPARE(shown.totals.added, 1 + 10 + 100); // d1, d10-d19, d100-d199
        QCOMPARE(shown.totals.removed, Dirs);
        timer.restart();
        const FileDiff everything = diffFilesystems(MergedFilesystem::build({}), b);
        const qint64 everythingMs = timer.elapsed();
        QCOMPARE(everything.totals.added, b.size() - 1);
        QCOMPARE(everything.describe(true).size(), 1); // usr/ holds it all
        timer.restart();
        const qsizetype textBytes = diff.describe().join(u'\n').size();
        const qsizetype jsonBytes = QJsonDocument(diff.toJson()).toJson().size();
        qInfo("diff of %d vs %d paths: %lld ms (%lld listed); filter with two globs: %lld ms; "
              "text and JSON: %lld ms (%lld + %lld chars); every path added: %lld ms",
              a.size() - 1, b.size() - 1, diffMs, qint64(diff.entries.size()), filterMs,
              qint64(timer.elapsed()), qint64(textBytes), qint64(jsonBytes), everythingMs);
    }
};

QTEST_GUILESS_MAIN(TestFileDiff)
#include "tst_filediff.moc"
