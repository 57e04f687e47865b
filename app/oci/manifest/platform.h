#pragma once

#include "oci/core/result.h"

#include <QString>
#include <QStringList>

class QJsonObject;

namespace oci {

// The platform of an index entry or an image config (image-spec image-index.md).
struct Platform
{
    QString os;
    QString architecture;
    QString variant;
    QString osVersion;      // "os.version"
    QStringList osFeatures; // "os.features"

    bool isNull() const { return os.isEmpty() && architecture.isEmpty(); }
    // "unknown/unknown": how buildx marks attestation entries of an index.
    bool isUnknown() const { return os == u"unknown" && architecture == u"unknown"; }
    // "linux/arm64/v8", "linux/amd64", "windows/amd64:10.0.17763.5329".
    QString toString() const;

    // Members of the wrong type are refused; absent members stay empty. `where` names the
    // object in error messages (an image config has these members at its top level).
    static Result<Platform> fromJson(const QJsonObject &object, QStringView where = u"platform");

    friend bool operator==(const Platform &, const Platform &) = default;
};

} // namespace oci
