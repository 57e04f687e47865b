#pragma once

#include "oci/core/error.h"

#include <QByteArrayView>
#include <QList>

namespace oci {

// {"errors":[{code,message,detail}]} -> entries (codes upper-cased); body capped at 64 KiB;
// HTML/plain/garbage/{"errors":null} -> empty list (never fails).
QList<RegistryErrorEntry> parseRegistryErrorBody(QByteArrayView body);

} // namespace oci
