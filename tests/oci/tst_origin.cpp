#include "oci/transport/origin.h"

#include <QTest>

using oci::AddressClass;

namespace {
QUrl u8(const char *text)
{
    return QUrl::fromEncoded(QByteArray(text), QUrl::StrictMode);
}
} // namespace

class TestOrigin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameOrigin_data();
    void sameOrigin();
    void classify_data();
    void classify();
    void forbiddenChange_data();
    void forbiddenChange();
};

void TestOrigin::sameOrigin_data()
{
    QTest::addColumn<QUrl>("a");
    QTest::addColumn<QUrl>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("default port") << u8("https://r.example/v2/") << u8("https://R.EXAMPLE:443/x")
                                  << true;
    QTest::newRow("other port") << u8("https://r.example/") << u8("https://r.example:8443/")
                                << false;
    QTest::newRow("other scheme") << u8("https://r.example/") << u8("http://r.example/") << false;
    QTest::newRow("subdomain") << u8("https://r.example/") << u8("https://cdn.r.example/") << false;
    QTest::newRow("loopback alias")
        << u8("http://127.0.0.1:5000/") << u8("http://localhost:5000/") << false;
}

void TestOrigin::sameOrigin()
{
    QFETCH(QUrl, a);
    QFETCH(QUrl, b);
    QFETCH(bool, same);
    QCOMPARE(oci::isSameOrigin(a, b), same);
}

void TestOrigin::classify_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<AddressClass>("expected");
    QTest::newRow("name") << u"ghcr.io"_qs << AddressClass::Name;
    QTest::newRow("localhost") << u"localhost"_qs << AddressClass::Loopback;
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_qs << AddressClass::Loopback;
    QTest::newRow("::1") << u"::1"_qs << AddressClass::Loopback;
    QTest::newRow("10/8") << u"10.0.0.5"_qs << AddressClass::Private;
    QTest::newRow("172.16/12") << u"172.20.1.1"_qs << AddressClass::Private;
    QTest::newRow("192.168/16") << u"192.168.1.1"_qs << AddressClass::Private;
    QTest::newRow("fd00::/8") << u"fd12::1"_qs << AddressClass::Private;
    QTest::newRow("metadata") << u"169.254.169.254"_qs << AddressClass::LinkLocal;
    QTest::newRow("0.0.0.0") << u"0.0.0.0"_qs << AddressClass::Unspecified;
    QTest::newRow("public") << u"8.8.8.8"_qs << AddressClass::Public;
}

void TestOrigin::classify()
{
    QFETCH(QString, host);
    QFETCH(AddressClass, expected);
    QCOMPARE(oci::classifyHost(host), expected);
}

void TestOrigin::forbiddenChange_data()
{
    QTest::addColumn<QUrl>("from");
    QTest::addColumn<QUrl>("to");
    QTest::addColumn<bool>("forbidden");
    QTest::newRow("public -> loopback")
        << u8("https://r.example/") << u8("http://127.0.0.1/") << true;
    QTest::newRow("public -> private")
        << u8("https://r.example/") << u8("https://10.0.0.5/") << true;
    QTest::newRow("public -> metadata")
        << u8("https://r.example/") << u8("http://169.254.169.254/") << true;
    QTest::newRow("loopback -> metadata")
        << u8("http://127.0.0.1:5000/") << u8("http://169.254.169.254/") << true;
    QTest::newRow("public -> cdn")
        << u8("https://r.example/") << u8("https://cdn.example/") << false;
    QTest::newRow("loopback -> loopback")
        << u8("http://127.0.0.1:5000/") << u8("http://127.0.0.1:6000/") << false;
    QTest::newRow("private -> loopback")
        << u8("http://10.0.0.5/") << u8("http://localhost:5001/") << false;
    QTest::newRow("same host") << u8("https://10.0.0.5/") << u8("https://10.0.0.5:8443/") << false;
}

void TestOrigin::forbiddenChange()
{
    QFETCH(QUrl, from);
    QFETCH(QUrl, to);
    QFETCH(bool, forbidden);
    QCOMPARE(oci::isForbiddenAddressChange(from, to), forbidden);
}

QTEST_GUILESS_MAIN(TestOrigin)
#include "tst_origin.moc"
