#pragma once

#include "oci/inspect/imagedetails.h"
#include "oci/manifest/descriptor.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cli {

// Printing of ImageDetails / TagDetails: formatting only, every value comes from the
// library (oci::DetailsResolver, oci::ReferrersJob).

struct ReferrerList
{
    QList<oci::Descriptor> descriptors;
    QString source; // "api", "fallback-tag", "none"
    QString error;  // the referrers could not be listed (the rest of inspect still holds)
};

// `ladingctl inspect`: one JSON object.
QJsonObject inspectJson(const QString &reference, const oci::TagDetails &row,
                        const ReferrerList &referrers);

// `ladingctl tags --details`: one line per tag under a header, columns aligned.
// `perDigest` counts the tags of each digest (for the SHARED column: the others).
QStringList tagTable(const QList<oci::TagDetails> &rows, const QHash<oci::Digest, int> &perDigest);
// The same as a JSON array (sizes in bytes, dates in RFC 3339).
QByteArray tagJson(const QList<oci::TagDetails> &rows, const QHash<oci::Digest, int> &perDigest);

// "12.3 MB" (decimal units, as docker and skopeo print them); "-" for unknown (< 0).
QString humanSize(qint64 bytes);

} // namespace cli
