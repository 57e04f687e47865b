#include "opsarguments.h"

#include "commandline.h"

#include "ops/plan/retentionrules.h"

#include <QCommandLineParser>
#include <QSet>
#include <QTimeZone>

namespace cli {

namespace {

// How the parser may be given the options that take a value: -u, --u, -username and
// --username alike (ladingctl reads a single-dash word as a long option).
QSet<QString> valueSpellings(const QList<QCommandLineOption> &options)
{
    QSet<QString> spellings;
    for (const QCommandLineOption &option : options) {
        if (option.valueName().isEmpty())
            continue;
        for (const QString &name : option.names()) {
            spellings.insert(u'-' + name);
            spellings.insert(u"--" + name);
        }
    }
    return spellings;
}

QString checkRepositoryTag(const QString &tag)
{
    return oci::Reference::isValidTag(tag) ? QString() : u"\"" + tag + u"\" is not a valid tag";
}

std::optional<QDateTime> parseDate(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        when = QDateTime(day, QTime(0, 0), QTimeZone::utc());
    }
    if (when.timeSpec() == Qt::LocalTime && !text.contains(u'+') && !text.endsWith(u'Z'))
        when.setTimeZone(QTimeZone::utc()); // a date without an offset is UTC, as in the rules
    return when.toUTC();
}

} // namespace

OpsArguments::OpsArguments()
    : m_referrers(QStringLiteral("referrers"),
                  QStringLiteral("copy: also copy the image's referrers (signatures, SBOMs)."))
    , m_deleteImage(QStringLiteral("delete-image"),
                    QStringLiteral("rm --image: delete the images (every tag on their digests), "
                                   "not only the tags named."))
    , m_yes(QStringLiteral("yes"),
            QStringLiteral("rm, cleanup: delete (without it the plan is only printed)."))
    , m_keepNewest(QStringLiteral("keep-newest"),
                   QStringLiteral("cleanup: keep the N newest images (by created date)."),
                   QStringLiteral("N"))
    , m_keep(QStringLiteral("keep"),
             QStringLiteral("cleanup: keep tags matching REGEX (the whole tag; repeatable)."),
             QStringLiteral("REGEX"))
    , m_delete(QStringLiteral("delete"),
               QStringLiteral("cleanup: delete tags matching REGEX (repeatable)."),
               QStringLiteral("REGEX"))
    , m_olderThan(QStringLiteral("older-than"),
                  QStringLiteral("cleanup: delete tags created before DATE (ISO 8601, UTC "
                                 "unless it says otherwise)."),
                  QStringLiteral("DATE"))
    , m_journal(QStringLiteral("journal"),
                QStringLiteral("rm, cleanup, undo: the journal folder (default: the one Lading "
                               "shares with ladingctl)."),
                QStringLiteral("DIR"))
{
}

ops::RetentionRules retentionRules(const Options &options)
{
    ops::RetentionRules rules;
    rules.keepNewest = options.keepNewest;
    rules.keep = options.keepPatterns;
    rules.deleteMatching = options.deletePatterns;
    rules.deleteOlderThan = options.olderThan;
    return rules;
}

QList<QCommandLineOption> OpsArguments::options() const
{
    return {m_referrers, m_deleteImage, m_yes, m_keepNewest, m_keep, m_delete, m_olderThan, m_journal};
}

QString OpsArguments::help()
{
    return QStringLiteral(
        "\n"
        "  tag REFERENCE NEWTAG...  add tags to the image REFERENCE names, in its repository:\n"
        "                       the exact manifest bytes go under each tag (the digest stays);\n"
        "                       says for each tag whether it is new or moves, and from where\n"
        "  copy SOURCE TARGET   copy an image (an index with all its platforms) to TARGET\n"
        "                       ([registry/]name[:tag]; the tag defaults to SOURCE's): blobs\n"
        "                       mounted within a registry, else streamed registry to registry;\n"
        "                       the tag last. --referrers copies signatures and SBOMs too\n"
        "  rm REFERENCE...      delete tags of one repository. Prints the plan first, made from\n"
        "                       every tag of the repository: what goes, what stays and why.\n"
        "                       A tag whose digest other tags share is removed alone (the\n"
        "                       registry's tag API, else untagged through a throwaway\n"
        "                       manifest); --image deletes the images, every tag on them.\n"
        "                       Without --yes nothing is deleted\n"
        "  cleanup REPOSITORY   retention rules: --keep-newest N, --keep REGEX, --older-than\n"
        "                       DATE, --delete REGEX; tags sharing a digest with a kept tag and\n"
        "                       subjects of kept referrers are protected. Prints each tag's fate\n"
        "                       and the rule that decided; deletes only with --yes\n"
        "  undo [ENTRY]         without ENTRY: the journal of deletions, newest first; with\n"
        "                       it: put that deletion back (manifest bytes, then tags) while\n"
        "                       the registry still has the blobs\n"
        "Deleting frees space only once the registry runs its garbage collection.\n");
}

bool OpsArguments::isOpsCommand(const QString &command)
{
    return command == u"tag" || command == u"copy" || command == u"rm" || command == u"cleanup"
           || command == u"undo";
}

QStringList OpsArguments::normalized(const QStringList &arguments,
                                     const QList<QCommandLineOption> &parserOptions)
{
    const QSet<QString> takesValue = valueSpellings(parserOptions);
    // The arguments as the parser reads them: options anywhere until "--", each value right
    // after its option, the first other argument the command.
    QString command;
    QList<qsizetype> imageFlags;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--")
            break;
        if (argument.size() < 2 || !argument.startsWith(u'-')) {
            if (command.isEmpty())
                command = argument;
            continue;
        }
        // Once the command is rm, its --image is the flag; before, it is push's and takes a NAME.
        if (command == u"rm" && (argument == u"--image" || argument == u"-image"))
            imageFlags << i;
        else if (takesValue.contains(argument))
            ++i; // its value
    }
    if (command != u"rm")
        return arguments;
    QStringList result = arguments;
    for (const qsizetype i : std::as_const(imageFlags))
        result[i] = QStringLiteral("--delete-image");
    return result;
}

QString OpsArguments::read(const QCommandLineParser &parser, const QStringList &positional,
                           Options &options) const
{
    const QString &command = positional.first();
    const QStringList arguments = positional.mid(1);
    const auto parseTagReference = [&options](const QString &text) -> QString {
        auto reference = oci::Reference::parse(text);
        if (!reference)
            return reference.error().message();
        options.reference = std::move(reference).value();
        return {};
    };
    if (command == u"tag") {
        options.command = Options::Command::Tag;
        if (arguments.size() < 2)
            return QStringLiteral("tag needs REFERENCE and at least one NEWTAG; see --help");
        if (QString error = parseTagReference(arguments.first()); !error.isEmpty())
            return error;
        for (const QString &tag : arguments.mid(1)) {
            if (QString error = checkRepositoryTag(tag); !error.isEmpty())
                return error;
            if (!options.newTags.contains(tag))
                options.newTags << tag;
        }
    } else if (command == u"copy") {
        options.command = Options::Command::Copy;
        if (arguments.size() != 2)
            return QStringLiteral("copy needs SOURCE and TARGET; see --help");
        if (QString error = parseTagReference(arguments.at(0)); !error.isEmpty())
            return error;
        // Without a tag of its own the target takes the source's (parse() would say latest).
        auto target = oci::Reference::parseRepository(arguments.at(1));
        if (!target)
            target = oci::Reference::parse(arguments.at(1));
        if (!target)
            return target.error().message();
        if (target->hasDigest())
            return QStringLiteral("copy TARGET takes a tag, not a digest (the copy keeps the digest)");
        options.target = std::move(target).value();
        options.withReferrers = parser.isSet(m_referrers);
    } else if (command == u"rm") {
        options.command = Options::Command::Remove;
        if (arguments.isEmpty())
            return QStringLiteral("rm needs at least one REFERENCE; see --help");
        for (const QString &text : arguments) {
            // A tag must be named: parse() would default a bare repository to latest.
            if (oci::Reference::parseRepository(text))
                return u"rm takes tags (" + text + u" names none): the plan is made per tag";
            auto reference = oci::Reference::parse(text);
            if (!reference)
                return reference.error().message();
            if (reference->hasDigest())
                return u"rm takes tags, not digests (" + text + u"): the plan is made per tag";
            if (options.removeTags.isEmpty())
                options.reference = *reference;
            else if (reference->registry() != options.reference.registry()
                     || reference->repository() != options.reference.repository())
                return QStringLiteral("rm deletes in one repository at a time");
            if (!options.removeTags.contains(reference->tag()))
                options.removeTags << reference->tag();
        }
        options.deleteImage = parser.isSet(m_deleteImage);
    } else if (command == u"cleanup") {
        options.command = Options::Command::Cleanup;
        if (arguments.size() != 1)
            return QStringLiteral("cleanup needs one REPOSITORY; see --help");
        auto repository = oci::Reference::parseRepository(arguments.first());
        if (!repository)
            return repository.error().message();
        options.reference = std::move(repository).value();
        if (parser.isSet(m_keepNewest)) {
            bool number = false;
            options.keepNewest = parser.value(m_keepNewest).toInt(&number);
            if (!number || options.keepNewest < 1)
                return QStringLiteral("--keep-newest needs a number of images (1 or more)");
        }
        options.keepPatterns = parser.values(m_keep);
        options.deletePatterns = parser.values(m_delete);
        if (parser.isSet(m_olderThan)) {
            const std::optional<QDateTime> when = parseDate(parser.value(m_olderThan));
            if (!when)
                return u"--older-than needs an ISO 8601 date (2024-01-31 or "
                       u"2024-01-31T12:00:00Z), not \"" + parser.value(m_olderThan) + u'"';
            options.olderThan = *when;
        }
        // The library's own check (a rule given, every pattern compiles): a usage error.
        if (const oci::Result<void> valid = retentionRules(options).validate(); !valid)
            return valid.error().message() + QStringLiteral(" (--keep-newest, --keep, "
                                                            "--older-than, --delete)");
    } else if (command == u"undo") {
        options.command = Options::Command::Undo;
        if (arguments.size() > 1)
            return u"unexpected argument \"" + arguments.at(1) + u'"';
        options.journalEntry = arguments.value(0);
    }
    options.yes = parser.isSet(m_yes);
    options.journalFolder = parser.value(m_journal);
    if (parser.isSet(m_journal) && options.journalFolder.isEmpty())
        return QStringLiteral("--journal needs a folder");
    return {};
}

QString OpsArguments::refuseElsewhere(const QCommandLineParser &parser, const Options &options) const
{
    using C = Options::Command;
    const C c = options.command;
    if (parser.isSet(m_referrers) && c != C::Copy)
        return QStringLiteral("--referrers is for the copy command");
    if (parser.isSet(m_deleteImage) && c != C::Remove)
        return QStringLiteral("--delete-image is rm --image");
    if (parser.isSet(m_yes) && c != C::Remove && c != C::Cleanup)
        return QStringLiteral("--yes is for rm and cleanup");
    if ((parser.isSet(m_keepNewest) || parser.isSet(m_keep) || parser.isSet(m_delete)
         || parser.isSet(m_olderThan))
        && c != C::Cleanup)
        return QStringLiteral("--keep-newest, --keep, --delete and --older-than are for cleanup");
    if (parser.isSet(m_journal) && c != C::Remove && c != C::Cleanup && c != C::Undo)
        return QStringLiteral("--journal is for rm, cleanup and undo");
    return {};
}

} // namespace cli
