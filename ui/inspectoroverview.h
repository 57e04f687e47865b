#pragma once

#include <QCoreApplication>
#include <QPalette>
#include <QString>
#include <QStringList>

namespace oci {
class Descriptor;
class Digest;
class ManifestDocument;
struct HistoryEntry;
struct ImageConfig;
struct ImageIndex;
struct ImageManifest;
} // namespace oci

// The readable side of the inspector as rich text for a QTextBrowser: key/value tables in
// sections, commands and paths in a fixed font, digests as "digest:" links the inspector
// opens. Colours come from the palette, so dark themes read as well as light ones.
class InspectorOverview
{
    Q_DECLARE_TR_FUNCTIONS(InspectorOverview)

public:
    // The URL scheme of digest links: "digest:sha256:…".
    static constexpr QLatin1String LinkScheme{"digest"};

    explicit InspectorOverview(const QPalette &palette);

    // An image manifest with its config once known (`config` null: `configNote` says why,
    // e.g. "Loading the config…" or what failed).
    QString image(const oci::ManifestDocument &document, const oci::ImageConfig *config,
                  const QString &configNote) const;
    // A config opened on its own (the image it belongs to, when known, adds layer sizes).
    QString config(const oci::ImageConfig &config, qint64 bytes) const;
    // An index: what it holds, its subject and annotations.
    QString index(const oci::ImageIndex &index) const;
    // An OCI 1.1 artifact: its type, subject, blobs and annotations.
    QString artifact(const oci::ImageManifest &manifest) const;
    // A layer, described from its descriptor, its diff id and the history step that made it.
    struct LayerFacts
    {
        int index = -1; // 0-based
        int layerCount = 0;
        QString diffId; // uncompressed digest from the config; empty if unknown
        const oci::HistoryEntry *step = nullptr;
    };
    QString layer(const oci::Descriptor &descriptor, const LayerFacts &facts) const;
    // A document Lading shows as JSON only (schema 1, unknown types).
    QString unsupported(const oci::ManifestDocument &document) const;

    // Arguments as a shell would need them typed: ["sh","-c","echo hi"] -> sh -c 'echo hi'.
    static QString shellJoin(const QStringList &arguments);
    static QString linkFor(const QString &digest);

private:
    QString page(const QString &body) const;
    QString section(const QString &title) const;
    QString table(const QStringList &rows) const;
    QString row(const QString &key, const QString &valueHtml) const;
    QString code(const QString &text) const;
    QString muted(const QString &text) const;
    QString digestLink(const oci::Digest &digest) const;
    QString sizeText(qint64 bytes) const;
    QString mapTable(const QString &title, const QStringList &keys,
                     const QStringList &values) const;
    QString runSection(const oci::ImageConfig &config) const;
    QString configFacts(const oci::ImageConfig &config) const;
    QString annotations(const QString &title, const QMap<QString, QString> &map) const;

    QString m_fixedFamily;
    int m_keyWidth = 0; // one key column width for every key/value table, so they line up
    QString m_muted;
    QString m_link;
    QString m_rule;
};
