#pragma once

#include <QStringList>

namespace oci {

// Token scopes "type:name:action[,action]" (distribution auth/scope.md). The name may hold
// a ":port", so the type ends at the first ':' and the actions start after the last.

// The space-separated scopes of one `scope` challenge parameter.
QStringList splitScopes(QStringView scopeParam);

// `first` then `second`, with the actions of scopes on the same resource united (order of
// first appearance kept: some token servers honour only the first scope).
QStringList mergeScopes(const QStringList &first, const QStringList &second);

// Scopes in a canonical order with sorted actions, for cache keys and comparisons.
QStringList canonicalScopes(const QStringList &scopes);

} // namespace oci
