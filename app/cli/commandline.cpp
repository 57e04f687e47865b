#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

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
        "\n"
        "Credentials come from --username/--password-stdin, else from the Docker\n"
        "config.json ($DOCKER_CONFIG or ~/.docker, with its credential helpers), else from\n"
        "Podman's auth.json ($REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers or\n"
        "~/.config/containers).\n"
        "Exit status: 0 success, 1 failure, 2 usage error.");
}

ParsedCommandLine usageError(const QString &message)
{
    ParsedCommandLine parsed;
    parsed.outcome = ParsedCommandLine::Outcome::UsageError;
    parsed.text = message;
    return parsed;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
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
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("tags --details: print JSON instead of a table."));
    const QCommandLineOption noCache(
        QStringLiteral("no-cache"),
        QStringLiteral("Do not use or fill the on-disk content cache."));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         QStringLiteral("Requests in flight for details (1-64, "
                                                        "default 8)."),
                                         QStringLiteral("N"));
    parser.addOptions({help, version, username, passwordStdin, caFile, insecure, plainHttp, details,
                       sort, json, noCache, concurrency});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("catalog, tags, manifest or inspect."));
    parser.addPositionalArgument(QStringLiteral("target"),
                                 QStringLiteral("REGISTRY, REPOSITORY or REFERENCE."));

    if (!parser.parse(arguments))
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
        return usageError(
            QStringLiteral("missing command (catalog, tags, manifest or inspect); see --help"));
    const QString &command = positional.first();
    if (positional.size() < 2)
        return usageError(u"missing argument for \"" + command + u"\"; see --help");
    if (positional.size() > 2)
        return usageError(u"unexpected argument \"" + positional.at(2) + u'"');

    Options &options = parsed.options;
    const QString &target = positional.at(1);
    if (command == u"catalog") {
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
    } else {
        return usageError(u"unknown command \"" + command +
                          u"\" (catalog, tags, manifest or inspect)");
    }
    if (options.command != Options::Command::Catalog)
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
    if (options.json && !options.details)
        return usageError(
            QStringLiteral("--json needs tags --details (inspect always prints JSON)"));
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

    parsed.outcome = ParsedCommandLine::Outcome::Run;
    return parsed;
}

} // namespace cli
