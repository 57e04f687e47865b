#include "keychaintestmode.h"

#include "keychainstore.h"

#include <QDirIterator>
#include <QSignalSpy>

#include <optional>

namespace {

// Runs one request to its end.
struct Wait
{
    std::optional<KeychainStore::Outcome> outcome;
    KeychainStore::Callback callback()
    {
        return [this](const KeychainStore::Outcome &o) { outcome = o; };
    }
    bool done() { return QTest::qWaitFor([this] { return outcome.has_value(); }, 30000); }
};

KeychainStore::Outcome readNow(KeychainStore &store, const QString &host, const QString &user)
{
    Wait wait;
    store.read(host, user, wait.callback());
    return wait.done() ? *wait.outcome : KeychainStore::Outcome{false, {}, false, u"no answer"_qs};
}

// Every file under `dir` that holds `needle`.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits.append(file.fileName());
    }
    return hits;
}

} // namespace

class tst_KeychainStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { KeychainTest::prepareEnvironment(); }

    void keys()
    {
        QCOMPARE(KeychainStore::keyFor(u"localhost:5000"_qs, u"alice"_qs), u"alice@localhost:5000"_qs);
        QCOMPARE(KeychainStore::keyFor(u"ghcr.io"_qs, u"me@example.com"_qs),
                 u"me@example.com@ghcr.io"_qs);
        QCOMPARE(KeychainStore().service(), u"Lading"_qs);
    }

    // --- without D-Bus: the session-only fallback ---------------------------------------

    void withoutKeychainSecretsStayForTheSession()
    {
        KEYCHAIN_REQUIRE_NO_DBUS();
        KeychainStore store(KeychainTest::uniqueService());
        QSignalSpy unavailable(&store, &KeychainStore::unavailable);
        QVERIFY(store.isAvailable()); // not known before the first try

        Wait write;
        store.write(u"r.io"_qs, u"alice"_qs, u"pw-1"_qs, write.callback());
        QVERIFY(!write.outcome); // never answered synchronously
        QVERIFY(write.done());
        QVERIFY(!write.outcome->persisted);
        QVERIFY2(!write.outcome->error.isEmpty(), "the keychain's complaint is passed on");
        QCOMPARE(unavailable.size(), 1);
        QVERIFY(!store.isAvailable());
        QCOMPARE(unavailable.at(0).at(0).toString(), store.unavailableReason());
        QVERIFY(!store.unavailableReason().contains(u"pw-1"));

        const auto read = readNow(store, u"r.io"_qs, u"alice"_qs);
        QVERIFY(read.found);
        QCOMPARE(read.secret, u"pw-1"_qs);
        QVERIFY(!readNow(store, u"r.io"_qs, u"bob"_qs).found);
        QVERIFY(!readNow(store, u"other.io"_qs, u"alice"_qs).found);

        // Later writes go to memory straight away, and the person is told only once.
        Wait second;
        store.write(u"q.io"_qs, u"bob"_qs, u"pw-2"_qs, second.callback());
        QVERIFY(second.done());
        QVERIFY(!second.outcome->persisted);
        QCOMPARE(unavailable.size(), 1);
        QCOMPARE(readNow(store, u"q.io"_qs, u"bob"_qs).secret, u"pw-2"_qs);

        Wait removal;
        store.remove(u"r.io"_qs, u"alice"_qs, removal.callback());
        QVERIFY(removal.done());
        QVERIFY(!readNow(store, u"r.io"_qs, u"alice"_qs).found);
    }

    void withoutKeychainReadsFindNothing()
    {
        KEYCHAIN_REQUIRE_NO_DBUS();
        KeychainStore store(KeychainTest::uniqueService());
        QSignalSpy unavailable(&store, &KeychainStore::unavailable);
        const auto read = readNow(store, u"r.io"_qs, u"alice"_qs);
        QVERIFY(!read.found);
        QVERIFY(!read.error.isEmpty());
        QCOMPARE(unavailable.size(), 1);
    }

    void noticeForThePerson()
    {
        QCOMPARE(KeychainStore::sessionOnlyNotice(),
                 u"No keychain available: the password is kept until Lading quits."_qs);
    }

    // --- with a real Secret Service (gnome-keyring) -------------------------------------

    void storeReadBackAndDelete()
    {
        KEYCHAIN_REQUIRE_SECRET_SERVICE();
        const QString service = KeychainTest::uniqueService();
        const QString secret = u"s3cret-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            KeychainStore store(service);
            QSignalSpy unavailable(&store, &KeychainStore::unavailable);
            Wait write;
            store.write(u"localhost:5000"_qs, u"alice"_qs, secret, write.callback());
            QVERIFY(write.done());
            QVERIFY2(write.outcome->persisted, qPrintable(write.outcome->error));
            QVERIFY(write.outcome->error.isEmpty());
            QCOMPARE(unavailable.size(), 0);
            QVERIFY(store.isAvailable());
        }
        {
            // A new store has nothing in memory: the answer comes from the keychain.
            KeychainStore store(service);
            const auto read = readNow(store, u"localhost:5000"_qs, u"alice"_qs);
            QVERIFY2(read.found, qPrintable(read.error));
            QCOMPARE(read.secret, secret);
            const auto otherUser = readNow(store, u"localhost:5000"_qs, u"bob"_qs);
            QVERIFY(!otherUser.found);
            QVERIFY2(otherUser.error.isEmpty(), "not found is not an error");
            QVERIFY(!readNow(store, u"localhost:5001"_qs, u"alice"_qs).found);
            KeychainStore otherService(KeychainTest::uniqueService());
            QVERIFY(!readNow(otherService, u"localhost:5000"_qs, u"alice"_qs).found);
        }
        // gnome-keyring keeps its collection encrypted: the secret is in no file.
        const QString scratch = qEnvironmentVariable("LADING_KEYCHAIN_SCRATCH");
        QVERIFY(!scratch.isEmpty());
        QCOMPARE(filesContaining(scratch, secret.toUtf8()), QStringList());
        {
            KeychainStore store(service);
            Wait removal;
            store.remove(u"localhost:5000"_qs, u"alice"_qs, removal.callback());
            QVERIFY(removal.done());
            QVERIFY2(removal.outcome->error.isEmpty(), qPrintable(removal.outcome->error));
        }
        {
            KeychainStore store(service);
            const auto read = readNow(store, u"localhost:5000"_qs, u"alice"_qs);
            QVERIFY(!read.found);
            QVERIFY(read.error.isEmpty());
            // Removing what is not there is fine too.
            Wait removal;
            store.remove(u"localhost:5000"_qs, u"alice"_qs, removal.callback());
            QVERIFY(removal.done());
            QVERIFY(removal.outcome->error.isEmpty());
        }
    }

    void overwrite()
    {
        KEYCHAIN_REQUIRE_SECRET_SERVICE();
        const QString service = KeychainTest::uniqueService();
        KeychainStore store(service);
        for (const QString &secret : {u"first"_qs, u"second"_qs}) {
            Wait write;
            store.write(u"r.io"_qs, u"alice"_qs, secret, write.callback());
            QVERIFY(write.done());
            QVERIFY(write.outcome->persisted);
        }
        KeychainStore fresh(service);
        QCOMPARE(readNow(fresh, u"r.io"_qs, u"alice"_qs).secret, u"second"_qs);
        Wait removal;
        fresh.remove(u"r.io"_qs, u"alice"_qs, removal.callback());
        QVERIFY(removal.done());
    }
};

QTEST_GUILESS_MAIN(tst_KeychainStore)
#include "tst_keychainstore.moc"
