#include "commandline.h"

#include "diffcommand.h"
#include "opsarguments.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace cli {

namespace {

QString describeCommands()
{
    return QStringLiteral(
        "Browse a container registry (OCI Distribution / Docker Registry v2).\n"
        "\n"
        "Commands:\n"
        "  catalog REGISTRY     list the repositories of REGISTRY (host[:port])\n"
        "  tags REPOSITORY      list the tags of REPOSITORY ([registry/]name, no tag)\n"
        "  manifest REFERENCE   print the manifest of REFERENCE ([registry/]name[:tag][@digest])\n"
        "                       exactly as the registry sent it, after checking its digest\n"
        "  inspect REFERENCE    print what REFERENCE is, as JSON: digest, media type, sizes,\n"
        "                       created, platforms, config summary, referrers\n"
        "\n"
        "tags --details adds digest, size, created date, platforms, type and how many other\n"
        "tags share the digest (HEAD first; manifests and configs fetched once per digest and\n"
        "kept in the content cache). --sort name (natural order), created (newest first) or\n"
        "size (largest first).\n"
        "  layers REFERENCE     list the layers: sizes, compression (told by content), files,\n"
        "                       the history step that made each\n"
        "  files REFERENCE      list the files, one a line: type, mode, size, layer, change,\n"
        "                       path [-> symlink target | link to hardlink target]\n"
        "  cat REFERENCE PATH   write the file PATH of the image (as after the top layer)\n"
        "                       to standard output, byte for byte\n"
        "  waste REFERENCE      wasted space: bytes shipped by a layer but overwritten or\n"
        "                       deleted by a later one, per path and in total; efficiency,\n"
        "                       and dive's figures beside\n"
        "\n"
        "For layers, files, cat and waste, REFERENCE is a registry reference, or a local\n"
        "image: a docker-archive or oci-archive tarball (also gzip'ed, also docker save) or\n"
        "an OCI layout folder. A REFERENCE that exists on disk, or starts with / or ., is\n"
        "local; when the file holds several images pick one as PATH:NAME (a name it gives\n"
        "the image: a RepoTag such as docker.io/x/y:1.0, its tag 1.0, an OCI ref.name) or\n"
        "PATH@sha256:<manifest or index digest>. For an index, --platform os/arch[/variant]\n"
        "picks the image; without it: the only platform, else linux/amd64.\n"
        "Layers count from 0 (the base layer). files shows the filesystem after the top\n"
        "layer (--merged, the default; --merged --layer N: after layer N), or with --layer N\n"
        "that layer's own entries in archive order. Types: - file, d directory, l symlink,\n"
        "h hardlink, c/b devices, p fifo, w whiteout (PATH is what it removes), o opaque\n"
        "directory marker. Change: added, modified, unchanged (rewritten as it was), removed,\n"
        "opaque, no-effect; layer - marks a directory no layer declared. --changed keeps\n"
        "only what the layer (the top one for --merged) added, modified or removed.\n"
        "Layer blobs are kept in the on-disk layer cache, so a second files or cat does not\n"
        "download them again (--no-cache: nothing kept).\n"
        "\n"
        "%2"
        "\n"
        "%1"
        "\n"
        "  push FILE REFERENCE  push a local image (the formats above) to REFERENCE\n"
        "                       ([registry/]name[:tag]); the tag defaults to the archive's\n"
        "                       name for the image, else latest\n"
        "push prints the plan first: each blob already in the repository, mounted from\n"
        "another one, sent as it is, or (plain tar layers) gzip'ed and sent; and whether the\n"
        "tag is new or moves. --dry-run stops there. Every blob is checked against its digest\n"
        "before any byte is sent; manifests go last, the tag after them, so a failed push\n"
        "tags nothing and running it again sends only what did not land. A file with several\n"
        "images needs --image NAME (a name or tag it gives the image, or a digest prefix) or\n"
        "--all.\n"
        "\n"
        "Credentials come from --username/--password-stdin, else from the Docker\n"
        "config.json ($DOCKER_CONFIG or ~/.docker, with its credential helpers), else from\n"
        "Podman's auth.json ($REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers or\n"
        "~/.config/containers).\n"
        "Exit status: 0 success, 1 failure, 2 usage error (diff: see above).")
        .arg(OpsArguments::help(), diffHelp());
}

ParsedCommandLine usageError(const QString &message)
{
    ParsedCommandLine parsed;
    parsed.outcome = ParsedCommandLine::Outcome::UsageError;
    parsed.text = message;
    return parsed;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &givenArguments)
{
    const OpsArguments ops;
    QCommandLineParser parser;
    parser.setApplicationDescription(describeCommands());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Show the version and exit."));
    const QCommandLineOption username({QStringLiteral("u"), QStringLiteral("username")},
                                      QStringLiteral("User name for the registry."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        QStringLiteral("Read the password (or token) from standard input."));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("Also trust the CA certificates in FILE (PEM) "
                                                   "for this registry."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption insecure(
        QStringLiteral("insecure"),
        QStringLiteral("Do not verify the registry's TLS certificate."));
    const QCommandLineOption plainHttp(QStringLiteral("plain-http"),
                                       QStringLiteral("Use http:// instead of https://."));
    const QCommandLineOption details(QStringLiteral("details"),
                                     QStringLiteral("tags: show each tag's digest, size, created "
                                                    "date, platforms and type."));
    const QCommandLineOption sort(QStringLiteral("sort"),
                                  QStringLiteral("tags: order by name, created or size."),
                                  QStringLiteral("KEY"));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QStringLiteral("tags --details, layers, files, waste, diff: print JSON instead of "
                       "text."));
    const QCommandLineOption noCache(
        QStringLiteral("no-cache"),
        QStringLiteral("Do not use or fill the on-disk content and layer caches."));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         QStringLiteral("Requests in flight for details (1-64, "
                                                        "default 8)."),
                                         QStringLiteral("N"));
    const QCommandLineOption platform(
        QStringLiteral("platform"),
        QStringLiteral("layers, files, cat, waste: the platform of an index (default: the only "
                       "one, else linux/amd64); diff: only that platform."),
        QStringLiteral("OS/ARCH[/VARIANT]"));
    const QCommandLineOption layer(QStringLiteral("layer"),
                                   QStringLiteral("files: the entries of layer N (0 = base); "
                                                  "with --merged: the filesystem after layer N."),
                                   QStringLiteral("N"));
    const QCommandLineOption merged(
        QStringLiteral("merged"),
        QStringLiteral("files: the merged filesystem (after the top layer; the default)."));
    const QCommandLineOption changed(
        QStringLiteral("changed"),
        QStringLiteral("files: only what the layer added, modified or removed."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("push: print the plan and stop."));
    const QCommandLineOption image(QStringLiteral("image"),
                                   QStringLiteral("push: the image of a file that holds several "
                                                  "(a name, tag or digest prefix)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("push: every image of the file, each with its own tag."));
    const QCommandLineOption filesOnly(QStringLiteral("files-only"),
                                       QStringLiteral("diff: only the files."));
    const QList<QCommandLineOption> allOptions =
        QList<QCommandLineOption>{help,     version, username, passwordStdin, caFile, insecure,
                                  plainHttp, details, sort,    json,     noCache,  concurrency,
                                  platform, layer,   merged,  changed,  dryRun,   image,
                                  all,      filesOnly} +
        ops.options();
    parser.addOptions(allOptions);
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("catalog, tags, manifest, inspect, layers, files, cat, waste, diff, push, tag, "
                       "copy, rm, cleanup or undo."));
    parser.addPositionalArgument(QStringLiteral("target"),
                                 QStringLiteral("REGISTRY, REPOSITORY or REFERENCE (cat: "
                                                "REFERENCE PATH; push: FILE REFERENCE; diff: A B)."));

    if (!parser.parse(OpsArguments::normalized(givenArguments, allOptions)))
        return usageError(parser.errorText());

    ParsedCommandLine parsed;
    if (parser.isSet(help)) {
        parsed.outcome = ParsedCommandLine::Outcome::Help;
        parsed.text = parser.helpText();
        // Qt prints the full path of the program; the name reads better.
        const qsizetype firstLineEnd = parsed.text.indexOf(u'\n');
        parsed.text.replace(0, firstLineEnd,
                            QStringLiteral("Usage: ladingctl [options] command target"));
        return parsed;
    }
    if (parser.isSet(version)) {
        parsed.outcome = ParsedCommandLine::Outcome::Version;
        parsed.text =
            QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        return parsed;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("missing command (catalog, tags, manifest, inspect, "
                                         "layers, files, cat, waste, diff, push, tag, copy, rm, "
                                         "cleanup or undo); see --help"));
    const QString &command = positional.first();
    const bool opsCommand = OpsArguments::isOpsCommand(command);
    const qsizetype wanted = command == u"cat" || command == u"push" || command == u"diff" ? 3 : 2;
    if (!opsCommand && positional.size() < wanted)
        return usageError(u"missing argument for \"" + command + u"\"; see --help");
    if (!opsCommand && positional.size() > wanted)
        return usageError(u"unexpected argument \"" + positional.at(wanted) + u'"');

    Options &options = parsed.options;
    const QString target = positional.value(1);
    if (opsCommand) {
        if (const QString error = ops.read(parser, positional, options); !error.isEmpty())
            return usageError(error);
    } else if (command == u"catalog") {
        options.command = Options::Command::Catalog;
        auto host = oci::Reference::parseRegistryHost(target);
        if (!host)
            return usageError(host.error().message());
        options.registry = std::move(host).value();
    } else if (command == u"tags") {
        options.command = Options::Command::Tags;
        auto repository = oci::Reference::parseRepository(target);
        if (!repository)
            return usageError(repository.error().message());
        options.reference = std::move(repository).value();
    } else if (command == u"manifest" || command == u"inspect") {
        options.command =
            command == u"manifest" ? Options::Command::Manifest : Options::Command::Inspect;
        auto reference = oci::Reference::parse(target);
        if (!reference)
            return usageError(reference.error().message());
        options.reference = std::move(reference).value();
    } else if (command == u"layers" || command == u"files" || command == u"cat"
               || command == u"waste") {
        options.command = command == u"layers" ? Options::Command::Layers
                          : command == u"files" ? Options::Command::Files
                          : command == u"cat"   ? Options::Command::Cat
                                                : Options::Command::Waste;
        options.local = image::parseLocalReference(target);
        if (!options.local) {
            auto reference = oci::Reference::parse(target);
            if (!reference)
                return usageError(reference.error().message() +
                                  u" (nor is it a file or folder here)");
            options.reference = std::move(reference).value();
        }
        if (options.command == Options::Command::Cat) {
            options.path = positional.at(2);
            if (options.path.isEmpty())
                return usageError(QStringLiteral("cat needs a non-empty PATH"));
        }
    } else if (command == u"diff") {
        if (const QString error = readDiffArguments(target, positional.at(2), options);
            !error.isEmpty())
            return usageError(error);
    } else if (command == u"push") {
        options.command = Options::Command::Push;
        options.pushSource = target;
        // Without a tag the archive's name for the image decides, so none is defaulted here.
        auto repository = oci::Reference::parseRepository(positional.at(2));
        if (repository) {
            options.reference = std::move(repository).value();
        } else {
            auto reference = oci::Reference::parse(positional.at(2));
            if (!reference)
                return usageError(reference.error().message());
            if (reference->hasDigest())
                return usageError(QStringLiteral("push REFERENCE takes a tag, not a digest"));
            options.reference = std::move(reference).value();
        }
    } else {
        return usageError(u"unknown command \"" + command +
                          u"\" (catalog, tags, manifest, inspect, layers, files, cat, waste, "
                          u"diff, push, tag, copy, rm, cleanup or undo)");
    }
    if (const QString error = ops.refuseElsewhere(parser, options); !error.isEmpty())
        return usageError(error);
    if (options.command != Options::Command::Catalog && options.command != Options::Command::Diff
        && !options.local)
        options.registry = options.reference.registry();

    options.username = parser.value(username);
    options.passwordFromStdin = parser.isSet(passwordStdin);
    if (parser.isSet(username) && options.username.isEmpty())
        return usageError(QStringLiteral("--username needs a non-empty name"));
    if (!options.username.isEmpty() && !options.passwordFromStdin)
        return usageError(QStringLiteral("--username needs --password-stdin"));
    if (options.passwordFromStdin && options.username.isEmpty())
        return usageError(QStringLiteral("--password-stdin needs --username"));
    options.caFile = parser.value(caFile);
    if (parser.isSet(caFile) && options.caFile.isEmpty())
        return usageError(QStringLiteral("--ca-file needs a file name"));
    options.insecure = parser.isSet(insecure);
    options.plainHttp = parser.isSet(plainHttp);

    const bool tags = options.command == Options::Command::Tags;
    options.details = parser.isSet(details);
    options.json = parser.isSet(json);
    options.noCache = parser.isSet(noCache);
    if (options.details && !tags)
        return usageError(QStringLiteral("--details is for the tags command"));
    const bool imageCommand = options.command == Options::Command::Layers
                              || options.command == Options::Command::Files
                              || options.command == Options::Command::Cat
                              || options.command == Options::Command::Waste;
    const bool diff = options.command == Options::Command::Diff;
    options.filesOnly = parser.isSet(filesOnly);
    if (options.filesOnly && !diff)
        return usageError(QStringLiteral("--files-only is for the diff command"));
    if (options.json && !options.details && !diff
        && !(imageCommand && options.command != Options::Command::Cat))
        return usageError(options.command == Options::Command::Tags
                              ? QStringLiteral("--json needs tags --details")
                              : QStringLiteral("--json is for tags --details, layers, files and "
                                               "waste (inspect always prints JSON)"));
    if (parser.isSet(platform)) {
        if (!imageCommand && !diff)
            return usageError(QStringLiteral("--platform is for layers, files, cat, waste and diff"));
        options.platform = parser.value(platform);
        static const QRegularExpression platformPattern(QRegularExpression::anchoredPattern(
            QStringLiteral("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)?")));
        if (!platformPattern.match(options.platform).hasMatch())
            return usageError(u"--platform needs OS/ARCH[/VARIANT], not \"" + options.platform
                              + u'"');
    }
    const bool files = options.command == Options::Command::Files;
    options.merged = parser.isSet(merged);
    options.changed = parser.isSet(changed);
    if ((options.merged || options.changed || parser.isSet(layer)) && !files)
        return usageError(QStringLiteral("--layer, --merged and --changed are for the files "
                                         "command"));
    if (parser.isSet(layer)) {
        bool number = false;
        options.layer = parser.value(layer).toInt(&number);
        if (!number || options.layer < 0)
            return usageError(QStringLiteral("--layer needs a layer number (0 = the base layer)"));
    }
    if (files && !parser.isSet(layer))
        options.merged = true;
    if (parser.isSet(sort)) {
        const QString key = parser.value(sort);
        if (!tags)
            return usageError(QStringLiteral("--sort is for the tags command"));
        if (key == u"name")
            options.sort = oci::TagSortKey::Name;
        else if (key == u"created")
            options.sort = oci::TagSortKey::Created;
        else if (key == u"size")
            options.sort = oci::TagSortKey::Size;
        else
            return usageError(u"unknown sort key \"" + key + u"\" (name, created or size)");
        options.sorted = true;
        if (options.sort != oci::TagSortKey::Name && !options.details)
            return usageError(u"--sort " + key + u" needs --details");
    }
    if (parser.isSet(concurrency)) {
        bool number = false;
        options.concurrency = parser.value(concurrency).toInt(&number);
        if (!number || options.concurrency < 1 || options.concurrency > 64)
            return usageError(QStringLiteral("--concurrency needs a number from 1 to 64"));
    }

    const bool push = options.command == Options::Command::Push;
    options.dryRun = parser.isSet(dryRun);
    options.pushImage = parser.value(image);
    options.pushAll = parser.isSet(all);
    if (options.dryRun && !push && options.command != Options::Command::Tag)
        return usageError(QStringLiteral("--dry-run is for the push and tag commands"));
    if ((parser.isSet(image) || options.pushAll) && !push)
        return usageError(QStringLiteral("--image NAME and --all are for the push command"));
    if (parser.isSet(image) && options.pushImage.isEmpty())
        return usageError(QStringLiteral("--image needs a name"));
    if (parser.isSet(image) && options.pushAll)
        return usageError(QStringLiteral("--image and --all do not go together"));

    parsed.outcome = ParsedCommandLine::Outcome::Run;
    return parsed;
}

} // namespace cli
