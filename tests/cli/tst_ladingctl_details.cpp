// ladingctl inspect and tags --details against the real registry (anonymous, plain http):
// an OCI image with five more tags on its digest, a Docker image, a two-platform index,
// two images with chosen created dates, natural-order tag names, an SBOM artifact with
// a referrers fallback tag; and inspect of a cached tag after the registry is gone.
// The oracle is the JSON skopeo reads back and what the test itself wrote.

#include "../oci/cachetestsupport.h"
#include "ladingctlprocess.h"

#include "support/registryprocess.h"
#include "support/registryseeder.h"

#include "oci/core/digest.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using clitest::Run;

namespace {

const QString Repo = QStringLiteral("team/app");
const QByteArray OciManifestType = "application/vnd.oci.image.manifest.v1+json";
const QByteArray OciIndexType = "application/vnd.oci.image.index.v1+json";
const QString SbomType = QStringLiteral("application/vnd.example.sbom.v1+json");

QJsonObject json(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject descriptor(const QByteArray &mediaType, const QByteArray &bytes)
{
    return QJsonObject{{QStringLiteral("mediaType"), QString::fromLatin1(mediaType)},
                       {QStringLiteral("digest"), oci::Digest::sha256Of(bytes).toString()},
                       {QStringLiteral("size"), bytes.size()}};
}

qint64 sizeOf(const QByteArray &manifest)
{
    const QJsonObject object = json(manifest);
    qint64 size = qint64(object.value(u"config").toObject().value(u"size").toDouble());
    const QJsonArray layers = object.value(u"layers").toArray();
    for (const QJsonValue &layer : layers)
        size += qint64(layer.toObject().value(u"size").toDouble());
    return size;
}

// One table line split on runs of two or more spaces (cells hold single spaces).
QStringList cells(const QByteArray &line)
{
    static const QRegularExpression gap(QStringLiteral("\\s{2,}"));
    return QString::fromUtf8(line).split(gap);
}

} // namespace

class TestLadingctlDetails final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tagTable();
    void tagJsonSortedByCreated();
    void tagJsonSortedBySize();
    void tagNamesInNaturalOrder();
    void inspectImageWithReferrers();
    void inspectIndexByDigest();
    void inspectOfflineIsStaleAndSaysSo();
    void noCacheLeavesNoFiles();

private:
    Run run(const QStringList &arguments, const QString &cacheHome = {}, int timeoutMs = 120000);
    QString ref(const QString &rest) const { return m_registry->host() + u'/' + rest; }
    QJsonArray tagsJson(const QStringList &extra);

    std::unique_ptr<RegistryProcess> m_registry;
    QTemporaryDir m_dockerConfig;
    QTemporaryDir m_cacheHome;
    SeededImage m_oci;
    SeededImage m_docker;
    SeededImage m_index;
    QStringList m_sharedTags; // five more tags on m_oci's digest
    QHash<QString, QDateTime> m_created;
    QByteArray m_artifact;
};

Run TestLadingctlDetails::run(const QStringList &arguments, const QString &cacheHome, int timeoutMs)
{
    QProcessEnvironment env = clitest::environment(m_dockerConfig.path());
    env.insert(QStringLiteral("XDG_CACHE_HOME"),
               cacheHome.isEmpty() ? m_cacheHome.path() : cacheHome);
    const testsupport::ToolResult result =
        testsupport::runTool(QStringLiteral(LADINGCTL_PATH), arguments, timeoutMs, env);
    Run r;
    r.exitCode = result.exitCode;
    r.crashedOrTimedOut = result.crashedOrTimedOut;
    r.out = result.standardOutput;
    r.err = result.standardError;
    r.commandLine = QStringLiteral("ladingctl ") + arguments.join(u' ');
    return r;
}

void TestLadingctlDetails::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    QVERIFY(m_dockerConfig.isValid());
    QVERIFY(m_cacheHome.isValid());
    m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
    QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
    Fixtures fixtures(*m_registry);
    auto oci = fixtures.pushOciImage(Repo, QStringLiteral("1.0"));
    QVERIFY_RESULT(oci);
    m_oci = *oci;
    auto docker = fixtures.pushDockerImage(Repo, QStringLiteral("docker"));
    QVERIFY_RESULT(docker);
    m_docker = *docker;
    auto index = fixtures.pushIndex(Repo, QStringLiteral("multi"));
    QVERIFY_RESULT(index);
    m_index = *index;
    auto shared = fixtures.pushManyTags(m_oci, 5, QStringLiteral("same-"));
    QVERIFY_RESULT(shared);
    m_sharedTags = *shared;

    // "old" and "new": the OCI image with another created date in its config.
    for (const auto &[tag, created] :
         {std::pair{QStringLiteral("old"), QStringLiteral("2015-05-05T05:05:05Z")},
          std::pair{QStringLiteral("new"), QStringLiteral("2035-01-02T03:04:05Z")}}) {
        QJsonObject config = json(m_oci.config);
        config.insert(QStringLiteral("created"), created);
        const QByteArray configBytes = compact(config);
        QVERIFY(cachetest::uploadBlob(*m_registry, Repo, configBytes));
        QJsonObject manifest = json(m_oci.manifest);
        QJsonObject configDescriptor = manifest.value(u"config").toObject();
        configDescriptor.insert(QStringLiteral("digest"),
                                oci::Digest::sha256Of(configBytes).toString());
        configDescriptor.insert(QStringLiteral("size"), configBytes.size());
        manifest.insert(QStringLiteral("config"), configDescriptor);
        QVERIFY(cachetest::putManifest(*m_registry, Repo, tag, OciManifestType, compact(manifest)));
        m_created.insert(tag, QDateTime::fromString(created, Qt::ISODate));
    }

    // Names for the natural order, all on the OCI image's digest.
    RegistrySeeder seeder(*m_registry);
    for (const QString &tag :
         {QStringLiteral("1.9"), QStringLiteral("1.10"), QStringLiteral("1.2")})
        QVERIFY_RESULT(seeder.linkTag(Repo, tag, m_oci.digest.toString()));

    // An SBOM for the OCI image, found through the fallback tag (no referrers API here).
    const QByteArray empty = "{}";
    const QByteArray sbom = "{\"spdxVersion\":\"SPDX-2.3\"}";
    QVERIFY(cachetest::uploadBlob(*m_registry, Repo, empty));
    QVERIFY(cachetest::uploadBlob(*m_registry, Repo, sbom));
    m_artifact = compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString::fromLatin1(OciManifestType)},
        {QStringLiteral("artifactType"), SbomType},
        {QStringLiteral("config"), descriptor("application/vnd.oci.empty.v1+json", empty)},
        {QStringLiteral("layers"), QJsonArray{descriptor(SbomType.toLatin1(), sbom)}},
        {QStringLiteral("subject"), descriptor(OciManifestType, m_oci.manifest)},
    });
    QVERIFY(cachetest::putManifest(*m_registry, Repo, QStringLiteral("sbom"), OciManifestType,
                                   m_artifact));
    QJsonObject entry = descriptor(OciManifestType, m_artifact);
    entry.insert(QStringLiteral("artifactType"), SbomType);
    const QByteArray referrers =
        compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                            {QStringLiteral("mediaType"), QString::fromLatin1(OciIndexType)},
                            {QStringLiteral("manifests"), QJsonArray{entry}}});
    QVERIFY(cachetest::putManifest(*m_registry, Repo, u"sha256-" + m_oci.digest.encoded(),
                                   OciIndexType, referrers));
}

void TestLadingctlDetails::tagTable()
{
    const Run r = run({QStringLiteral("tags"), ref(Repo), QStringLiteral("--plain-http"),
                       QStringLiteral("--details")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QList<QByteArray> lines = r.out.split('\n');
    QVERIFY(lines.last().isEmpty());
    lines.removeLast();
    QCOMPARE(cells(lines.first()),
             (QStringList{QStringLiteral("TAG"), QStringLiteral("DIGEST"), QStringLiteral("SIZE"),
                          QStringLiteral("CREATED"), QStringLiteral("PLATFORMS"),
                          QStringLiteral("TYPE"), QStringLiteral("SHARED")}));
    QHash<QString, QStringList> rows;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList row = cells(lines.at(i));
        QCOMPARE(row.size(), 7);
        rows.insert(row.first(), row);
    }
    // 1.0 + same-* + 1.9/1.10/1.2 share one digest: 9 tags, 8 others each.
    const QStringList image = rows.value(QStringLiteral("1.0"));
    QCOMPARE(image.at(1), m_oci.digest.shortString());
    QCOMPARE(image.at(4), QStringLiteral("linux/amd64"));
    QCOMPARE(image.at(5), QStringLiteral("OCI image"));
    QCOMPARE(image.at(6), QStringLiteral("8"));
    QCOMPARE(rows.value(m_sharedTags.constFirst()).at(6), QStringLiteral("8"));
    QCOMPARE(rows.value(QStringLiteral("docker")).at(5), QStringLiteral("Docker image"));
    QCOMPARE(rows.value(QStringLiteral("docker")).at(6), QStringLiteral("0"));
    const QStringList multi = rows.value(QStringLiteral("multi"));
    QCOMPARE(multi.at(4), QStringLiteral("linux/amd64, linux/arm64/v8"));
    QCOMPARE(multi.at(5), QStringLiteral("OCI index"));
    QCOMPARE(rows.value(QStringLiteral("old")).at(3), QStringLiteral("2015-05-05 05:05"));
    QCOMPARE(rows.value(QStringLiteral("sbom")).at(5), QStringLiteral("OCI artifact"));
    QVERIFY(rows.value(u"sha256-" + m_oci.digest.encoded()).at(5).endsWith(u"(referrers)"));
    QCOMPARE(rows.size(),
             15); // 1.0 docker multi old new sbom, same-* (5), 1.2 1.9 1.10, fallback tag
}

QJsonArray TestLadingctlDetails::tagsJson(const QStringList &extra)
{
    const Run r = run(QStringList{QStringLiteral("tags"), ref(Repo), QStringLiteral("--plain-http"),
                                  QStringLiteral("--details"), QStringLiteral("--json")} +
                      extra);
    if (r.exitCode != 0 || !r.err.isEmpty())
        qWarning("%s", r.describe().constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", r.out.left(500).constData());
    return document.array();
}

void TestLadingctlDetails::tagJsonSortedByCreated()
{
    const QJsonArray rows = tagsJson({QStringLiteral("--sort"), QStringLiteral("created")});
    QCOMPARE(rows.size(), 15);
    QCOMPARE(rows.first().toObject().value(u"tag").toString(), QStringLiteral("new"));
    QCOMPARE(rows.first().toObject().value(u"created").toString(),
             QStringLiteral("2035-01-02T03:04:05Z"));
    // Newest first; the artifact and the referrers index have no date and come last.
    QDateTime previous;
    bool undated = false;
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const QJsonValue created = row.value(u"created");
        if (created.isNull()) {
            undated = true;
            continue;
        }
        QVERIFY2(!undated, "a dated row after an undated one");
        const QDateTime date = QDateTime::fromString(created.toString(), Qt::ISODate);
        QVERIFY(date.isValid());
        if (previous.isValid())
            QVERIFY(date <= previous);
        previous = date;
    }
    QCOMPARE(rows.at(rows.size() - 3).toObject().value(u"tag").toString(), QStringLiteral("old"));
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        if (row.value(u"tag").toString() == u"1.0") {
            QCOMPARE(row.value(u"digest").toString(), m_oci.digest.toString());
            QCOMPARE(qint64(row.value(u"compressedSize").toDouble()), sizeOf(m_oci.manifest));
            QCOMPARE(row.value(u"otherTagsWithDigest").toInt(), 8);
            QCOMPARE(row.value(u"kind").toString(), QStringLiteral("image"));
            QCOMPARE(row.value(u"format").toString(), QStringLiteral("oci"));
        }
        if (row.value(u"tag").toString() == u"docker") {
            QCOMPARE(row.value(u"digest").toString(), m_docker.digest.toString());
            QCOMPARE(row.value(u"format").toString(), QStringLiteral("docker"));
        }
        if (row.value(u"tag").toString() == u"sbom")
            QCOMPARE(row.value(u"artifactType").toString(), SbomType);
    }
}

void TestLadingctlDetails::tagJsonSortedBySize()
{
    const QJsonArray rows = tagsJson({QStringLiteral("--sort"), QStringLiteral("size")});
    QCOMPARE(rows.size(), 15);
    double previous = -1;
    for (const QJsonValue &value : rows) {
        const double size = value.toObject().value(u"compressedSize").toDouble(-1);
        QVERIFY(size >= 0); // every row here has a size
        if (previous >= 0)
            QVERIFY(size <= previous);
        previous = size;
    }
    QCOMPARE(rows.first().toObject().value(u"tag").toString(), QStringLiteral("multi"));
    // The SBOM and the referrers index holding it are the same few bytes: by name then.
    QCOMPARE(rows.at(rows.size() - 2).toObject().value(u"tag").toString(), QStringLiteral("sbom"));
    QVERIFY(rows.last().toObject().value(u"tag").toString().startsWith(u"sha256-"));
}

void TestLadingctlDetails::tagNamesInNaturalOrder()
{
    const QJsonArray rows = tagsJson({QStringLiteral("--sort"), QStringLiteral("name")});
    QStringList names;
    for (const QJsonValue &value : rows)
        names << value.toObject().value(u"tag").toString();
    QCOMPARE(names.mid(0, 4), (QStringList{QStringLiteral("1.0"), QStringLiteral("1.2"),
                                           QStringLiteral("1.9"), QStringLiteral("1.10")}));
    // Without --details, --sort name sorts the plain list the same way.
    const Run r = run({QStringLiteral("tags"), ref(Repo), QStringLiteral("--plain-http"),
                       QStringLiteral("--sort"), QStringLiteral("name")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts), names);
}

void TestLadingctlDetails::inspectImageWithReferrers()
{
    const Run r =
        run({QStringLiteral("inspect"), ref(Repo + u":1.0"), QStringLiteral("--plain-http")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QJsonObject object = json(r.out);
    QCOMPARE(object.value(u"digest").toString(), m_oci.digest.toString());
    QCOMPARE(object.value(u"mediaType").toString(), QString::fromLatin1(OciManifestType));
    QCOMPARE(object.value(u"kind").toString(), QStringLiteral("image"));
    QCOMPARE(qint64(object.value(u"manifestSize").toDouble()), qint64(m_oci.manifest.size()));
    QCOMPARE(qint64(object.value(u"compressedSize").toDouble()), sizeOf(m_oci.manifest));
    QCOMPARE(
        object.value(u"created").toString(),
        QDateTime::fromString(json(m_oci.config).value(u"created").toString(), Qt::ISODateWithMs)
            .toUTC()
            .toString(Qt::ISODate));
    QCOMPARE(object.value(u"platforms").toArray(), QJsonArray{QStringLiteral("linux/amd64")});
    QCOMPARE(object.value(u"stale").toBool(true), false);
    const QJsonObject config = object.value(u"config").toObject();
    QCOMPARE(config.value(u"digest").toString(), m_oci.configDigest.toString());
    QCOMPARE(config.value(u"cmd").toArray(), QJsonArray{QStringLiteral("/usr/bin/hello")});
    QVERIFY(config.value(u"env").toArray().contains(QStringLiteral("GREETING=hello")));
    QCOMPARE(config.value(u"labels").toObject().value(u"org.opencontainers.image.title").toString(),
             QStringLiteral("lading-fixture"));
    QCOMPARE(object.value(u"layers").toArray().size(), m_oci.layers.size());
    const QJsonObject referrers = object.value(u"referrers").toObject();
    QCOMPARE(referrers.value(u"source").toString(), QStringLiteral("fallback-tag"));
    const QJsonArray list = referrers.value(u"manifests").toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"artifactType").toString(), SbomType);
    QCOMPARE(list.first().toObject().value(u"digest").toString(),
             oci::Digest::sha256Of(m_artifact).toString());
    QCOMPARE(qint64(list.first().toObject().value(u"size").toDouble()), qint64(m_artifact.size()));

    // The artifact itself: its subject is the image.
    const Run artifact =
        run({QStringLiteral("inspect"), ref(Repo + u":sbom"), QStringLiteral("--plain-http")});
    QVERIFY2(artifact.exitCode == 0, artifact.describe().constData());
    const QJsonObject sbom = json(artifact.out);
    QCOMPARE(sbom.value(u"kind").toString(), QStringLiteral("artifact"));
    QCOMPARE(sbom.value(u"artifactType").toString(), SbomType);
    QCOMPARE(sbom.value(u"subject").toObject().value(u"digest").toString(),
             m_oci.digest.toString());
}

void TestLadingctlDetails::inspectIndexByDigest()
{
    const Run r = run({QStringLiteral("inspect"), ref(Repo + u'@' + m_index.digest.toString()),
                       QStringLiteral("--plain-http")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    const QJsonObject object = json(r.out);
    QCOMPARE(object.value(u"digest").toString(), m_index.digest.toString());
    QCOMPARE(object.value(u"kind").toString(), QStringLiteral("index"));
    QCOMPARE(object.value(u"attestations").toInt(-1), 0);
    QStringList platforms;
    const QJsonArray manifests = object.value(u"manifests").toArray();
    QCOMPARE(manifests.size(), 2);
    for (const QJsonValue &value : manifests) {
        const QJsonObject entry = value.toObject();
        platforms << entry.value(u"platform").toString();
        auto child =
            Fixtures(*m_registry).skopeoInspectRaw(Repo + u'@' + entry.value(u"digest").toString());
        QVERIFY_RESULT(child);
        QCOMPARE(qint64(entry.value(u"compressedSize").toDouble()), sizeOf(child.value()));
        QVERIFY(entry.value(u"config").toObject().value(u"cmd").isArray());
    }
    QCOMPARE(platforms, m_index.platforms);
    QCOMPARE(object.value(u"referrers").toObject().value(u"source").toString(),
             QStringLiteral("none"));
}

void TestLadingctlDetails::inspectOfflineIsStaleAndSaysSo()
{
    QTemporaryDir cacheHome;
    RegistryProcess registry(RegistryProcess::Auth::Anonymous);
    QVERIFY2(registry.start(), qPrintable(registry.errorString()));
    Fixtures fixtures(registry);
    auto image = fixtures.pushDockerImage(QStringLiteral("offline/app"), QStringLiteral("stable"));
    QVERIFY_RESULT(image);
    const QString reference = registry.host() + QStringLiteral("/offline/app:stable");
    const Run online = run({QStringLiteral("inspect"), reference, QStringLiteral("--plain-http")},
                           cacheHome.path());
    QVERIFY2(online.exitCode == 0, online.describe().constData());
    QCOMPARE(json(online.out).value(u"stale").toBool(true), false);
    QVERIFY(QDir(cacheHome.path() + u"/ladingctl/content/sha256").count() > 2);
    registry.stop();

    const Run offline = run({QStringLiteral("inspect"), reference, QStringLiteral("--plain-http")},
                            cacheHome.path());
    QVERIFY2(offline.exitCode == 0, offline.describe().constData());
    const QJsonObject object = json(offline.out);
    QCOMPARE(object.value(u"stale").toBool(false), true);
    QVERIFY(!object.value(u"staleReason").toString().isEmpty());
    QCOMPARE(object.value(u"digest").toString(), image->digest.toString());
    QCOMPARE(object.value(u"config").toObject().value(u"cmd").toArray(),
             QJsonArray{QStringLiteral("/usr/bin/hello")});
    VERIFY_ONE_ERROR_LINE(offline);
    QVERIFY(offline.err.contains("may be out of date"));
}

void TestLadingctlDetails::noCacheLeavesNoFiles()
{
    QTemporaryDir cacheHome;
    const Run r = run({QStringLiteral("inspect"), ref(Repo + u":docker"),
                       QStringLiteral("--plain-http"), QStringLiteral("--no-cache")},
                      cacheHome.path());
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(json(r.out).value(u"digest").toString(), m_docker.digest.toString());
    QVERIFY(!QDir(cacheHome.path() + u"/ladingctl").exists());
}

QTEST_GUILESS_MAIN(TestLadingctlDetails)
#include "tst_ladingctl_details.moc"
