#pragma once

// Two images' layers that differ by the known set of files, for the unit test (read
// from memory) and the integration test (built by umoci, read through the registry): a
// base both share, and a layer on top for b with whiteouts.

#include "../../tartestdata.h"

#include <QStringList>

namespace difflayers {

using tartest::Writer;

// A file with an owner (uid = gid) and mtime of its own.
inline Writer &fileWith(Writer &w, const QByteArray &name, const QByteArray &content, int uid,
                        qint64 mtime, int mode = 0644)
{
    tartest::Header h = tartest::makeHeader(name, '0', mode, content.size());
    h.uid = uid;
    h.gid = uid;
    h.mtime = mtime;
    return w.header(h, content);
}

constexpr qint64 Then = 1700000000; // tartest's default mtime: 2023-11-14T22:13:20Z

// The base both images share.
inline QByteArray baseLayer()
{
    Writer w;
    w.dir("bin").file("bin/busybox", "BUSYBOX", 0755).symlink("bin/sh", "busybox");
    w.dir("etc").file("etc/keep.conf", "keep\n").file("etc/mode.sh", "#!/bin/sh\n");
    w.file("etc/old.conf", "old\n").file("etc/owned", "owned\n").file("etc/stamp", "stamp\n");
    w.dir("opt").file("opt/thing", "thing\n");
    w.dir("usr").dir("usr/bin").file("usr/bin/a", "AAA").hardlink("usr/bin/b", "usr/bin/a");
    w.file("usr/bin/tool", "tool v1\n").file("usr/bin/grow", QByteArray(1229, 'g'));
    w.dir("var").dir("var/old").file("var/old/x", "x").file("var/old/y", "yy");
    return w.finish();
}

// What b's extra layer changes: the set, with whiteouts.
inline QByteArray changeLayer()
{
    Writer w;
    w.file("bin/dash", "DASH", 0755).symlink("bin/sh", "dash");
    w.file("etc/.wh.old.conf", "");
    w.file("etc/mode.sh", "#!/bin/sh\n", 0755);
    w.file("etc/new.conf", "hello world\n");
    fileWith(w, "etc/owned", "owned\n", 1000, Then);
    fileWith(w, "etc/stamp", "stamp\n", 0, Then + 100);
    w.dir("opt/thing").file("opt/thing/inside", "in");
    w.file("usr/bin/a", "AAAA").hardlink("usr/bin/b", "usr/bin/a");
    w.file("usr/bin/tool", "tool v2\n").file("usr/bin/grow", QByteArray(1536, 'G'));
    w.dir("usr/share").file("usr/share/doc/pkg/README", "r").file("usr/share/doc/pkg/LICENSE", "ll");
    w.file("var/.wh.old", "");
    return w.finish();
}

// diffFilesystems(base, base + change).describe(): every path of the set, in tree order
// (etc/stamp, mtime-only, is not listed).
inline QStringList expectedLines()
{
    return {
        QStringLiteral("+ bin/dash (4 B)"),
        QStringLiteral("~ bin/sh: link target busybox → dash"),
        QStringLiteral("~ etc/mode.sh: mode 0644 → 0755"),
        QStringLiteral("+ etc/new.conf (12 B)"),
        QStringLiteral("- etc/old.conf"),
        QStringLiteral("~ etc/owned: owner 0:0 → 1000:1000"),
        QStringLiteral("~ opt/thing: type file → directory, mode 0644 → 0755"),
        QStringLiteral("+ opt/thing/inside (2 B)"),
        QStringLiteral("~ usr/bin/a: content, size 3 B → 4 B"),
        QStringLiteral("~ usr/bin/b: content, size 3 B → 4 B"),
        QStringLiteral("~ usr/bin/grow: content, size 1.2 KiB → 1.5 KiB"),
        QStringLiteral("~ usr/bin/tool: content"),
        QStringLiteral("+ usr/share/"),
        QStringLiteral("+ usr/share/doc/"),
        QStringLiteral("+ usr/share/doc/pkg/"),
        QStringLiteral("+ usr/share/doc/pkg/LICENSE (2 B)"),
        QStringLiteral("+ usr/share/doc/pkg/README (1 B)"),
        QStringLiteral("- var/old/"),
        QStringLiteral("- var/old/x"),
        QStringLiteral("- var/old/y"),
    };
}

} // namespace difflayers
