#include "oci/core/reference.h"

#include <QSet>
#include <QTest>

using oci::Reference;

namespace {

const QString hexA = QString(64, u'a');
const QString digestA = u"sha256:" + hexA;

} // namespace

class TestReference final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void nameTagDigestKeepsBothResolvesByDigest();
    void repositoryOnly();
    void repositoryLengthLimit();
    void roundTrip();
    void withTagAndDigest();
    void registryHost_data();
    void registryHost();
};

void TestReference::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalised"); // toString()
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("familiar");

    auto row = [](const char *name, const QString &in, const QString &norm, const QString &reg,
                  const QString &repo, const QString &id, const QString &fam) {
        QTest::newRow(name) << in << norm << reg << repo << id << fam;
    };
    const auto s = [](const char *text) { return QString::fromLatin1(text); };

    row("hub single", s("alpine"), s("docker.io/library/alpine:latest"), s("docker.io"),
        s("library/alpine"), s("latest"), s("alpine:latest"));
    row("hub single tag", s("alpine:3.19"), s("docker.io/library/alpine:3.19"), s("docker.io"),
        s("library/alpine"), s("3.19"), s("alpine:3.19"));
    row("hub user", s("user/app"), s("docker.io/user/app:latest"), s("docker.io"), s("user/app"),
        s("latest"), s("user/app:latest"));
    row("hub explicit", s("docker.io/alpine"), s("docker.io/library/alpine:latest"),
        s("docker.io"), s("library/alpine"), s("latest"), s("alpine:latest"));
    row("hub explicit library", s("docker.io/library/alpine:edge"),
        s("docker.io/library/alpine:edge"), s("docker.io"), s("library/alpine"), s("edge"),
        s("alpine:edge"));
    row("index.docker.io", s("index.docker.io/library/busybox"),
        s("docker.io/library/busybox:latest"), s("docker.io"), s("library/busybox"),
        s("latest"), s("busybox:latest"));
    row("index.docker.io single", s("index.docker.io/busybox"),
        s("docker.io/library/busybox:latest"), s("docker.io"), s("library/busybox"),
        s("latest"), s("busybox:latest"));
    row("hub deep", s("user/team/app:v1"), s("docker.io/user/team/app:v1"), s("docker.io"),
        s("user/team/app"), s("v1"), s("user/team/app:v1"));
    row("library deep stays", s("library/a/b"), s("docker.io/library/a/b:latest"),
        s("docker.io"), s("library/a/b"), s("latest"), s("library/a/b:latest"));
    row("localhost port", s("localhost:5000/team/app"), s("localhost:5000/team/app:latest"),
        s("localhost:5000"), s("team/app"), s("latest"), s("localhost:5000/team/app:latest"));
    row("localhost no port", s("localhost/app:1"), s("localhost/app:1"), s("localhost"),
        s("app"), s("1"), s("localhost/app:1"));
    row("localhost alone is a name", s("localhost"), s("docker.io/library/localhost:latest"),
        s("docker.io"), s("library/localhost"), s("latest"), s("localhost:latest"));
    row("localhost:5000 alone is name:tag", s("localhost:5000"),
        s("docker.io/library/localhost:5000"), s("docker.io"), s("library/localhost"), s("5000"),
        s("localhost:5000"));
    row("ghcr", s("ghcr.io/owner/repo:1.0"), s("ghcr.io/owner/repo:1.0"), s("ghcr.io"),
        s("owner/repo"), s("1.0"), s("ghcr.io/owner/repo:1.0"));
    row("host with port and tag", s("reg.example.com:443/a/b:c"), s("reg.example.com:443/a/b:c"),
        s("reg.example.com:443"), s("a/b"), s("c"), s("reg.example.com:443/a/b:c"));
    row("ipv4", s("127.0.0.1:5000/x"), s("127.0.0.1:5000/x:latest"), s("127.0.0.1:5000"), s("x"),
        s("latest"), s("127.0.0.1:5000/x:latest"));
    row("ipv6 port", s("[::1]:5000/x:t"), s("[::1]:5000/x:t"), s("[::1]:5000"), s("x"), s("t"),
        s("[::1]:5000/x:t"));
    row("ipv6 no port", s("[fe80::1]/img"), s("[fe80::1]/img:latest"), s("[fe80::1]"), s("img"),
        s("latest"), s("[fe80::1]/img:latest"));
    row("upper-case host", s("Registry.Example.com/app"), s("Registry.Example.com/app:latest"),
        s("Registry.Example.com"), s("app"), s("latest"), s("Registry.Example.com/app:latest"));
    row("upper-case first component is a registry", s("Foo/bar"), s("Foo/bar:latest"), s("Foo"),
        s("bar"), s("latest"), s("Foo/bar:latest"));
    row("digest only", u"alpine@" + digestA, u"docker.io/library/alpine@" + digestA,
        s("docker.io"), s("library/alpine"), digestA, u"alpine@" + digestA);
    row("tag and digest", u"ghcr.io/o/r:v2@" + digestA, u"ghcr.io/o/r:v2@" + digestA, s("ghcr.io"),
        s("o/r"), digestA, u"ghcr.io/o/r:v2@" + digestA);
    row("separators", s("a_b__c-d---e/f.g"), s("docker.io/a_b__c-d---e/f.g:latest"),
        s("docker.io"), s("a_b__c-d---e/f.g"), s("latest"), s("a_b__c-d---e/f.g:latest"));
    row("tag with upper case and dots", s("app:V1.2_rc-3"), s("docker.io/library/app:V1.2_rc-3"),
        s("docker.io"), s("library/app"), s("V1.2_rc-3"), s("app:V1.2_rc-3"));
    row("tag starting with underscore", s("app:_x"), s("docker.io/library/app:_x"), s("docker.io"),
        s("library/app"), s("_x"), s("app:_x"));
    row("128-char tag", u"app:" + QString(128, u't'), u"docker.io/library/app:" + QString(128, u't'),
        s("docker.io"), s("library/app"), QString(128, u't'), u"app:" + QString(128, u't'));
    row("numeric names", s("123/456"), s("docker.io/123/456:latest"), s("docker.io"), s("123/456"),
        s("latest"), s("123/456:latest"));
    row("63 hex name is a name", QString(63, u'a'),
        u"docker.io/library/" + QString(63, u'a') + u":latest", s("docker.io"),
        u"library/" + QString(63, u'a'), s("latest"), QString(63, u'a') + u":latest");
    row("hyphenated host", s("my-registry.local/a"), s("my-registry.local/a:latest"),
        s("my-registry.local"), s("a"), s("latest"), s("my-registry.local/a:latest"));
}

void TestReference::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, normalised);
    QFETCH(QString, registry);
    QFETCH(QString, repository);
    QFETCH(QString, identifier);
    QFETCH(QString, familiar);

    const auto ref = Reference::parse(input);
    QVERIFY2(ref.ok(), qPrintable(ref.ok() ? QString() : ref.error().message()));
    QCOMPARE(ref->toString(), normalised);
    QCOMPARE(ref->registry(), registry);
    QCOMPARE(ref->repository(), repository);
    QCOMPARE(ref->identifier(), identifier);
    QCOMPARE(ref->familiarString(), familiar);
    QCOMPARE(ref->name(), registry + u'/' + repository);
    QVERIFY(!ref->isNull());
}

void TestReference::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reasonContains");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };

    QTest::newRow("empty") << QString() << s("empty");
    QTest::newRow("upper-case single") << s("Alpine") << s("lower case");
    QTest::newRow("upper-case repo after host") << s("ghcr.io/Owner/repo") << s("lower case");
    QTest::newRow("bare 64 hex") << hexA << s("image ID");
    QTest::newRow("trailing slash") << s("ghcr.io/owner/") << s("repository path");
    QTest::newRow("leading slash") << s("/app") << s("repository path");
    QTest::newRow("double slash") << s("a//b") << s("repository path");
    QTest::newRow("host only") << s("ghcr.io/") << s("no repository");
    QTest::newRow("empty tag") << s("app:") << s("a tag");
    QTest::newRow("tag starting with dot") << s("app:.x") << s("a tag");
    QTest::newRow("tag starting with dash") << s("app:-x") << s("a tag");
    QTest::newRow("129-char tag") << (u"app:" + QString(129, u't')) << s("a tag");
    QTest::newRow("tag with slash makes a bad host") << s("app:v1/x") << s("registry host");
    QTest::newRow("non-ascii tag") << s("app:v\xe9") << s("a tag");
    QTest::newRow("space") << s("my app") << s("repository path");
    QTest::newRow("trailing newline") << s("alpine\n") << s("repository path");
    QTest::newRow("tag with trailing newline") << s("alpine:1\n") << s("a tag");
    QTest::newRow("leading separator") << s("-app") << s("repository path");
    QTest::newRow("trailing separator") << s("app-") << s("repository path");
    QTest::newRow("triple underscore") << s("a___b") << s("repository path");
    QTest::newRow("dot dot") << s("a..b") << s("repository path");
    QTest::newRow("bad host dash") << s("-bad.host/app") << s("registry host");
    // A dot makes the first component a host, and '_' is not allowed in hosts (as docker).
    QTest::newRow("dotted first component with underscore") << s("a.b_c/g") << s("registry host");
    QTest::newRow("bad host port") << s("host.io:port/app") << s("registry host");
    QTest::newRow("ipv6 unbracketed") << s("::1:5000/x") << s("registry host");
    QTest::newRow("empty digest") << s("app@") << s("digest");
    QTest::newRow("digest upper-case hex") << (u"app@sha256:" + QString(64, u'A')) << s("digest");
    QTest::newRow("digest 63 hex") << (u"app@sha256:" + QString(63, u'a')) << s("digest");
    QTest::newRow("digest no algorithm") << (u"app@" + hexA) << s("digest");
    QTest::newRow("two @") << (u"app@" + digestA + u"@" + digestA) << s("digest");
    QTest::newRow("path traversal digest") << s("app@sha256:../../etc") << s("digest");
    QTest::newRow("only tag") << s(":latest") << s("repository");
    QTest::newRow("only digest") << (u"@" + digestA) << s("repository");
}

void TestReference::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, reasonContains);
    const auto ref = Reference::parse(input);
    QVERIFY2(!ref.ok(), qPrintable(ref.ok() ? ref->toString() : QString()));
    QVERIFY(ref.error().code() == oci::Error::Code::InvalidArgument
            || ref.error().code() == oci::Error::Code::InvalidDigest);
    QVERIFY2(ref.error().message().contains(reasonContains), qPrintable(ref.error().message()));
    QVERIFY(!ref.error().message().contains(u'\n') || input.contains(u'\n'));
}

void TestReference::nameTagDigestKeepsBothResolvesByDigest()
{
    const auto ref = Reference::parse(QString(u"localhost:5000/a/b:v1@" + digestA));
    QVERIFY(ref.ok());
    QVERIFY(ref->hasTag());
    QVERIFY(ref->hasDigest());
    QCOMPARE(ref->tag(), QStringLiteral("v1"));
    QCOMPARE(ref->digest().toString(), digestA);
    QCOMPARE(ref->identifier(), digestA);

    const auto digestOnly = Reference::parse(QString(u"a/b@" + digestA));
    QVERIFY(digestOnly.ok());
    QVERIFY2(!digestOnly->hasTag(), "no default tag when a digest is given");
    QVERIFY(digestOnly->hasDigest());

    const auto tagOnly = Reference::parse(u"a/b");
    QVERIFY(tagOnly.ok());
    QVERIFY(tagOnly->hasTag());
    QVERIFY(!tagOnly->hasDigest());
    QCOMPARE(tagOnly->tag(), QStringLiteral("latest"));
}

void TestReference::repositoryOnly()
{
    const auto repo = Reference::parseRepository(u"localhost:5000/team/app");
    QVERIFY(repo.ok());
    QCOMPARE(repo->registry(), QStringLiteral("localhost:5000"));
    QCOMPARE(repo->repository(), QStringLiteral("team/app"));
    QVERIFY(!repo->hasTag());
    QVERIFY(!repo->hasDigest());
    QVERIFY(repo->identifier().isEmpty());
    QCOMPARE(repo->toString(), QStringLiteral("localhost:5000/team/app"));

    const auto hub = Reference::parseRepository(u"alpine");
    QVERIFY(hub.ok());
    QCOMPARE(hub->toString(), QStringLiteral("docker.io/library/alpine"));
    QCOMPARE(hub->familiarString(), QStringLiteral("alpine"));

    QVERIFY(!Reference::parseRepository(u"localhost:5000/team/app:v1").ok());
    QVERIFY(!Reference::parseRepository(QString(u"team/app@" + digestA)).ok());
    QVERIFY(!Reference::parseRepository(u"Team").ok());
}

void TestReference::repositoryLengthLimit()
{
    // 255 characters in the repository are fine, 256 are not (with and without a host).
    const QString repo255 = u"a/" + QString(253, u'b');
    QCOMPARE(repo255.size(), 255);
    QVERIFY(Reference::parse(QString(u"localhost:5000/" + repo255)).ok());
    QVERIFY(Reference::parse(repo255).ok());
    const QString repo256 = u"a/" + QString(254, u'b');
    const auto tooLong = Reference::parse(QString(u"localhost:5000/" + repo256));
    QVERIFY(!tooLong.ok());
    QVERIFY(tooLong.error().message().contains(u"255"));
    // "library/" counts: a 250-character Hub name becomes 258.
    QVERIFY(!Reference::parse(QString(250, u'c')).ok());
    QVERIFY(Reference::isValidRepository(repo255));
    QVERIFY(!Reference::isValidRepository(repo256));
    // A hostile multi-kilobyte input is refused without a regex run over all of it.
    QVERIFY(!Reference::parse(QString(100000, u'a')).ok());
}

void TestReference::roundTrip()
{
    const QStringList inputs = {QStringLiteral("alpine"), QStringLiteral("ghcr.io/o/r:1"),
                                QStringLiteral("[::1]:5000/x/y:z"), u"a/b:c@" + digestA};
    for (const QString &input : inputs) {
        const auto first = Reference::parse(input);
        QVERIFY(first.ok());
        const auto again = Reference::parse(first->toString());
        QVERIFY(again.ok());
        QCOMPARE(*again, *first);
        const auto familiar = Reference::parse(first->familiarString());
        QVERIFY(familiar.ok());
        QCOMPARE(*familiar, *first);
    }
}

void TestReference::withTagAndDigest()
{
    const auto ref = Reference::parse(u"ghcr.io/o/r:1");
    QVERIFY(ref.ok());
    const Reference tagged = ref->withTag(QStringLiteral("2"));
    QCOMPARE(tagged.toString(), QStringLiteral("ghcr.io/o/r:2"));
    QCOMPARE(ref->tag(), QStringLiteral("1")); // the original is unchanged
    const auto digest = oci::Digest::parse(digestA);
    QVERIFY(digest.ok());
    const Reference pinned = tagged.withDigest(*digest);
    QCOMPARE(pinned.identifier(), digestA);
    QCOMPARE(pinned.toString(), QString(u"ghcr.io/o/r:2@" + digestA));
    QVERIFY(pinned != tagged);
    const QSet<Reference> set = {pinned, tagged, pinned};
    QCOMPARE(set.size(), 2);
    QVERIFY(Reference::isValidTag(u"v1.0"));
    QVERIFY(!Reference::isValidTag(u".v1"));
}

void TestReference::registryHost_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: invalid
    QTest::newRow("localhost port") << QStringLiteral("localhost:5000") << QStringLiteral("localhost:5000");
    QTest::newRow("ghcr") << QStringLiteral("ghcr.io") << QStringLiteral("ghcr.io");
    QTest::newRow("hub") << QStringLiteral("docker.io") << QStringLiteral("docker.io");
    QTest::newRow("index hub") << QStringLiteral("index.docker.io") << QStringLiteral("docker.io");
    QTest::newRow("ipv6") << QStringLiteral("[::1]:5000") << QStringLiteral("[::1]:5000");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:443") << QStringLiteral("127.0.0.1:443");
    QTest::newRow("url") << QStringLiteral("https://ghcr.io") << QString();
    QTest::newRow("with path") << QStringLiteral("ghcr.io/owner") << QString();
    QTest::newRow("bad port") << QStringLiteral("host:abc") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("underscore") << QStringLiteral("my_host") << QString();
    QTest::newRow("newline") << QStringLiteral("ghcr.io\n") << QString();
}

void TestReference::registryHost()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto host = Reference::parseRegistryHost(input);
    QCOMPARE(host.ok(), !expected.isEmpty());
    if (host.ok())
        QCOMPARE(*host, expected);
    else
        QCOMPARE(host.error().code(), oci::Error::Code::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
