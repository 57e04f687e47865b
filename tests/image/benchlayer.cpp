// Lists a layer blob file the way the library does, for comparing with
// `gzip -dc | tar -t` / `igzip -dc | tar -t` by hand:  benchlayer FILE [--no-hash]
#include "image/layer/bytesource.h"
#include "image/layer/layerstream.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: benchlayer FILE [--no-hash]\n");
        return 2;
    }
    image::ReadOptions options;
    options.hashContents = !args.contains(QStringLiteral("--no-hash"));
    image::FileSource source(args.at(1));
    QElapsedTimer timer;
    timer.start();
    auto index = image::readLayerIndex(source, oci::Digest(), options);
    const qint64 ms = timer.elapsed();
    if (!index) {
        std::fprintf(stderr, "%s\n", qPrintable(index.error().describe()));
        return 1;
    }
    std::printf("%d entries, %lld compressed, %lld tar bytes, %s, %lld ms\n", index->size(),
                index->compressedBytes(), index->tarBytes(),
                qPrintable(image::compressionName(index->compression())), ms);
    // What reopening from the on-disk index cache costs (without the file read).
    const QByteArray bytes = index->toBytes();
    timer.restart();
    const std::optional<image::LayerIndex> back = image::LayerIndex::fromBytes(bytes);
    std::printf("index file %lld bytes, decoded in %lld ms (%s)\n", qint64(bytes.size()),
                qint64(timer.elapsed()), back ? "ok" : "FAILED");
    return 0;
}
