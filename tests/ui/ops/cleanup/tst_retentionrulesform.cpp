// RetentionRulesForm offscreen: rules in and out of the form, what typing does, the rules
// in words, and what is wrong with them.

#include "ops/cleanup/retentionrulesform.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRetentionRulesForm final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void roundTrip()
    {
        RetentionRulesForm form;
        ops::RetentionRules rules;
        rules.keepNewest = 7;
        rules.keep = {u"release-.*"_s, u"stable"_s};
        // A cut-off with a time of day (ladingctl --older-than takes one) survives the form.
        rules.deleteOlderThan = QDateTime(QDate(2024, 3, 1), QTime(15, 30), Qt::UTC);
        rules.deleteMatching = {u"pr-\\d+"_s};
        QSignalSpy changed(&form, &RetentionRulesForm::rulesChanged);
        form.setRules(rules);
        QCOMPARE(changed.count(), 1);
        QVERIFY(form.rules() == rules);
        QVERIFY(form.problem().isEmpty());
        QCOMPARE(form.findChild<QSpinBox *>(u"keepNewestSpin"_s)->value(), 7);
        QCOMPARE(form.findChild<QDateEdit *>(u"olderThanEdit"_s)->date(), QDate(2024, 3, 1));

        // Another day chosen: the start of that day, UTC.
        form.findChild<QDateEdit *>(u"olderThanEdit"_s)->setDate(QDate(2024, 4, 2));
        QCOMPARE(form.rules().deleteOlderThan, QDateTime(QDate(2024, 4, 2), QTime(0, 0), Qt::UTC));
        // Unchecked: no date rule.
        form.findChild<QCheckBox *>(u"olderThanCheck"_s)->setChecked(false);
        QVERIFY(!form.rules().deleteOlderThan.isValid());
        QVERIFY(!form.findChild<QDateEdit *>(u"olderThanEdit"_s)->isEnabled());

        form.setRules(ops::RetentionRules());
        QVERIFY(form.rules() == ops::RetentionRules());
    }

    void typing()
    {
        RetentionRulesForm form;
        QSignalSpy changed(&form, &RetentionRulesForm::rulesChanged);
        auto *keep = form.findChild<QPlainTextEdit *>(u"keepPatternsEdit"_s);
        // One pattern a line; blanks around and blank lines do not count.
        QTest::keyClicks(keep, u"  v1\\..*  "_s);
        QTest::keyClick(keep, Qt::Key_Return);
        QTest::keyClick(keep, Qt::Key_Return);
        QTest::keyClicks(keep, u"latest"_s);
        QVERIFY(changed.count() > 0);
        QCOMPARE(form.rules().keep, (QStringList{u"v1\\..*"_s, u"latest"_s}));
        auto *words = form.findChild<QLabel *>(u"rulesWords"_s);
        QCOMPARE(words->text(),
                 u"Keeps tags matching “v1\\..*” and “latest”. Deletes every other tag."_s);
        // The same rules for ladingctl, as its tool tip.
        QVERIFY(words->toolTip().isEmpty());
        form.setCommand(u"ladingctl cleanup r.example/app"_s);
        QCOMPARE(words->toolTip(), u"The same rules on the command line: ladingctl cleanup "
                                   "r.example/app --keep 'v1\\..*' --keep 'latest'"_s);
    }

    void words()
    {
        ops::RetentionRules rules;
        rules.deleteMatching = {u"tmp-.*"_s};
        QCOMPARE(RetentionRulesForm::describe(rules),
                 u"Deletes tags matching “tmp-.*”; every other tag stays."_s);
        rules.deleteOlderThan = QDateTime(QDate(2024, 1, 31), QTime(0, 0), Qt::UTC);
        QCOMPARE(RetentionRulesForm::describe(rules),
                 u"Deletes tags created before Wednesday, January 31, 2024 and tags matching "
                 "“tmp-.*”; every other tag stays."_s);
        rules.keep = {u"v.*"_s};
        QCOMPARE(RetentionRulesForm::describe(rules),
                 u"Keeps tags matching “v.*”. Of the others, deletes tags created before "
                 "Wednesday, January 31, 2024 and tags matching “tmp-.*”; the rest stay."_s);
    }

    void problems()
    {
        RetentionRulesForm form;
        auto *words = form.findChild<QLabel *>(u"rulesWords"_s);
        QVERIFY(form.problem().startsWith(u"Choose at least one rule"_s));
        QCOMPARE(words->text(), form.problem());

        QTest::keyClicks(form.findChild<QPlainTextEdit *>(u"deletePatternsEdit"_s), u"a[b"_s);
        QVERIFY2(
            form.problem().startsWith(u"The delete pattern “a[b” is not a regular expression: "_s),
            qPrintable(form.problem()));
        QCOMPARE(words->text(), form.problem());
        form.findChild<QPlainTextEdit *>(u"deletePatternsEdit"_s)->setPlainText(u"ab"_s);
        QVERIFY(form.problem().isEmpty());
        QVERIFY(words->text().startsWith(u"Deletes tags matching “ab”"_s));

        // Saved rules that could not be read are noted under the form.
        auto *note = form.findChild<QLabel *>(u"rulesNote"_s);
        QVERIFY(!note->isVisibleTo(&form));
        form.setNote(u"could not be read"_s, u"detail"_s);
        QVERIFY(note->isVisibleTo(&form));
        QCOMPARE(note->toolTip(), u"detail"_s);
    }
};

QTEST_MAIN(TestRetentionRulesForm)
#include "tst_retentionrulesform.moc"
