// InspectorWidget against the real registry (Debian's docker-registry, token auth): images
// (OCI and Docker) with layers mapped to history steps, indexes with their platforms and a
// buildx-style attestation, digest links in the JSON and back/forward (buttons and
// Alt+Left/Right), raw bytes identical to `skopeo inspect --raw`, the copy actions, errors,
// cancellation, and a tag shown from the cache while the registry is down.

#include "historytablemodel.h"
#include "inspectorcontent.h"
#include "inspectorjsonview.h"
#include "inspectorroles.h"
#include "inspectorwidget.h"
#include "jsonformat.h"
#include "layertablemodel.h"
#include "platformtablemodel.h"

#include "models/inspectortestdata.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/registryseeder.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 30000;

oci::ContentCacheOptions memoryOnly()
{
    oci::ContentCacheOptions options;
    options.directory.clear();
    return options;
}

} // namespace

class TestInspectorWidget : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<ClientHarness> m_harness;
    std::unique_ptr<oci::ContentCache> m_cache;
    std::unique_ptr<oci::ContentFetcher> m_fetcher;
    SeededImage m_oci;
    SeededImage m_docker;
    SeededImage m_index;
    inspectortest::AttestedIndex m_attested;

    oci::Reference reference(const QString &repository, const QString &tagOrDigest) const
    {
        const QString separator = tagOrDigest.contains(u':') ? u"@"_s : u":"_s;
        return oci::Reference::parse(
                   QString(m_registry->host() + u'/' + repository + separator + tagOrDigest))
            .value();
    }

    static bool waitShown(InspectorWidget &inspector)
    {
        QDeadlineTimer deadline(kTimeoutMs);
        while (inspector.state() == InspectorWidget::State::Loading && !deadline.hasExpired())
            QTest::qWait(10);
        return inspector.state() == InspectorWidget::State::Shown;
    }

    static QString stateText(const InspectorWidget &inspector)
    {
        return u"state %1: %2"_s.arg(int(inspector.state())).arg(inspector.messageText());
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Token);
        QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
        Fixtures fixtures(*m_registry);
        auto oci = fixtures.pushOciImage(u"inspect/oci"_s, u"1.0"_s);
        QVERIFY_RESULT(oci);
        m_oci = oci.value();
        auto docker = fixtures.pushDockerImage(u"inspect/docker"_s, u"1.0"_s);
        QVERIFY_RESULT(docker);
        m_docker = docker.value();
        auto index = fixtures.pushIndex(u"inspect/multi"_s, u"1.0"_s);
        QVERIFY_RESULT(index);
        m_index = index.value();
        m_harness = std::make_unique<ClientHarness>(*m_registry);
        auto attested = inspectortest::pushAttestedIndex(*m_registry, m_harness->client(), m_index,
                                                         u"attested"_s);
        QVERIFY_RESULT(attested);
        m_attested = attested.value();
        m_cache = std::make_unique<oci::ContentCache>(memoryOnly());
        m_fetcher = std::make_unique<oci::ContentFetcher>(m_harness->client(), m_cache.get());
    }

    void cleanupTestCase()
    {
        m_fetcher.reset();
        m_cache.reset();
        m_harness.reset();
    }

    void image_data()
    {
        QTest::addColumn<bool>("docker");
        QTest::newRow("oci") << false;
        QTest::newRow("docker") << true;
    }

    void image()
    {
        QFETCH(bool, docker);
        const SeededImage &image = docker ? m_docker : m_oci;
        InspectorWidget inspector;
        QSignalSpy shown(&inspector, &InspectorWidget::contentShown);
        inspector.showReference(m_fetcher.get(), reference(image.repository, image.tag));
        QCOMPARE(inspector.state(), InspectorWidget::State::Loading);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(shown.size(), 1);
        QCOMPARE(inspector.referenceText(),
                 m_registry->host() + u'/' + image.repository + u':' + image.tag);
        QCOMPARE(inspector.digest(), image.digest.toString());
        QCOMPARE(inspector.findChild<QLineEdit *>(u"digestField"_s)->text(),
                 image.digest.toString());
        QVERIFY(!inspector.isStale());
        QVERIFY(inspector.findChild<QWidget *>(u"staleBanner"_s)->isHidden());

        // The JSON exactly as `skopeo inspect --raw` read it, Raw being the default.
        QCOMPARE(inspector.rawBytes(), image.manifest);
        InspectorContent *content = inspector.content();
        QCOMPARE(content->documentPane()->view()->toPlainText().toUtf8(), image.manifest);
        QVERIFY(content->documentPane()->findChild<QToolButton *>(u"rawButton"_s)->isChecked());
        for (auto tab :
             {InspectorContent::Overview, InspectorContent::Layers, InspectorContent::History,
              InspectorContent::Document, InspectorContent::Config})
            QVERIFY(content->hasTab(tab));
        QVERIFY(!content->hasTab(InspectorContent::Platforms));
        QCOMPARE(content->currentTab(), int(InspectorContent::Overview));

        // Layers in order, each with the history step that made it (the N-th non-empty).
        LayerTableModel *layers = content->layerModel();
        QCOMPARE(layers->rowCount(), int(image.layers.size()));
        for (int row = 0; row < layers->rowCount(); ++row)
            QCOMPARE(layers->index(row, 0).data(InspectorRoles::DigestRole).toString(),
                     image.layers.at(row).toString());
        QTRY_VERIFY_WITH_TIMEOUT(content->imageConfig() != nullptr, kTimeoutMs);
        const oci::ImageConfig &config = *content->imageConfig();
        QCOMPARE(content->configPane()->view()->toPlainText().toUtf8(), image.config);
        HistoryTableModel *history = content->historyModel();
        QCOMPARE(history->rowCount(), int(config.history.size()));
        int layer = 0;
        for (int step = 0; step < history->rowCount(); ++step) {
            const int made = history->index(step, 0).data(InspectorRoles::LayerRole).toInt();
            if (config.history.at(step).emptyLayer) {
                QCOMPARE(made, -1);
                continue;
            }
            QCOMPARE(made, layer);
            QCOMPARE(layers->index(layer, LayerTableModel::CreatedByColumn)
                         .data(Qt::ToolTipRole)
                         .toString(),
                     config.history.at(step).createdBy);
            ++layer;
        }
        QCOMPARE(layer, int(image.layers.size()));

        // The readable side: platform, command, environment, labels.
        const QString overview = content->overview()->toPlainText();
        for (const QString &expected : {u"linux/amd64"_s, u"/usr/bin/hello"_s, u"GREETING"_s,
                                        u"org.opencontainers.image.title"_s, u"lading-fixture"_s,
                                        u"Lading tests"_s, image.configDigest.toString()}) {
            QVERIFY2(overview.contains(expected), qPrintable(expected + u"\n"_s + overview));
        }
        const QString subtitle = inspector.findChild<QLabel *>(u"inspectorSubtitle"_s)->text();
        QVERIFY2(subtitle.contains(u"linux/amd64"_s), qPrintable(subtitle));
        QVERIFY2(subtitle.contains(docker ? u"Docker image manifest"_s : u"OCI image manifest"_s),
                 qPrintable(subtitle));
        // The size the tag table shows too: config and layers as stored.
        const oci::ImageManifest &manifest = content->document()->manifest();
        QVERIFY2(subtitle.contains(QLocale().formattedDataSize(
                     manifest.config.size() + manifest.layersSize(), 1)),
                 qPrintable(subtitle));
    }

    void prettyIsOnRequest()
    {
        InspectorWidget inspector;
        inspector.showReference(m_fetcher.get(), reference(m_oci.repository, m_oci.tag));
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        InspectorJsonPane *pane = inspector.content()->documentPane();
        pane->findChild<QToolButton *>(u"prettyButton"_s)->click();
        QCOMPARE(pane->view()->toPlainText(), indentJson(m_oci.manifest));
        pane->findChild<QToolButton *>(u"rawButton"_s)->click();
        QCOMPARE(pane->view()->toPlainText().toUtf8(), m_oci.manifest);
        QCOMPARE(inspector.rawBytes(), m_oci.manifest);
    }

    void indexPlatformsBackAndForward()
    {
        InspectorWidget inspector;
        inspector.resize(900, 700);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowActive(&inspector));
        inspector.showReference(m_fetcher.get(), reference(m_index.repository, m_index.tag));
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.rawBytes(), m_index.manifest);
        InspectorContent *content = inspector.content();
        QCOMPARE(content->currentTab(), int(InspectorContent::Platforms));
        QVERIFY(!content->hasTab(InspectorContent::Layers));
        PlatformTableModel *platforms = content->platformModel();
        QStringList texts;
        for (int row = 0; row < platforms->rowCount(); ++row)
            texts << platforms->platformText(row);
        QCOMPARE(texts, m_index.platforms);

        // Enter (or a double click) on a platform opens its manifest.
        QTableView *view = content->platformView();
        const QModelIndex arm = view->model()->index(1, 0);
        const QString armDigest = arm.data(InspectorRoles::DigestRole).toString();
        view->setFocus();
        view->setCurrentIndex(arm);
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.digest(), armDigest);
        QCOMPARE(inspector.kind(), InspectorLocation::Kind::Manifest);
        QVERIFY(inspector.referenceText().endsWith(u'@' + armDigest));
        const auto skopeoRaw =
            Fixtures(*m_registry).skopeoInspectRaw(QString(m_index.repository + u'@' + armDigest));
        QVERIFY_RESULT(skopeoRaw);
        QCOMPARE(inspector.rawBytes(), skopeoRaw.value());
        QVERIFY(inspector.findChild<QLabel *>(u"inspectorSubtitle"_s)
                    ->text()
                    .contains(m_index.platforms.at(1)));
        QVERIFY(inspector.canGoBack());
        QVERIFY(!inspector.canGoForward());

        // Alt+Left: the index again, on the tab it was left on; Alt+Right: the platform.
        QTest::keyClick(content, Qt::Key_Left, Qt::AltModifier);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.digest(), m_index.digest.toString());
        QCOMPARE(inspector.referenceText(),
                 m_registry->host() + u'/' + m_index.repository + u':' + m_index.tag);
        QCOMPARE(content->currentTab(), int(InspectorContent::Platforms));
        QVERIFY(inspector.canGoForward());
        QTest::keyClick(content, Qt::Key_Right, Qt::AltModifier);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.digest(), armDigest);

        // Back, then a double click on the first platform.
        inspector.goBack();
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        const QModelIndex amd = view->model()->index(0, 0);
        const QString amdDigest = amd.data(InspectorRoles::DigestRole).toString();
        const QPoint at = view->visualRect(amd).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.digest(), amdDigest);
    }

    void attestationsAreLabelled()
    {
        InspectorWidget inspector;
        inspector.showReference(m_fetcher.get(), reference(m_index.repository, u"attested"_s));
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.rawBytes(), m_attested.bytes);
        PlatformTableModel *platforms = inspector.content()->platformModel();
        QCOMPARE(platforms->rowCount(), 3);
        QCOMPARE(platforms->platformText(2), u"Attestation for "_s + m_attested.subjectPlatform);
        QCOMPARE(platforms->index(2, PlatformTableModel::KindColumn).data().toString(),
                 u"Attestation"_s);
        const QString overview = inspector.content()->overview()->toPlainText();
        QVERIFY2(overview.contains(u"1 of them attestations"_s), qPrintable(overview));
        // The platforms line names images only.
        QVERIFY2(!overview.contains(u"unknown/unknown"_s), qPrintable(overview));
    }

    void digestLinksAndButtons()
    {
        InspectorWidget inspector;
        inspector.resize(1000, 800);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        inspector.showReference(m_fetcher.get(), reference(m_oci.repository, m_oci.tag));
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        InspectorContent *content = inspector.content();
        QTRY_VERIFY_WITH_TIMEOUT(content->imageConfig() != nullptr, kTimeoutMs);
        content->setCurrentTab(InspectorContent::Document);
        InspectorJsonView *json = content->documentPane()->view();
        QTRY_VERIFY(json->isVisible());

        // Click the config digest in the manifest JSON: the config, as JSON, exactly as sent.
        const QRect configLink = json->digestRect(m_oci.configDigest.toString());
        QVERIFY(!configLink.isEmpty());
        QTest::mouseClick(json->viewport(), Qt::LeftButton, {}, configLink.center());
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.kind(), InspectorLocation::Kind::Config);
        QCOMPARE(inspector.digest(), m_oci.configDigest.toString());
        QCOMPARE(inspector.rawBytes(), m_oci.config);
        const auto skopeoConfig = Fixtures(*m_registry).skopeoInspectRaw(m_oci.reference(), true);
        QVERIFY_RESULT(skopeoConfig);
        QCOMPARE(inspector.rawBytes(), skopeoConfig.value());
        QCOMPARE(content->currentTab(), int(InspectorContent::Document));
        QCOMPARE(json->toPlainText().toUtf8(), m_oci.config);
        QVERIFY(content->hasTab(InspectorContent::History));
        QVERIFY(!inspector.findChild<QAction *>(u"copyDockerAction"_s)->isEnabled());

        // A diff ID in the config JSON leads to that layer of the image.
        const oci::Digest diffId = content->imageConfig()->diffIds.last();
        const QRect diffLink = json->digestRect(diffId.toString());
        QVERIFY(!diffLink.isEmpty());
        QTest::mouseClick(json->viewport(), Qt::LeftButton, {}, diffLink.center());
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.kind(), InspectorLocation::Kind::Layer);
        QCOMPARE(inspector.digest(), m_oci.layers.last().toString());
        const QString layerText = content->overview()->toPlainText();
        QVERIFY2(layerText.contains(diffId.toString()), qPrintable(layerText));
        QVERIFY2(layerText.contains(u"later version"_s), qPrintable(layerText));
        QVERIFY(inspector.rawBytes().isEmpty());

        // Back twice with the button: the config, then the manifest on its JSON tab.
        auto *back = inspector.findChild<QToolButton *>(u"backButton"_s);
        auto *forward = inspector.findChild<QToolButton *>(u"forwardButton"_s);
        QTest::mouseClick(back, Qt::LeftButton);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.kind(), InspectorLocation::Kind::Config);
        QTest::mouseClick(back, Qt::LeftButton);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.kind(), InspectorLocation::Kind::Manifest);
        QCOMPARE(inspector.digest(), m_oci.digest.toString());
        QCOMPARE(content->currentTab(), int(InspectorContent::Document));
        QVERIFY(!back->isEnabled());
        QVERIFY(forward->isEnabled());
        QTest::mouseClick(forward, Qt::LeftButton);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.digest(), m_oci.configDigest.toString());

        // A new link drops what lay ahead.
        inspector.goBack();
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        inspector.openDigest(m_oci.layers.first().toString());
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.kind(), InspectorLocation::Kind::Layer);
        QVERIFY(!inspector.canGoForward());
    }

    void artifactWithSubject()
    {
        // An OCI 1.1 artifact about the OCI image (distribution 2.8 stores it as sent):
        // its own config type, one blob, the image as its subject.
        inspectortest::FetchedImage image = inspectortest::fetchImage(
            m_harness->client(), m_oci.repository, m_oci.digest.toString(), false);
        QVERIFY2(image.error.isEmpty(), qPrintable(image.error));
        const oci::ImageManifest &manifest = image.document->manifest();
        auto descriptor = [](const QString &mediaType, const oci::Digest &digest, qint64 size) {
            return QJsonObject{
                {u"mediaType"_s, mediaType}, {u"digest"_s, digest.toString()}, {u"size"_s, size}};
        };
        const QByteArray artifact =
            QJsonDocument(
                QJsonObject{
                    {u"schemaVersion"_s, 2},
                    {u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
                    {u"artifactType"_s, u"application/vnd.example.sbom.v1"_s},
                    {u"config"_s, descriptor(u"application/vnd.example.sbom.config.v1+json"_s,
                                             manifest.config.digest(), manifest.config.size())},
                    {u"layers"_s, QJsonArray{descriptor(u"application/vnd.example.sbom.layer.v1"_s,
                                                        manifest.layers.first().digest(),
                                                        manifest.layers.first().size())}},
                    {u"subject"_s, descriptor(u"application/vnd.oci.image.manifest.v1+json"_s,
                                              m_oci.digest, m_oci.manifest.size())}})
                .toJson(QJsonDocument::Compact);
        RegistrySeeder seeder(*m_registry);
        const auto put = seeder.run({{"PUT",
                                      "/v2/" + m_oci.repository.toUtf8() + "/manifests/sbom",
                                      "application/vnd.oci.image.manifest.v1+json",
                                      artifact,
                                      201,
                                      m_oci.repository,
                                      {}}});
        QVERIFY2(put.ok(), qPrintable(put.ok() ? QString() : put.error().describe()));

        InspectorWidget inspector;
        inspector.showReference(m_fetcher.get(), reference(m_oci.repository, u"sbom"_s));
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.rawBytes(), artifact);
        InspectorContent *content = inspector.content();
        QVERIFY(!content->isImage());
        QVERIFY(!content->hasTab(InspectorContent::History));
        const QString overview = content->overview()->toPlainText();
        QVERIFY2(overview.contains(u"application/vnd.example.sbom.v1"_s), qPrintable(overview));
        QVERIFY2(overview.contains(m_oci.digest.toString()), qPrintable(overview));
        QVERIFY(
            inspector.findChild<QLabel *>(u"inspectorSubtitle"_s)->text().contains(u"Artifact"_s));
        // Its JSON config is fetched and shown as sent.
        QTRY_VERIFY_WITH_TIMEOUT(content->hasTab(InspectorContent::Config), kTimeoutMs);
        QCOMPARE(content->configPane()->view()->toPlainText().toUtf8(), m_oci.config);

        // The subject is a link to the image.
        inspector.openDigest(m_oci.digest.toString());
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.rawBytes(), m_oci.manifest);
        QVERIFY(inspector.content()->isImage());
    }

    void copyActions()
    {
        InspectorWidget inspector;
        QSignalSpy status(&inspector, &InspectorWidget::statusMessage);
        inspector.showReference(m_fetcher.get(), reference(m_docker.repository, m_docker.tag));
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        const QString pinned =
            m_registry->host() + u'/' + m_docker.repository + u'@' + m_docker.digest.toString();
        const struct
        {
            const char *action;
            QString expected;
        } cases[] = {{"copyPinnedAction", pinned},
                     {"copyDockerAction", u"docker pull "_s + pinned},
                     {"copyPodmanAction", u"podman pull "_s + pinned},
                     {"copyDigestAction", m_docker.digest.toString()}};
        for (const auto &c : cases) {
            auto *action = inspector.findChild<QAction *>(QString::fromLatin1(c.action));
            QVERIFY(action);
            QVERIFY(action->isEnabled());
            QApplication::clipboard()->clear();
            action->trigger();
            QCOMPARE(QApplication::clipboard()->text(), c.expected);
            QVERIFY(status.last().at(0).toString().contains(u"clipboard"_s));
        }
    }

    void failureSaysWhatAndWhere()
    {
        InspectorWidget inspector;
        inspector.showReference(m_fetcher.get(), reference(m_oci.repository, u"no-such-tag"_s));
        QTRY_COMPARE_WITH_TIMEOUT(inspector.state(), InspectorWidget::State::Failed, kTimeoutMs);
        const QString text = inspector.messageText();
        QVERIFY2(text.contains(m_oci.repository + u":no-such-tag"_s), qPrintable(text));
        QVERIFY2(text.contains(u"does not have it"_s), qPrintable(text));
        QVERIFY(!inspector.findChild<QPushButton *>(u"retryButton"_s)->isHidden());
        QVERIFY(inspector.digest().isEmpty());
        QVERIFY(!inspector.findChild<QAction *>(u"copyPinnedAction"_s)->isEnabled());
    }

    void newerRequestWins()
    {
        InspectorWidget inspector;
        QSignalSpy shown(&inspector, &InspectorWidget::contentShown);
        inspector.showReference(m_fetcher.get(), reference(m_index.repository, m_index.tag));
        inspector.showReference(m_fetcher.get(), reference(m_docker.repository, m_docker.tag));
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QTest::qWait(200);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(inspector.digest(), m_docker.digest.toString());
        // The same tag again reloads in place instead of stacking a copy.
        inspector.showReference(m_fetcher.get(), reference(m_docker.repository, m_docker.tag));
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        inspector.goBack();
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.digest(), m_index.digest.toString());

        // A hint replaces the content and cancels a load in flight.
        inspector.showReference(m_fetcher.get(), reference(m_oci.repository, m_oci.tag));
        inspector.showMessage(u"Select a tag"_s);
        QTest::qWait(300);
        QCOMPARE(inspector.state(), InspectorWidget::State::Message);
        QCOMPARE(inspector.messageText(), u"Select a tag"_s);
        inspector.clear();
        QVERIFY(!inspector.canGoBack());
    }

    void clientOfItsOwn()
    {
        // With a RegistryClient the inspector keeps a fetcher of its own, which goes with
        // the client: a registry removed while loading is a failure that says so.
        auto client = std::make_unique<oci::RegistryClient>(m_harness->transport(),
                                                            m_registry->registryConfig());
        InspectorWidget inspector;
        inspector.showReference(client.get(), reference(m_oci.repository, m_oci.tag));
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.rawBytes(), m_oci.manifest);
        inspector.showReference(client.get(), reference(m_docker.repository, m_docker.tag));
        QCOMPARE(inspector.state(), InspectorWidget::State::Loading);
        client.reset();
        QCOMPARE(inspector.state(), InspectorWidget::State::Failed);
        QVERIFY2(inspector.messageText().contains(u"removed"_s),
                 qPrintable(inspector.messageText()));
        // Back to the first image: its fetcher is gone too, and it says so.
        inspector.goBack();
        QCOMPARE(inspector.state(), InspectorWidget::State::Failed);
        inspector.showReference(static_cast<oci::RegistryClient *>(nullptr),
                                reference(m_oci.repository, m_oci.tag));
        QCOMPARE(inspector.state(), InspectorWidget::State::Message);
    }

    void staleWhenTheRegistryIsDown()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry;
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        auto image = Fixtures(registry).pushOciImage(u"offline/app"_s, u"1.0"_s);
        QVERIFY_RESULT(image);
        ClientHarness harness(registry);
        oci::ContentCache cache(memoryOnly());
        oci::ContentFetcher fetcher(harness.client(), &cache);
        const oci::Reference tag =
            oci::Reference::parse(QString(registry.host() + u"/offline/app:1.0")).value();

        InspectorWidget inspector;
        inspector.showReference(&fetcher, tag);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QTRY_VERIFY_WITH_TIMEOUT(inspector.content()->imageConfig() != nullptr, kTimeoutMs);
        QVERIFY(!inspector.isStale());

        registry.stop();
        inspector.clear();
        inspector.showReference(&fetcher, tag);
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QVERIFY(inspector.isStale());
        QCOMPARE(inspector.digest(), image->digest.toString());
        QCOMPARE(inspector.rawBytes(), image->manifest);
        auto *banner = inspector.findChild<QWidget *>(u"staleBanner"_s);
        QVERIFY(!banner->isHidden());
        const QString text = inspector.findChild<QLabel *>(u"staleText"_s)->text();
        QVERIFY2(text.contains(u"may be stale"_s) && text.contains(u"1.0"_s) &&
                     text.contains(registry.host()),
                 qPrintable(text));
        // The config is addressed by digest: the cache has it, nothing is stale about it.
        QTRY_VERIFY_WITH_TIMEOUT(inspector.content()->imageConfig() != nullptr, kTimeoutMs);
        inspector.openDigest(image->configDigest.toString());
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QCOMPARE(inspector.rawBytes(), image->config);
        QVERIFY(!inspector.isStale());
        QVERIFY(banner->isHidden());
        // Back at the tag, the warning is still there.
        inspector.goBack();
        QVERIFY2(waitShown(inspector), qPrintable(stateText(inspector)));
        QVERIFY(inspector.isStale());
        QVERIFY(!banner->isHidden());
    }
};

QTEST_MAIN(TestInspectorWidget)
#include "tst_inspectorwidget.moc"
