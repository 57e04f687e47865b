// lading: the desktop application. Thin by design: application identity, translations,
// command line, the main window. Everything else lives in lading_ui and below.

#include "mainwindow.h"
#include "registryaddress.h"
#include "registrytreemodel.h"
#include "screenshotrun.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// --help and --version print text and quit: they must work without a display.
bool onlyPrintsText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app =
        onlyPrintsText(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                                   : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lading"));
    QCoreApplication::setOrganizationName(QStringLiteral("Lading"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("lading.github.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LADING_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Lading"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.lading.Lading"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator ladingTranslator;
    // Without a translation for the locale the text stays English: lading_en gives it its
    // plural forms ("1 image", not "1 image(s)").
    if (ladingTranslator.load(QLocale(), QStringLiteral("lading"), QStringLiteral("_"),
                              QStringLiteral(":/i18n")) ||
        ladingTranslator.load(QStringLiteral("lading_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ladingTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Browse container registries."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoRegistry(
        QStringLiteral("demo-registry"),
        QCoreApplication::translate(
            "main", "Adds the plain-HTTP registry at <host:port> when no registry is configured."),
        QStringLiteral("host:port"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Opens the first registry down to a tag, saves a "
                                            "picture of the window to <file> and quits."),
        QStringLiteral("file"));
    const QCommandLineOption screenshotTimeout(
        QStringLiteral("screenshot-timeout"),
        QCoreApplication::translate("main",
                                    "Gives up on --screenshot after <seconds> (default 60)."),
        QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption screenshotView(
        QStringLiteral("screenshot-view"),
        QCoreApplication::translate("main", "What --screenshot shows: \"inspector\" (a tag's "
                                            "manifest, the default), \"files\" (the Files "
                                            "tab of the demo's demo/toolbox), \"local\" "
                                            "(the Files tab of the image file given), "
                                            "\"push\" (the push dialog for the image file "
                                            "given), \"jobs\" (the jobs panel once it "
                                            "was pushed), \"delete\" (the delete window's "
                                            "plan for the tag shown), \"cleanup\" (the "
                                            "clean-up dry run of its repository), "
                                            "\"journal\" (the deletion journal) or "
                                            "\"compare\" (the compare window for its "
                                            "tags 1.2 and 2.0)."),
        QStringLiteral("view"), QStringLiteral("inspector"));
    parser.addOptions({demoRegistry, screenshot, screenshotTimeout, screenshotView});
    parser.addPositionalArgument(
        QStringLiteral("image"),
        QCoreApplication::translate("main", "An image to look inside: a tarball (docker save, "
                                            "OCI archive) or an OCI layout folder."),
        QStringLiteral("[image]"));
    parser.process(*app);

    QString demoHost;
    if (parser.isSet(demoRegistry)) {
        const RegistryAddress address = RegistryAddress::parse(parser.value(demoRegistry));
        if (!address.isValid() || address.scheme() == RegistryAddress::Scheme::Https) {
            std::fprintf(
                stderr, "lading: %s\n",
                qUtf8Printable(QCoreApplication::translate(
                    "main", "--demo-registry needs host:port, for example 127.0.0.1:5000.")));
            return 2;
        }
        demoHost = address.host();
    }

    MainWindow window;
    if (!demoHost.isEmpty() && !window.hasRegistries()) {
        RegistryEntry entry;
        entry.config.host = demoHost;
        entry.config.plainHttp = true;
        // Opened at once: whoever asked for the demo wants to see what is in it.
        window.expandInTree(window.addRegistry(entry));
    }
    window.show();
    // The push pictures push the image file given instead of opening it for a look.
    const QString view = parser.value(screenshotView);
    const bool pushView = parser.isSet(screenshot) && (view == u"push" || view == u"jobs");
    const bool operationView =
        view == u"delete" || view == u"cleanup" || view == u"journal" || view == u"compare";
    if (!parser.positionalArguments().isEmpty() && !pushView)
        window.openImageFile(parser.positionalArguments().constFirst());

    if (parser.isSet(screenshot)) {
        bool ok = false;
        const int timeout = parser.value(screenshotTimeout).toInt(&ok);
        // The demo registry when it is in the list, else the first one configured.
        QString host = demoHost;
        if (!window.model()->registryIndex(host).isValid() && window.hasRegistries())
            host = window.model()->registries().constFirst().config.host;
        if (view != u"inspector" && view != u"files" && view != u"local" && !pushView &&
            !operationView) {
            std::fprintf(stderr, "lading: %s\n",
                         qUtf8Printable(QCoreApplication::translate(
                             "main", "--screenshot-view is \"inspector\", \"files\", \"local\", "
                                     "\"push\", \"jobs\", \"delete\", \"cleanup\", "
                                     "\"journal\" or \"compare\".")));
            return 2;
        }
        if ((view == u"local" || pushView) && parser.positionalArguments().isEmpty()) {
            std::fprintf(stderr, "lading: %s\n",
                         qUtf8Printable(QCoreApplication::translate(
                             "main", "--screenshot-view %1 needs an image file.").arg(view)));
            return 2;
        }
        auto *run = new ScreenshotRun(&window, host, parser.value(screenshot),
                                      ok && timeout > 0 ? timeout : 60,
                                      view == u"files"   ? DemoTour::Destination::Files
                                      : view == u"local" ? DemoTour::Destination::LocalFiles
                                                         : DemoTour::Destination::Inspector,
                                      &window);
        if (pushView)
            run->setPush(view == u"push" ? ScreenshotRun::Push::Dialog : ScreenshotRun::Push::Jobs,
                         parser.positionalArguments().constFirst());
        if (operationView)
            run->setOperation(view == u"delete"    ? ScreenshotRun::Operation::Delete
                              : view == u"cleanup" ? ScreenshotRun::Operation::Cleanup
                              : view == u"journal" ? ScreenshotRun::Operation::Journal
                                                   : ScreenshotRun::Operation::Compare);
        QObject::connect(run, &ScreenshotRun::finished, app.get(),
                         [](int exitCode) { QCoreApplication::exit(exitCode); });
        run->start();
    }
    return QCoreApplication::exec();
}
