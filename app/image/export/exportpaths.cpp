#include "image/export/exportpaths.h"

#include "image/layer/pathclean.h"

#include <QList>

namespace image {

std::optional<QByteArray> safeMemberPath(QByteArrayView path)
{
    quint8 findings = PathClean;
    QByteArray cleaned = cleanLayerPath(path, &findings);
    if ((findings & (PathHadNul | PathEscapes)) != 0 || cleaned.isEmpty())
        return std::nullopt;
    // cleanLayerPath keeps `..` only at the front; check every component anyway, cheaply.
    const QList<QByteArray> parts = cleaned.split('/');
    for (const QByteArray &part : parts) {
        if (part.isEmpty() || part == ".." || part == ".")
            return std::nullopt;
    }
    return cleaned;
}

QString safeFileName(QByteArrayView name)
{
    if (const qsizetype nul = name.indexOf('\0'); nul >= 0)
        name = name.first(nul); // nothing after a NUL is trusted
    if (const qsizetype slash = name.lastIndexOf('/'); slash >= 0)
        name = name.sliced(slash + 1);
    QString text = QString::fromUtf8(name);
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == u'/' || c == u'\\')
            c = u'_';
    }
    text = text.trimmed();
    if (text.isEmpty() || text == u"." || text == u"..")
        return QStringLiteral("unnamed");
    // Most file systems cap a name at 255 bytes; cut on a character boundary.
    while (text.toUtf8().size() > 255)
        text.chop(text.size() > 1 && text.at(text.size() - 1).isLowSurrogate() ? 2 : 1);
    return text;
}

bool isPlainFileName(const QString &name)
{
    return !name.isEmpty() && name != u"." && name != u".." && !name.contains(u'/') &&
           !name.contains(QChar(0));
}

} // namespace image
