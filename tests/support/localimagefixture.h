#pragma once

// Local images for the push and local-image tests: a scratch folder that archives are
// written into, LocalImageSource opened from there, layer caches of their own, and, once
// startRegistry() ran, a docker-registry with a client to plan pushes against.
//
//     REQUIRE_REGISTRY_TOOLS();
//     LocalImageFixture m_images{u"jobsmodel"_s};           // a member of the test
//     QVERIFY2(m_images.startRegistry(), qPrintable(m_images.errorString()));
//     QVERIFY(m_images.writeLegacySave(u"big.tar"_s, u"lading/big:1"_s, 48, 41));
//     std::unique_ptr<image::PushJob> job = m_images.newPushJob(u"big.tar"_s, u"jobs/big"_s);
//     QVERIFY2(job, qPrintable(m_images.errorString()));     // planned, not started

#include "support/registryprocess.h"

#include "oci/core/result.h"

#include <QString>

#include <memory>

class ClientHarness;
class QByteArray;
class QTemporaryDir;
class ThrottledProxy;

namespace oci {
class RegistryClient;
}
namespace image {
class LayerCache;
class LocalImageSource;
class PushJob;
} // namespace image

class LocalImageFixture final
{
    Q_DISABLE_COPY_MOVE(LocalImageFixture)

public:
    // A scratch folder "lading-<name>-XXXXXX" (testsupport::makeScratchDir), removed with
    // the fixture.
    explicit LocalImageFixture(const QString &name);
    ~LocalImageFixture();

    bool isValid() const; // the scratch folder exists
    // What the last call that failed says went wrong.
    QString errorString() const { return m_error; }

    QString path(const QString &name) const;
    bool write(const QString &name, const QByteArray &bytes);
    // A legacy `docker save` (pushtest::legacyDockerSave) of the image `repoTag`: a tiny
    // layer, then, unless `mebibytes` is 0, one of that many MiB of random bytes from `seed`
    // (files of 2 MiB), uncompressed as docker save writes them (a push gzips them).
    bool writeLegacySave(const QString &name, const QString &repoTag, int mebibytes = 0,
                         quint32 seed = 1);
    // Opens path(name), or `name` itself when it is an absolute path.
    oci::Result<std::shared_ptr<const image::LocalImageSource>> open(const QString &name) const;
    // A layer cache keeping blobs and indexes in a new folder of the scratch folder.
    std::unique_ptr<image::LayerCache> newLayerCache();

    // Starts docker-registry and a client for it (the test user's login where auth asks
    // for one). False, with errorString(), also when the scratch folder is missing.
    bool startRegistry(RegistryProcess::Auth auth = RegistryProcess::Auth::Anonymous);
    RegistryProcess *registry() const { return m_registry.get(); }
    ClientHarness *harness() const { return m_harness.get(); }
    oci::RegistryClient *client() const;

    // A client of the same registry through a link that lets `bytesPerSecond` go up
    // (ThrottledProxy): for a push that must last, however fast the machine. One per
    // fixture; a later call returns the first.
    oci::RegistryClient *throttledClient(qint64 bytesPerSecond);

    // A push of the first image of `name` to `repository`:1, planned (PushPlanner) and run
    // through `through` (null: client()), not started; null when opening or planning failed
    // (errorString()).
    std::unique_ptr<image::PushJob> newPushJob(const QString &name, const QString &repository,
                                               oci::RegistryClient *through = nullptr);
    // Runs the event loop until `job` is sending and the registry took its first bytes
    // (testsupport::waitFor on progress()); false after `timeoutMs`.
    static bool waitUntilSending(const image::PushJob *job, int timeoutMs = 60000);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<ClientHarness> m_harness;
    std::unique_ptr<ThrottledProxy> m_proxy;
    std::unique_ptr<ClientHarness> m_throttled;
    int m_caches = 0;
    QString m_error;
};
