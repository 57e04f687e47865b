#pragma once

#include "oci/core/reference.h"
#include "oci/manifest/descriptor.h"

#include <QList>
#include <QPointer>
#include <QString>

#include <memory>

namespace image {
class LocalImageSource;
}
namespace oci {
class ContentFetcher;
class ManifestDocument;
struct ImageConfig;
} // namespace oci

// One place the inspector can show: a manifest or index (by tag or digest), a config blob,
// or a layer (described, not fetched), of a registry or of a local image. Back and forward walk a list of these.
struct InspectorLocation
{
    enum class Kind { Manifest, Config, Layer };

    Kind kind = Kind::Manifest;
    QPointer<oci::ContentFetcher> fetcher;
    // registry/repository with what is shown: the tag a person chose (kept for display)
    // and, once known, the digest. For blobs the digest is the blob's.
    oci::Reference reference;
    // The descriptor that pointed here (media type, size, platform), when reached from
    // another document; null for a reference chosen in the tree.
    oci::Descriptor descriptor;
    // A local image (a tarball or OCI layout) instead of a registry: manifests, configs and
    // layers come from it, `reference` carries only the digest and `localName` is what the
    // archive calls the image ("alpine:3.19"), empty when it names none.
    std::shared_ptr<const image::LocalImageSource> local;
    QString localName;
    // How it was reached, for the header ("linux/arm64 of the index sha256:…").
    QString context;
    // For configs and layers: the image they belong to (layer numbers, sizes, history).
    std::shared_ptr<const oci::ManifestDocument> image;
    std::shared_ptr<const oci::ImageConfig> imageConfig;
    int layerIndex = -1;
    // Opened from a digest in the JSON: show the new document's JSON first.
    bool preferJson = false;
    // The tab shown when the person left this place (InspectorContent::Tab), -1 at first.
    int tab = -1;
    // Why the tag's digest came from the cache (the registry could not be reached); empty
    // when the registry answered. Kept, so Back does not forget it.
    QString staleReason;
};

// The back/forward list: a new location drops what lay ahead, as in a web browser.
class InspectorHistory
{
public:
    static constexpr qsizetype MaxEntries = 100;

    void push(InspectorLocation location);
    void clear();

    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    qsizetype position() const { return m_position; }
    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_entries.size(); }
    bool back();
    bool forward();

    // The current entry (undefined when empty); mutable so a tag can be pinned to the
    // digest it resolved to.
    InspectorLocation &current() { return m_entries[m_position]; }
    const InspectorLocation &current() const { return m_entries.at(m_position); }

private:
    QList<InspectorLocation> m_entries;
    qsizetype m_position = -1;
};
