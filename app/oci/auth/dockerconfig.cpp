#include "oci/auth/dockerconfig.h"

#include "oci/auth/authfile.h"
#include "oci/auth/credentialhelper.h"

#include <QDir>

namespace oci {

Result<DockerConfigAuths> parseDockerConfigAuths(QByteArrayView json)
{
    auto file = parseAuthFile(json);
    if (!file) {
        Error error = file.error();
        return Error(error.code(), u"config.json: " + error.message());
    }
    // Namespaced keys are Podman's; Docker would take them for the whole host.
    DockerConfigAuths auths;
    auths.credentials = std::move(file->credentials);
    auths.problems = std::move(file->problems);
    for (QString &problem : auths.problems)
        problem.prepend(u"config.json ");
    return auths;
}

DockerConfigCredentialProvider::DockerConfigCredentialProvider(QString configPath,
                                                               std::shared_ptr<CredentialHelper> helpers)
    : m_configPath(configPath.isEmpty() ? defaultConfigPath() : std::move(configPath))
    , m_helpers(helpers ? std::move(helpers) : std::make_shared<CredentialHelper>())
{}

DockerConfigCredentialProvider::~DockerConfigCredentialProvider() = default;

QString DockerConfigCredentialProvider::defaultConfigPath()
{
    const QString dir = qEnvironmentVariable("DOCKER_CONFIG");
    if (!dir.isEmpty())
        return QDir(dir).filePath(QStringLiteral("config.json"));
    return QDir::home().filePath(QStringLiteral(".docker/config.json"));
}

void DockerConfigCredentialProvider::lookup(const QString &host, CredentialsCallback done) const
{
    const auto file = readAuthFile(m_configPath);
    if (!file) {
        done(Error(file.error()).withRegistry(host));
        return;
    }
    const QString key = normalizeRegistryHost(host);

    QString helper = file->credHelpers.value(key);
    QString setting = u"\"credHelpers\" for " + key;
    if (helper.isEmpty()) {
        helper = file->credsStore;
        setting = QStringLiteral("\"credsStore\"");
    }
    if (!helper.isEmpty()) {
        const QString inlineRegistryToken = file->credentials.value(key).registryToken;
        const QString where = m_configPath;
        m_helpers->get(helper, host,
                       [done = std::move(done), inlineRegistryToken, where, setting,
                        host](Result<Credentials> result) {
                           if (!result) {
                               done(Error(Error::Code::CredentialsUnavailable,
                                          result.error().message() + u" (named by " + setting
                                              + u" in " + where + u')')
                                        .withRegistry(host));
                               return;
                           }
                           Credentials credentials = std::move(result).value();
                           credentials.registryToken = inlineRegistryToken;
                           done(std::move(credentials));
                       });
        return;
    }
    if (file->problems.contains(key)) {
        done(Error(Error::Code::CredentialsUnavailable,
                   m_configPath + u": " + file->problems.value(key))
                 .withRegistry(host));
        return;
    }
    done(file->credentials.value(key));
}

} // namespace oci
