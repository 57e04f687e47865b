#pragma once

// An OCI image layout built by umoci from small rootfs folders, once per test process.
// Tags in the layout:
//   "amd64"  linux/amd64 image: layer 1 adds a few files, layer 2 overwrites one file,
//            deletes another (a whiteout) and adds one
//   "arm64"  the same layers, config for linux/arm64/v8
//   "multi"  an OCI image index over both (written by us: umoci makes no indexes)
// Each build holds a random id file, so digests differ between runs and skopeo's
// blob-info cache from an earlier run can never match them.

#include <QString>

class OciLayoutFixture final
{
public:
    // Builds on first use; null with *error set when a tool failed.
    static const OciLayoutFixture *instance(QString *error);

    QString path() const { return m_path; }
    // "oci:<path>:<tag>" for skopeo.
    QString skopeoReference(const QString &tag) const;
    // The build's random id, also the content of /etc/lading-fixture-id in layer 1.
    QString buildId() const { return m_buildId; }

    // Paths and contents of the merged filesystem of "amd64" (an oracle for layer tests).
    static QStringList mergedFiles();

private:
    OciLayoutFixture() = default;
    bool build(const QString &root, QString *error);

    QString m_path;
    QString m_buildId;
};
