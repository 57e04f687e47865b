#include "oci/auth/challenge.h"

#include <QTest>

using oci::AuthChallenge;
using oci::parseAuthChallenges;

class TestChallenge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleBearer();
    void twoChallengesCommaJoined();
    void escapesInQuotedValues();
    void scopeWithCommaAndSpaces();
    void caseInsensitiveSchemeAndNames();
    void unknownParamsAndErrorParam();
    void trailingAndRepeatedCommas();
    void token68();
    void token68ThenAnotherChallenge();
    void schemeWithoutParams();
    void unterminatedQuote();
    void junkAfterQuotedValue();
    void garbage_data();
    void garbage();
    void repeatedParamKeepsFirst();
    void emptyTokenValue();
    void utf8Realm();
};

void TestChallenge::singleBearer()
{
    const auto list = parseAuthChallenges(
        R"(Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull")");
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].scheme, QStringLiteral("bearer"));
    QCOMPARE(list[0].param(u"realm"), QStringLiteral("https://auth.example.com/token"));
    QCOMPARE(list[0].param(u"service"), QStringLiteral("registry.example.com"));
    QCOMPARE(list[0].param(u"scope"), QStringLiteral("repository:a/b:pull"));
    QCOMPARE(list[0].params.size(), 3);
    QVERIFY(list[0].token68.isEmpty());
}

void TestChallenge::twoChallengesCommaJoined()
{
    // What Qt hands us for two WWW-Authenticate header lines.
    const auto list = parseAuthChallenges(
        R"(Bearer realm="https://r/token",service="reg",scope="repository:a/b:pull,push", Basic realm="reg")");
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].scheme, QStringLiteral("bearer"));
    QCOMPARE(list[0].param(u"scope"), QStringLiteral("repository:a/b:pull,push"));
    QCOMPARE(list[0].param(u"service"), QStringLiteral("reg"));
    QCOMPARE(list[1].scheme, QStringLiteral("basic"));
    QCOMPARE(list[1].param(u"realm"), QStringLiteral("reg"));
    QCOMPARE(list[1].params.size(), 1);

    // Basic first, unquoted values.
    const auto other = parseAuthChallenges("Basic realm=reg, Bearer realm=x,service=y");
    QCOMPARE(other.size(), 2);
    QCOMPARE(other[0].scheme, QStringLiteral("basic"));
    QCOMPARE(other[0].param(u"realm"), QStringLiteral("reg"));
    QCOMPARE(other[1].scheme, QStringLiteral("bearer"));
    QCOMPARE(other[1].param(u"realm"), QStringLiteral("x"));
    QCOMPARE(other[1].param(u"service"), QStringLiteral("y"));
}

void TestChallenge::escapesInQuotedValues()
{
    const auto list = parseAuthChallenges(
        R"(Bearer realm="a \"quoted\" realm, with comma",error_description="back\\slash\x")");
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].param(u"realm"), QStringLiteral("a \"quoted\" realm, with comma"));
    QCOMPARE(list[0].param(u"error_description"), QStringLiteral("back\\slashx"));
}

void TestChallenge::scopeWithCommaAndSpaces()
{
    const auto list = parseAuthChallenges(
        R"(Bearer realm="https://r/t", scope="repository:a:pull,push repository:b:pull registry:catalog:*" , service = "s")");
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].param(u"scope"),
             QStringLiteral("repository:a:pull,push repository:b:pull registry:catalog:*"));
    QCOMPARE(list[0].param(u"service"), QStringLiteral("s")); // BWS around '='
    // A scope with a port in the resource name survives untouched.
    const auto withPort = parseAuthChallenges(
        R"(Bearer realm="https://r/t",scope="repository:localhost:5000/a:pull")");
    QCOMPARE(withPort.value(0).param(u"scope"), QStringLiteral("repository:localhost:5000/a:pull"));
}

void TestChallenge::caseInsensitiveSchemeAndNames()
{
    const auto list = parseAuthChallenges(R"(BEARER Realm="https://r/t",SERVICE="Reg")");
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].scheme, QStringLiteral("bearer"));
    QVERIFY(list[0].params.contains(QStringLiteral("realm")));
    QCOMPARE(list[0].param(u"REALM"), QStringLiteral("https://r/t"));
    QCOMPARE(list[0].param(u"service"), QStringLiteral("Reg")); // values keep their case
}

void TestChallenge::unknownParamsAndErrorParam()
{
    const auto list = parseAuthChallenges(
        R"(Bearer realm="https://r/t",error="insufficient_scope",scope="repository:a:push",x-custom="1",foo=bar)");
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].param(u"error"), QStringLiteral("insufficient_scope"));
    QCOMPARE(list[0].param(u"x-custom"), QStringLiteral("1"));
    QCOMPARE(list[0].param(u"foo"), QStringLiteral("bar"));
    QCOMPARE(list[0].params.size(), 5);
    QVERIFY(list[0].param(u"missing").isEmpty());
}

void TestChallenge::trailingAndRepeatedCommas()
{
    const auto list = parseAuthChallenges(R"(, Bearer realm="r",,service="s",  , )");
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].param(u"realm"), QStringLiteral("r"));
    QCOMPARE(list[0].param(u"service"), QStringLiteral("s"));
}

void TestChallenge::token68()
{
    const auto list = parseAuthChallenges("Bearer abc==");
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].scheme, QStringLiteral("bearer"));
    QCOMPARE(list[0].token68, QStringLiteral("abc=="));
    QVERIFY(list[0].params.isEmpty());

    const auto slashPlus = parseAuthChallenges("Negotiate a+b/c-d._~==  ");
    QCOMPARE(slashPlus.size(), 1);
    QCOMPARE(slashPlus[0].token68, QStringLiteral("a+b/c-d._~=="));
}

void TestChallenge::token68ThenAnotherChallenge()
{
    const auto list = parseAuthChallenges(R"(Negotiate abc=, Basic realm="x")");
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].scheme, QStringLiteral("negotiate"));
    QCOMPARE(list[0].token68, QStringLiteral("abc="));
    QCOMPARE(list[1].scheme, QStringLiteral("basic"));
    QCOMPARE(list[1].param(u"realm"), QStringLiteral("x"));
}

void TestChallenge::schemeWithoutParams()
{
    const auto list = parseAuthChallenges(R"(Negotiate, NTLM, Basic realm="x")");
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[0].scheme, QStringLiteral("negotiate"));
    QVERIFY(list[0].params.isEmpty());
    QCOMPARE(list[1].scheme, QStringLiteral("ntlm"));
    QCOMPARE(list[2].scheme, QStringLiteral("basic"));
    QCOMPARE(list[2].param(u"realm"), QStringLiteral("x"));
}

void TestChallenge::unterminatedQuote()
{
    const auto list = parseAuthChallenges(R"(Bearer realm="https://r/t",service="unterminated, Basic realm=x)");
    QCOMPARE(list.size(), 1); // everything after the open quote is inside the broken value
    QCOMPARE(list[0].scheme, QStringLiteral("bearer"));
    QCOMPARE(list[0].param(u"realm"), QStringLiteral("https://r/t"));
    QVERIFY(!list[0].params.contains(QStringLiteral("service")));
}

void TestChallenge::junkAfterQuotedValue()
{
    // The closing quote ends the value; "x" glued to it is junk, not a new challenge.
    const auto list = parseAuthChallenges(R"(Bearer realm="r",service="a, b"x, scope="s", Basic realm="b")");
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].param(u"service"), QStringLiteral("a, b"));
    QCOMPARE(list[0].param(u"scope"), QStringLiteral("s"));
    QCOMPARE(list[1].scheme, QStringLiteral("basic"));
    // Missing comma after a space is tolerated.
    const auto lenient = parseAuthChallenges(R"(Bearer realm="r" service="s")");
    QCOMPARE(lenient.size(), 1);
    QCOMPARE(lenient[0].param(u"service"), QStringLiteral("s"));
}

void TestChallenge::garbage_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("challenges");
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("spaces") << QByteArray("   ") << 0;
    QTest::newRow("only commas") << QByteArray(",,,") << 0;
    QTest::newRow("quote first") << QByteArray(R"("Bearer" realm="x")") << 0;
    QTest::newRow("equals first") << QByteArray("=realm") << 0;
    QTest::newRow("scheme=value") << QByteArray("Bearer=x") << 0;
    QTest::newRow("garbage then basic") << QByteArray(R"(@@@, Basic realm="r")") << 1;
    QTest::newRow("binary, no comma to recover at") << QByteArray("\x01\x02\xff Bearer") << 0;
    QTest::newRow("binary, then a challenge") << QByteArray("\x01\xff, Bearer realm=x") << 1;
    QTest::newRow("bare scheme") << QByteArray("Basic") << 1;
    QTest::newRow("param garbage recovers") << QByteArray(R"(Bearer realm="r", (x), service="s")") << 1;
}

void TestChallenge::garbage()
{
    QFETCH(QByteArray, header);
    QFETCH(int, challenges);
    const auto list = parseAuthChallenges(header);
    QCOMPARE(list.size(), challenges);
    for (const AuthChallenge &c : list)
        QVERIFY(!c.scheme.isEmpty());
    if (QByteArray(QTest::currentDataTag()) == "param garbage recovers") {
        QCOMPARE(list[0].param(u"realm"), QStringLiteral("r"));
        QCOMPARE(list[0].param(u"service"), QStringLiteral("s"));
    }
}

void TestChallenge::repeatedParamKeepsFirst()
{
    const auto list = parseAuthChallenges(R"(Bearer realm="first",realm="second")");
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].param(u"realm"), QStringLiteral("first"));
}

void TestChallenge::emptyTokenValue()
{
    const auto list = parseAuthChallenges(R"(Bearer realm="",service=,scope="x")");
    QCOMPARE(list.size(), 1);
    QVERIFY(list[0].params.contains(QStringLiteral("realm")));
    QVERIFY(list[0].param(u"realm").isEmpty());
    QVERIFY(list[0].params.contains(QStringLiteral("service")));
    QCOMPARE(list[0].param(u"scope"), QStringLiteral("x"));
}

void TestChallenge::utf8Realm()
{
    const auto list = parseAuthChallenges(QByteArray("Basic realm=\"R\xc3\xa9gistre\""));
    QCOMPARE(list.value(0).param(u"realm"), QString::fromUtf8("R\xc3\xa9gistre"));
}

QTEST_GUILESS_MAIN(TestChallenge)
#include "tst_challenge.moc"
