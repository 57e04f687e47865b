// Repository names typed for a registry: Docker Hub's aliases and "library/", a host in
// front that must be the registry's own, a tag or digest dropped, bad names refused.

#include "repositoryname.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestRepositoryName final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalises_data()
    {
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("hub short") << u"docker.io"_s << u"debian"_s << u"library/debian"_s;
        QTest::newRow("hub library")
            << u"docker.io"_s << u"library/debian"_s << u"library/debian"_s;
        QTest::newRow("hub user") << u"docker.io"_s << u"grafana/loki"_s << u"grafana/loki"_s;
        QTest::newRow("hub host") << u"docker.io"_s << u"docker.io/debian"_s << u"library/debian"_s;
        QTest::newRow("hub index alias")
            << u"docker.io"_s << u"index.docker.io/library/debian"_s << u"library/debian"_s;
        QTest::newRow("hub registry-1 alias")
            << u"docker.io"_s << u"registry-1.docker.io/debian"_s << u"library/debian"_s;
        QTest::newRow("registry given as alias")
            << u"registry-1.docker.io"_s << u"debian"_s << u"library/debian"_s;
        QTest::newRow("hub with tag")
            << u"docker.io"_s << u"debian:12-slim"_s << u"library/debian"_s;
        QTest::newRow("spaces") << u"docker.io"_s << u"  alpine  "_s << u"library/alpine"_s;
        QTest::newRow("ghcr") << u"ghcr.io"_s << u"octo/app"_s << u"octo/app"_s;
        QTest::newRow("ghcr single") << u"ghcr.io"_s << u"app"_s << u"app"_s; // no library/
        QTest::newRow("ghcr own host") << u"ghcr.io"_s << u"ghcr.io/octo/app:1"_s << u"octo/app"_s;
        QTest::newRow("local port")
            << u"localhost:5000"_s << u"localhost:5000/team/app"_s << u"team/app"_s;
        QTest::newRow("digest")
            << u"quay.io"_s
            << u"org/img@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"_s
            << u"org/img"_s;
    }

    void normalises()
    {
        QFETCH(QString, registry);
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const oci::Result<QString> name = RepositoryName::normalise(registry, typed);
        QVERIFY2(name.ok(), qPrintable(name.ok() ? QString() : name.error().message()));
        QCOMPARE(*name, expected);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << u"ghcr.io"_s << u"  "_s << u"empty"_s;
        QTest::newRow("other registry") << u"ghcr.io"_s << u"quay.io/org/app"_s << u"quay.io"_s;
        QTest::newRow("hub for ghcr")
            << u"ghcr.io"_s << u"docker.io/library/debian"_s << u"docker.io"_s;
        QTest::newRow("upper case") << u"ghcr.io"_s << u"Octo/App"_s << u"lower case"_s;
        QTest::newRow("bad characters") << u"ghcr.io"_s << u"octo/app!"_s << u"octo/app!"_s;
        QTest::newRow("host only") << u"ghcr.io"_s << u"ghcr.io/"_s << u"no repository"_s;
    }

    void refuses()
    {
        QFETCH(QString, registry);
        QFETCH(QString, typed);
        QFETCH(QString, mentions);
        const oci::Result<QString> name = RepositoryName::normalise(registry, typed);
        QVERIFY(!name.ok());
        QCOMPARE(name.error().code(), oci::Error::Code::InvalidArgument);
        QVERIFY2(name.error().message().contains(mentions), qPrintable(name.error().message()));
    }

    void hostAliases()
    {
        QCOMPARE(RepositoryName::normaliseHost(u"Registry-1.Docker.io"), u"docker.io"_s);
        QCOMPARE(RepositoryName::normaliseHost(u"index.docker.io"), u"docker.io"_s);
        QCOMPARE(RepositoryName::normaliseHost(u"docker.io"), u"docker.io"_s);
        QCOMPARE(RepositoryName::normaliseHost(u"GHCR.io"), u"ghcr.io"_s);
    }
};

QTEST_GUILESS_MAIN(TestRepositoryName)
#include "tst_repositoryname.moc"
