// RegistryProbe against the real registry: a plain-HTTP registry on 127.0.0.1 is found to
// speak plain HTTP only, a TLS registry with the test's own CA is a certificate problem
// that names the certificate (and HTTPS once the CA file is given), and a refused port is
// unreachable. Only loopback hosts are tried over plain HTTP.

#include "registryprobe.h"

#include "support/closedport.h"
#include "support/registryprocess.h"

#include "oci/transport/transport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Outcome = RegistryProbe::Outcome;

namespace {

constexpr int kTimeoutMs = 30000;

Outcome probe(oci::Transport *transport, const oci::RegistryConfig &config,
              oci::Error *error = nullptr)
{
    RegistryProbe probe(transport);
    QSignalSpy finished(&probe, &RegistryProbe::finished);
    probe.start(config);
    if (!finished.wait(kTimeoutMs))
        return Outcome::None;
    if (error)
        *error = probe.error();
    return probe.outcome();
}

oci::TransportOptions quickOptions(oci::TransportOptions options)
{
    options.maxRetries = 0;
    options.transferTimeoutMs = 10000;
    return options;
}

} // namespace

class TestRegistryProbe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loopbackNames_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("localhost") << u"localhost"_s << true;
        QTest::newRow("localhost port") << u"localhost:5000"_s << true;
        QTest::newRow("sub.localhost") << u"reg.localhost:5000"_s << true;
        QTest::newRow("127.0.0.1") << u"127.0.0.1:5000"_s << true;
        QTest::newRow("127.1.2.3") << u"127.1.2.3"_s << true;
        QTest::newRow("ipv6") << u"[::1]:5000"_s << true;
        QTest::newRow("lan") << u"192.168.1.10:5000"_s << false;
        QTest::newRow("name") << u"registry.example.com"_s << false;
        QTest::newRow("localhost-lookalike") << u"localhost.example.com"_s << false;
    }

    void loopbackNames()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(RegistryProbe::isLoopback(host), loopback);
    }

    void plainHttpRegistryOnLoopback()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry(RegistryProcess::Auth::Basic); // 401 on /v2/ still answers
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        oci::Transport transport;
        transport.setOptions(quickOptions(transport.options()));
        oci::RegistryConfig config;
        config.host = registry.host();
        oci::Error error;
        QCOMPARE(probe(&transport, config, &error), Outcome::PlainHttpOnly);
        QVERIFY(error.code() != oci::Error::Code::None); // what HTTPS said
        // Asked for plain HTTP, it answers as such.
        config.plainHttp = true;
        QCOMPARE(probe(&transport, config), Outcome::PlainHttp);
    }

    void tlsRegistryWithItsOwnCa()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry(RegistryProcess::Auth::Anonymous, RegistryProcess::Tls::On);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        oci::Transport transport;
        transport.setOptions(quickOptions(transport.options()));
        oci::RegistryConfig config;
        config.host = registry.host();
        oci::Error error;
        // A TLS server: its certificate is the problem, plain HTTP is not the answer.
        QCOMPARE(probe(&transport, config, &error), Outcome::Certificate);
        QCOMPARE(error.code(), oci::Error::Code::Tls);
        QVERIFY2(error.message().contains(u"issued by Lading test CA"_s),
                 qPrintable(error.message()));
        // With the CA file (same transport: the failed connection is not reused).
        config.caFile = registry.caFile();
        QCOMPARE(probe(&transport, config), Outcome::Https);
        config.caFile.clear();
        config.insecureSkipTlsVerify = true;
        QCOMPARE(probe(&transport, config), Outcome::Https);
    }

    void refusedPortIsUnreachable()
    {
        const ClosedPort closed;
        QVERIFY(closed.isValid());
        oci::Transport transport;
        transport.setOptions(quickOptions(transport.options()));
        oci::RegistryConfig config;
        config.host = u"127.0.0.1:"_s + QString::number(closed.port());
        oci::Error error;
        QCOMPARE(probe(&transport, config, &error), Outcome::Unreachable);
        QCOMPARE(error.code(), oci::Error::Code::Network);
    }

    void cancelIsSilent()
    {
        const ClosedPort closed;
        oci::Transport transport;
        RegistryProbe probe(&transport);
        QSignalSpy finished(&probe, &RegistryProbe::finished);
        oci::RegistryConfig config;
        config.host = u"127.0.0.1:"_s + QString::number(closed.port());
        probe.start(config);
        QVERIFY(probe.isRunning());
        probe.cancel();
        QVERIFY(!probe.isRunning());
        QTest::qWait(300);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(probe.outcome(), Outcome::None);
    }
};

QTEST_GUILESS_MAIN(TestRegistryProbe)
#include "tst_registryprobe.moc"
