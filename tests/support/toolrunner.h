#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace testsupport {

struct ToolResult
{
    int exitCode = -1;
    bool crashedOrTimedOut = false;
    QByteArray standardOutput;
    QByteArray standardError;
    qint64 elapsedMs = 0;

    bool ok() const { return !crashedOrTimedOut && exitCode == 0; }
    // "skopeo copy ... exited 1: <stderr>" for failure messages.
    QString describe() const;
    QString commandLine;
};

// Runs a command line tool to completion. It spins a local event loop instead of
// QProcess::waitForFinished because in-process servers (the token server) must keep
// answering the tool while it runs. Test support only.
ToolResult runTool(const QString &program, const QStringList &arguments, int timeoutMs = 120000,
                   const QProcessEnvironment &environment = QProcessEnvironment(),
                   const QByteArray &standardInput = QByteArray());

// Where test scratch folders go: $LADING_TEST_TMPDIR, else /dev/shm when writable with
// 1 GiB free (a registry's storage is tens of thousands of small files; on tmpfs creating
// and removing them takes milliseconds instead of seconds), else QDir::tempPath().
QString scratchBase();

// A new scratch folder "<scratchBase>/<prefix>-XXXXXX" (removed with the object). First
// removes folders of that prefix that a killed test run left behind (older than two
// hours: far past any test's timeout), so /dev/shm does not fill up over time.
std::unique_ptr<QTemporaryDir> makeScratchDir(const QString &prefix);

// The absolute path of a tool on PATH (or in /usr/sbin, /usr/bin), empty when absent.
QString findTool(const QString &name);

} // namespace testsupport
