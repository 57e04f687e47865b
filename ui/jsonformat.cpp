#include "jsonformat.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace {

bool isJsonSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

qsizetype skipSpace(const QString &text, qsizetype i)
{
    while (i < text.size() && isJsonSpace(text.at(i)))
        ++i;
    return i;
}

} // namespace

QString indentJson(QByteArrayView json, int indentWidth)
{
    QJsonParseError error;
    QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(json);

    const QString text = QString::fromUtf8(json);
    QString out;
    out.reserve(text.size() * 2);
    int depth = 0;
    const auto newline = [&] {
        out += QLatin1Char('\n');
        out += QString(depth * indentWidth, QLatin1Char(' '));
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"') {
            const qsizetype start = i;
            for (++i; i < text.size() && text.at(i) != u'"'; ++i) {
                if (text.at(i) == u'\\')
                    ++i;
            }
            out += QStringView(text).sliced(start, std::min(i + 1, text.size()) - start);
        } else if (c == u'{' || c == u'[') {
            const qsizetype next = skipSpace(text, i + 1);
            const QChar close = c == u'{' ? u'}' : u']';
            if (next < text.size() && text.at(next) == close) {
                out += c;
                out += close;
                i = next;
            } else {
                out += c;
                ++depth;
                newline();
            }
        } else if (c == u'}' || c == u']') {
            --depth;
            newline();
            out += c;
        } else if (c == u',') {
            out += c;
            newline();
        } else if (c == u':') {
            out += QStringLiteral(": ");
        } else if (!isJsonSpace(c)) {
            out += c;
        }
    }
    out += QLatin1Char('\n');
    return out;
}
