#pragma once

#include "oci/core/result.h"

#include <QByteArrayView>

namespace oci {

// A validating scan over the raw bytes of a JSON document, run before QJsonDocument sees
// them. QJsonDocument keeps the last of duplicate keys and is case-sensitive, while Go's
// encoding/json (the registry's side) matches struct fields case-insensitively: the same
// bytes could mean two different manifests (CVE-2014-8179). The scan makes sure they can
// mean only one. Linear in the input; no allocation per value except for object keys.
struct StrictJsonOptions
{
    // Containers nested deeper than this are refused.
    int maxDepth = 64;
    // Manifest mode: keys that Go would fold onto a manifest/descriptor field
    // ("Layers", "MEDIATYPE", "ſize" with U+017F) are refused unless spelled exactly,
    // and two keys in one object that fold to the same field are refused. Objects that
    // are the value of an "annotations" member are free-form maps and exempt.
    bool manifestKeys = false;
};

// Ok when `bytes` is exactly one RFC 8259 JSON value (surrounding white space allowed) in
// valid UTF-8 without a byte order mark, with no duplicate keys (compared after
// unescaping) at any depth, no lone surrogate escapes, and nesting within the cap.
// Otherwise MalformedDocument with the byte offset in the message.
Result<void> validateStrictJson(QByteArrayView bytes, const StrictJsonOptions &options = {});

} // namespace oci
