// What people type as a registry address: host and scheme out, or the reason it is refused.

#include "registryaddress.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Problem = RegistryAddress::Problem;
using Scheme = RegistryAddress::Scheme;

class TestRegistryAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<QString>("host");
        QTest::addColumn<Scheme>("scheme");

        const auto ok = [](const char *name, const QString &text, const QString &host,
                           Scheme scheme) {
            QTest::newRow(name) << text << Problem::None << host << scheme;
        };
        const auto bad = [](const char *name, const QString &text, Problem problem) {
            QTest::newRow(name) << text << problem << QString() << Scheme::Unspecified;
        };
        ok("host:port", u"localhost:5000"_s, u"localhost:5000"_s, Scheme::Unspecified);
        ok("https url", u"https://ghcr.io"_s, u"ghcr.io"_s, Scheme::Https);
        ok("http url with port", u"http://127.0.0.1:5000"_s, u"127.0.0.1:5000"_s, Scheme::Http);
        ok("trailing slash", u"https://registry.example.com/"_s, u"registry.example.com"_s,
           Scheme::Https);
        ok("api root", u"https://registry.example.com/v2/"_s, u"registry.example.com"_s,
           Scheme::Https);
        ok("spaces trimmed", u"  quay.io  "_s, u"quay.io"_s, Scheme::Unspecified);
        ok("upper case", u"HTTPS://GHCR.IO"_s, u"ghcr.io"_s, Scheme::Https);
        ok("docker hub alias", u"index.docker.io"_s, u"docker.io"_s, Scheme::Unspecified);
        ok("docker hub api host", u"https://registry-1.docker.io"_s, u"docker.io"_s, Scheme::Https);
        ok("ipv6", u"http://[::1]:5000"_s, u"[::1]:5000"_s, Scheme::Http);
        ok("hyphen", u"my-registry.local:443"_s, u"my-registry.local:443"_s, Scheme::Unspecified);
        ok("port leading zero normalised", u"localhost:05000"_s, u"localhost:5000"_s,
           Scheme::Unspecified);

        bad("empty", QString(), Problem::Empty);
        bad("blank", u"   "_s, Problem::Empty);
        bad("ftp", u"ftp://example.com"_s, Problem::UnsupportedScheme);
        bad("user info", u"https://me:secret@ghcr.io"_s, Problem::HasUserInfo);
        bad("repository path", u"ghcr.io/org/image"_s, Problem::HasPath);
        bad("query", u"https://ghcr.io/?x=1"_s, Problem::HasQuery);
        bad("fragment", u"ghcr.io#top"_s, Problem::HasQuery);
        bad("space inside", u"my registry"_s, Problem::InvalidHost);
        bad("underscore", u"my_registry:5000"_s, Problem::InvalidHost);
        bad("leading hyphen", u"-bad.example"_s, Problem::InvalidHost);
        bad("empty label", u"bad..example"_s, Problem::InvalidHost);
        bad("port zero", u"localhost:0"_s, Problem::InvalidPort);
        bad("port too big", u"localhost:65536"_s, Problem::InvalidPort);
        bad("port not a number", u"localhost:http"_s, Problem::InvalidPort);
        bad("empty port", u"localhost:"_s, Problem::InvalidPort);
        bad("unclosed ipv6", u"[::1:5000"_s, Problem::InvalidHost);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(Problem, problem);
        QFETCH(QString, host);
        QFETCH(Scheme, scheme);
        const RegistryAddress address = RegistryAddress::parse(text);
        QCOMPARE(address.problem(), problem);
        QCOMPARE(address.isValid(), problem == Problem::None);
        QCOMPARE(address.host(), host);
        QCOMPARE(address.scheme(), scheme);
    }
};

QTEST_GUILESS_MAIN(TestRegistryAddress)
#include "tst_registryaddress.moc"
