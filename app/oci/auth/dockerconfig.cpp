#include "oci/auth/dockerconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace oci {

namespace {

constexpr qint64 MaxConfigBytes = 4 * 1024 * 1024;

// Docker CLI's ConvertToHostname drops any path; we accept only the API roots so that
// "https://index.docker.io/v1/access-token" or "quay.io/org/repo" stay out.
bool isRegistryKey(QStringView key)
{
    QStringView rest = key.trimmed();
    const qsizetype schemeEnd = rest.indexOf(u"://");
    if (schemeEnd >= 0)
        rest = rest.sliced(schemeEnd + 3);
    const qsizetype slash = rest.indexOf(u'/');
    if (slash < 0)
        return !rest.isEmpty();
    if (slash == 0)
        return false;
    const QStringView path = rest.sliced(slash);
    return path == u"/" || path == u"/v1" || path == u"/v1/" || path == u"/v2" || path == u"/v2/";
}

// When several keys name the same host, the key Docker itself writes wins.
bool isCanonicalKey(QStringView key, const QString &host)
{
    if (host == u"docker.io")
        return key == u"https://index.docker.io/v1/";
    return key == host;
}

// `auth` is base64("user:password"); Docker pads some passwords with NULs.
Result<Credentials> decodeAuth(const QString &auth)
{
    const auto decoded = QByteArray::fromBase64Encoding(auth.trimmed().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || auth.trimmed().isEmpty()) {
        return Error(Error::Code::CredentialsUnavailable,
                     QStringLiteral("its \"auth\" value is not valid base64"));
    }
    QByteArray plain = *decoded;
    const qsizetype colon = plain.indexOf(':');
    if (colon <= 0) {
        return Error(Error::Code::CredentialsUnavailable,
                     colon < 0 ? QStringLiteral("its \"auth\" value has no ':' between user and password")
                               : QStringLiteral("its \"auth\" value has an empty user name"));
    }
    QByteArray password = plain.sliced(colon + 1);
    while (password.endsWith('\0'))
        password.chop(1);
    Credentials credentials;
    credentials.username = QString::fromUtf8(plain.first(colon));
    credentials.password = QString::fromUtf8(password);
    return credentials;
}

QString stringField(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

} // namespace

Result<DockerConfigAuths> parseDockerConfigAuths(QByteArrayView json)
{
    if (json.size() > MaxConfigBytes)
        return Error(Error::Code::SizeLimitExceeded, QStringLiteral("config.json is too large"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(Error::Code::CredentialsUnavailable,
                     u"not valid JSON (" + parseError.errorString()
                         + QStringLiteral(" at byte %1)").arg(parseError.offset));
    }
    if (!document.isObject())
        return Error(Error::Code::CredentialsUnavailable, QStringLiteral("not a JSON object"));
    DockerConfigAuths result;
    QHash<QString, bool> fromCanonicalKey;
    const QJsonObject auths = document.object().value(u"auths").toObject();
    for (auto it = auths.begin(); it != auths.end(); ++it) {
        const QString key = it.key();
        if (!isRegistryKey(key) || !it.value().isObject())
            continue;
        const QString host = normalizeRegistryHost(key);
        const bool canonical = isCanonicalKey(key, host);
        if ((result.credentials.contains(host) || result.problems.contains(host))
            && (fromCanonicalKey.value(host) || !canonical))
            continue;

        const QJsonObject entry = it.value().toObject();
        Credentials credentials;
        const QString auth = stringField(entry, u"auth");
        if (!auth.isEmpty()) {
            auto decoded = decodeAuth(auth);
            if (!decoded) {
                result.credentials.remove(host);
                result.problems.insert(host, u"config.json entry \"" + key + u"\": "
                                                 + decoded.error().message());
                fromCanonicalKey.insert(host, canonical);
                continue;
            }
            credentials = std::move(decoded).value();
        } else {
            credentials.username = stringField(entry, u"username");
            credentials.password = stringField(entry, u"password");
        }
        credentials.identityToken = stringField(entry, u"identitytoken");
        credentials.registryToken = stringField(entry, u"registrytoken");
        if (credentials.isAnonymous())
            continue; // a marker for a credential helper
        result.problems.remove(host);
        result.credentials.insert(host, std::move(credentials));
        fromCanonicalKey.insert(host, canonical);
    }
    return result;
}

DockerConfigCredentialProvider::DockerConfigCredentialProvider(QString configPath)
    : m_configPath(configPath.isEmpty() ? defaultConfigPath() : std::move(configPath))
{}

QString DockerConfigCredentialProvider::defaultConfigPath()
{
    const QString dir = qEnvironmentVariable("DOCKER_CONFIG");
    if (!dir.isEmpty())
        return QDir(dir).filePath(QStringLiteral("config.json"));
    return QDir::home().filePath(QStringLiteral(".docker/config.json"));
}

void DockerConfigCredentialProvider::lookup(const QString &host, CredentialsCallback done) const
{
    QFile file(m_configPath);
    if (!file.exists()) {
        done(Credentials());
        return;
    }
    const auto fail = [&](const QString &why) {
        done(Error(Error::Code::CredentialsUnavailable, why).withRegistry(host));
    };
    if (file.size() > MaxConfigBytes) {
        fail(m_configPath + u" is larger than 4 MiB");
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        fail(u"cannot read " + m_configPath + u": " + file.errorString());
        return;
    }
    const auto auths = parseDockerConfigAuths(file.read(MaxConfigBytes + 1));
    if (!auths) {
        fail(m_configPath + u": " + auths.error().message());
        return;
    }
    const QString key = normalizeRegistryHost(host);
    if (auths->problems.contains(key)) {
        fail(m_configPath + u": " + auths->problems.value(key));
        return;
    }
    done(auths->credentials.value(key));
}

} // namespace oci
