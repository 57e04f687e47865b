#include "oci/transport/linkheader.h"

#include <QTest>

using oci::parseNextLink;

class TestLinkHeader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void next_data();
    void next();
};

void TestLinkHeader::next_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("responseUrl");
    QTest::addColumn<QString>("expected"); // empty: no next link

    const QString base = QStringLiteral("https://reg.example.com/v2/_catalog?n=2");
    QTest::newRow("relative (distribution)")
        << QByteArray(R"(</v2/_catalog?last=b&n=2>; rel="next")") << base
        << QStringLiteral("https://reg.example.com/v2/_catalog?last=b&n=2");
    QTest::newRow("absolute same host")
        << QByteArray(R"(<https://reg.example.com/v2/_catalog?last=b&n=2>; rel="next")") << base
        << QStringLiteral("https://reg.example.com/v2/_catalog?last=b&n=2");
    QTest::newRow("absolute other host is returned (policy is the caller's)")
        << QByteArray(R"(<https://evil.example/v2/_catalog?last=b>; rel="next")") << base
        << QStringLiteral("https://evil.example/v2/_catalog?last=b");
    QTest::newRow("relative path without slash")
        << QByteArray(R"(<list?last=x>; rel="next")")
        << QStringLiteral("http://127.0.0.1:5000/v2/a/tags/list?n=1")
        << QStringLiteral("http://127.0.0.1:5000/v2/a/tags/list?last=x");
    QTest::newRow("unquoted rel")
        << QByteArray("</v2/_catalog?last=c>; rel=next") << base
        << QStringLiteral("https://reg.example.com/v2/_catalog?last=c");
    QTest::newRow("upper-case REL and NEXT")
        << QByteArray(R"(</v2/x?last=1>; REL="NEXT")") << base
        << QStringLiteral("https://reg.example.com/v2/x?last=1");
    QTest::newRow("several links, next second")
        << QByteArray(R"(</v2/_catalog?n=2>; rel="first", </v2/_catalog?last=d&n=2>; rel="next", </v2/_catalog?last=z>; rel="last")")
        << base << QStringLiteral("https://reg.example.com/v2/_catalog?last=d&n=2");
    QTest::newRow("rel list")
        << QByteArray(R"(</v2/_catalog?last=e>; rel="last next")") << base
        << QStringLiteral("https://reg.example.com/v2/_catalog?last=e");
    QTest::newRow("other params first")
        << QByteArray(R"(</p?x=1>; type="application/json"; title="a, b; c"; rel=next)") << base
        << QStringLiteral("https://reg.example.com/p?x=1");
    QTest::newRow("comma inside URL")
        << QByteArray(R"(</v2/_catalog?last=a,b>; rel="next")") << base
        << QStringLiteral("https://reg.example.com/v2/_catalog?last=a,b");
    QTest::newRow("opaque query kept byte for byte")
        << QByteArray(R"(</api/v1/tags?next_page=gAAAAA%2Bx%3D%3D&n=50>; rel="next")") << base
        << QStringLiteral("https://reg.example.com/api/v1/tags?next_page=gAAAAA%2Bx%3D%3D&n=50");
    QTest::newRow("no spaces") << QByteArray("</n>;rel=next") << base
                               << QStringLiteral("https://reg.example.com/n");
    QTest::newRow("first rel wins (RFC 8288)")
        << QByteArray(R"(</a>; rel="prev"; rel="next")") << base << QString();
    QTest::newRow("missing rel") << QByteArray("</v2/_catalog?last=b>") << base << QString();
    QTest::newRow("missing rel, then next")
        << QByteArray("</a>; title=x, </b>; rel=next") << base
        << QStringLiteral("https://reg.example.com/b");
    QTest::newRow("only prev") << QByteArray(R"(</a>; rel="prev")") << base << QString();
    QTest::newRow("nextpage is not next") << QByteArray("</a>; rel=nextpage") << base << QString();
    QTest::newRow("empty") << QByteArray() << base << QString();
    QTest::newRow("no angle brackets")
        << QByteArray(R"(/v2/_catalog?last=b; rel="next")") << base << QString();
    QTest::newRow("unterminated <")
        << QByteArray(R"(</v2/_catalog?last=b; rel="next")") << base << QString();
    QTest::newRow("malformed first, good second")
        << QByteArray(R"(garbage; rel="next", </good>; rel="next")") << base
        << QStringLiteral("https://reg.example.com/good");
    QTest::newRow("nested <") << QByteArray(R"(<<a>; rel="next")") << base << QString();
    QTest::newRow("empty target") << QByteArray(R"(<>; rel="next")") << base << QString();
    QTest::newRow("space in URL is invalid")
        << QByteArray(R"(</a b>; rel="next")") << base << QString();
}

void TestLinkHeader::next()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, responseUrl);
    QFETCH(QString, expected);
    const QUrl url = parseNextLink(header, QUrl(responseUrl));
    if (expected.isEmpty()) {
        QVERIFY2(url.isEmpty(), qPrintable(url.toString()));
    } else {
        QVERIFY(url.isValid());
        QCOMPARE(QString::fromLatin1(url.toEncoded()), expected);
    }
}

QTEST_GUILESS_MAIN(TestLinkHeader)
#include "tst_linkheader.moc"
