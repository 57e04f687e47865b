// A manual harness, not a test: shows the inspector for references in a running registry
// (e.g. tests/support/demo/start-demo-registry.sh) and writes one PNG per view, to look at
// while polishing. Plain http, anonymous.
//
//     inspectorshots HOST:PORT OUTDIR IMAGE [INDEX]
//     inspectorshots 127.0.0.1:5000 /tmp/shots demo/hello:1.0 demo/multiarch:latest

#include "inspectorcontent.h"
#include "inspectorjsonview.h"
#include "inspectorwidget.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/transport/transport.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QTableView>
#include <QTest>

#include <cstdio>
#include <memory>

namespace {

bool waitShown(InspectorWidget &inspector)
{
    QDeadlineTimer deadline(20000);
    while (inspector.state() == InspectorWidget::State::Loading && !deadline.hasExpired())
        QTest::qWait(20);
    QTest::qWait(300); // the config arrives after the manifest
    return inspector.state() == InspectorWidget::State::Shown;
}

void grab(QWidget &widget, const QString &path)
{
    widget.grab().save(path);
    std::printf("%s\n", qPrintable(path));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: inspectorshots HOST:PORT OUTDIR IMAGE [INDEX]\n");
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

    InspectorWidget inspector;
    inspector.resize(1000, 720);
    inspector.show();

    auto show = [&](const QString &name) {
        inspector.showReference(&fetcher,
                                oci::Reference::parse(QString(host + u'/' + name)).value());
        if (!waitShown(inspector))
            std::fprintf(stderr, "not shown: %s\n", qPrintable(inspector.messageText()));
    };
    InspectorContent *content = inspector.content();
    show(args.at(3));
    const struct
    {
        InspectorContent::Tab tab;
        const char *file;
    } tabs[] = {{InspectorContent::Overview, "image-overview.png"},
                {InspectorContent::Layers, "image-layers.png"},
                {InspectorContent::History, "image-history.png"},
                {InspectorContent::Document, "image-manifest-raw.png"},
                {InspectorContent::Config, "image-config.png"}};
    for (const auto &tab : tabs) {
        content->setCurrentTab(tab.tab);
        QTest::qWait(100);
        grab(inspector, out + u'/' + QLatin1String(tab.file));
    }
    content->setCurrentTab(InspectorContent::Document);
    content->documentPane()->setMode(InspectorJsonView::Mode::Pretty);
    QTest::qWait(100);
    grab(inspector, out + QStringLiteral("/image-manifest-pretty.png"));
    content->documentPane()->setMode(InspectorJsonView::Mode::Raw);

    // A layer, from the table.
    content->setCurrentTab(InspectorContent::Layers);
    inspector.openDigest(
        inspector.content()->document()->manifest().layers.first().digest().toString());
    waitShown(inspector);
    grab(inspector, out + QStringLiteral("/layer.png"));
    inspector.goBack();
    waitShown(inspector);
    inspector.openDigest(inspector.content()->document()->manifest().config.digest().toString());
    waitShown(inspector);
    grab(inspector, out + QStringLiteral("/config-overview.png"));

    if (args.size() > 4) {
        show(args.at(4));
        grab(inspector, out + QStringLiteral("/index-platforms.png"));
        content->setCurrentTab(InspectorContent::Overview);
        QTest::qWait(100);
        grab(inspector, out + QStringLiteral("/index-overview.png"));
    }
    inspector.showReference(&fetcher,
                            oci::Reference::parse(QString(host + u"/demo/nothing:here")).value());
    QDeadlineTimer deadline(20000);
    while (inspector.state() == InspectorWidget::State::Loading && !deadline.hasExpired())
        QTest::qWait(20);
    grab(inspector, out + QStringLiteral("/failure.png"));

    // With INSPECTORSHOTS_WAIT_OFFLINE set: wait until the registry is stopped, then show
    // the image's tag again, from the cache, with the stale banner.
    if (qEnvironmentVariableIsSet("INSPECTORSHOTS_WAIT_OFFLINE")) {
        std::printf("stop the registry now\n");
        std::fflush(stdout);
        QDeadlineTimer offline(120000);
        while (!offline.hasExpired()) {
            std::unique_ptr<oci::PingJob> ping(client.ping());
            QDeadlineTimer answered(10000);
            while (!ping->isFinished() && !answered.hasExpired())
                QTest::qWait(20);
            if (!ping->succeeded())
                break;
            QTest::qWait(500);
        }
        inspector.clear();
        show(args.at(3));
        grab(inspector, out + QStringLiteral("/stale.png"));
    }
    return 0;
}
