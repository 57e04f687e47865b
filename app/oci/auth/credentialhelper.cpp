#include "oci/auth/credentialhelper.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

namespace oci {

namespace {

// docker-credential-helpers' ErrCredentialsNotFound text; the docker CLI compares the
// trimmed output with it exactly.
constexpr QByteArrayView NotFoundMessage = "credentials not found in native keychain";
constexpr QStringView TokenUsername = u"<token>";
constexpr qint64 MaxStderrBytes = 4 * 1024;

Error helperError(const QString &program, const QString &what)
{
    return Error(Error::Code::CredentialsUnavailable, program + u' ' + what);
}

// A helper's error message, printed on stdout by protocol, made safe to show: the first
// line, printable characters only, short. Never JSON (that could carry a secret).
QString shortMessage(QByteArrayView output)
{
    const QByteArrayView trimmed = output.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return {};
    const qsizetype newline = trimmed.indexOf('\n');
    QString line = QString::fromUtf8(newline >= 0 ? trimmed.first(newline) : trimmed).trimmed();
    line.removeIf([](QChar c) { return !c.isPrint(); });
    if (line.size() > 200)
        line = line.first(200) + u'…';
    return line;
}

} // namespace

struct CredentialHelper::Private
{
    struct Run
    {
        QString program;
        QByteArray stdoutBytes;
        QByteArray stderrBytes;
        bool reported = false;
    };
    struct Cached
    {
        Credentials credentials;
        QDeadlineTimer expiry;
    };

    CredentialHelperOptions options;
    // Parent of the running helper processes; its lifetime is this object's.
    QObject owner;
    QHash<QString, QList<CredentialsCallback>> waiting; // key -> callbacks of one run
    QHash<QString, Cached> cache;

    void finish(const QString &key, const Result<Credentials> &result)
    {
        if (result.ok() && options.cacheSeconds > 0)
            cache.insert(key, {result.value(), QDeadlineTimer(options.cacheSeconds * 1000LL)});
        // Taken out first: a callback may start another lookup.
        const QList<CredentialsCallback> callbacks = waiting.take(key);
        for (const CredentialsCallback &callback : callbacks)
            callback(result);
    }

    void start(const QString &key, const QString &helper, const QString &serverUrl);
    Result<Credentials> interpret(const Run &run, int exitCode, QProcess::ExitStatus status) const;
};

CredentialHelper::CredentialHelper(CredentialHelperOptions options)
    : d(std::make_unique<Private>())
{
    d->options = options;
}

CredentialHelper::~CredentialHelper()
{
    // Running helpers are killed, not waited for: their processes delete themselves once
    // they have exited (QProcess's destructor would block until then).
    const QList<QProcess *> processes = d->owner.findChildren<QProcess *>();
    for (QProcess *process : processes) {
        QObject::disconnect(process, nullptr, nullptr, nullptr);
        process->setParent(nullptr);
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
            continue;
        }
        QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
        process->kill();
    }
}

const CredentialHelperOptions &CredentialHelper::options() const
{
    return d->options;
}

QString CredentialHelper::programName(QStringView helper)
{
    return u"docker-credential-" + helper.toString();
}

bool CredentialHelper::isValidHelperName(QStringView helper)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9][A-Za-z0-9._-]*")));
    return helper.size() <= 100 && pattern.match(helper).hasMatch();
}

QString CredentialHelper::serverUrlFor(const QString &host)
{
    const QString normalised = normalizeRegistryHost(host);
    if (normalised == u"docker.io")
        return QStringLiteral("https://index.docker.io/v1/");
    return normalised;
}

Result<Credentials> CredentialHelper::parseGetOutput(QByteArrayView output)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error(Error::Code::CredentialsUnavailable,
                     QStringLiteral("answered with something that is not the expected JSON "
                                    "object {\"ServerURL\", \"Username\", \"Secret\"}"));
    }
    const QJsonObject object = document.object();
    const QJsonValue username = object.value(u"Username");
    const QJsonValue secret = object.value(u"Secret");
    if ((!username.isUndefined() && !username.isString())
        || (!secret.isUndefined() && !secret.isString())) {
        return Error(Error::Code::CredentialsUnavailable,
                     QStringLiteral("answered with a \"Username\" or \"Secret\" that is not a string"));
    }
    Credentials credentials;
    if (username.toString() == TokenUsername) {
        credentials.identityToken = secret.toString();
    } else {
        credentials.username = username.toString();
        credentials.password = secret.toString();
    }
    return credentials;
}

void CredentialHelper::get(const QString &helper, const QString &host, CredentialsCallback done)
{
    if (!isValidHelperName(helper)) {
        done(Error(Error::Code::CredentialsUnavailable,
                   u"\"" + helper
                       + u"\" is not a credential helper name (expected a suffix such as "
                         u"\"desktop\" or \"ecr-login\" of a docker-credential-* program)"));
        return;
    }
    const QString serverUrl = serverUrlFor(host);
    const QString key = helper + u'\n' + serverUrl;

    const auto cached = d->cache.constFind(key);
    if (cached != d->cache.constEnd()) {
        if (!cached->expiry.hasExpired()) {
            done(cached->credentials);
            return;
        }
        d->cache.erase(cached);
    }
    auto waiting = d->waiting.find(key);
    if (waiting != d->waiting.end()) {
        waiting->append(std::move(done));
        return;
    }
    d->waiting.insert(key, {std::move(done)});
    d->start(key, helper, serverUrl);
}

void CredentialHelper::clearCache()
{
    d->cache.clear();
}

void CredentialHelper::Private::start(const QString &key, const QString &helper,
                                      const QString &serverUrl)
{
    const QString program = programName(helper);
    // Searched on PATH at each run, so a helper installed meanwhile is found.
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        finish(key, helperError(program, QStringLiteral("is not installed (not found on PATH): "
                                                        "install it, or stop naming it in the "
                                                        "credentials configuration")));
        return;
    }

    auto run = std::make_shared<Run>();
    run->program = program;
    auto *process = new QProcess(&owner);
    process->setProgram(path); // an absolute path and an argument list: no shell involved
    process->setArguments({QStringLiteral("get")});
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);

    const auto report = [this, key, run](const Result<Credentials> &result) {
        if (run->reported)
            return;
        run->reported = true;
        finish(key, result);
    };
    const qint64 maxOutput = options.maxOutputBytes;
    QObject::connect(process, &QProcess::started, process, [process, serverUrl, timer, this] {
        // Raw text, no newline: what the docker CLI sends.
        process->write(serverUrl.toUtf8());
        process->closeWriteChannel();
        timer->start(options.timeoutMs);
    });
    QObject::connect(process, &QProcess::readyReadStandardOutput, process, [process, run, maxOutput, report] {
        const QByteArray bytes = process->readAllStandardOutput();
        if (run->reported)
            return; // stopped already; what comes now is dropped
        run->stdoutBytes += bytes;
        if (run->stdoutBytes.size() > maxOutput) {
            report(helperError(run->program,
                               QStringLiteral("answered with more than %1 KiB; it was stopped")
                                   .arg(maxOutput / 1024)));
            run->stdoutBytes.clear();
            process->kill();
        }
    });
    QObject::connect(process, &QProcess::readyReadStandardError, process, [process, run] {
        const QByteArray bytes = process->readAllStandardError();
        if (run->stderrBytes.size() < MaxStderrBytes)
            run->stderrBytes += bytes.first(std::min<qsizetype>(bytes.size(), MaxStderrBytes));
    });
    QObject::connect(timer, &QTimer::timeout, process, [process, run, report, this] {
        report(helperError(run->program,
                           QStringLiteral("did not answer within %1 s and was stopped: it may be "
                                          "waiting for a prompt or the network; check that it "
                                          "works on the command line (%2 get)")
                               .arg(options.timeoutMs / 1000.0)
                               .arg(run->program)));
        process->kill();
    });
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [process, run, report](QProcess::ProcessError error) {
                         if (error != QProcess::FailedToStart)
                             return; // finished() follows
                         report(helperError(run->program, u"could not be started: "
                                                              + process->errorString()));
                         process->deleteLater();
                     });
    QObject::connect(process, &QProcess::finished, process,
                     [process, run, report, this](int exitCode, QProcess::ExitStatus status) {
                         if (!run->reported) {
                             run->stdoutBytes += process->readAllStandardOutput();
                             report(interpret(*run, exitCode, status));
                         }
                         process->deleteLater();
                     });
    process->start(QIODevice::ReadWrite);
}

Result<Credentials> CredentialHelper::Private::interpret(const Run &run, int exitCode,
                                                         QProcess::ExitStatus status) const
{
    if (run.stdoutBytes.size() > options.maxOutputBytes) {
        return helperError(run.program, QStringLiteral("answered with more than %1 KiB")
                                            .arg(options.maxOutputBytes / 1024));
    }
    if (status != QProcess::NormalExit)
        return helperError(run.program, QStringLiteral("crashed"));
    if (exitCode != 0) {
        if (run.stdoutBytes.trimmed() == NotFoundMessage)
            return Credentials(); // nothing stored for this registry
        QString message = shortMessage(run.stdoutBytes);
        if (message.isEmpty())
            message = shortMessage(run.stderrBytes);
        return helperError(run.program,
                           QStringLiteral("failed (exit code %1)").arg(exitCode)
                               + (message.isEmpty() ? QString() : QString(u": " + message)));
    }
    auto parsed = CredentialHelper::parseGetOutput(run.stdoutBytes);
    if (!parsed)
        return helperError(run.program, parsed.error().message());
    return parsed;
}

} // namespace oci
