#pragma once

#include "oci/core/error.h"

namespace oci {

struct TransportResponse;

// A structured Error from a non-2xx answer: the code from the status, the registry's error
// JSON (capped, never trusted to be JSON), Retry-After, and where it happened.
Error errorForResponse(const TransportResponse &response, const QString &registry,
                       const QString &object);

} // namespace oci
