#include "oci/auth/podmanauth.h"

#include "oci/auth/authfile.h"
#include "oci/auth/credentialhelper.h"

#include <QDir>

#include <algorithm>
#include <optional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace oci {

namespace {

Error fileError(const QString &path, const QString &host, const QString &why)
{
    return Error(Error::Code::CredentialsUnavailable, path + u": " + why).withRegistry(host);
}

// The namespaced entry that stands in for `host`: the shortest key, then sort order.
const AuthFile::NamespacedEntry *namespacedFallback(const AuthFile &file, const QString &host)
{
    const AuthFile::NamespacedEntry *best = nullptr;
    for (const AuthFile::NamespacedEntry &entry : file.namespaced) {
        if (entry.host != host)
            continue;
        if (!best || entry.key.size() < best->key.size()
            || (entry.key.size() == best->key.size() && entry.key < best->key))
            best = &entry;
    }
    return best;
}

// One lookup over the files in order; a helper answer arrives later, so each file is a step.
struct PodmanWalk : std::enable_shared_from_this<PodmanWalk>
{
    QStringList files;
    QString host;
    std::shared_ptr<CredentialHelper> helpers;
    CredentialsCallback done;
    std::optional<Error> firstError;

    void step(qsizetype index)
    {
        const QString key = normalizeRegistryHost(host);
        for (; index < files.size(); ++index) {
            const QString &path = files.at(index);
            auto file = readAuthFile(path);
            if (!file) {
                // A later file may still answer; the error counts only if none does.
                if (!firstError)
                    firstError = Error(file.error()).withRegistry(host);
                continue;
            }
            const QString helper = file->credHelpers.value(key);
            if (!helper.isEmpty()) {
                auto self = shared_from_this();
                helpers->get(helper, host, [self, index, path](Result<Credentials> result) {
                    if (!result) {
                        self->done(fileError(path, self->host,
                                             result.error().message() + u" (named by \"credHelpers\")"));
                        return;
                    }
                    if (!result->isAnonymous()) {
                        self->done(std::move(result));
                        return;
                    }
                    self->step(index + 1); // the helper has nothing: like containers/image, go on
                });
                return;
            }
            if (file->problems.contains(key)) {
                done(fileError(path, host, file->problems.value(key)));
                return;
            }
            const auto found = file->credentials.constFind(key);
            if (found != file->credentials.constEnd()) {
                done(*found);
                return;
            }
            if (const AuthFile::NamespacedEntry *entry = namespacedFallback(*file, key)) {
                if (!entry->problem.isEmpty())
                    done(fileError(path, host, entry->problem));
                else
                    done(entry->credentials);
                return;
            }
        }
        if (firstError)
            done(*firstError);
        else
            done(Credentials());
    }
};

} // namespace

PodmanAuthCredentialProvider::PodmanAuthCredentialProvider(QStringList authFiles,
                                                           std::shared_ptr<CredentialHelper> helpers)
    : m_authFiles(authFiles.isEmpty() ? defaultAuthFiles() : std::move(authFiles))
    , m_helpers(helpers ? std::move(helpers) : std::make_shared<CredentialHelper>())
{}

PodmanAuthCredentialProvider::~PodmanAuthCredentialProvider() = default;

QStringList PodmanAuthCredentialProvider::defaultAuthFiles()
{
    QStringList files;
    const QString override = qEnvironmentVariable("REGISTRY_AUTH_FILE");
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!override.isEmpty()) {
        files.append(override);
    } else if (!runtimeDir.isEmpty()) {
        files.append(QDir(runtimeDir).filePath(QStringLiteral("containers/auth.json")));
    } else {
#ifdef Q_OS_UNIX
        files.append(QStringLiteral("/run/containers/%1/auth.json").arg(::getuid()));
#endif
    }
    QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (configHome.isEmpty())
        configHome = QDir::home().filePath(QStringLiteral(".config"));
    files.append(QDir(configHome).filePath(QStringLiteral("containers/auth.json")));
    return files;
}

void PodmanAuthCredentialProvider::lookup(const QString &host, CredentialsCallback done) const
{
    auto walk = std::make_shared<PodmanWalk>();
    walk->files = m_authFiles;
    walk->host = host;
    walk->helpers = m_helpers;
    walk->done = std::move(done);
    walk->step(0);
}

} // namespace oci
