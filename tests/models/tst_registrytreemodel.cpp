// RegistryTreeModel against the real registry (Debian's docker-registry), always under
// QAbstractItemModelTester: catalog pages inserted as they arrive, namespaces as folders,
// a name that is a folder and a repository at once, tags in natural order when a
// repository is expanded, and the error states (unreachable, wrong credentials, no
// catalog for anonymous users) with their message rows, retry and removal while loading.

#include "registrysession.h"
#include "registrytreemodel.h"
#include "registrytreeroles.h"
#include "roles.h"

#include "support/closedport.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/registryseeder.h"

#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;

namespace {

constexpr int kLoadTimeoutMs = 60000;

Kind kindOf(const QModelIndex &index)
{
    return index.data(ModelRoles::NodeKindRole).value<Kind>();
}

State stateOf(const QModelIndex &index)
{
    return index.data(ModelRoles::StateRole).value<State>();
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

// Every repository name below `parent`, as the tree shows it.
void collectRepositories(const QAbstractItemModel &model, const QModelIndex &parent,
                         QStringList *out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        if (kindOf(child) == Kind::Repository)
            out->append(child.data(ModelRoles::RepositoryRole).toString());
        if (kindOf(child) == Kind::Repository || kindOf(child) == Kind::Folder)
            collectRepositories(model, child, out);
    }
}

RegistryEntry entryFor(const RegistryProcess &registry, const QString &username = {})
{
    RegistryEntry entry;
    entry.config = registry.registryConfig();
    entry.username = username;
    return entry;
}

int countOccurrences(const QByteArray &haystack, const QByteArray &needle)
{
    int count = 0;
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
        ++count;
    return count;
}

// Everything a test needs: a session that ignores the person's Docker config, fast retries,
// the model and the tester watching it from the start.
struct ModelUnderTest
{
    // With `crawl`, the tester fetches every node it walks, as a view expanding everything
    // would; without, the test decides what is fetched and when.
    explicit ModelUnderTest(bool crawl = false)
        : session(RegistrySession::DockerConfig::Ignore)
        , model([this](const RegistryEntry &entry) { return session.createClient(entry); })
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        tester.setUseFetchMore(crawl);
        oci::TransportOptions options = session.transport()->options();
        options.maxRetries = 1;
        options.backoffBaseMs = 10;
        options.backoffMaxMs = 50;
        options.transferTimeoutMs = 10000;
        session.transport()->setOptions(options);
    }

    RegistrySession session;
    RegistryTreeModel model;
    QAbstractItemModelTester tester;
};

} // namespace

class TestRegistryTreeModel final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_registry;
    QStringList m_repositories;
    QStringList m_bulk;
    oci::Digest m_helloDigest;

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_registry = std::make_unique<RegistryProcess>();
        QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
        Fixtures fixtures(*m_registry);
        const auto hello =
            fixtures.pushOciImage(QStringLiteral("library/hello"), QStringLiteral("1.0"));
        QVERIFY_RESULT(hello);
        m_helloDigest = hello->digest;
        // Tags whose natural order differs from their code-point order.
        RegistrySeeder seeder(*m_registry);
        for (const QString &tag : {u"v10"_s, u"v2"_s, u"v1.10"_s, u"v1.9"_s, u"latest"_s})
            QVERIFY_RESULT(
                seeder.linkTag(QStringLiteral("library/hello"), tag, hello->digest.toString()));
        QVERIFY_RESULT(
            fixtures.pushIndex(QStringLiteral("multi/arch/tool"), QStringLiteral("1.0")));
        // "team" is a repository and the folder of "team/app".
        QVERIFY_RESULT(fixtures.pushOciImage(QStringLiteral("team"), QStringLiteral("1.0")));
        QVERIFY_RESULT(fixtures.pushOciImage(QStringLiteral("team/app"), QStringLiteral("1.0")));
        // More than a catalog page: 120 repositories below bulk/.
        const auto bulk = fixtures.pushManyRepositories(*hello, QStringLiteral("bulk/r"), 120);
        QVERIFY_RESULT(bulk);
        m_bulk = *bulk;
        // A repository with thousands of tags.
        const auto many = fixtures.pushOciImage(QStringLiteral("big/many"), QStringLiteral("1.0"));
        QVERIFY_RESULT(many);
        QVERIFY_RESULT(fixtures.pushManyTags(*many, 3000, QStringLiteral("t")));
        m_repositories = m_bulk;
        m_repositories << QStringLiteral("big/many");
        m_repositories << QStringLiteral("library/hello") << QStringLiteral("multi/arch/tool")
                       << QStringLiteral("team") << QStringLiteral("team/app");
        m_repositories.sort();
    }

    void catalogPagesBecomeFolders()
    {
        ModelUnderTest t;
        t.model.setCatalogPageSize(40);
        QVERIFY(!t.model.canFetchMore({}));
        const QModelIndex registry = t.model.addRegistry(entryFor(*m_registry));
        QVERIFY(registry.isValid());
        QCOMPARE(kindOf(registry), Kind::Registry);
        QCOMPARE(stateOf(registry), State::NotLoaded);
        QVERIFY(t.model.hasChildren(registry));
        QCOMPARE(t.model.rowCount(registry), 0);
        QVERIFY(t.model.canFetchMore(registry));

        const int catalogRequestsBefore = countOccurrences(m_registry->log(), "\"GET /v2/_catalog");
        QSignalSpy inserted(&t.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy finished(&t.model, &RegistryTreeModel::loadingFinished);
        t.model.fetchMore(registry);
        // Loading is marked before the request goes out: no second fetch.
        QCOMPARE(stateOf(registry), State::Loading);
        QVERIFY(!t.model.canFetchMore(registry));
        // fetchMore() inserts nothing itself; the "Loading…" row follows a moment later.
        QCOMPARE(t.model.rowCount(registry), 0);
        QTRY_COMPARE(t.model.rowCount(registry), 1);
        QCOMPARE(kindOf(t.model.index(0, 0, registry)), Kind::Message);
        QVERIFY(stateOf(t.model.index(0, 0, registry)) == State::Loading ||
                stateOf(registry) == State::Loaded);

        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<QModelIndex>(), QModelIndex(registry));

        // Folders first level, natural order, no message row left.
        QCOMPARE(childNames(t.model, registry),
                 (QStringList{u"big"_s, u"bulk"_s, u"library"_s, u"multi"_s, u"team"_s}));
        QStringList shown;
        collectRepositories(t.model, registry, &shown);
        shown.sort();
        QCOMPARE(shown, m_repositories);

        // 125 names at 40 a page: four requests, and rows went in page by page.
        QCOMPARE(countOccurrences(m_registry->log(), "\"GET /v2/_catalog") - catalogRequestsBefore,
                 4);
        const QModelIndex bulk =
            t.model.repositoryIndex(m_registry->host(), QStringLiteral("bulk"));
        QCOMPARE(kindOf(bulk), Kind::Folder);
        QCOMPARE(t.model.rowCount(bulk), 120);
        int bulkBatches = 0;
        for (const QList<QVariant> &arguments : std::as_const(inserted)) {
            if (arguments.at(0).value<QModelIndex>() == QModelIndex(bulk))
                ++bulkBatches;
        }
        QVERIFY2(bulkBatches >= 2, qPrintable(QString::number(bulkBatches)));

        const QModelIndex deep =
            t.model.repositoryIndex(m_registry->host(), QStringLiteral("multi/arch/tool"));
        QCOMPARE(deep.data().toString(), u"tool"_s);
        QCOMPARE(kindOf(deep.parent()), Kind::Folder);
        QCOMPARE(deep.parent().data().toString(), u"arch"_s);
        QCOMPARE(deep.data(ModelRoles::ReferenceRole).toString(),
                 QString(m_registry->host() + u"/multi/arch/tool"));
        QCOMPARE(deep.data(ModelRoles::RegistryRole).toString(), m_registry->host());
    }

    void folderThatIsAlsoARepository()
    {
        ModelUnderTest t;
        const QModelIndex registry = t.model.addRegistry(entryFor(*m_registry));
        t.model.fetchMore(registry);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);

        const QModelIndex team =
            t.model.repositoryIndex(m_registry->host(), QStringLiteral("team"));
        QCOMPARE(kindOf(team), Kind::Repository);
        QCOMPARE(childNames(t.model, team), QStringList{u"app"_s});
        QVERIFY(t.model.canFetchMore(team));

        // Its tags come after the deeper repository.
        t.model.fetchMore(team);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(team), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(childNames(t.model, team), (QStringList{u"app"_s, u"1.0"_s}));
        QCOMPARE(kindOf(t.model.index(0, 0, team)), Kind::Repository);
        QCOMPARE(kindOf(t.model.index(1, 0, team)), Kind::Tag);
        QCOMPARE(t.model.index(1, 0, team).data(ModelRoles::ReferenceRole).toString(),
                 QString(m_registry->host() + u"/team:1.0"));

        // Reloading lists the tags again and keeps the deeper repository.
        t.model.reload(team);
        QCOMPARE(childNames(t.model, team), (QStringList{u"app"_s, u"Loading tags…"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(team), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(childNames(t.model, team), (QStringList{u"app"_s, u"1.0"_s}));
    }

    void tagsLoadWhenExpanded()
    {
        ModelUnderTest t;
        const QModelIndex registry = t.model.addRegistry(entryFor(*m_registry));
        t.model.fetchMore(registry);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);

        const QModelIndex hello =
            t.model.repositoryIndex(m_registry->host(), QStringLiteral("library/hello"));
        QVERIFY(hello.isValid());
        QCOMPARE(stateOf(hello), State::NotLoaded);
        QCOMPARE(t.model.rowCount(hello), 0);
        t.model.fetchMore(hello);
        QCOMPARE(stateOf(hello), State::Loading);
        QVERIFY(!t.model.canFetchMore(hello));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(hello), State::Loaded, kLoadTimeoutMs);

        QCOMPARE(childNames(t.model, hello),
                 (QStringList{u"1.0"_s, u"latest"_s, u"v1.9"_s, u"v1.10"_s, u"v2"_s, u"v10"_s}));
        const QModelIndex v10 = t.model.tagIndex(
            m_registry->host(), QStringLiteral("library/hello"), QStringLiteral("v10"));
        QCOMPARE(kindOf(v10), Kind::Tag);
        QCOMPARE(v10.row(), 5);
        QCOMPARE(v10.data(ModelRoles::TagRole).toString(), u"v10"_s);
        QCOMPARE(v10.data(ModelRoles::RepositoryRole).toString(), u"library/hello"_s);
        QCOMPARE(v10.data(ModelRoles::ReferenceRole).toString(),
                 QString(m_registry->host() + u"/library/hello:v10"));
        QVERIFY(!t.model.hasChildren(v10));
        QVERIFY(t.model.flags(v10) & Qt::ItemIsSelectable);

        // The client behind the row reads the manifest the tag points to.
        std::unique_ptr<oci::ManifestJob> job(
            t.model.client(v10)->manifest(u"library/hello"_s, u"v10"_s));
        QSignalSpy done(job.get(), &oci::Job::finished);
        QVERIFY(done.wait(kLoadTimeoutMs));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->manifest().digest, m_helloDigest);

        // Reload forgets the tags and lists them again.
        t.model.reload(hello);
        QCOMPARE(stateOf(hello), State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(hello), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(t.model.rowCount(hello), 6);
    }

    void thousandsOfTagsInOneGo()
    {
        ModelUnderTest t;
        const QModelIndex registry = t.model.addRegistry(entryFor(*m_registry));
        t.model.fetchMore(registry);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);
        const QModelIndex many =
            t.model.repositoryIndex(m_registry->host(), QStringLiteral("big/many"));
        QVERIFY(many.isValid());

        QSignalSpy inserted(&t.model, &QAbstractItemModel::rowsInserted);
        t.model.fetchMore(many);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(many), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(t.model.rowCount(many), 3001);
        // The registry sends every tag in one response: one insertion for all of them (the
        // other insertion is the "Loading tags…" row).
        int tagBatches = 0;
        for (const QList<QVariant> &arguments : std::as_const(inserted)) {
            if (arguments.at(0).value<QModelIndex>() == QModelIndex(many) &&
                arguments.at(2).toInt() - arguments.at(1).toInt() > 0)
                ++tagBatches;
        }
        QCOMPARE(tagBatches, 1);
        QCOMPARE(t.model.index(0, 0, many).data().toString(), u"1.0"_s);
        QCOMPARE(t.model.index(1, 0, many).data().toString(), u"t0000"_s);
        QCOMPARE(t.model.index(3000, 0, many).data().toString(), u"t2999"_s);
    }

    void unreachableRegistryFails()
    {
        ModelUnderTest t;
        const ClosedPort closed;
        QVERIFY(closed.isValid());
        RegistryEntry entry;
        entry.config.host = u"127.0.0.1:"_s + QString::number(closed.port());
        entry.config.plainHttp = true;
        const QModelIndex registry = t.model.addRegistry(entry);
        t.model.fetchMore(registry);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Failed, kLoadTimeoutMs);

        QCOMPARE(registry.data(ModelRoles::ErrorCodeRole).toInt(), int(oci::Error::Code::Network));
        const QString error = registry.data(ModelRoles::ErrorRole).toString();
        QVERIFY2(error.contains(entry.config.host), qPrintable(error));
        QVERIFY2(error.contains(u"retry"_s, Qt::CaseInsensitive), qPrintable(error));
        QVERIFY(registry.data(Qt::ToolTipRole).toString().contains(error));
        // One message row says so; failed nodes are retried explicitly, not by the view.
        QCOMPARE(t.model.rowCount(registry), 1);
        const QModelIndex message = t.model.index(0, 0, registry);
        QCOMPARE(kindOf(message), Kind::Message);
        QCOMPARE(stateOf(message), State::Failed);
        QCOMPARE(message.data(ModelRoles::ErrorRole).toString(), error);
        QVERIFY(!(t.model.flags(message) & Qt::ItemIsSelectable));
        QVERIFY(!t.model.canFetchMore(registry));
        QVERIFY(t.model.canRetry(message));

        QSignalSpy finished(&t.model, &RegistryTreeModel::loadingFinished);
        t.model.retry(message);
        QCOMPARE(stateOf(registry), State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeoutMs);
        QCOMPARE(stateOf(registry), State::Failed);
        QCOMPARE(t.model.rowCount(registry), 1);
    }

    void wrongCredentialsAreUnauthorized_data()
    {
        QTest::addColumn<RegistryProcess::Auth>("auth");
        QTest::newRow("basic") << RegistryProcess::Auth::Basic;
        QTest::newRow("token") << RegistryProcess::Auth::Token;
    }

    void wrongCredentialsAreUnauthorized()
    {
        QFETCH(RegistryProcess::Auth, auth);
        RegistryProcess registry(auth);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        QVERIFY_RESULT(
            fixtures.pushOciImage(QStringLiteral("private/hello"), QStringLiteral("1.0")));

        ModelUnderTest t;
        t.session.setPassword(registry.host(), registry.username(), u"not-the-password"_s);
        const QModelIndex index = t.model.addRegistry(entryFor(registry, registry.username()));
        t.model.fetchMore(index);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(index), State::Failed, kLoadTimeoutMs);
        QCOMPARE(index.data(ModelRoles::ErrorCodeRole).toInt(),
                 int(oci::Error::Code::Unauthorized));
        const QString error = index.data(ModelRoles::ErrorRole).toString();
        QVERIFY2(error.contains(registry.host()), qPrintable(error));
        QVERIFY2(error.contains(u"Sign In"_s), qPrintable(error));
        QCOMPARE(t.model.rowCount(index), 1);

        // The right password, a new client, and the same row lists the repository.
        t.session.setPassword(registry.host(), registry.username(), registry.password());
        t.model.reconnect(index);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(index), State::Loaded, kLoadTimeoutMs);
        QVERIFY(
            t.model.repositoryIndex(registry.host(), QStringLiteral("private/hello")).isValid());
        QCOMPARE(index.data(ModelRoles::ErrorCodeRole).toInt(), int(oci::Error::Code::None));
    }

    void anonymousWithoutCatalogIsExplained()
    {
        RegistryProcess registry(RegistryProcess::Auth::Token);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        ModelUnderTest t;
        const QModelIndex index = t.model.addRegistry(entryFor(registry));
        t.model.fetchMore(index);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(index) != State::Loading, kLoadTimeoutMs);
        QCOMPARE(stateOf(index), State::Unsupported);
        const QString error = index.data(ModelRoles::ErrorRole).toString();
        QVERIFY2(error.contains(u"does not list its repositories"_s), qPrintable(error));
        QVERIFY2(error.contains(u"Add Repository…"_s), qPrintable(error));
        QCOMPARE(t.model.index(0, 0, index).data().toString(), error);
    }

    void repositoriesAddedByName()
    {
        // The token registry refuses its catalog to anonymous users; "public/*" can be pulled
        // anonymously, so a repository added by name lists its tags.
        RegistryProcess registry(RegistryProcess::Auth::Token);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        const auto image = fixtures.pushOciImage(u"public/hello"_s, u"1.0"_s);
        QVERIFY_RESULT(image);
        QVERIFY_RESULT(fixtures.pushManyTags(*image, 11, u"v"_s));

        ModelUnderTest t;
        RegistryEntry entry = entryFor(registry);
        entry.config.authMode = oci::RegistryConfig::AuthMode::Anonymous;
        const QModelIndex index = t.model.addRegistry(entry);
        QSignalSpy entryChanged(&t.model, &RegistryTreeModel::registryEntryChanged);

        // A bad name is refused with the reason; nothing changes.
        const oci::Result<QModelIndex> bad = t.model.addRepository(index, u"Public/Hello"_s);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), oci::Error::Code::InvalidArgument);
        QCOMPARE(entryChanged.count(), 0);
        QCOMPARE(stateOf(index), State::NotLoaded);

        // Added before the registry was opened: it opens now, with the repository in it; a
        // host prefix of this registry is accepted and dropped.
        const oci::Result<QModelIndex> added =
            t.model.addRepository(index, registry.host() + u"/public/hello:1.0");
        QVERIFY_RESULT(added);
        QCOMPARE(entryChanged.count(), 1);
        QCOMPARE(t.model.registries().constFirst().repositories, QStringList{u"public/hello"_s});
        const QModelIndex hello = *added;
        QCOMPARE(kindOf(hello), Kind::Repository);
        QCOMPARE(hello.data(ModelRoles::RepositoryRole).toString(), u"public/hello"_s);
        QVERIFY(hello.data(RegistryTreeRoles::AddedByNameRole).toBool());
        QVERIFY(hello.data(Qt::ToolTipRole).toString().contains(u"Added by name"_s));
        QCOMPARE(hello.data(RegistryTreeRoles::TagCountRole).toInt(), -1);

        // The catalog is refused: the registry says so and keeps the named repository.
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(index) != State::Loading, kLoadTimeoutMs);
        QCOMPARE(stateOf(index), State::Unsupported);
        QCOMPARE(childNames(t.model, index).constFirst(), u"public"_s);
        QCOMPARE(t.model.rowCount(index), 2); // "public", then the explanation
        QCOMPARE(kindOf(t.model.index(1, 0, index)), Kind::Message);
        QCOMPARE(t.model.repositoryIndex(registry.host(), u"public/hello"_s), hello);

        // Its tags list, and the count shows once known.
        t.model.fetchMore(hello);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(hello), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(t.model.rowCount(hello), 12);
        QCOMPARE(hello.data(RegistryTreeRoles::TagCountRole).toInt(), 12);
        QVERIFY(hello.data(Qt::ToolTipRole).toString().contains(u"Tags: 12"_s));

        // Adding it again changes nothing.
        QCOMPARE(*t.model.addRepository(index, u"public/hello"_s), hello);
        QCOMPARE(entryChanged.count(), 1);
        QCOMPARE(t.model.registries().constFirst().repositories.size(), 1);

        // A second one, through a proxy index; reconnecting keeps both.
        QIdentityProxyModel proxy;
        proxy.setSourceModel(&t.model);
        QVERIFY_RESULT(t.model.addRepository(proxy.mapFromSource(index), u"public/other/deep"_s));
        QCOMPARE(entryChanged.count(), 2);
        t.model.reconnect(index);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(index) == State::Unsupported, kLoadTimeoutMs);
        QVERIFY(t.model.repositoryIndex(registry.host(), u"public/hello"_s).isValid());
        const QModelIndex deep = t.model.repositoryIndex(registry.host(), u"public/other/deep"_s);
        QVERIFY(deep.isValid());
        QCOMPARE(kindOf(deep.parent()), Kind::Folder);

        // Forgetting removes the row and the folders that only held it, and the entry's name.
        t.model.forgetRepository(deep);
        QCOMPARE(entryChanged.count(), 3);
        QVERIFY(!t.model.repositoryIndex(registry.host(), u"public/other"_s).isValid());
        QCOMPARE(t.model.registries().constFirst().repositories, QStringList{u"public/hello"_s});
        QCOMPARE(childNames(t.model, t.model.repositoryIndex(registry.host(), u"public"_s)),
                 QStringList{u"hello"_s});
    }

    void namedRepositoryAlsoInTheCatalog()
    {
        ModelUnderTest t;
        RegistryEntry entry = entryFor(*m_registry);
        entry.repositories = QStringList{u"library/hello"_s, u"not/listed"_s};
        const QModelIndex registry = t.model.addRegistry(entry);
        t.model.fetchMore(registry);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);
        const QString host = m_registry->host();
        const QModelIndex hello = t.model.repositoryIndex(host, u"library/hello"_s);
        const QModelIndex notListed = t.model.repositoryIndex(host, u"not/listed"_s);
        QVERIFY(hello.isValid());
        QVERIFY(notListed.isValid());
        QVERIFY(hello.data(RegistryTreeRoles::AddedByNameRole).toBool());
        // Listed by the catalog too: forgetting the name keeps the row.
        t.model.forgetRepository(hello);
        QCOMPARE(t.model.repositoryIndex(host, u"library/hello"_s), hello);
        QVERIFY(!hello.data(RegistryTreeRoles::AddedByNameRole).toBool());
        t.model.forgetRepository(notListed);
        QVERIFY(!t.model.repositoryIndex(host, u"not/listed"_s).isValid());
        QVERIFY(!t.model.repositoryIndex(host, u"not"_s).isValid());
        QVERIFY(t.model.registries().constFirst().repositories.isEmpty());

        // A count from elsewhere (a tag table) shows too.
        const QModelIndex team = t.model.repositoryIndex(host, u"team"_s);
        QCOMPARE(team.data(RegistryTreeRoles::TagCountRole).toInt(), -1);
        QSignalSpy changed(&t.model, &QAbstractItemModel::dataChanged);
        t.model.setTagCount(host, u"team"_s, 7);
        QCOMPARE(team.data(RegistryTreeRoles::TagCountRole).toInt(), 7);
        QCOMPARE(changed.count(), 1);
        t.model.setTagCount(host, u"team"_s, 7);
        QCOMPARE(changed.count(), 1);
    }

    void certificateErrorAndItsTwoWaysOut()
    {
        // The real registry over TLS, with a CA of the test's own.
        RegistryProcess registry(RegistryProcess::Auth::Anonymous, RegistryProcess::Tls::On);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        QVERIFY_RESULT(fixtures.pushOciImage(u"secure/app"_s, u"1.0"_s));

        ModelUnderTest t;
        RegistryEntry entry = entryFor(registry);
        entry.config.caFile.clear(); // the system trust store does not know the test CA
        const QModelIndex index = t.model.addRegistry(entry);
        QCOMPARE(
            index.data(RegistryTreeRoles::ConnectionRole).value<RegistryTreeRoles::Connection>(),
            RegistryTreeRoles::Connection::Verified);
        t.model.fetchMore(index);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(index) == State::Failed, kLoadTimeoutMs);
        QCOMPARE(index.data(ModelRoles::ErrorCodeRole).toInt(), int(oci::Error::Code::Tls));
        // Which certificate and why, on the node and its message row.
        const QString detail = index.data(RegistryTreeRoles::ErrorDetailRole).toString();
        QVERIFY2(detail.contains(u"certificate"_s) && detail.contains(u"issued by"_s),
                 qPrintable(detail));
        const QString error = index.data(ModelRoles::ErrorRole).toString();
        QVERIFY2(error.contains(u"Resolve Certificate Problem"_s), qPrintable(error));
        QVERIFY2(error.contains(u"issued by"_s), qPrintable(error));
        QCOMPARE(t.model.index(0, 0, index).data(RegistryTreeRoles::ErrorDetailRole).toString(),
                 detail);

        // Way one: the registry's CA file. The same row reconnects and lists.
        QSignalSpy entryChanged(&t.model, &RegistryTreeModel::registryEntryChanged);
        entry.config.caFile = registry.caFile();
        t.model.setRegistryEntry(index, entry);
        QCOMPARE(entryChanged.count(), 1);
        QCOMPARE(
            index.data(RegistryTreeRoles::ConnectionRole).value<RegistryTreeRoles::Connection>(),
            RegistryTreeRoles::Connection::CustomCa);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(index) != State::Loading, kLoadTimeoutMs);
        QVERIFY2(stateOf(index) == State::Loaded,
                 qPrintable(index.data(RegistryTreeRoles::ErrorDetailRole).toString()));
        QVERIFY(t.model.repositoryIndex(registry.host(), u"secure/app"_s).isValid());
        QCOMPARE(index.data(ModelRoles::ErrorCodeRole).toInt(), int(oci::Error::Code::None));

        // Way two: insecure, without the CA file. It connects and says what it is.
        entry.config.caFile.clear();
        entry.config.insecureSkipTlsVerify = true;
        t.model.setRegistryEntry(index, entry);
        QCOMPARE(
            index.data(RegistryTreeRoles::ConnectionRole).value<RegistryTreeRoles::Connection>(),
            RegistryTreeRoles::Connection::Insecure);
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(u"Insecure"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(index), State::Loaded, kLoadTimeoutMs);
        QVERIFY(t.model.repositoryIndex(registry.host(), u"secure/app"_s).isValid());
    }

    void testerCrawlsEverything()
    {
        // The tester walks the tree on every change and fetches what it finds, like a view
        // with everything expanded: every repository ends up listing its tags.
        ModelUnderTest t(true);
        const QModelIndex registry = t.model.addRegistry(entryFor(*m_registry));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);
        const QModelIndex hello =
            t.model.repositoryIndex(m_registry->host(), QStringLiteral("library/hello"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(hello), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(t.model.rowCount(hello), 6);
        for (const QString &name : std::as_const(m_repositories)) {
            const QModelIndex repository = t.model.repositoryIndex(m_registry->host(), name);
            QVERIFY2(repository.isValid(), qPrintable(name));
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(repository), State::Loaded, kLoadTimeoutMs);
        }
    }

    void removeWhileLoading()
    {
        ModelUnderTest t;
        const QModelIndex registry = t.model.addRegistry(entryFor(*m_registry));
        t.model.fetchMore(registry);
        QPointer<oci::RegistryClient> client = t.model.client(registry);
        QVERIFY(client);
        QSignalSpy finished(&t.model, &RegistryTreeModel::loadingFinished);
        t.model.removeRegistry(registry);
        QCOMPARE(t.model.rowCount(), 0);
        QVERIFY(!client); // deleted with its row, its job cancelled first
        QTest::qWait(500);
        QCOMPARE(finished.count(), 0);

        // A registry can come back; it starts unloaded.
        const QModelIndex again = t.model.addRegistry(entryFor(*m_registry));
        QCOMPARE(stateOf(again), State::NotLoaded);
        QCOMPARE(t.model.registries().size(), 1);
        QCOMPARE(t.model.addRegistry(entryFor(*m_registry)), again); // no duplicates
    }
};

QTEST_GUILESS_MAIN(TestRegistryTreeModel)
#include "tst_registrytreemodel.moc"
