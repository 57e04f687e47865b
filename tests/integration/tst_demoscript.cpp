// The demo registry script (README command 1 uses it): it starts, seeds what it says,
// is reused on a second run, and stops. Read back through RegistryClient.

#include "support/clientharness.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"

#include "oci/auth/credentials.h"
#include "oci/client/registryclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestDemoScript final : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_runtime;
    QString m_script;
    QString m_host;

    testsupport::ToolResult runScript(const QStringList &arguments = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime->path());
        env.remove(QStringLiteral("LADING_DEMO_PORT"));
        return testsupport::runTool(QStringLiteral("/bin/bash"), QStringList{m_script} + arguments, 120000, env);
    }

    static QString lastLine(const QByteArray &output)
    {
        const QList<QByteArray> lines = output.trimmed().split('\n');
        return QString::fromUtf8(lines.constLast().trimmed());
    }

    oci::RegistryConfig config() const
    {
        oci::RegistryConfig config;
        config.host = m_host;
        config.plainHttp = true;
        return config;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_script = qEnvironmentVariable("LADING_SOURCE_DIR", QStringLiteral(LADING_SOURCE_DIR_FALLBACK))
            + QStringLiteral("/tests/support/demo/start-demo-registry.sh");
        QVERIFY2(QFile::exists(m_script), qPrintable(m_script));
        m_runtime = std::make_unique<QTemporaryDir>(testsupport::scratchBase() + QStringLiteral("/lading-demo-test-XXXXXX"));
        QVERIFY(m_runtime->isValid());
    }

    void startsAndPrintsHostPort()
    {
        const auto result = runScript();
        QVERIFY2(result.ok(), qPrintable(result.describe()));
        m_host = lastLine(result.standardOutput);
        static const QRegularExpression hostPort(QRegularExpression::anchoredPattern(u"127\\.0\\.0\\.1:[0-9]{2,5}"));
        QVERIFY2(hostPort.match(m_host).hasMatch(), qPrintable(m_host));
        qInfo("demo registry started and seeded in %lld ms", result.elapsedMs);
    }

    void catalogHasTheSamples()
    {
        QVERIFY(!m_host.isEmpty());
        ClientHarness harness(config(), oci::Credentials());
        std::unique_ptr<oci::CatalogJob> catalog(harness.client()->catalog());
        QVERIFY(ClientHarness::wait(catalog.get()));
        QVERIFY2(catalog->succeeded(), qPrintable(catalog->error().describe()));
        const QStringList repositories = catalog->repositories();
        QCOMPARE(QSet<QString>(repositories.cbegin(), repositories.cend()),
                 (QSet<QString>{QStringLiteral("demo/hello"), QStringLiteral("demo/multiarch"),
                                QStringLiteral("demo/toolbox"), QStringLiteral("team/backend/api"),
                                QStringLiteral("team/frontend/web")}));
        std::unique_ptr<oci::TagListJob> tags(harness.client()->tags(QStringLiteral("demo/hello")));
        QVERIFY(ClientHarness::wait(tags.get()));
        QVERIFY2(tags->succeeded(), qPrintable(tags->error().describe()));
        QStringList sorted = tags->tags();
        sorted.sort();
        QCOMPARE(sorted, (QStringList{QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("latest")}));
    }

    void manifestsHaveTheAdvertisedKinds()
    {
        QVERIFY(!m_host.isEmpty());
        ClientHarness harness(config(), oci::Credentials());
        struct Expect { const char *repository; const char *tag; const char *mediaType; };
        const Expect expected[] = {
            {"demo/multiarch", "latest", "application/vnd.oci.image.index.v1+json"},
            {"team/frontend/web", "1.0", "application/vnd.docker.distribution.manifest.v2+json"},
            {"team/backend/api", "2.0", "application/vnd.oci.image.manifest.v1+json"},
        };
        for (const Expect &e : expected) {
            std::unique_ptr<oci::ManifestJob> job(harness.client()->manifest(QString::fromLatin1(e.repository),
                                                                             QString::fromLatin1(e.tag)));
            QVERIFY(ClientHarness::wait(job.get()));
            QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
            QCOMPARE(job->manifest().mediaType, QString::fromLatin1(e.mediaType));
        }
        std::unique_ptr<oci::ManifestJob> index(harness.client()->manifest(QStringLiteral("demo/multiarch"), QStringLiteral("latest")));
        QVERIFY(ClientHarness::wait(index.get()));
        QVERIFY2(index->succeeded(), qPrintable(index->error().describe()));
        const QJsonArray platforms = QJsonDocument::fromJson(index->manifest().bytes).object().value(u"manifests").toArray();
        QCOMPARE(platforms.size(), 2);
        // latest and 1.1 are one image.
        std::unique_ptr<oci::ManifestJob> latest(harness.client()->manifest(QStringLiteral("demo/hello"), QStringLiteral("latest"), oci::RegistryClient::Method::Head));
        std::unique_ptr<oci::ManifestJob> v11(harness.client()->manifest(QStringLiteral("demo/hello"), QStringLiteral("1.1"), oci::RegistryClient::Method::Head));
        std::unique_ptr<oci::ManifestJob> v10(harness.client()->manifest(QStringLiteral("demo/hello"), QStringLiteral("1.0"), oci::RegistryClient::Method::Head));
        QVERIFY(ClientHarness::wait(latest.get()) && ClientHarness::wait(v11.get()) && ClientHarness::wait(v10.get()));
        QVERIFY(latest->succeeded() && v11->succeeded() && v10->succeeded());
        QCOMPARE(latest->manifest().digest, v11->manifest().digest);
        QVERIFY(latest->manifest().digest != v10->manifest().digest);

        // The toolbox: a base, an application layer and a clean-up layer, each with its step.
        std::unique_ptr<oci::ManifestJob> toolbox(harness.client()->manifest(QStringLiteral("demo/toolbox"), QStringLiteral("latest")));
        QVERIFY(ClientHarness::wait(toolbox.get()));
        QVERIFY2(toolbox->succeeded(), qPrintable(toolbox->error().describe()));
        const QJsonObject manifest = QJsonDocument::fromJson(toolbox->manifest().bytes).object();
        const QJsonArray layers = manifest.value(u"layers").toArray();
        QCOMPARE(layers.size(), 3);
        // The application layer carries the 3 MiB of random data (it does not compress).
        QVERIFY2(layers.at(1).toObject().value(u"size").toInteger() > 3'000'000,
                 qPrintable(QString::number(layers.at(1).toObject().value(u"size").toInteger())));
    }

    void secondRunReusesIt()
    {
        QVERIFY(!m_host.isEmpty());
        const auto result = runScript();
        QVERIFY2(result.ok(), qPrintable(result.describe()));
        QCOMPARE(lastLine(result.standardOutput), m_host);
        QVERIFY2(result.standardError.contains("reusing"), result.standardError.constData());
    }

    void stopStopsIt()
    {
        QVERIFY(!m_host.isEmpty());
        const auto result = runScript({QStringLiteral("--purge")});
        QVERIFY2(result.ok(), qPrintable(result.describe()));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_host.section(u':', 1).toUInt()));
        QVERIFY(!socket.waitForConnected(2000));
        QVERIFY(!QFile::exists(m_runtime->filePath(QStringLiteral("lading-demo"))));
    }

    void cleanupTestCase()
    {
        if (m_runtime && QFile::exists(m_runtime->filePath(QStringLiteral("lading-demo/registry.pid"))))
            runScript({QStringLiteral("--purge")}); // a failed test leaves nothing running
    }
};

QTEST_GUILESS_MAIN(TestDemoScript)
#include "tst_demoscript.moc"
