// RegistryFilterProxy over RegistryTreeModel against the real registry, both under
// QAbstractItemModelTester: case-insensitive matching on the path, ancestors of matches
// kept (recursive), a matching row keeping everything below it, rows arriving while a
// filter is set, and which rows a view should expand.

#include "registryfilterproxy.h"
#include "registrysession.h"
#include "registrytreemodel.h"
#include "roles.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;

namespace {

constexpr int kLoadTimeoutMs = 60000;

State stateOf(const QModelIndex &index)
{
    return index.data(ModelRoles::StateRole).value<State>();
}

// Every row of `model` as "depth:name" lines, depth first, to compare whole trees.
QStringList visibleRows(const QAbstractItemModel &model, const QModelIndex &parent = {},
                        int depth = 0)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        rows << QString::number(depth) + u':' + child.data().toString();
        rows << visibleRows(model, child, depth + 1);
    }
    return rows;
}

struct ProxyUnderTest
{
    ProxyUnderTest()
        : session(RegistrySession::DockerConfig::Ignore)
        , model([this](const RegistryEntry &entry) { return session.createClient(entry); })
        , modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
        , proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        // The test decides what is fetched; the testers only look.
        modelTester.setUseFetchMore(false);
        proxyTester.setUseFetchMore(false);
        proxy.setSourceModel(&model);
        oci::TransportOptions options = session.transport()->options();
        options.maxRetries = 1;
        options.transferTimeoutMs = 10000;
        session.transport()->setOptions(options);
    }

    QModelIndex loadRegistry(const RegistryProcess &registry)
    {
        RegistryEntry entry;
        entry.config = registry.registryConfig();
        const QModelIndex index = model.addRegistry(entry);
        model.fetchMore(index);
        return index;
    }

    QModelIndex loadTags(const QString &host, const QString &repository)
    {
        const QModelIndex index = model.repositoryIndex(host, repository);
        model.fetchMore(index);
        return index;
    }

    RegistrySession session;
    RegistryTreeModel model;
    RegistryFilterProxy proxy;
    QAbstractItemModelTester modelTester;
    QAbstractItemModelTester proxyTester;
};

} // namespace

class TestRegistryFilterProxy final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_registry;

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_registry = std::make_unique<RegistryProcess>();
        QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
        Fixtures fixtures(*m_registry);
        const auto api = fixtures.pushOciImage(u"shop/backend/api"_s, u"1.0"_s);
        QVERIFY_RESULT(api);
        QVERIFY_RESULT(fixtures.pushManyTags(*api, 11, u"v"_s));
        QVERIFY_RESULT(fixtures.pushOciImage(u"shop/frontend/web"_s, u"2.0"_s));
        QVERIFY_RESULT(fixtures.pushOciImage(u"tools/debug-kit"_s, u"latest"_s));
    }

    void emptyFilterShowsEverything()
    {
        ProxyUnderTest t;
        const QModelIndex registry = t.loadRegistry(*m_registry);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);
        QVERIFY(!t.proxy.isFiltering());
        QCOMPARE(visibleRows(t.proxy), visibleRows(t.model));
        QVERIFY(t.proxy.indexesToExpand().isEmpty());
    }

    void filtersRecursivelyAndCaseInsensitively()
    {
        ProxyUnderTest t;
        const QString host = m_registry->host();
        const QModelIndex registry = t.loadRegistry(*m_registry);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);
        const QModelIndex api = t.loadTags(host, u"shop/backend/api"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(api), State::Loaded, kLoadTimeoutMs);

        QSignalSpy changed(&t.proxy, &RegistryFilterProxy::filterTextChanged);
        t.proxy.setFilterText(u"  BACKEND "_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(t.proxy.filterText(), u"BACKEND"_s);
        // The ancestors of the match, the match, and everything below it (its tags).
        QStringList expected{u"0:"_s + host, u"1:shop"_s, u"2:backend"_s, u"3:api"_s, u"4:1.0"_s};
        for (int i = 0; i < 11; ++i)
            expected << u"4:v"_s + QString::number(i).rightJustified(4, u'0');
        QCOMPARE(visibleRows(t.proxy), expected);
        // "backend" matched by itself: the registry and "shop" open to show it, it stays.
        QModelIndexList expand = t.proxy.indexesToExpand();
        QStringList expandNames;
        for (const QModelIndex &index : std::as_const(expand))
            expandNames << index.data().toString();
        QCOMPARE(expandNames, (QStringList{host, u"shop"_s}));

        // A tag: its path is "repository:tag", so "api:v0010" finds one tag.
        t.proxy.setFilterText(u"api:V0010"_s);
        QCOMPARE(visibleRows(t.proxy), (QStringList{u"0:"_s + host, u"1:shop"_s, u"2:backend"_s,
                                                    u"3:api"_s, u"4:v0010"_s}));
        expandNames.clear();
        expand = t.proxy.indexesToExpand();
        for (const QModelIndex &index : std::as_const(expand))
            expandNames << index.data().toString();
        QCOMPARE(expandNames, (QStringList{host, u"shop"_s, u"backend"_s, u"api"_s}));
        // Mapping works both ways for the model's helpers.
        const QModelIndex proxyTag = t.proxy.index(0, 0, expand.last());
        QCOMPARE(proxyTag.data(ModelRoles::ReferenceRole).toString(),
                 QString(host + u"/shop/backend/api:v0010"));
        QCOMPARE(t.model.registryOf(proxyTag), QModelIndex(registry)); // a proxy index works
        QVERIFY(t.model.client(proxyTag));

        // Nothing matches: nothing shown, not even the registry.
        t.proxy.setFilterText(u"no-such-thing"_s);
        QCOMPARE(t.proxy.rowCount(), 0);
        QVERIFY(t.proxy.indexesToExpand().isEmpty());

        // The host matches: the registry with all it holds.
        t.proxy.setFilterText(u"127.0.0.1"_s);
        QCOMPARE(visibleRows(t.proxy), visibleRows(t.model));

        t.proxy.setFilterText(QString());
        QVERIFY(!t.proxy.isFiltering());
        QCOMPARE(visibleRows(t.proxy), visibleRows(t.model));
        QCOMPARE(changed.count(), 5);
        t.proxy.setFilterText(u"  "_s); // the same (empty) text again: no signal
        QCOMPARE(changed.count(), 5);
    }

    void rowsArrivingWhileFiltered()
    {
        // The filter is set before anything is listed; the catalog and tags arrive under it.
        ProxyUnderTest t;
        t.proxy.setFilterText(u"web"_s);
        const QModelIndex registry = t.loadRegistry(*m_registry);
        // The registry itself does not match "web" and has nothing yet: hidden, not loaded
        // by the proxy (the test fetched it on the model).
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(visibleRows(t.proxy), (QStringList{u"0:"_s + m_registry->host(), u"1:shop"_s,
                                                    u"2:frontend"_s, u"3:web"_s}));
        const QModelIndex web = t.loadTags(m_registry->host(), u"shop/frontend/web"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(web), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(visibleRows(t.proxy).constLast(), u"4:2.0"_s);
        // A "Loading tags…" row under a match is shown while it loads.
        t.model.reload(web);
        QCOMPARE(visibleRows(t.proxy).constLast(), u"4:Loading tags…"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(web), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(visibleRows(t.proxy).constLast(), u"4:2.0"_s);
    }

    void removingARegistryWhileFiltered()
    {
        ProxyUnderTest t;
        const QModelIndex registry = t.loadRegistry(*m_registry);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);
        t.proxy.setFilterText(u"tools"_s);
        QCOMPARE(t.proxy.rowCount(), 1);
        // The proxy's own index is accepted by the model.
        t.model.removeRegistry(t.proxy.index(0, 0));
        QCOMPARE(t.model.rowCount(), 0);
        QCOMPARE(t.proxy.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRegistryFilterProxy)
#include "tst_registryfilterproxy.moc"
