// The add-repository dialog: the normalised name as it is typed (Docker Hub's "library/"),
// names of other registries refused with a sentence, OK only for a valid name.

#include "addrepositorydialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAddRepositoryDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dockerHubNames()
    {
        AddRepositoryDialog dialog(u"registry-1.docker.io"_s);
        QVERIFY(dialog.windowTitle().contains(u"docker.io"_s));
        QVERIFY(!dialog.windowTitle().contains(u"registry-1"_s));
        auto *name = dialog.findChild<QLineEdit *>(u"repositoryEdit"_s);
        auto *preview = dialog.findChild<QLabel *>(u"previewLabel"_s);
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QVERIFY(preview->text().isEmpty());

        QTest::keyClicks(name, u"debian"_s);
        QVERIFY(ok->isEnabled());
        QCOMPARE(preview->text(), u"Opens docker.io/library/debian"_s);
        QCOMPARE(dialog.repository(), u"library/debian"_s);

        name->setText(u"index.docker.io/grafana/loki:2.9"_s);
        QCOMPARE(dialog.repository(), u"grafana/loki"_s);
        QVERIFY(ok->isEnabled());
    }

    void refusesWithASentence()
    {
        AddRepositoryDialog dialog(u"ghcr.io"_s);
        dialog.show();
        auto *name = dialog.findChild<QLineEdit *>(u"repositoryEdit"_s);
        auto *preview = dialog.findChild<QLabel *>(u"previewLabel"_s);
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(name, u"quay.io/org/app"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(preview->text().contains(u"not a repository name on ghcr.io"_s),
                 qPrintable(preview->text()));
        QVERIFY2(preview->text().contains(u"quay.io"_s), qPrintable(preview->text()));
        dialog.accept();
        QVERIFY(dialog.isVisible());

        name->setText(u"octo/app"_s);
        QCOMPARE(preview->text(), u"Opens ghcr.io/octo/app"_s);
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.repository(), u"octo/app"_s);
    }
};

QTEST_MAIN(TestAddRepositoryDialog)
#include "tst_addrepositorydialog.moc"
