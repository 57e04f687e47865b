// CopyDialog offscreen against two real registries (Debian's docker-registry), driven as a
// person would: a tag copied to another repository of the same registry (every blob
// mounted, none uploaded, as the registry's access log shows), to the second registry
// (every blob streamed) under another tag, and over a tag there that pointed at another
// image (named in the result); each copy read back by skopeo byte for byte. A copy through
// a slow link stopped midway (closing asks first; "Keep Copying" keeps it going) leaves no
// tag; the source's registry removed while the dialog is open stops it.

#include "ops/transfer/copyblobmodel.h"
#include "ops/transfer/copydialog.h"

#include "../../../ops/copy/copytestsupport.h"
#include "support/fixtures.h"
#include "support/signalwait.h"
#include "support/throttledproxy.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using copytest::Side;

namespace {

constexpr int kTimeoutMs = 60000;

bool waitForState(CopyDialog *dialog, CopyDialog::State state)
{
    return testsupport::waitFor(
        dialog, &CopyDialog::stateChanged, [&] { return dialog->state() == state; }, kTimeoutMs);
}

QString labelText(const CopyDialog *dialog, const QString &name)
{
    return dialog->findChild<QLabel *>(name)->text();
}

} // namespace

class TestCopyDialog final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_regA;
    std::unique_ptr<RegistryProcess> m_regB;
    std::unique_ptr<Side> m_a, m_b;
    SeededImage m_image;           // A team/app:1.0
    SeededImage m_other;           // B copied/app:moving (another image)
    copytest::HandMadeImage m_big; // A big/app:1.0, one 24 MiB layer

    QByteArray raw(RegistryProcess &registry, const QString &reference)
    {
        Fixtures fixtures(registry);
        auto bytes = fixtures.skopeoInspectRaw(reference);
        return bytes ? bytes.value() : QByteArray();
    }

    QStringList listTags(RegistryProcess &registry, const QString &repository)
    {
        Fixtures fixtures(registry);
        auto tags = fixtures.skopeoListTags(repository);
        return tags ? tags.value() : QStringList{u"<skopeo failed>"_s};
    }

    CopyDialog *newDialog(Side &source, const QString &sourceHost, const QString &repository,
                          const QList<CopyDialog::Registry> &registries)
    {
        auto *dialog =
            new CopyDialog(&source.fetcher, sourceHost, repository, {u"1.0"_s}, registries);
        dialog->show();
        return dialog;
    }

    QList<CopyDialog::Registry> bothRegistries() const
    {
        return {{m_regA->host(), &m_a->fetcher}, {m_regB->host(), &m_b->fetcher}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_regA = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
        m_regB = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
        QVERIFY2(m_regA->start(), qPrintable(m_regA->errorString()));
        QVERIFY2(m_regB->start(), qPrintable(m_regB->errorString()));
        Fixtures a(*m_regA);
        auto image = a.pushOciImage(u"team/app"_s, u"1.0"_s);
        QVERIFY_RESULT(image);
        m_image = image.value();
        Fixtures b(*m_regB);
        auto other = b.pushDockerImage(u"copied/app"_s, u"moving"_s);
        QVERIFY_RESULT(other);
        m_other = other.value();
        QVERIFY(m_other.digest != m_image.digest);
        // The cancel test's target repository has a tag already, so skopeo can list it.
        QVERIFY(b.pushOciImage(u"big/app"_s, u"keep"_s).ok());
        QVERIFY(a.pushOciImage(u"team/app"_s, u"extra"_s).ok()); // a second tag to drag
        m_big = copytest::pushRandomImage(*m_regA, u"big/app"_s, u"1.0"_s, {24 << 20});
        QVERIFY(!m_big.digest.isNull());
        m_a = std::make_unique<Side>(*m_regA);
        m_b = std::make_unique<Side>(*m_regB);
    }

    void cleanup()
    {
        if (!QTest::currentTestFailed())
            return;
        for (RegistryProcess *registry : {m_regA.get(), m_regB.get()}) {
            if (registry)
                registry->printLogTail(3000);
        }
    }

    void withinRegistryBlobsAreMounted()
    {
        QPointer<CopyDialog> dialog =
            newDialog(*m_a, m_regA->host(), u"team/app"_s, bothRegistries());
        QAbstractItemModelTester tester(const_cast<CopyBlobModel *>(dialog->blobModel()),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy copied(dialog.data(), &CopyDialog::copied);
        // "Copy to…" starts on the other registry; a drop on a repository sets it.
        QCOMPARE(dialog->targetHost(), m_regB->host());
        QVERIFY(dialog->setTarget(m_regA->host(), u"mirror/app"_s));
        QVERIFY(dialog->isSameRegistry());
        QCOMPARE(dialog->targetTag(), u"1.0"_s);
        QCOMPARE(dialog->state(), CopyDialog::State::Ready);
        QCOMPARE(labelText(dialog, u"routeLabel"_s),
                 u"Blobs will be mounted (same registry): nothing is downloaded."_s);
        testsupport::spin(50);
        dialog->grab().save(u"/tmp/transfer-copy-ready.png"_s);

        const qsizetype offset = m_regA->log().size();
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"copyButton"_s), Qt::LeftButton);
        QCOMPARE(dialog->state(), CopyDialog::State::Copying);
        QVERIFY(waitForState(dialog, CopyDialog::State::Done));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        QCOMPARE(copied.size(), 1);
        QCOMPARE(copied.at(0).at(0).toString(), m_regA->host());
        QCOMPARE(copied.at(0).at(1).toString(), u"mirror/app"_s);
        QCOMPARE(copied.at(0).at(2).toString(), u"1.0"_s);

        const int blobs = int(m_image.layers.size()) + 1;
        QCOMPARE(dialog->blobModel()->rowCount(), blobs);
        for (int row = 0; row < blobs; ++row)
            QCOMPARE(dialog->blobModel()->index(row, CopyBlobModel::StateColumn).data().toString(),
                     u"Mounted"_s);
        QCOMPARE(copytest::mounts(*m_regA, offset, u"mirror/app"_s), blobs);
        QCOMPARE(copytest::blobUploads(*m_regA, offset, u"mirror/app"_s), 0);
        const QString result = labelText(dialog, u"resultLabel"_s);
        QVERIFY2(result.contains(m_image.digest.shortString() + u"… verified"_s),
                 qPrintable(result));
        QVERIFY2(
            result.contains(u"%1 mounted, 0 already there; nothing was downloaded"_s.arg(blobs)),
            qPrintable(result));
        testsupport::spin(50);
        dialog->grab().save(u"/tmp/transfer-copy-done-mounted.png"_s);
        QCOMPARE(raw(*m_regA, u"mirror/app:1.0"_s), m_image.manifest);

        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    void toAnotherRegistryBlobsStream()
    {
        QPointer<CopyDialog> dialog =
            newDialog(*m_a, m_regA->host(), u"team/app"_s, bothRegistries());
        QAbstractItemModelTester tester(const_cast<CopyBlobModel *>(dialog->blobModel()),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!dialog->isSameRegistry());
        QVERIFY2(labelText(dialog, u"routeLabel"_s)
                     .startsWith(u"Blobs will be streamed from %1 to %2"_s.arg(m_regA->host(),
                                                                               m_regB->host())),
                 qPrintable(labelText(dialog, u"routeLabel"_s)));
        dialog->setTarget(m_regB->host(), u"streamed/app"_s);
        dialog->setTargetTag(u"v1"_s);
        QCOMPARE(dialog->state(), CopyDialog::State::Ready);
        dialog->accept();
        QVERIFY(waitForState(dialog, CopyDialog::State::Done));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        const int blobs = int(m_image.layers.size()) + 1;
        QCOMPARE(dialog->job()->counters().blobsCopied, blobs);
        QCOMPARE(dialog->blobModel()->index(0, CopyBlobModel::StateColumn).data().toString(),
                 u"Copied"_s);
        QVERIFY(dialog->job()->previousTagDigest().isNull());
        QCOMPARE(raw(*m_regB, u"streamed/app:v1"_s), m_image.manifest);
        testsupport::spin(50);
        dialog->grab().save(u"/tmp/transfer-copy-done-streamed.png"_s);
        delete dialog;
    }

    void overATagOfAnotherImage()
    {
        QPointer<CopyDialog> dialog =
            newDialog(*m_a, m_regA->host(), u"team/app"_s, bothRegistries());
        dialog->setTarget(m_regB->host(), u"copied/app"_s);
        dialog->setTargetTag(u"moving"_s);
        dialog->accept();
        QVERIFY(waitForState(dialog, CopyDialog::State::Done));
        const QString result = labelText(dialog, u"resultLabel"_s);
        QVERIFY2(result.contains(u"pointed at another image, "_s + m_other.digest.shortString()),
                 qPrintable(result));
        QCOMPARE(dialog->job()->previousTagDigest(), m_other.digest);
        QCOMPARE(raw(*m_regB, u"copied/app:moving"_s), m_image.manifest);
        delete dialog;
    }

    void indexGoesWithItsPlatforms()
    {
        Fixtures a(*m_regA);
        auto index = a.pushIndex(u"team/multi"_s, u"1.0"_s);
        QVERIFY_RESULT(index);
        QPointer<CopyDialog> dialog =
            newDialog(*m_a, m_regA->host(), u"team/multi"_s, bothRegistries());
        dialog->setTarget(m_regB->host(), u"mirror/multi"_s);
        dialog->accept();
        QVERIFY(waitForState(dialog, CopyDialog::State::Done));
        const QString result = labelText(dialog, u"resultLabel"_s);
        QVERIFY2(result.contains(u"all its 2 platform"_s), qPrintable(result));
        QCOMPARE(raw(*m_regB, u"mirror/multi:1.0"_s), index->manifest);
        delete dialog;
    }

    void badTargetIsNamed()
    {
        QPointer<CopyDialog> dialog =
            newDialog(*m_a, m_regA->host(), u"team/app"_s, bothRegistries());
        dialog->setTarget(m_regA->host(), u"team/app"_s);
        QCOMPARE(dialog->state(), CopyDialog::State::Editing);
        QVERIFY2(dialog->problem().contains(u"already"_s), qPrintable(dialog->problem()));
        dialog->setTarget(m_regB->host(), u"Team/App"_s);
        QVERIFY2(dialog->problem().contains(u"not a valid repository"_s),
                 qPrintable(dialog->problem()));
        dialog->setTarget(m_regB->host(), u"team/app"_s);
        dialog->setTargetTag(u".hidden"_s);
        QVERIFY2(dialog->problem().contains(u"cannot start with"_s), qPrintable(dialog->problem()));
        QVERIFY(!dialog->findChild<QPushButton *>(u"copyButton"_s)->isEnabled());
        delete dialog;
    }

    void stoppedMidwayLeavesNoTag()
    {
        // The second registry behind a link of 3 MiB/s: 24 MiB take ~8 s.
        ThrottledProxy link(m_regB->port(), 3 << 20);
        QVERIFY(link.listen());
        oci::RegistryConfig config = m_regB->registryConfig();
        config.host = link.host();
        Side slow(std::move(config), oci::Credentials{});
        QPointer<CopyDialog> dialog =
            newDialog(*m_a, m_regA->host(), u"big/app"_s,
                      {{m_regA->host(), &m_a->fetcher}, {link.host(), &slow.fetcher}});
        QCOMPARE(dialog->targetHost(), link.host());
        dialog->accept();
        QPointer<ops::CopyJob> job = dialog->job();
        QVERIFY(job);
        QVERIFY(testsupport::waitFor(
            job.data(), &ops::CopyJob::progress, [&] { return job->bytesDone() > (1 << 20); },
            kTimeoutMs));
        QCOMPARE(dialog->state(), CopyDialog::State::Copying);
        testsupport::spin(300);
        dialog->grab().save(u"/tmp/transfer-copy-running.png"_s);

        // Closing asks first; keeping it changes nothing.
        dialog->close();
        QPointer<QMessageBox> question = dialog->findChild<QMessageBox *>(u"stopQuestion"_s);
        QVERIFY(question);
        QVERIFY(dialog->isVisible());
        QPushButton *keep = nullptr;
        for (QAbstractButton *button : question->buttons()) {
            if (button->text() == u"&Keep Copying"_s)
                keep = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(keep);
        QTest::mouseClick(keep, Qt::LeftButton);
        QCOMPARE(dialog->state(), CopyDialog::State::Copying);

        // Stop: no tag.
        auto *stop = dialog->findChild<QPushButton *>(u"closeButton"_s);
        QCOMPARE(stop->text(), u"&Stop"_s);
        QTest::mouseClick(stop, Qt::LeftButton);
        QCOMPARE(dialog->state(), CopyDialog::State::Cancelled);
        QVERIFY2(dialog->problem().startsWith(u"Stopped"_s), qPrintable(dialog->problem()));
        const QAbstractItemModel *blobs = dialog->blobModel();
        QCOMPARE(blobs->rowCount(), 2); // the config and the big layer
        QCOMPARE(blobs->index(1, CopyBlobModel::StateColumn).data().toString(), u"Stopped"_s);
        testsupport::spin(300);
        dialog->grab().save(u"/tmp/transfer-copy-stopped.png"_s);
        QCOMPARE(listTags(*m_regB, u"big/app"_s), QStringList{u"keep"_s});
        dialog->close(); // nothing runs: closes at once
        QTRY_VERIFY(!dialog);
        QCOMPARE(listTags(*m_regB, u"big/app"_s), QStringList{u"keep"_s});
    }

    void severalTagsGoOneAfterAnother()
    {
        // What a drag of two tag rows onto a repository of the other registry opens.
        QPointer<CopyDialog> dialog = new CopyDialog(&m_a->fetcher, m_regA->host(), u"team/app"_s,
                                                     {u"1.0"_s, u"extra"_s}, bothRegistries());
        dialog->show();
        QSignalSpy copied(dialog.data(), &CopyDialog::copied);
        QVERIFY(dialog->setTarget(m_regB->host(), u"dragged/app"_s));
        dialog->setWithReferrers(true);
        QVERIFY(!dialog->findChild<QLineEdit *>(u"tagEdit"_s)->isEnabled()); // each keeps its name
        QCOMPARE(dialog->state(), CopyDialog::State::Ready);
        dialog->accept();
        QVERIFY(waitForState(dialog, CopyDialog::State::Done));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        QCOMPARE(copied.size(), 2);
        QVERIFY(dialog->job()->request().withReferrers);
        QCOMPARE(copied.at(0).at(2).toString(), u"1.0"_s);
        QCOMPARE(copied.at(1).at(2).toString(), u"extra"_s);
        QCOMPARE(listTags(*m_regB, u"dragged/app"_s), (QStringList{u"1.0"_s, u"extra"_s}));
        QCOMPARE(raw(*m_regB, u"dragged/app:extra"_s), m_image.manifest);
        // One sentence per tag.
        QCOMPARE(labelText(dialog, u"resultLabel"_s).count(u"verified on both sides"_s), 2);
        delete dialog;
    }

    void targetRegistryRemoved()
    {
        auto target = std::make_unique<Side>(*m_regB);
        const QString host = u"localhost:"_s + QString::number(m_regB->port()); // its own entry
        QPointer<CopyDialog> dialog =
            newDialog(*m_a, m_regA->host(), u"team/app"_s,
                      {{m_regA->host(), &m_a->fetcher}, {host, &target->fetcher}});
        QCOMPARE(dialog->targetHost(), host);
        dialog->setTarget(host, u"lost/app"_s);
        dialog->accept();
        QCOMPARE(dialog->state(), CopyDialog::State::Copying);
        target.reset(); // that registry removed from the window mid-copy
        QCOMPARE(dialog->state(), CopyDialog::State::Failed);
        QVERIFY2(dialog->problem().contains(u"was removed"_s), qPrintable(dialog->problem()));
        // It is no longer offered; the source's registry is.
        QCOMPARE(dialog->targetHost(), m_regA->host());
        testsupport::spin(300);
        QCOMPARE(dialog->state(), CopyDialog::State::Failed);
        delete dialog;
    }

    void sourceRegistryRemoved()
    {
        auto source = std::make_unique<Side>(*m_regA);
        QPointer<CopyDialog> dialog =
            new CopyDialog(&source->fetcher, m_regA->host(), u"team/app"_s, {u"1.0"_s},
                           {{m_regA->host(), &source->fetcher}, {m_regB->host(), &m_b->fetcher}});
        dialog->show();
        dialog->setTarget(m_regB->host(), u"gone/app"_s);
        dialog->accept();
        source.reset(); // the registry removed from the window mid-copy
        QCOMPARE(dialog->state(), CopyDialog::State::Gone);
        QVERIFY2(dialog->problem().contains(u"was removed"_s), qPrintable(dialog->problem()));
        testsupport::spin(300);
        QCOMPARE(dialog->state(), CopyDialog::State::Gone);
        QVERIFY(!dialog->findChild<QPushButton *>(u"copyButton"_s)->isVisible());
        delete dialog;
    }
};

QTEST_MAIN(TestCopyDialog)
#include "tst_copydialog.moc"
