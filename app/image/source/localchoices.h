#pragma once

#include "oci/core/digest.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace image {

class LocalImageSource;
struct LocalImage;
struct LocalIndex;

// One thing a person can pick in a local source: an index (with all its platforms), or an
// image that is not a platform of an index. Points into the source: valid while it lives.
struct LocalChoice
{
    oci::Digest root;
    QStringList names;                // what the archive calls it; may be empty
    const LocalIndex *index = nullptr; // exactly one of index and image is set
    const LocalImage *image = nullptr;
};

// Indexes first, then images on their own, in archive order: what the local image page,
// the push dialog and `ladingctl push` offer.
QList<LocalChoice> localChoices(const LocalImageSource &source);

// "linux/arm64/v8": from the index entry that listed the image, else from its config;
// empty when neither says.
QString platformText(const LocalImage &image);

// The tag and the repository an archive's names suggest ("docker.io/library/app:1.0" ->
// "1.0" and "library/app"; an OCI ref.name "1.0" is a tag); empty when no name gives one.
QString tagFromNames(const QStringList &names);
QString repositoryFromNames(const QStringList &names);

} // namespace image
