#include "support/registryseeder.h"

#include "support/registryprocess.h"
#include "support/tokenserver.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

RegistrySeeder::RegistrySeeder(RegistryProcess &registry)
    : m_registry(registry)
{
}

QByteArray RegistrySeeder::authorization(const Request &request)
{
    switch (m_registry.auth()) {
    case RegistryProcess::Auth::Anonymous:
        return {};
    case RegistryProcess::Auth::Basic:
        return "Basic " + m_registry.credentials().toUtf8().toBase64();
    case RegistryProcess::Auth::Token:
        break;
    }
    const QString key = request.repository + u'|' + request.fromRepository;
    auto it = m_tokens.find(key);
    if (it == m_tokens.end()) {
        QList<TokenServer::Access> access{
            {QStringLiteral("repository"), request.repository, {QStringLiteral("pull"), QStringLiteral("push")}}};
        if (!request.fromRepository.isEmpty())
            access.append({QStringLiteral("repository"), request.fromRepository, {QStringLiteral("pull")}});
        it = m_tokens.insert(key, "Bearer " + m_registry.tokenServer()->mintToken(m_registry.username(), access));
    }
    return it.value();
}

oci::Result<void> RegistrySeeder::run(const QList<Request> &requests, int parallel)
{
    QNetworkAccessManager nam;
    QEventLoop loop;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (m_registry.isTls())
        ssl.setCaCertificates(QSslCertificate::fromPath(m_registry.caFile()));
    const QByteArray base = m_registry.baseUrl().toEncoded();

    qsizetype next = 0;
    int inFlight = 0;
    QString failure;
    std::function<void()> launchMore = [&] {
        while (failure.isEmpty() && inFlight < parallel && next < requests.size()) {
            const Request &request = requests.at(next++);
            QNetworkRequest http(QUrl::fromEncoded(base + request.pathAndQuery));
            if (m_registry.isTls())
                http.setSslConfiguration(ssl);
            const QByteArray auth = authorization(request);
            if (!auth.isEmpty())
                http.setRawHeader("Authorization", auth);
            if (!request.contentType.isEmpty())
                http.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
            http.setTransferTimeout(30000);
            QNetworkReply *reply = nam.sendCustomRequest(http, request.method, request.body);
            ++inFlight;
            const int expected = request.expectedStatus;
            const QByteArray what = request.method + ' ' + request.pathAndQuery;
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, expected, what] {
                reply->deleteLater();
                --inFlight;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status != expected && failure.isEmpty()) {
                    failure = QString::fromUtf8(what) + QStringLiteral(": expected HTTP ")
                        + QString::number(expected) + QStringLiteral(", got ") + QString::number(status)
                        + u' ' + reply->errorString() + u' ' + QString::fromUtf8(reply->readAll().left(500));
                }
                if (inFlight == 0 && (next >= requests.size() || !failure.isEmpty()))
                    loop.quit();
                else
                    launchMore();
            });
        }
    };
    if (requests.isEmpty())
        return {};
    launchMore();
    loop.exec();
    if (!failure.isEmpty())
        return oci::Error(oci::Error::Code::Io, QStringLiteral("seeding ") + m_registry.host() + QStringLiteral(" failed: ") + failure);
    return {};
}

namespace {

// One `link` file as the filesystem driver writes it: the digest, no newline.
bool writeLink(const QString &dir, const QString &digest)
{
    if (!QDir().mkpath(dir))
        return false;
    QFile file(dir + QStringLiteral("/link"));
    const QByteArray bytes = digest.toLatin1();
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QString hexOf(const QString &digest)
{
    return digest.mid(digest.indexOf(u':') + 1);
}

} // namespace

QString RegistrySeeder::repositoryDir(const QString &repository) const
{
    return m_registry.storageDir() + QStringLiteral("/docker/registry/v2/repositories/") + repository;
}

oci::Result<void> RegistrySeeder::linkTag(const QString &repository, const QString &tag,
                                          const QString &manifestDigest)
{
    const QString tagDir = repositoryDir(repository) + QStringLiteral("/_manifests/tags/") + tag;
    if (!writeLink(tagDir + QStringLiteral("/current"), manifestDigest)
        || !writeLink(tagDir + QStringLiteral("/index/sha256/") + hexOf(manifestDigest), manifestDigest))
        return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot write the tag links in ") + tagDir);
    return {};
}

oci::Result<void> RegistrySeeder::linkRepository(const QString &repository, const QStringList &blobDigests,
                                                 const QString &manifestDigest)
{
    const QString dir = repositoryDir(repository);
    for (const QString &blob : blobDigests) {
        if (!writeLink(dir + QStringLiteral("/_layers/sha256/") + hexOf(blob), blob))
            return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot write the layer links in ") + dir);
    }
    if (!writeLink(dir + QStringLiteral("/_manifests/revisions/sha256/") + hexOf(manifestDigest), manifestDigest))
        return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot write the revision link in ") + dir);
    return {};
}
