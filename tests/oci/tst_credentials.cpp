#include "oci/auth/chainedcredentials.h"
#include "oci/auth/credentials.h"
#include "oci/auth/staticcredentials.h"

#include <QCoreApplication>
#include <QTest>
#include <QTimer>

using oci::ChainedCredentialProvider;
using oci::Credentials;
using oci::CredentialProvider;
using oci::Error;
using oci::StaticCredentialProvider;

namespace {

Credentials userPass(const QString &user, const QString &pass)
{
    Credentials c;
    c.username = user;
    c.password = pass;
    return c;
}

// A provider that answers later from the event loop, or fails, and counts its calls.
class ScriptedProvider final : public CredentialProvider
{
public:
    enum class Mode { Anonymous, Later, Fail };
    ScriptedProvider(Mode mode, Credentials answer = {})
        : m_mode(mode)
        , m_answer(std::move(answer))
    {}
    mutable int calls = 0;
    void lookup(const QString &host, oci::CredentialsCallback done) const override
    {
        ++calls;
        switch (m_mode) {
        case Mode::Anonymous:
            done(Credentials());
            break;
        case Mode::Fail:
            done(Error(Error::Code::CredentialsUnavailable, u"broken for " + host));
            break;
        case Mode::Later:
            QTimer::singleShot(0, QCoreApplication::instance(),
                               [done, answer = m_answer] { done(answer); });
            break;
        }
    }

private:
    Mode m_mode;
    Credentials m_answer;
};

struct Captured
{
    int calls = 0;
    std::optional<oci::Result<Credentials>> result;
};

oci::CredentialsCallback capture(Captured *c)
{
    return [c](oci::Result<Credentials> r) {
        ++c->calls;
        c->result.emplace(std::move(r));
    };
}

} // namespace

class TestCredentials final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isAnonymous();
    void normalizeHost_data();
    void normalizeHost();
    void staticProvider();
    void chainFirstNonAnonymousWins();
    void chainAsyncProviders();
    void chainErrorOnlyWhenNothingElse();
    void chainEmpty();
};

void TestCredentials::isAnonymous()
{
    QVERIFY(Credentials().isAnonymous());
    Credentials c;
    c.identityToken = QStringLiteral("x");
    QVERIFY(!c.isAnonymous());
    c = {};
    c.registryToken = QStringLiteral("x");
    QVERIFY(!c.isAnonymous());
    QVERIFY(!userPass(QStringLiteral("u"), QString()).isAnonymous());
}

void TestCredentials::normalizeHost_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("hub v1") << QStringLiteral("https://index.docker.io/v1/") << QStringLiteral("docker.io");
    QTest::newRow("index") << QStringLiteral("index.docker.io") << QStringLiteral("docker.io");
    QTest::newRow("registry-1") << QStringLiteral("registry-1.docker.io") << QStringLiteral("docker.io");
    QTest::newRow("docker.io") << QStringLiteral("docker.io") << QStringLiteral("docker.io");
    QTest::newRow("host port path") << QStringLiteral("https://myreg:5000/v2/") << QStringLiteral("myreg:5000");
    QTest::newRow("http") << QStringLiteral("http://Host.Example") << QStringLiteral("host.example");
    QTest::newRow("spaces") << QStringLiteral("  ghcr.io ") << QStringLiteral("ghcr.io");
    QTest::newRow("ipv6") << QStringLiteral("[::1]:5000") << QStringLiteral("[::1]:5000");
    QTest::newRow("not hub") << QStringLiteral("hub.docker.io.evil") << QStringLiteral("hub.docker.io.evil");
}

void TestCredentials::normalizeHost()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(oci::normalizeRegistryHost(input), expected);
}

void TestCredentials::staticProvider()
{
    StaticCredentialProvider provider;
    provider.set(QStringLiteral("index.docker.io"), userPass(QStringLiteral("hub"), QStringLiteral("p")));
    provider.set(QStringLiteral("localhost:5000"), userPass(QStringLiteral("local"), QStringLiteral("q")));
    Captured hub, local, none;
    provider.lookup(QStringLiteral("docker.io"), capture(&hub));
    provider.lookup(QStringLiteral("LOCALHOST:5000"), capture(&local));
    provider.lookup(QStringLiteral("localhost:5001"), capture(&none));
    QCOMPARE(hub.calls, 1);
    QCOMPARE(hub.result->value().username, QStringLiteral("hub"));
    QCOMPARE(local.result->value().password, QStringLiteral("q"));
    QCOMPARE(none.calls, 1);
    QVERIFY(none.result->ok());
    QVERIFY(none.result->value().isAnonymous());

    provider.remove(QStringLiteral("docker.io"));
    Captured removed;
    provider.lookup(QStringLiteral("docker.io"), capture(&removed));
    QVERIFY(removed.result->value().isAnonymous());
}

void TestCredentials::chainFirstNonAnonymousWins()
{
    auto first = std::make_shared<StaticCredentialProvider>();
    first->set(QStringLiteral("a.io"), userPass(QStringLiteral("first"), QStringLiteral("1")));
    auto second = std::make_shared<StaticCredentialProvider>();
    second->set(QStringLiteral("a.io"), userPass(QStringLiteral("second"), QStringLiteral("2")));
    second->set(QStringLiteral("b.io"), userPass(QStringLiteral("second-b"), QStringLiteral("3")));
    ChainedCredentialProvider chain;
    QVERIFY(chain.isEmpty());
    chain.append(first);
    chain.append(second);
    chain.append(nullptr); // ignored
    QVERIFY(!chain.isEmpty());

    Captured a, b, c;
    chain.lookup(QStringLiteral("a.io"), capture(&a));
    chain.lookup(QStringLiteral("b.io"), capture(&b));
    chain.lookup(QStringLiteral("c.io"), capture(&c));
    QCOMPARE(a.result->value().username, QStringLiteral("first"));
    QCOMPARE(b.result->value().username, QStringLiteral("second-b"));
    QCOMPARE(c.calls, 1);
    QVERIFY(c.result->value().isAnonymous());
}

void TestCredentials::chainAsyncProviders()
{
    auto anon = std::make_shared<ScriptedProvider>(ScriptedProvider::Mode::Anonymous);
    auto later = std::make_shared<ScriptedProvider>(ScriptedProvider::Mode::Later,
                                                    userPass(QStringLiteral("late"), QStringLiteral("x")));
    auto never = std::make_shared<ScriptedProvider>(ScriptedProvider::Mode::Fail);
    Captured result;
    {
        ChainedCredentialProvider chain;
        chain.append(anon);
        chain.append(later);
        chain.append(never);
        chain.lookup(QStringLiteral("r.io"), capture(&result));
    } // the chain may go away while a lookup is pending
    QCOMPARE(result.calls, 0); // not yet: the second provider answers from the event loop
    QTRY_COMPARE(result.calls, 1);
    QCOMPARE(result.result->value().username, QStringLiteral("late"));
    QCOMPARE(anon->calls, 1);
    QCOMPARE(later->calls, 1);
    QCOMPARE(never->calls, 0); // the chain stopped at the first answer
    QTest::qWait(10);
    QCOMPARE(result.calls, 1);
}

void TestCredentials::chainErrorOnlyWhenNothingElse()
{
    auto failing = std::make_shared<ScriptedProvider>(ScriptedProvider::Mode::Fail);
    auto anon = std::make_shared<ScriptedProvider>(ScriptedProvider::Mode::Anonymous);
    auto good = std::make_shared<StaticCredentialProvider>();
    good->set(QStringLiteral("r.io"), userPass(QStringLiteral("good"), QStringLiteral("g")));

    ChainedCredentialProvider rescued;
    rescued.append(failing);
    rescued.append(good);
    Captured ok;
    rescued.lookup(QStringLiteral("r.io"), capture(&ok));
    QVERIFY(ok.result->ok());
    QCOMPARE(ok.result->value().username, QStringLiteral("good"));

    ChainedCredentialProvider broken;
    broken.append(anon);
    broken.append(failing);
    broken.append(anon);
    Captured err;
    broken.lookup(QStringLiteral("r.io"), capture(&err));
    QCOMPARE(err.calls, 1);
    QVERIFY(!err.result->ok());
    QCOMPARE(err.result->error().code(), Error::Code::CredentialsUnavailable);
    QCOMPARE(err.result->error().message(), QStringLiteral("broken for r.io"));
}

void TestCredentials::chainEmpty()
{
    ChainedCredentialProvider chain;
    Captured r;
    chain.lookup(QStringLiteral("r.io"), capture(&r));
    QCOMPARE(r.calls, 1);
    QVERIFY(r.result->value().isAnonymous());
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
