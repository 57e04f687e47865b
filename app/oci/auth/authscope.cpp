#include "oci/auth/authscope.h"

#include <algorithm>

namespace oci {

namespace {

struct Scope
{
    QString resource; // "type:name"
    QStringList actions;
};

bool splitScope(const QString &text, Scope *scope)
{
    const qsizetype first = text.indexOf(u':');
    const qsizetype last = text.lastIndexOf(u':');
    if (first <= 0 || last == first)
        return false;
    scope->resource = text.left(last);
    scope->actions = text.mid(last + 1).split(u',', Qt::SkipEmptyParts);
    return true;
}

QStringList merged(const QStringList &scopes, bool sortActions)
{
    QList<Scope> result;
    QStringList opaque; // not type:name:actions; kept verbatim
    for (const QString &text : scopes) {
        Scope scope;
        if (!splitScope(text, &scope)) {
            if (!text.isEmpty() && !opaque.contains(text))
                opaque << text;
            continue;
        }
        auto it = std::find_if(result.begin(), result.end(),
                               [&](const Scope &s) { return s.resource == scope.resource; });
        if (it == result.end()) {
            result.append(Scope{scope.resource, {}});
            it = result.end() - 1;
        }
        for (const QString &action : std::as_const(scope.actions)) {
            if (!it->actions.contains(action))
                it->actions << action;
        }
    }
    QStringList out;
    for (Scope &scope : result) {
        if (sortActions)
            scope.actions.sort();
        out << scope.resource + u':' + scope.actions.join(u',');
    }
    return out + opaque;
}

} // namespace

QStringList splitScopes(QStringView scopeParam)
{
    QStringList out;
    const QList<QStringView> parts = scopeParam.split(u' ', Qt::SkipEmptyParts);
    for (QStringView part : parts)
        out << part.toString();
    return out;
}

QStringList mergeScopes(const QStringList &first, const QStringList &second)
{
    return merged(first + second, false);
}

QStringList canonicalScopes(const QStringList &scopes)
{
    QStringList out = merged(scopes, true);
    out.sort();
    return out;
}

} // namespace oci
