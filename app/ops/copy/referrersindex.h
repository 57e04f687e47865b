#pragma once

#include "oci/manifest/descriptor.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ops {

// The referrers tag schema (distribution-spec 1.1, for registries without the referrers
// API): the tag "sha256-<hex>" of a subject holds an OCI index listing its referrers.

// `existing` followed by the entries of `added` it does not list yet (by digest).
QList<oci::Descriptor> mergeReferrers(const QList<oci::Descriptor> &existing,
                                      const QList<oci::Descriptor> &added);
// The fallback tag's index for `referrers`: mediaType, digest, size, artifactType and
// annotations of each, as compact JSON.
QByteArray referrersIndex(const QList<oci::Descriptor> &referrers);
QString referrersIndexMediaType();

} // namespace ops
