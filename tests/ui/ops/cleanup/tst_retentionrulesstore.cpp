// RetentionRulesStore on a scratch INI file: rules saved and read back per registry and
// repository, kept apart from other repositories and registries and from the registry
// list in the same file; a damaged value is not used and says why.

#include "ops/cleanup/retentionrulesstore.h"

#include "ops/plan/retentionrules.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRetentionRulesStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(u"lading.conf"_s);
    }

    void saveAndLoad()
    {
        ops::RetentionRules rules;
        rules.keepNewest = 5;
        rules.keep = {u"release-.*"_s, u"v\\d+\\.\\d+"_s};
        rules.deleteOlderThan = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
        rules.deleteMatching = {u"tmp-.*"_s};
        const RetentionRulesStore store(m_file);
        QVERIFY(!store.load(u"registry.example.com"_s, u"team/app"_s).has_value());
        QVERIFY(store.save(u"registry.example.com"_s, u"team/app"_s, rules).ok());

        // Another store on the same file (a dialog opened later) reads them back.
        QString problem = u"stale"_s;
        const std::optional<ops::RetentionRules> loaded =
            RetentionRulesStore(m_file).load(u"registry.example.com"_s, u"team/app"_s, &problem);
        QVERIFY(loaded.has_value());
        QVERIFY(*loaded == rules);
        QVERIFY(problem.isEmpty());

        // Saving again replaces them.
        ops::RetentionRules fewer;
        fewer.keepNewest = 2;
        QVERIFY(store.save(u"registry.example.com"_s, u"team/app"_s, fewer).ok());
        QVERIFY(*store.load(u"registry.example.com"_s, u"team/app"_s) == fewer);

        QVERIFY(store.remove(u"registry.example.com"_s, u"team/app"_s).ok());
        QVERIFY(!store.load(u"registry.example.com"_s, u"team/app"_s).has_value());
    }

    void repositoriesApart()
    {
        const RetentionRulesStore store(m_file);
        ops::RetentionRules app;
        app.keepNewest = 3;
        ops::RetentionRules nested; // "team/app/tools": below team/app in the name, not in the file
        nested.keep = {u"stable"_s};
        ops::RetentionRules otherHost;
        otherHost.deleteMatching = {u"pr-\\d+"_s};
        QVERIFY(store.save(u"registry.example.com"_s, u"team/app"_s, app).ok());
        QVERIFY(store.save(u"registry.example.com"_s, u"team/app/tools"_s, nested).ok());
        QVERIFY(store.save(u"127.0.0.1:5000"_s, u"team/app"_s, otherHost).ok());

        QVERIFY(*store.load(u"registry.example.com"_s, u"team/app"_s) == app);
        QVERIFY(*store.load(u"registry.example.com"_s, u"team/app/tools"_s) == nested);
        QVERIFY(*store.load(u"127.0.0.1:5000"_s, u"team/app"_s) == otherHost);
        QVERIFY(!store.load(u"registry.example.com"_s, u"team/other"_s).has_value());
        QVERIFY(!store.load(u"127.0.0.1:5001"_s, u"team/app"_s).has_value());
        // The host as typed in another case is the same registry.
        QVERIFY(*store.load(u"Registry.Example.com"_s, u"team/app"_s) == app);

        // Removing one leaves the others.
        QVERIFY(store.remove(u"registry.example.com"_s, u"team/app"_s).ok());
        QVERIFY(!store.load(u"registry.example.com"_s, u"team/app"_s).has_value());
        QVERIFY(*store.load(u"registry.example.com"_s, u"team/app/tools"_s) == nested);
    }

    void besideTheRegistryList()
    {
        // The main window's settings live in the same file: neither side disturbs the other.
        {
            QSettings settings(m_file, QSettings::IniFormat);
            settings.beginWriteArray(u"registries"_s, 1);
            settings.setArrayIndex(0);
            settings.setValue(u"host"_s, u"registry.example.com"_s);
            settings.endArray();
        }
        ops::RetentionRules rules;
        rules.keepNewest = 1;
        QVERIFY(RetentionRulesStore(m_file).save(u"registry.example.com"_s, u"a"_s, rules).ok());
        QSettings settings(m_file, QSettings::IniFormat);
        QCOMPARE(settings.beginReadArray(u"registries"_s), 1);
        settings.setArrayIndex(0);
        QCOMPARE(settings.value(u"host"_s).toString(), u"registry.example.com"_s);
        settings.endArray();
        // The value is JSON text in the file, readable by a person.
        const QString stored =
            settings
                .value(u"retentionRules/"_s +
                       RetentionRulesStore::keyOf(u"registry.example.com"_s, u"a"_s))
                .toString();
        QCOMPARE(stored, u"{\"keepNewest\":1,\"version\":1}"_s);
    }

    void damagedValueIgnored_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("why");
        QTest::newRow("not JSON") << u"{\"keepNewest\": 3"_s << u"cannot be read"_s;
        QTest::newRow("not an object") << u"[1, 2]"_s << u"not a JSON object"_s;
        QTest::newRow("bad pattern")
            << u"{\"version\":1,\"keep\":[\"v(\"]}"_s << u"not a valid regular expression"_s;
        QTest::newRow("no rule") << u"{\"version\":1}"_s << u"delete every tag"_s;
        QTest::newRow("newer format") << u"{\"version\":7,\"keepNewest\":3}"_s << u"version 7"_s;
        QTest::newRow("wrong type")
            << u"{\"version\":1,\"keepNewest\":\"three\"}"_s << u"whole number"_s;
        QTest::newRow("empty") << QString() << u"cannot be read"_s;
    }

    void damagedValueIgnored()
    {
        QFETCH(QString, value);
        QFETCH(QString, why);
        const RetentionRulesStore store(m_file);
        {
            QSettings settings(m_file, QSettings::IniFormat);
            settings.setValue(
                u"retentionRules/"_s + RetentionRulesStore::keyOf(u"r.example"_s, u"app"_s), value);
        }
        QString problem;
        QVERIFY(!store.load(u"r.example"_s, u"app"_s, &problem).has_value());
        QVERIFY2(problem.contains(why), qPrintable(problem));
        QVERIFY2(problem.contains(u"r.example/app"_s), qPrintable(problem));
        QVERIFY(!store.load(u"r.example"_s, u"app"_s).has_value()); // no problem pointer: no crash

        // Saving good rules over it mends it.
        ops::RetentionRules rules;
        rules.keepNewest = 4;
        QVERIFY(store.save(u"r.example"_s, u"app"_s, rules).ok());
        QVERIFY(*store.load(u"r.example"_s, u"app"_s, &problem) == rules);
        QVERIFY(problem.isEmpty());
    }

    void unwritableFile()
    {
        // A folder where the file should be: QSettings cannot write it.
        QVERIFY(QDir(m_dir->path()).mkdir(u"lading.conf"_s));
        ops::RetentionRules rules;
        rules.keepNewest = 1;
        const oci::Result<void> saved = RetentionRulesStore(m_file).save(u"h"_s, u"r"_s, rules);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code(), oci::Error::Code::Io);
        QVERIFY(saved.error().message().contains(m_file));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestRetentionRulesStore)
#include "tst_retentionrulesstore.moc"
