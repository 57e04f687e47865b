#pragma once

// Runs the built ladingctl (LADINGCTL_PATH) for the CLI tests: a private DOCKER_CONFIG and
// HOME so the person's ~/.docker is never read, and an event loop spinning meanwhile so
// in-process servers (the token server) keep answering. Header-only: test support.

#include "support/fixtures.h"
#include "support/toolrunner.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace clitest {

struct Run
{
    int exitCode = -1;
    bool crashedOrTimedOut = false;
    QByteArray out;
    QByteArray err;
    QString commandLine;

    // The stderr lines (without the final line break).
    QList<QByteArray> errLines() const
    {
        QByteArray text = err;
        if (text.endsWith('\n'))
            text.chop(1);
        return text.isEmpty() ? QList<QByteArray>() : text.split('\n');
    }
    QByteArray describe() const
    {
        return commandLine.toUtf8() + " -> exit " + QByteArray::number(exitCode)
               + (crashedOrTimedOut ? " (crashed or timed out)" : "") + "\nstderr: " + err;
    }
};

inline QProcessEnvironment environment(const QString &dockerConfigDir)
{
    QProcessEnvironment env = Fixtures::toolEnvironment();
    env.insert(QStringLiteral("DOCKER_CONFIG"), dockerConfigDir);
    return env;
}

// `extraEnvironment` is added to (and wins over) the private environment.
inline Run ladingctl(const QStringList &arguments, const QString &dockerConfigDir,
                     const QByteArray &standardInput = QByteArray(), int timeoutMs = 60000,
                     const QProcessEnvironment &extraEnvironment = {})
{
    QProcessEnvironment env = environment(dockerConfigDir);
    for (const QString &key : extraEnvironment.keys())
        env.insert(key, extraEnvironment.value(key));
    const testsupport::ToolResult result = testsupport::runTool(
        QStringLiteral(LADINGCTL_PATH), arguments, timeoutMs, env, standardInput);
    Run run;
    run.exitCode = result.exitCode;
    run.crashedOrTimedOut = result.crashedOrTimedOut;
    run.out = result.standardOutput;
    run.err = result.standardError;
    run.commandLine = QStringLiteral("ladingctl ") + arguments.join(u' ');
    return run;
}

} // namespace clitest

// Exactly one "ladingctl: ..." line on stderr; the line goes to the test log, so the log
// shows what a person would read.
#define VERIFY_ONE_ERROR_LINE(run)                                                       \
    do {                                                                                 \
        QVERIFY2((run).errLines().size() == 1 && (run).err.startsWith("ladingctl: ")     \
                     && (run).err.endsWith('\n'),                                        \
                 (run).describe().constData());                                          \
        qInfo("%s", (run).errLines().constFirst().constData());                          \
    } while (false)
