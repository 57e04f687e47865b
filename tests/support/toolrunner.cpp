#include "support/toolrunner.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTimer>

#include <unistd.h>

namespace testsupport {

QString ToolResult::describe() const
{
    QString text = commandLine;
    if (crashedOrTimedOut)
        text += QStringLiteral(" crashed or timed out");
    else
        text += QStringLiteral(" exited ") + QString::number(exitCode);
    const QByteArray err = standardError.trimmed().right(4000);
    if (!err.isEmpty())
        text += QStringLiteral(": ") + QString::fromUtf8(err);
    return text;
}

ToolResult runTool(const QString &program, const QStringList &arguments, int timeoutMs,
                   const QProcessEnvironment &environment, const QByteArray &standardInput)
{
    ToolResult result;
    result.commandLine = program + u' ' + arguments.join(u' ');
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        result.crashedOrTimedOut = true;
        process.kill();
    });
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            result.crashedOrTimedOut = true;
            loop.quit();
        }
    });
    QElapsedTimer elapsed;
    elapsed.start();
    process.start(program, arguments);
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
    timer.start(timeoutMs);
    if (process.state() != QProcess::NotRunning || !result.crashedOrTimedOut)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.elapsedMs = elapsed.elapsed();
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    if (process.exitStatus() == QProcess::CrashExit)
        result.crashedOrTimedOut = true;
    if (!result.crashedOrTimedOut)
        result.exitCode = process.exitCode();
    return result;
}

QString scratchBase()
{
    const QString fromEnv = qEnvironmentVariable("LADING_TEST_TMPDIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // A registry with 3000 tags takes ~25 MiB of tmpfs pages (one per link file), and a
    // container's /dev/shm is often 64 MiB: use it only when it has room to spare.
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    constexpr qint64 kMinimumFree = qint64(1) << 30;
    if (shm.isDir() && shm.isWritable() && QStorageInfo(shm.absoluteFilePath()).bytesAvailable() >= kMinimumFree)
        return shm.absoluteFilePath();
    return QDir::tempPath();
}

std::unique_ptr<QTemporaryDir> makeScratchDir(const QString &prefix)
{
    const QString base = scratchBase();
    const QDateTime staleBefore = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600);
    const QFileInfoList leftovers = QDir(base).entryInfoList({prefix + QStringLiteral("-??????")},
                                                             QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &dir : leftovers) {
        if (dir.isDir() && !dir.isSymLink() && dir.ownerId() == ::geteuid() && dir.lastModified() < staleBefore)
            QDir(dir.absoluteFilePath()).removeRecursively();
    }
    return std::make_unique<QTemporaryDir>(base + u'/' + prefix + QStringLiteral("-XXXXXX"));
}

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    return path;
}

} // namespace testsupport
