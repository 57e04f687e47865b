// A manual harness, not a test: the inspector's Files tab for an image in a running
// registry (e.g. tests/support/demo/start-demo-registry.sh), one PNG per view, to look at
// while polishing. Plain http, anonymous.
//
//     filesshots HOST:PORT OUTDIR IMAGE
//     xvfb-run -a -s "-screen 0 1400x900x24" filesshots 127.0.0.1:5000 /tmp/shots demo/hello:1.0

#include "filespage.h"
#include "imagefilesloader.h"
#include "inspectorcontent.h"
#include "inspectorwidget.h"

#include "image/reader/layercache.h"
#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/transport/transport.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>

namespace {

void grab(QWidget &widget, const QString &path)
{
    widget.grab().save(path);
    std::printf("%s\n", qPrintable(path));
}

template<typename Ready>
bool waitFor(Ready ready, int ms = 30000)
{
    QDeadlineTimer deadline(ms);
    while (!ready() && !deadline.hasExpired())
        QTest::qWait(20);
    QTest::qWait(150);
    return ready();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: filesshots HOST:PORT OUTDIR IMAGE [FILTER]\n");
        return 2;
    }
    const QString host = args.at(1);
    const QString out = args.at(2);
    QDir().mkpath(out);

    oci::Transport transport;
    oci::RegistryConfig config;
    config.host = host;
    config.plainHttp = true;
    oci::RegistryClient client(&transport, config);
    oci::ContentCache cache(oci::ContentCacheOptions{{}, 32 * 1024 * 1024, 0, 100});
    oci::ContentFetcher fetcher(&client, &cache);
    QTemporaryDir layerDir;
    image::LayerCacheOptions layerOptions;
    layerOptions.directory = layerDir.path();
    image::LayerCache layers(layerOptions);

    InspectorWidget inspector;
    inspector.setLayerCache(&layers);
    inspector.resize(1280, 820);
    inspector.show();
    inspector.showReference(&fetcher,
                            oci::Reference::parse(QString(host + u'/' + args.at(3))).value());
    if (!waitFor([&] { return inspector.state() == InspectorWidget::State::Shown; })) {
        std::fprintf(stderr, "not shown: %s\n", qPrintable(inspector.messageText()));
        return 1;
    }
    InspectorContent *content = inspector.content();
    FilesPage *page = content->filesPage();
    content->setCurrentTab(InspectorContent::Files);
    if (!waitFor([&] { return page->loader()->hasImageResult(); })) {
        std::fprintf(stderr, "layers not read\n");
        return 1;
    }
    page->fileView()->expandToDepth(1);
    grab(inspector, out + QStringLiteral("/files-layer.png"));

    page->setMode(FilesPage::Mode::Merged);
    waitFor([&] { return page->fileView()->model()->rowCount() > 0; });
    page->fileView()->expandToDepth(1);
    page->fileView()->sortByColumn(3, Qt::DescendingOrder);
    grab(inspector, out + QStringLiteral("/files-merged.png"));

    page->setChangesOnly(true);
    page->fileView()->expandAll();
    grab(inspector, out + QStringLiteral("/files-merged-changes.png"));
    page->setChangesOnly(false);

    page->setFilterText(args.size() > 4 ? args.at(4) : QStringLiteral("*.txt"));
    QTest::qWait(100);
    // The first match selected: the preview shows it.
    QModelIndex first = page->fileView()->model()->index(0, 0);
    while (page->fileView()->model()->rowCount(first) > 0)
        first = page->fileView()->model()->index(0, 0, first);
    page->fileView()->setCurrentIndex(first);
    QTest::qWait(600);
    grab(inspector, out + QStringLiteral("/files-filtered.png"));
    page->setFilterText(QString());

    page->setMode(FilesPage::Mode::Waste);
    grab(inspector, out + QStringLiteral("/files-waste.png"));
    return 0;
}
