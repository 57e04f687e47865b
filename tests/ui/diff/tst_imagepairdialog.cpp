// File › Compare Images…: each side is a registry reference on a listed registry or an
// image on disk; anything else keeps Compare disabled with the reason in one sentence, and
// Compare hands over exactly the two sides typed.

#include "diff/imagepairdialog.h"

#include "image/diff/job/imagediffjob.h"
#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/transport/registryconfig.h"
#include "oci/transport/transport.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestImagePairDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        oci::RegistryConfig config;
        config.host = u"registry.example.com:5000"_s;
        m_client = std::make_unique<oci::RegistryClient>(&m_transport, config);
        m_cache = std::make_unique<oci::ContentCache>(oci::ContentCacheOptions{{}, 1024 * 1024, 0, 10});
        m_fetcher = std::make_unique<oci::ContentFetcher>(m_client.get(), m_cache.get());
        QFile archive(m_dir.filePath(u"app.tar"_s));
        QVERIFY(archive.open(QIODevice::WriteOnly));
    }

    void bothSidesNeeded()
    {
        ImagePairDialog *dialog = newDialog();
        QVERIFY(!compareButton(dialog)->isEnabled());
        dialog->setFirst(u"registry.example.com:5000/team/app:1.0"_s);
        QCOMPARE(dialog->problem(), u"Name both images."_s);
        QVERIFY(!compareButton(dialog)->isEnabled());
        delete dialog;
    }

    void registryAndFileCompare()
    {
        ImagePairDialog *dialog = newDialog();
        dialog->setFirst(u"registry.example.com:5000/team/app:1.0"_s);
        dialog->setSecond(m_dir.filePath(u"app.tar"_s));
        dialog->setPlatform(u"linux/arm64"_s);
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        QVERIFY(compareButton(dialog)->isEnabled());
        QSignalSpy requested(dialog, &ImagePairDialog::compareRequested);
        image::DiffImageRef first;
        image::DiffImageRef second;
        QString platform;
        connect(dialog, &ImagePairDialog::compareRequested, this, [&] {
            first = dialog->first();
            second = dialog->second();
            platform = dialog->platform();
        });
        dialog->accept();
        QCOMPARE(requested.count(), 1);
        QVERIFY(!first.isLocal());
        QCOMPARE(first.fetcher, m_fetcher.get());
        QCOMPARE(first.repository, u"team/app"_s);
        QCOMPARE(first.reference, u"1.0"_s);
        QVERIFY(second.isLocal());
        QCOMPARE(second.local->path, m_dir.filePath(u"app.tar"_s));
        QCOMPARE(platform, u"linux/arm64"_s);
    }

    void unknownRegistryAndNonsenseAreRefused()
    {
        ImagePairDialog *dialog = newDialog();
        dialog->setFirst(u"other.example.com/team/app:1.0"_s);
        dialog->setSecond(u"registry.example.com:5000/team/app@sha256:"_s + QString(64, u'a'));
        QCOMPARE(dialog->problem(), u"other.example.com is not in the registry list: add it first, "
                                    "or name an image on disk."_s);
        QVERIFY(!compareButton(dialog)->isEnabled());
        QCOMPARE(dialog->second().reference, u"sha256:"_s + QString(64, u'a'));
        dialog->setFirst(u"Not A Reference!"_s);
        QVERIFY2(dialog->problem().startsWith(u"“Not A Reference!” is neither a file nor an image reference"),
                 qPrintable(dialog->problem()));
        QSignalSpy requested(dialog, &ImagePairDialog::compareRequested);
        dialog->accept();
        QCOMPARE(requested.count(), 0);
        delete dialog;
    }

private:
    ImagePairDialog *newDialog()
    {
        auto *dialog = new ImagePairDialog([this](const QString &host) -> oci::ContentFetcher * {
            return host == u"registry.example.com:5000" ? m_fetcher.get() : nullptr;
        });
        dialog->setAttribute(Qt::WA_DeleteOnClose, false);
        return dialog;
    }

    static QPushButton *compareButton(ImagePairDialog *dialog)
    {
        return dialog->findChild<QPushButton *>(u"compareButton"_s);
    }

    QTemporaryDir m_dir;
    oci::Transport m_transport;
    std::unique_ptr<oci::RegistryClient> m_client;
    std::unique_ptr<oci::ContentCache> m_cache;
    std::unique_ptr<oci::ContentFetcher> m_fetcher;
};

QTEST_MAIN(TestImagePairDialog)
#include "tst_imagepairdialog.moc"
