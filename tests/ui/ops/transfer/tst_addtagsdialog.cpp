// AddTagsDialog offscreen against the real registry (Debian's docker-registry), driven as a
// person would: typing "stable, old" previews 'stable' as new and 'old' as MOVED from the
// other image's digest to this one — before anything is written (skopeo lists neither
// change) — then "Add 2 Tags" writes both and skopeo reads the source's exact manifest bytes
// under each. Also: a bad tag name is named in one sentence and nothing is asked; a tag
// already there is "nothing changes"; the registry removed while the dialog is open.

#include "ops/transfer/addtagsdialog.h"

#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/signalwait.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 30000;

bool waitForState(AddTagsDialog *dialog, AddTagsDialog::State state)
{
    return testsupport::waitFor(
        dialog, &AddTagsDialog::stateChanged, [&] { return dialog->state() == state; }, kTimeoutMs);
}

QStringList rowTexts(const AddTagsDialog *dialog)
{
    const auto *list = dialog->findChild<QTreeWidget *>(u"previewList"_s);
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        rows << list->topLevelItem(i)->text(0) + u" | "_s + list->topLevelItem(i)->text(1);
    return rows;
}

} // namespace

class TestAddTagsDialog final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<ClientHarness> m_harness;
    SeededImage m_one; // team/app:1.0 (OCI)
    SeededImage m_old; // team/app:old (Docker schema 2: another digest)

    QStringList listTags()
    {
        Fixtures fixtures(*m_registry);
        auto tags = fixtures.skopeoListTags(u"team/app"_s);
        return tags ? tags.value() : QStringList{u"<skopeo failed>"_s};
    }

    QByteArray raw(const QString &reference)
    {
        Fixtures fixtures(*m_registry);
        auto bytes = fixtures.skopeoInspectRaw(reference);
        return bytes ? bytes.value() : QByteArray();
    }

    AddTagsDialog *newDialog(const QString &source)
    {
        auto *dialog =
            new AddTagsDialog(m_harness->client(), m_registry->host(), u"team/app"_s, source);
        dialog->show();
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
        QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
        Fixtures fixtures(*m_registry);
        auto one = fixtures.pushOciImage(u"team/app"_s, u"1.0"_s);
        QVERIFY_RESULT(one);
        m_one = one.value();
        auto old = fixtures.pushDockerImage(u"team/app"_s, u"old"_s);
        QVERIFY_RESULT(old);
        m_old = old.value();
        QVERIFY(m_one.digest != m_old.digest);
        m_harness = std::make_unique<ClientHarness>(*m_registry);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && m_registry)
            m_registry->printLogTail();
    }

    void addsOneAndMovesAnother()
    {
        QPointer<AddTagsDialog> dialog = newDialog(u"1.0"_s);
        QSignalSpy added(dialog.data(), &AddTagsDialog::tagsAdded);
        auto *button = dialog->findChild<QPushButton *>(u"addButton"_s);
        QVERIFY(!button->isEnabled());

        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"tagsEdit"_s), u"stable, old"_s);
        QCOMPARE(dialog->tags(), (QStringList{u"stable"_s, u"old"_s}));
        QVERIFY(waitForState(dialog, AddTagsDialog::State::Ready));
        QCOMPARE(dialog->digest(), m_one.digest);

        // The move is shown, from which digest to which, before anything is written.
        const QStringList rows = rowTexts(dialog);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0), u"stable | New tag"_s);
        QCOMPARE(rows.at(1),
                 QString(u"old | MOVES from "_s + m_old.digest.shortString() +
                         u"… (another image) to "_s + m_one.digest.shortString() + u"…"_s));
        const auto *warning = dialog->findChild<QLabel *>(u"moveWarning"_s);
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(u"another image"_s), qPrintable(warning->text()));
        QVERIFY(button->isEnabled());
        // "&Add 2 Tags" with lading_en's plural forms (not loaded here).
        QVERIFY2(button->text().startsWith(u"&Add 2 Tag"_s), qPrintable(button->text()));
        testsupport::spin(50); // the layout settles (the busy bar went)
        dialog->grab().save(u"/tmp/transfer-addtags-preview.png"_s);
        // A dry run: the registry is as it was.
        QCOMPARE(listTags(), (QStringList{u"1.0"_s, u"old"_s}));
        QCOMPARE(raw(u"team/app:old"_s), m_old.manifest);

        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(waitForState(dialog, AddTagsDialog::State::Done));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.at(0).at(0).toString(), m_registry->host());
        QCOMPARE(added.at(0).at(1).toString(), u"team/app"_s);
        QCOMPARE(added.at(0).at(2).toStringList(), (QStringList{u"stable"_s, u"old"_s}));
        const QStringList done = rowTexts(dialog);
        QCOMPARE(done.at(0), u"stable | Added"_s);
        QVERIFY2(done.at(1).startsWith(u"old | Moved from "_s), qPrintable(done.at(1)));
        QVERIFY(!button->isVisible());
        const auto *result = dialog->findChild<QLabel *>(u"resultLabel"_s);
        QVERIFY(result->isVisible());
        QVERIFY2(result->text().contains(m_one.digest.shortString()), qPrintable(result->text()));
        testsupport::spin(50);
        dialog->grab().save(u"/tmp/transfer-addtags-done.png"_s);

        // skopeo reads the exact bytes of 1.0 under both: the same digest.
        QCOMPARE(listTags(), (QStringList{u"1.0"_s, u"old"_s, u"stable"_s}));
        QCOMPARE(raw(u"team/app:stable"_s), m_one.manifest);
        QCOMPARE(raw(u"team/app:old"_s), m_one.manifest);
        QCOMPARE(raw(u"team/app:1.0"_s), m_one.manifest);

        dialog->close(); // deletes itself
        QTRY_VERIFY(!dialog);
    }

    void badTagIsNamedAndNotAsked()
    {
        const qsizetype offset = m_registry->log().size();
        QPointer<AddTagsDialog> dialog = newDialog(u"1.0"_s);
        dialog->setTagsText(u"fine -bad"_s);
        QCOMPARE(dialog->state(), AddTagsDialog::State::Editing);
        QVERIFY2(dialog->problem().contains(u"“-bad”"_s), qPrintable(dialog->problem()));
        QVERIFY(dialog->problem().contains(u"cannot start with"_s));
        dialog->setTagsText(u"fine wr@ng"_s);
        QVERIFY2(dialog->problem().contains(u"“@”"_s), qPrintable(dialog->problem()));
        QVERIFY(!dialog->findChild<QPushButton *>(u"addButton"_s)->isEnabled());
        testsupport::spin(500); // past the preview's pause: still nothing asked
        QCOMPARE(dialog->state(), AddTagsDialog::State::Editing);
        QVERIFY(!m_registry->log().mid(offset).contains("/manifests/"));
        delete dialog;
    }

    void tagAlreadyThereChangesNothing()
    {
        QPointer<AddTagsDialog> dialog = newDialog(u"1.0"_s);
        dialog->setTagsText(u"1.0"_s);
        QVERIFY(waitForState(dialog, AddTagsDialog::State::Ready));
        QCOMPARE(rowTexts(dialog), QStringList{u"1.0 | Already on this image: nothing changes"_s});
        QVERIFY(!dialog->findChild<QPushButton *>(u"addButton"_s)->isEnabled());
        delete dialog;
    }

    void registryRemovedWhileOpen()
    {
        auto harness = std::make_unique<ClientHarness>(*m_registry);
        QPointer<AddTagsDialog> dialog =
            new AddTagsDialog(harness->client(), m_registry->host(), u"team/app"_s, u"1.0"_s);
        dialog->show();
        dialog->setTagsText(u"gone"_s);
        harness.reset(); // the registry removed from the window
        QCOMPARE(dialog->state(), AddTagsDialog::State::Gone);
        QVERIFY2(dialog->problem().contains(u"was removed"_s), qPrintable(dialog->problem()));
        testsupport::spin(500);
        QCOMPARE(dialog->state(), AddTagsDialog::State::Gone);
        QVERIFY(!listTags().contains(u"gone"_s));
        delete dialog;
    }
};

QTEST_MAIN(TestAddTagsDialog)
#include "tst_addtagsdialog.moc"
