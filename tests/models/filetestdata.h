#pragma once

// A three-layer image built by hand with image::LayerIndexBuilder for the file models'
// tests (no tarballs): a base, a layer that modifies, adds (symlink, hardlink), deletes
// (whiteout) and makes a directory opaque, and a layer that deletes a big file and adds one.
//
// layer 0: etc/ etc/passwd(100) etc/hosts(50) etc/conf.d/ a.conf(10) b.conf(20)
//          usr/bin/tool(1000, 0755) var/cache/big(5000)          [usr/, usr/bin/, var/ implied]
// layer 1: etc/passwd(120) usr/bin/tool2(200) usr/bin/link -> tool, usr/bin/hard => usr/bin/tool2
//          etc/.wh.hosts  etc/conf.d/.wh..wh..opq  etc/conf.d/c.conf(30)
// layer 2: etc/ (same as below)  var/cache/.wh.big  app/data.json(300)

#include "image/layer/layerindex.h"

#include <QByteArray>
#include <QList>

namespace filetest {

inline image::LayerEntry entry(image::EntryType type, qint64 size = 0, quint32 mode = 0644)
{
    image::LayerEntry e;
    e.type = type;
    e.size = size;
    e.mode = type == image::EntryType::Directory ? 0755 : mode;
    e.mtime = 1700000000;
    return e;
}

inline void file(image::LayerIndexBuilder &b, const char *path, qint64 size, quint32 mode = 0644)
{
    b.add(entry(image::EntryType::Regular, size, mode), path, {}, "root", "root");
}

inline void dir(image::LayerIndexBuilder &b, const char *path)
{
    b.add(entry(image::EntryType::Directory), path, {}, "root", "root");
}

// A whiteout or opaque marker as it appears in a tar: an empty regular file.
inline void marker(image::LayerIndexBuilder &b, const char *path)
{
    b.add(entry(image::EntryType::Regular), path);
}

inline image::LayerBlobInfo blob(int layer)
{
    image::LayerBlobInfo info;
    info.digest =
        oci::Digest::sha256Of(QByteArray(QByteArray("layer") + QByteArray::number(layer)));
    info.compressedBytes = 1000 + layer;
    info.tarBytes = 10240 * (layer + 1);
    info.compression = image::Compression::Gzip;
    return info;
}

inline image::LayerIndex layer0()
{
    image::LayerIndexBuilder b;
    dir(b, "etc/");
    file(b, "etc/passwd", 100);
    file(b, "etc/hosts", 50);
    dir(b, "etc/conf.d/");
    file(b, "etc/conf.d/a.conf", 10);
    file(b, "etc/conf.d/b.conf", 20);
    file(b, "usr/bin/tool", 1000, 0755);
    file(b, "var/cache/big", 5000);
    return b.finish(blob(0));
}

inline image::LayerIndex layer1()
{
    image::LayerIndexBuilder b;
    file(b, "etc/passwd", 120);
    file(b, "usr/bin/tool2", 200, 0755);
    b.add(entry(image::EntryType::Symlink, 0, 0777), "usr/bin/link", "tool", "root", "root");
    b.add(entry(image::EntryType::Hardlink), "usr/bin/hard", "usr/bin/tool2", "root", "root");
    marker(b, "etc/.wh.hosts");
    marker(b, "etc/conf.d/.wh..wh..opq");
    file(b, "etc/conf.d/c.conf", 30);
    return b.finish(blob(1));
}

inline image::LayerIndex layer2()
{
    image::LayerIndexBuilder b;
    dir(b, "etc/");
    marker(b, "var/cache/.wh.big");
    file(b, "app/data.json", 300);
    return b.finish(blob(2));
}

inline QList<image::LayerIndex> image3()
{
    return {layer0(), layer1(), layer2()};
}

} // namespace filetest
