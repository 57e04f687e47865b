#include "oci/auth/authfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace oci {

namespace {

constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

enum class KeyKind { Host, Namespaced, Ignored };

// Docker CLI's ConvertToHostname drops any path. We accept only the API roots as host
// keys, so that "https://index.docker.io/v1/access-token" stays out; a scheme-less key
// with a path is Podman's namespaced form.
KeyKind classifyKey(QStringView key)
{
    QStringView rest = key.trimmed();
    const qsizetype schemeEnd = rest.indexOf(u"://");
    if (schemeEnd >= 0)
        rest = rest.sliced(schemeEnd + 3);
    const qsizetype slash = rest.indexOf(u'/');
    if (slash < 0)
        return rest.isEmpty() ? KeyKind::Ignored : KeyKind::Host;
    if (slash == 0)
        return KeyKind::Ignored;
    const QStringView path = rest.sliced(slash);
    if (path == u"/" || path == u"/v1" || path == u"/v1/" || path == u"/v2" || path == u"/v2/")
        return KeyKind::Host;
    if (schemeEnd >= 0 || path.endsWith(u'/') || path.contains(u"//"))
        return KeyKind::Ignored;
    return KeyKind::Namespaced;
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

Result<Credentials> parseEntry(const QJsonObject &entry)
{
    Credentials credentials;
    const QString auth = stringField(entry, u"auth");
    if (!auth.isEmpty()) {
        auto decoded = decodeAuth(auth);
        if (!decoded)
            return decoded.error();
        credentials = std::move(decoded).value();
    } else {
        credentials.username = stringField(entry, u"username");
        credentials.password = stringField(entry, u"password");
    }
    credentials.identityToken = stringField(entry, u"identitytoken");
    credentials.registryToken = stringField(entry, u"registrytoken");
    return credentials;
}

} // namespace

Result<AuthFile> parseAuthFile(QByteArrayView json)
{
    if (json.size() > MaxFileBytes)
        return Error(Error::Code::SizeLimitExceeded, QStringLiteral("the file is larger than 4 MiB"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(Error::Code::CredentialsUnavailable,
                     u"not valid JSON (" + parseError.errorString()
                         + QStringLiteral(" at byte %1)").arg(parseError.offset));
    }
    if (!document.isObject())
        return Error(Error::Code::CredentialsUnavailable, QStringLiteral("not a JSON object"));
    const QJsonObject root = document.object();

    AuthFile result;
    QHash<QString, bool> fromCanonicalKey;
    const QJsonObject auths = root.value(u"auths").toObject();
    for (auto it = auths.begin(); it != auths.end(); ++it) {
        const QString key = it.key();
        const KeyKind kind = classifyKey(key);
        if (kind == KeyKind::Ignored || !it.value().isObject())
            continue;
        const QString host = normalizeRegistryHost(key);
        auto entry = parseEntry(it.value().toObject());
        if (kind == KeyKind::Namespaced) {
            AuthFile::NamespacedEntry namespaced;
            namespaced.key = key;
            namespaced.host = host;
            if (entry)
                namespaced.credentials = entry.value();
            else
                namespaced.problem = u"entry \"" + key + u"\": " + entry.error().message();
            if (!namespaced.credentials.isAnonymous() || !namespaced.problem.isEmpty())
                result.namespaced.append(std::move(namespaced));
            continue;
        }
        const bool canonical = isCanonicalKey(key, host);
        if ((result.credentials.contains(host) || result.problems.contains(host))
            && (fromCanonicalKey.value(host) || !canonical))
            continue;
        if (!entry) {
            result.credentials.remove(host);
            result.problems.insert(host, u"entry \"" + key + u"\": " + entry.error().message());
            fromCanonicalKey.insert(host, canonical);
            continue;
        }
        if (entry->isAnonymous())
            continue; // a marker for a credential helper
        result.problems.remove(host);
        result.credentials.insert(host, std::move(entry).value());
        fromCanonicalKey.insert(host, canonical);
    }

    const QJsonObject helpers = root.value(u"credHelpers").toObject();
    for (auto it = helpers.begin(); it != helpers.end(); ++it) {
        if (it.value().isString() && !it.value().toString().trimmed().isEmpty())
            result.credHelpers.insert(normalizeRegistryHost(it.key()), it.value().toString().trimmed());
    }
    result.credsStore = stringField(root, u"credsStore").trimmed();
    return result;
}

Result<AuthFile> readAuthFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return AuthFile();
    if (file.size() > MaxFileBytes)
        return Error(Error::Code::CredentialsUnavailable, path + u" is larger than 4 MiB");
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(Error::Code::CredentialsUnavailable,
                     u"cannot read " + path + u": " + file.errorString());
    }
    auto parsed = parseAuthFile(file.read(MaxFileBytes + 1));
    if (!parsed)
        return Error(Error::Code::CredentialsUnavailable, path + u": " + parsed.error().message());
    return parsed;
}

} // namespace oci
