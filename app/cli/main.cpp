#include "commandline.h"
#include "output.h"
#include "runner.h"

#include <QCoreApplication>
#include <QTimer>

// ladingctl: arguments in, text out; every registry operation is the library's.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ladingctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LADING_VERSION));

    const cli::ParsedCommandLine parsed = cli::parseCommandLine(QCoreApplication::arguments());
    switch (parsed.outcome) {
    case cli::ParsedCommandLine::Outcome::Help:
    case cli::ParsedCommandLine::Outcome::Version:
        cli::printText(parsed.text);
        return 0;
    case cli::ParsedCommandLine::Outcome::UsageError:
        cli::printError(parsed.text);
        return 2;
    case cli::ParsedCommandLine::Outcome::Run:
        break;
    }

    QString password;
    if (parsed.options.passwordFromStdin) {
        password = QString::fromUtf8(cli::readStdinSecret());
        if (password.isEmpty()) {
            cli::printError(QStringLiteral("--password-stdin: no password on standard input"));
            return 2;
        }
    }

    cli::Runner runner(parsed.options, std::move(password));
    QObject::connect(&runner, &cli::Runner::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &runner, &cli::Runner::start);
    return QCoreApplication::exec();
}
