#pragma once

// Debian's docker-registry (CNCF distribution 2.8) started by a test on 127.0.0.1 with a
// free port and a temporary storage folder, stopped by the destructor.
//
//     REQUIRE_REGISTRY_TOOLS();                       // QFAIL in CI, QSKIP locally
//     RegistryProcess registry(RegistryProcess::Auth::Token, RegistryProcess::Tls::On);
//     QVERIFY2(registry.start(), qPrintable(registry.errorString()));
//     oci::RegistryConfig config = registry.registryConfig(); // host, plainHttp, caFile
//     registry.username(); registry.password();       // the test user (Basic and Token)
//     registry.tokenServer()->requestCount();         // Token mode
//
// Everything it runs is blocking from the test's point of view but spins the event loop,
// so in-process servers keep answering. Test support only.

#include "oci/transport/registryconfig.h"

#include <QByteArray>
#include <QtGlobal>
#include <QString>
#include <QUrl>

#include <memory>

class QProcess;
class QTemporaryDir;
class TokenServer;

class RegistryProcess final
{
    Q_DISABLE_COPY_MOVE(RegistryProcess)

public:
    enum class Auth { Anonymous, Basic, Token };
    enum class Tls { Off, On };

    explicit RegistryProcess(Auth auth = Auth::Anonymous, Tls tls = Tls::Off);
    ~RegistryProcess();

    // Writes the config (and certificates, htpasswd, token server), starts the registry
    // and waits until /v2/ answers. False with errorString() and the log on failure.
    bool start();
    // storage.delete.enabled (true unless set otherwise before start()): false makes every
    // DELETE answer 405 UNSUPPORTED, like a registry that does not allow deleting.
    void setDeleteEnabled(bool enabled) { m_deleteEnabled = enabled; }
    bool deleteEnabled() const { return m_deleteEnabled; }
    void stop();
    // After stop(): the same registry again, on the same port with the same storage (a
    // registry that died and came back).
    bool restart();
    bool isRunning() const;
    QString errorString() const { return m_error; }

    Auth auth() const { return m_auth; }
    bool isTls() const { return m_tls == Tls::On; }
    QString host() const;           // "127.0.0.1:PORT"
    QUrl baseUrl() const;           // http(s)://127.0.0.1:PORT
    quint16 port() const { return m_port; }
    oci::RegistryConfig registryConfig() const;

    // The test user, known to the htpasswd file and the token server.
    QString username() const { return QStringLiteral("lading"); }
    QString password() const { return QStringLiteral("s3cret-Pa55"); }
    // "user:password" for skopeo --creds; empty for Anonymous.
    QString credentials() const;

    QString caFile() const;         // PEM of the CA that signed the server certificate (TLS)
    QString certDir() const;        // a folder holding only that CA as ca.crt (skopeo --cert-dir)
    QString storageDir() const;     // the registry's rootdirectory
    QString configFile() const;
    TokenServer *tokenServer() const { return m_tokenServer.get(); }

    // stdout+stderr of the registry so far (text log lines, one per request).
    QByteArray log() const;
    // qWarning()s the end of the log: call it from a test's cleanup() when
    // QTest::currentTestFailed() for registries that outlive one test function.
    void printLogTail(qsizetype bytes = 6000) const;

    // Every tool the rig runs: docker-registry, skopeo, umoci, htpasswd. False with the
    // missing ones listed as "install X" hints.
    static bool toolsAvailable(QString *missing);
    static QString registryBinary();

private:
    bool writeConfig();
    bool launch();
    bool waitUntilAnswering(int timeoutMs);
    bool fail(const QString &message);

    Auth m_auth;
    Tls m_tls;
    quint16 m_port = 0;
    bool m_deleteEnabled = true;
    QString m_error;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<TokenServer> m_tokenServer;
    mutable QByteArray m_log;
};

namespace testsupport {
// QFAIL when the environment variable CI is set, QSKIP otherwise; returns false when the
// caller must return. Use REQUIRE_REGISTRY_TOOLS() in a test function.
bool registryToolsMissing(QString *message);
} // namespace testsupport

// The rule: in CI a missing tool fails the run, locally it skips with what to install.
#define REQUIRE_REGISTRY_TOOLS()                                                  \
    do {                                                                          \
        QString lading_missing_;                                                  \
        if (testsupport::registryToolsMissing(&lading_missing_)) {                \
            if (qEnvironmentVariableIsSet("CI"))                                  \
                QFAIL(qPrintable(lading_missing_));                               \
            QSKIP(qPrintable(lading_missing_));                                   \
        }                                                                         \
    } while (false)
