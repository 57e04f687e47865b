#include "oci/auth/authscope.h"

#include <QTest>

class TestAuthScope final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split();
    void mergeUnitesActions();
    void mergeKeepsFirstOrder();
    void portInRepositoryName();
    void canonicalIsOrderIndependent();
};

void TestAuthScope::split()
{
    QCOMPARE(oci::splitScopes(u"repository:a:pull  repository:b:pull,push"),
             (QStringList{u"repository:a:pull"_qs, u"repository:b:pull,push"_qs}));
    QVERIFY(oci::splitScopes(u"").isEmpty());
}

void TestAuthScope::mergeUnitesActions()
{
    QCOMPARE(oci::mergeScopes({u"repository:a:pull"_qs}, {u"repository:a:pull,push"_qs}),
             QStringList{u"repository:a:pull,push"_qs});
    QCOMPARE(oci::mergeScopes({u"repository:a:pull"_qs}, {u"repository:a:pull"_qs}),
             QStringList{u"repository:a:pull"_qs});
}

void TestAuthScope::mergeKeepsFirstOrder()
{
    // The challenged scope goes first: some token servers honour only the first one.
    QCOMPARE(oci::mergeScopes({u"repository:b:pull"_qs},
                              {u"registry:catalog:*"_qs, u"repository:b:push"_qs}),
             (QStringList{u"repository:b:pull,push"_qs, u"registry:catalog:*"_qs}));
}

void TestAuthScope::portInRepositoryName()
{
    // The name may hold ":port": type ends at the first ':', actions start after the last.
    QCOMPARE(
        oci::mergeScopes({u"repository:host:5000/a:pull"_qs}, {u"repository:host:5000/a:push"_qs}),
        QStringList{u"repository:host:5000/a:pull,push"_qs});
}

void TestAuthScope::canonicalIsOrderIndependent()
{
    QCOMPARE(oci::canonicalScopes({u"repository:b:push,pull"_qs, u"repository:a:pull"_qs}),
             oci::canonicalScopes({u"repository:a:pull"_qs, u"repository:b:pull,push"_qs}));
    QVERIFY(oci::canonicalScopes({u"repository:a:pull"_qs}) !=
            oci::canonicalScopes({u"repository:a:pull,push"_qs}));
}

QTEST_GUILESS_MAIN(TestAuthScope)
#include "tst_authscope.moc"
