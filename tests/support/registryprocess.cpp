#include "support/registryprocess.h"

#include "support/testcerts.h"
#include "support/tokenserver.h"
#include "support/toolrunner.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <csignal>
#include <sys/prctl.h>

namespace {

constexpr int kStartTimeoutMs = 20000;

quint16 pickFreePort()
{
    // Bind port 0, read what we got, release it. The registry binds it a moment later;
    // start() retries with a new port if somebody else was faster.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString yamlQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("''"));
    return u'\'' + escaped + u'\'';
}

} // namespace

RegistryProcess::RegistryProcess(Auth auth, Tls tls)
    : m_auth(auth)
    , m_tls(tls)
{
}

RegistryProcess::~RegistryProcess()
{
    // A failing test gets the registry's side of the story.
    if (m_process && QTest::currentTestFailed())
        printLogTail();
    stop();
}

QString RegistryProcess::registryBinary()
{
    const QString fromEnv = qEnvironmentVariable("LADING_DOCKER_REGISTRY");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (QFile::exists(QStringLiteral("/usr/bin/docker-registry")))
        return QStringLiteral("/usr/bin/docker-registry");
    return testsupport::findTool(QStringLiteral("docker-registry"));
}

bool RegistryProcess::toolsAvailable(QString *missing)
{
    QStringList hints;
    if (registryBinary().isEmpty() || !QFile::exists(registryBinary()))
        hints << QStringLiteral("install docker-registry (apt-get install docker-registry)");
    if (testsupport::findTool(QStringLiteral("skopeo")).isEmpty())
        hints << QStringLiteral("install skopeo (apt-get install skopeo)");
    if (testsupport::findTool(QStringLiteral("umoci")).isEmpty())
        hints << QStringLiteral("install umoci (apt-get install umoci)");
    if (testsupport::findTool(QStringLiteral("htpasswd")).isEmpty())
        hints << QStringLiteral("install htpasswd (apt-get install apache2-utils)");
    if (missing)
        *missing = hints.join(QStringLiteral("; "));
    return hints.isEmpty();
}

bool testsupport::registryToolsMissing(QString *message)
{
    QString missing;
    if (RegistryProcess::toolsAvailable(&missing))
        return false;
    *message = QStringLiteral("Real-registry test needs tools that are missing: ") + missing;
    return true;
}

bool RegistryProcess::fail(const QString &message)
{
    m_error = message;
    const QByteArray tail = log().right(3000);
    if (!tail.isEmpty())
        m_error += QStringLiteral("\n--- docker-registry log ---\n") + QString::fromUtf8(tail);
    return false;
}

bool RegistryProcess::start()
{
    QString missing;
    if (!toolsAvailable(&missing))
        return fail(missing);
    m_dir = testsupport::makeScratchDir(QStringLiteral("lading-registry"));
    if (!m_dir->isValid() || !QDir(m_dir->path()).mkpath(QStringLiteral("storage"))
        || !QDir(m_dir->path()).mkpath(QStringLiteral("certs")))
        return fail(QStringLiteral("cannot create a temporary folder"));

    testsupport::CertificateAndKey server;
    if (m_tls == Tls::On) {
        const auto ca = testsupport::makeSelfSignedCertificate(QStringLiteral("Lading test CA"), true);
        server = testsupport::makeServerCertificate(ca, QStringLiteral("127.0.0.1"));
        if (ca.isNull() || server.isNull())
            return fail(QStringLiteral("cannot make the TLS certificates"));
        if (!testsupport::writeFile(caFile(), ca.certificatePem)
            || !testsupport::writeFile(certDir() + QStringLiteral("/ca.crt"), ca.certificatePem)
            || !testsupport::writeFile(m_dir->filePath(QStringLiteral("server.crt")), server.certificatePem)
            || !testsupport::writeFile(m_dir->filePath(QStringLiteral("server.key")), server.privateKeyPem))
            return fail(QStringLiteral("cannot write the TLS certificates"));
    }
    if (m_auth == Auth::Basic) {
        const auto result = testsupport::runTool(testsupport::findTool(QStringLiteral("htpasswd")),
                                                 {QStringLiteral("-Bbn"), username(), password()});
        if (!result.ok() || !result.standardOutput.startsWith(QByteArray(username().toUtf8() + ":$2")))
            return fail(QStringLiteral("htpasswd failed: ") + result.describe());
        if (!testsupport::writeFile(m_dir->filePath(QStringLiteral("htpasswd")), result.standardOutput))
            return fail(QStringLiteral("cannot write htpasswd"));
    }
    if (m_auth == Auth::Token) {
        m_tokenServer = std::make_unique<TokenServer>(username(), password());
        if (m_tls == Tls::On) // the realm of an https registry is https too
            m_tokenServer->setTlsIdentity(server.certificatePem, server.privateKeyPem);
        if (!m_tokenServer->start())
            return fail(QStringLiteral("the token server did not start"));
        if (!testsupport::writeFile(m_dir->filePath(QStringLiteral("token-signer.pem")),
                                    m_tokenServer->certificatePem()))
            return fail(QStringLiteral("cannot write the token signer certificate"));
    }

    // A free port can be taken between our probe and the registry's bind: try again.
    for (int attempt = 0; attempt < 4; ++attempt) {
        m_port = pickFreePort();
        if (m_port == 0)
            return fail(QStringLiteral("no free port on 127.0.0.1"));
        if (!writeConfig())
            return fail(QStringLiteral("cannot write the registry config"));
        if (!launch())
            return false;
        if (waitUntilAnswering(kStartTimeoutMs))
            return true;
        const bool portTaken = log().contains("address already in use");
        stop();
        if (!portTaken)
            return fail(QStringLiteral("docker-registry did not answer on ") + host());
    }
    return fail(QStringLiteral("docker-registry found no free port"));
}

bool RegistryProcess::restart()
{
    if (!m_dir || isRunning())
        return fail(QStringLiteral("restart() needs a registry that was started and stopped"));
    // The same config: port, storage, certificates, users and token server stay.
    if (!launch())
        return false;
    if (!waitUntilAnswering(kStartTimeoutMs))
        return fail(QStringLiteral("docker-registry did not answer again on ") + host());
    return true;
}

bool RegistryProcess::writeConfig()
{
    QString yaml;
    yaml += QStringLiteral("version: 0.1\n"
                           "log:\n"
                           "  level: info\n"
                           "  formatter: text\n"
                           "storage:\n"
                           "  filesystem:\n"
                           "    rootdirectory: ")
        + yamlQuoted(storageDir())
        + QStringLiteral("\n"
                         "  delete:\n"
                         "    enabled: ")
        + (m_deleteEnabled ? QStringLiteral("true") : QStringLiteral("false"))
        + QStringLiteral("\n"
                         "  maintenance:\n"
                         "    uploadpurging:\n"
                         "      enabled: false\n"
                         "http:\n"
                         "  addr: 127.0.0.1:")
        + QString::number(m_port) + QStringLiteral("\n  secret: ")
        + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'\n';
    if (m_tls == Tls::On) {
        yaml += QStringLiteral("  tls:\n    certificate: ") + yamlQuoted(m_dir->filePath(QStringLiteral("server.crt")))
            + QStringLiteral("\n    key: ") + yamlQuoted(m_dir->filePath(QStringLiteral("server.key"))) + u'\n';
    }
    yaml += QStringLiteral("health:\n  storagedriver:\n    enabled: false\n");
    if (m_auth == Auth::Basic) {
        yaml += QStringLiteral("auth:\n  htpasswd:\n    realm: lading-test-registry\n    path: ")
            + yamlQuoted(m_dir->filePath(QStringLiteral("htpasswd"))) + u'\n';
    } else if (m_auth == Auth::Token) {
        yaml += QStringLiteral("auth:\n  token:\n    realm: ")
            + yamlQuoted(QString::fromUtf8(m_tokenServer->realm().toEncoded()))
            + QStringLiteral("\n    service: ") + yamlQuoted(m_tokenServer->service())
            + QStringLiteral("\n    issuer: ") + yamlQuoted(m_tokenServer->issuer())
            + QStringLiteral("\n    rootcertbundle: ")
            + yamlQuoted(m_dir->filePath(QStringLiteral("token-signer.pem"))) + u'\n';
    }
    return testsupport::writeFile(configFile(), yaml.toUtf8());
}

bool RegistryProcess::launch()
{
    m_log.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // REGISTRY_* variables override the config file: keep the person's environment out.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(u"REGISTRY_"))
            env.remove(key);
    }
    m_process->setProcessEnvironment(env);
    // Dies with the test process even if the test crashes before the destructor runs.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    QProcess *process = m_process.get();
    QObject::connect(process, &QProcess::readyRead, process,
                     [this, process] { m_log += process->readAll(); });
    m_process->start(registryBinary(), {QStringLiteral("serve"), configFile()});
    if (!m_process->waitForStarted(10000))
        return fail(QStringLiteral("cannot start ") + registryBinary() + QStringLiteral(": ")
                    + m_process->errorString());
    return true;
}

bool RegistryProcess::waitUntilAnswering(int timeoutMs)
{
    // Declared so that the manager (and its replies) go first, the loop and probe last.
    std::function<void()> probe;
    QEventLoop loop;
    QTimer deadline;
    QNetworkAccessManager nam;
    deadline.setSingleShot(true);
    bool answered = false;
    bool gaveUp = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        gaveUp = true;
        loop.quit();
    });
    QObject::connect(m_process.get(), &QProcess::finished, &loop, [&] {
        gaveUp = true;
        loop.quit();
    });
    probe = [&] {
        QNetworkRequest request(baseUrl().resolved(QUrl(QStringLiteral("/v2/"))));
        if (m_tls == Tls::On) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setCaCertificates(QSslCertificate::fromPath(caFile()));
            request.setSslConfiguration(ssl);
        }
        request.setTransferTimeout(2000);
        QNetworkReply *reply = nam.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->deleteLater();
            if (answered || gaveUp)
                return;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200 || status == 401) {
                answered = true;
                loop.quit();
            } else {
                QTimer::singleShot(50, &loop, probe);
            }
        });
    };
    deadline.start(timeoutMs);
    probe();
    loop.exec();
    return answered && isRunning();
}

void RegistryProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_log += m_process->readAll();
    m_process->disconnect();
    m_process.reset();
}

bool RegistryProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString RegistryProcess::host() const
{
    return QStringLiteral("127.0.0.1:") + QString::number(m_port);
}

QUrl RegistryProcess::baseUrl() const
{
    return QUrl::fromEncoded((isTls() ? QByteArrayLiteral("https://") : QByteArrayLiteral("http://"))
                             + host().toLatin1());
}

oci::RegistryConfig RegistryProcess::registryConfig() const
{
    oci::RegistryConfig config;
    config.host = host();
    config.plainHttp = !isTls();
    config.caFile = isTls() ? caFile() : QString();
    return config;
}

QString RegistryProcess::credentials() const
{
    return m_auth == Auth::Anonymous ? QString() : username() + u':' + password();
}

QString RegistryProcess::caFile() const
{
    return m_dir && isTls() ? m_dir->filePath(QStringLiteral("ca.pem")) : QString();
}

QString RegistryProcess::certDir() const
{
    return m_dir && isTls() ? m_dir->filePath(QStringLiteral("certs")) : QString();
}

QString RegistryProcess::storageDir() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("storage")) : QString();
}

QString RegistryProcess::configFile() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("config.yml")) : QString();
}

void RegistryProcess::printLogTail(qsizetype bytes) const
{
    const QByteArray tail = log().right(bytes);
    qWarning("docker-registry log (last %d bytes) for %s:\n%s", int(tail.size()), qPrintable(host()),
             tail.constData());
}

QByteArray RegistryProcess::log() const
{
    if (m_process)
        m_log += m_process->readAll();
    return m_log;
}
