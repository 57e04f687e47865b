// cli::OpsArguments::normalized: which `--image` is rm's flag (spelled --delete-image for the
// parser) and which is a value or push's option, decided from the parser's own options.

#include "opsarguments.h"

#include <QCommandLineParser>
#include <QTest>

using cli::OpsArguments;
using namespace Qt::StringLiterals;

namespace {

// A stand-in for ladingctl's reading options: push's --image NAME and -u/--username NAME.
QList<QCommandLineOption> parserOptions()
{
    QList<QCommandLineOption> options = OpsArguments().options();
    options << QCommandLineOption({u"u"_s, u"username"_s}, u"user"_s, u"NAME"_s)
            << QCommandLineOption(u"image"_s, u"push: the image"_s, u"NAME"_s)
            << QCommandLineOption(u"plain-http"_s, u"http"_s);
    return options;
}

QStringList args(const QStringList &arguments)
{
    return QStringList{u"ladingctl"_s} + arguments;
}

} // namespace

class TestOpsArguments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalized_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");
        const QString ref = u"reg:5000/team/app:1"_s;
        QTest::newRow("rm --image last")
            << args({u"rm"_s, ref, u"--image"_s}) << args({u"rm"_s, ref, u"--delete-image"_s});
        QTest::newRow("rm --image first") << args({u"rm"_s, u"--image"_s, ref, u"--yes"_s})
                                          << args({u"rm"_s, u"--delete-image"_s, ref, u"--yes"_s});
        QTest::newRow("single-dash word")
            << args({u"rm"_s, ref, u"-image"_s}) << args({u"rm"_s, ref, u"--delete-image"_s});
        QTest::newRow("a journal folder named --image")
            << args({u"rm"_s, ref, u"--journal"_s, u"--image"_s})
            << args({u"rm"_s, ref, u"--journal"_s, u"--image"_s});
        QTest::newRow("... and the flag too")
            << args({u"rm"_s, ref, u"-journal"_s, u"--image"_s, u"--image"_s})
            << args({u"rm"_s, ref, u"-journal"_s, u"--image"_s, u"--delete-image"_s});
        QTest::newRow("a user named rm, then push")
            << args({u"-u"_s, u"rm"_s, u"push"_s, u"f.tar"_s, ref, u"--image"_s, u"x"_s})
            << args({u"-u"_s, u"rm"_s, u"push"_s, u"f.tar"_s, ref, u"--image"_s, u"x"_s});
        QTest::newRow("a user named --image")
            << args({u"--username"_s, u"--image"_s, u"rm"_s, ref})
            << args({u"--username"_s, u"--image"_s, u"rm"_s, ref});
        QTest::newRow("push's --image before the command")
            << args({u"--image"_s, u"rm"_s, u"push"_s, u"f.tar"_s, ref})
            << args({u"--image"_s, u"rm"_s, u"push"_s, u"f.tar"_s, ref});
        QTest::newRow("an inline value")
            << args({u"--username=x"_s, u"rm"_s, ref, u"--image"_s})
            << args({u"--username=x"_s, u"rm"_s, ref, u"--delete-image"_s});
        QTest::newRow("after --") << args({u"rm"_s, ref, u"--"_s, u"--image"_s})
                                  << args({u"rm"_s, ref, u"--"_s, u"--image"_s});
        QTest::newRow("another command")
            << args({u"tags"_s, u"reg/team/app"_s, u"--image"_s, u"x"_s})
            << args({u"tags"_s, u"reg/team/app"_s, u"--image"_s, u"x"_s});
    }

    void normalized()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        QCOMPARE(OpsArguments::normalized(arguments, parserOptions()), expected);
    }

    // Only the options given decide: an option the parser knows as taking a value keeps
    // "--image" as that value; the same name as a flag leaves it rm's.
    void valueOptionsComeFromTheParserOptions()
    {
        const QStringList given = args({u"rm"_s, u"reg/team/app:1"_s, u"--label"_s, u"--image"_s});
        QList<QCommandLineOption> withValue = parserOptions();
        withValue << QCommandLineOption(u"label"_s, u"a label"_s, u"TEXT"_s);
        QCOMPARE(OpsArguments::normalized(given, withValue), given);
        QList<QCommandLineOption> asFlag = parserOptions();
        asFlag << QCommandLineOption(u"label"_s, u"a flag"_s);
        QCOMPARE(OpsArguments::normalized(given, asFlag).at(4), u"--delete-image"_s);
    }

    // The parser then reads what the person meant.
    void theParserReadsTheNormalizedArguments()
    {
        const QList<QCommandLineOption> options = parserOptions();
        QCommandLineParser parser;
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.addOptions(options);
        QVERIFY2(
            parser.parse(OpsArguments::normalized(
                args({u"rm"_s, u"reg/a:1"_s, u"--journal"_s, u"--image"_s, u"-image"_s}), options)),
            qPrintable(parser.errorText()));
        QCOMPARE(parser.value(u"journal"_s), u"--image"_s);
        QVERIFY(parser.isSet(u"delete-image"_s));
        QVERIFY(!parser.isSet(u"image"_s));
        QCOMPARE(parser.positionalArguments(), QStringList({u"rm"_s, u"reg/a:1"_s}));
    }
};

QTEST_GUILESS_MAIN(TestOpsArguments)
#include "tst_opsarguments.moc"
