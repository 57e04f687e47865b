#include "oci/transport/linkheader.h"

#include <QByteArray>

namespace oci {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// Skips to just past the next ',' outside a quoted string (or to the end).
qsizetype skipPastComma(QByteArrayView text, qsizetype pos)
{
    bool quoted = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted && c == '\\' && pos < text.size())
            ++pos;
        else if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ',')
            break;
    }
    return pos;
}

// Reads "; name=value; name=\"value\"" after a link target. Returns the rel value (raw) and
// leaves `pos` just past the comma that ends this link-value.
QByteArray readRel(QByteArrayView text, qsizetype &pos)
{
    QByteArray rel;
    bool haveRel = false;
    while (pos < text.size()) {
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        if (pos >= text.size())
            break;
        if (text[pos] == ',') {
            ++pos;
            break;
        }
        if (text[pos] != ';') {
            pos = skipPastComma(text, pos); // garbage between parameters
            break;
        }
        ++pos;
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        const qsizetype nameStart = pos;
        while (pos < text.size() && text[pos] != '=' && text[pos] != ';' && text[pos] != ','
               && !isSpace(text[pos]))
            ++pos;
        const QByteArray name = text.sliced(nameStart, pos - nameStart).toByteArray().toLower();
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        QByteArray value;
        if (pos < text.size() && text[pos] == '=') {
            ++pos;
            while (pos < text.size() && isSpace(text[pos]))
                ++pos;
            if (pos < text.size() && text[pos] == '"') {
                ++pos;
                while (pos < text.size() && text[pos] != '"') {
                    if (text[pos] == '\\' && pos + 1 < text.size())
                        ++pos;
                    value.append(text[pos++]);
                }
                if (pos < text.size())
                    ++pos; // closing quote
            } else {
                const qsizetype valueStart = pos;
                while (pos < text.size() && text[pos] != ';' && text[pos] != ','
                       && !isSpace(text[pos]))
                    ++pos;
                value = text.sliced(valueStart, pos - valueStart).toByteArray();
            }
        }
        if (name == "rel" && !haveRel) { // RFC 8288: only the first rel counts
            rel = value;
            haveRel = true;
        }
    }
    return rel;
}

bool relHasNext(const QByteArray &rel)
{
    const QList<QByteArray> types = rel.simplified().split(' ');
    for (const QByteArray &type : types) {
        if (type.compare("next", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QUrl parseNextLink(QByteArrayView linkHeader, const QUrl &responseUrl)
{
    qsizetype pos = 0;
    while (pos < linkHeader.size()) {
        while (pos < linkHeader.size() && (isSpace(linkHeader[pos]) || linkHeader[pos] == ','))
            ++pos;
        if (pos >= linkHeader.size())
            break;
        if (linkHeader[pos] != '<') {
            pos = skipPastComma(linkHeader, pos);
            continue;
        }
        const qsizetype close = linkHeader.indexOf('>', pos + 1);
        if (close < 0)
            break; // unterminated target: nothing after it can be trusted
        const QByteArrayView target = linkHeader.sliced(pos + 1, close - pos - 1).trimmed();
        pos = close + 1;
        const QByteArray rel = readRel(linkHeader, pos);
        if (!relHasNext(rel) || target.isEmpty() || target.contains('<'))
            continue;
        const QUrl url = QUrl::fromEncoded(target.toByteArray(), QUrl::StrictMode);
        if (!url.isValid())
            continue;
        return responseUrl.resolved(url);
    }
    return {};
}

} // namespace oci
