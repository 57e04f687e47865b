#pragma once

#include "oci/core/error.h"

#include <QString>

namespace ops {

// Which side of a copy failed.
enum class CopySide { None, Source, Target };

// `error` with its message saying what was being read from the source or written to the
// target ("reading blob sha256:… from the source, ghcr.io/team/app, failed: …"), and the
// registry and object of that side; code, HTTP status, registry errors, URL and Retry-After
// kept. `reference` is a tag or digest in `repository`.
oci::Error copyError(CopySide side, const QString &host, const QString &repository,
                     const QString &what, const QString &reference, const oci::Error &error);

} // namespace ops
