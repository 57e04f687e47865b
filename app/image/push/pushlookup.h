#pragma once

#include "oci/core/digest.h"

namespace image {

class LocalImageSource;
struct LocalImage;
struct LocalIndex;

// The image or index of `source` with that manifest digest; null when it has none.
const LocalImage *findImage(const LocalImageSource &source, const oci::Digest &manifest);
const LocalIndex *findIndex(const LocalImageSource &source, const oci::Digest &index);

} // namespace image
