#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace ops {
struct RetentionRules;
}

namespace cli {

struct Options;

// cleanup's rules as the options give them.
ops::RetentionRules retentionRules(const Options &options);

// The arguments of the commands that change a registry — tag, copy, rm, cleanup, undo —
// kept apart from commandline.cpp's reading commands. Nothing here touches the network.
class OpsArguments final
{
public:
    OpsArguments();

    QList<QCommandLineOption> options() const;
    static QString help();
    static bool isOpsCommand(const QString &command);
    // `rm REFERENCE --image` names a flag, while push's --image takes a NAME: the arguments
    // with rm's spelled --delete-image, which is what options() knows. `parserOptions` are all
    // the options the parser knows: those with a valueName() take the argument after them,
    // which is then neither the command nor rm's flag (`rm --journal --image` keeps it).
    static QStringList normalized(const QStringList &arguments,
                                  const QList<QCommandLineOption> &parserOptions);

    // Fills `options` from the positional arguments (command first) and the options: an
    // empty string, else the usage error (one line).
    QString read(const QCommandLineParser &parser, const QStringList &positional,
                 Options &options) const;
    // These commands' options given to another command: the usage error, else empty.
    QString refuseElsewhere(const QCommandLineParser &parser, const Options &options) const;

private:
    QCommandLineOption m_referrers;
    QCommandLineOption m_deleteImage;
    QCommandLineOption m_yes;
    QCommandLineOption m_keepNewest;
    QCommandLineOption m_keep;
    QCommandLineOption m_delete;
    QCommandLineOption m_olderThan;
    QCommandLineOption m_journal;
};

} // namespace cli
