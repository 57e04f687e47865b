#include "oci/auth/credentials.h"
#include "oci/auth/tokencache.h"

#include <QTest>

using oci::Credentials;
using oci::TokenCache;

class TestTokenCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keySeparatesWhatMatters();
    void keyHidesSecrets();
    void expiryWithMargin();
    void lifetimeBelowSixtySecondsIsSixty();
    void removeAndClear();
};

void TestTokenCache::keySeparatesWhatMatters()
{
    Credentials alice;
    alice.username = QStringLiteral("alice");
    alice.password = QStringLiteral("one");
    Credentials alice2 = alice;
    alice2.password = QStringLiteral("two");
    const QStringList pull{QStringLiteral("repository:a:pull")};
    const QString base = TokenCache::makeKey(u"https://auth/token"_qs, u"svc"_qs, pull, alice);
    QCOMPARE(TokenCache::makeKey(u"https://auth/token"_qs, u"svc"_qs, pull, alice), base);
    QVERIFY(TokenCache::makeKey(u"https://other/token"_qs, u"svc"_qs, pull, alice) != base);
    QVERIFY(TokenCache::makeKey(u"https://auth/token"_qs, u"svc2"_qs, pull, alice) != base);
    QVERIFY(TokenCache::makeKey(u"https://auth/token"_qs, u"svc"_qs, {u"repository:a:pull,push"_qs},
                                alice) != base);
    QVERIFY(TokenCache::makeKey(u"https://auth/token"_qs, u"svc"_qs, pull, alice2) != base);
    QVERIFY(TokenCache::makeKey(u"https://auth/token"_qs, u"svc"_qs, pull, Credentials()) != base);
    // Scope order does not matter.
    QCOMPARE(TokenCache::makeKey(u"r"_qs, u"s"_qs,
                                 {u"repository:a:pull"_qs, u"repository:b:pull"_qs}, alice),
             TokenCache::makeKey(u"r"_qs, u"s"_qs,
                                 {u"repository:b:pull"_qs, u"repository:a:pull"_qs}, alice));
}

void TestTokenCache::keyHidesSecrets()
{
    Credentials credentials;
    credentials.username = QStringLiteral("bob");
    credentials.password = QStringLiteral("hunter2-secret");
    credentials.identityToken = QStringLiteral("refresh-secret");
    const QString key = TokenCache::makeKey(u"r"_qs, u"s"_qs, {}, credentials);
    QVERIFY(!key.contains(u"hunter2"));
    QVERIFY(!key.contains(u"refresh-secret"));
    QVERIFY(key.contains(u"bob"));
}

void TestTokenCache::expiryWithMargin()
{
    TokenCache cache;
    cache.insert(u"k"_qs, u"tok"_qs, 60, 60000 - 150);
    QCOMPARE(cache.find(u"k"_qs), u"tok"_qs);
    QTest::qWait(250);
    QCOMPARE(cache.find(u"k"_qs), QString());

    // A margin larger than the lifetime keeps nothing.
    cache.insert(u"k2"_qs, u"tok"_qs, 60, 70000);
    QCOMPARE(cache.find(u"k2"_qs), QString());
}

void TestTokenCache::lifetimeBelowSixtySecondsIsSixty()
{
    TokenCache cache;
    cache.insert(u"k"_qs, u"tok"_qs, 0, 59000); // 0 s -> 60 s, minus 59 s margin: 1 s left
    QCOMPARE(cache.find(u"k"_qs), u"tok"_qs);
}

void TestTokenCache::removeAndClear()
{
    TokenCache cache;
    cache.insert(u"a"_qs, u"1"_qs, 300, 0);
    cache.insert(u"b"_qs, u"2"_qs, 300, 0);
    QCOMPARE(cache.size(), 2);
    cache.remove(u"a"_qs);
    QCOMPARE(cache.find(u"a"_qs), QString());
    QCOMPARE(cache.find(u"b"_qs), u"2"_qs);
    cache.clear();
    QCOMPARE(cache.size(), 0);
}

QTEST_GUILESS_MAIN(TestTokenCache)
#include "tst_tokencache.moc"
