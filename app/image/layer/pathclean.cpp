#include "image/layer/pathclean.h"

namespace image {

namespace {

// Strict UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF); ASCII runs are the fast path.
bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        unsigned int min = 0;
        unsigned int cp = 0;
        if ((c & 0xe0) == 0xc0) {
            extra = 1, min = 0x80, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2, min = 0x800, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
}

} // namespace

quint8 cleanLayerPath(QByteArrayView raw, QByteArray &out)
{
    quint8 findings = PathClean;
    if (const qsizetype nul = raw.indexOf('\0'); nul >= 0) {
        findings |= PathHadNul;
        raw = raw.first(nul);
    }
    if (raw.startsWith('/'))
        findings |= PathAbsolute;
    const qsizetype base = out.size();
    qsizetype escapes = 0; // leading ".." components written
    qsizetype i = 0;
    const qsizetype n = raw.size();
    while (i < n) {
        qsizetype j = i;
        while (j < n && raw[j] != '/')
            ++j;
        const QByteArrayView part = raw.sliced(i, j - i);
        i = j + 1;
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            const qsizetype written = out.size() - base;
            const qsizetype fixed = escapes * 3 - (escapes > 0 ? 1 : 0); // "../.." prefix
            if (written > fixed) {
                // Pop the last real component.
                qsizetype cut = out.lastIndexOf('/');
                if (cut < base)
                    cut = base;
                out.truncate(cut);
                continue;
            }
            if (written > 0)
                out.append('/');
            out.append("..");
            ++escapes;
            continue;
        }
        if (out.size() > base)
            out.append('/');
        out.append(part.data(), part.size());
    }
    if (escapes > 0)
        findings |= PathEscapes;
    if (!isValidUtf8(QByteArrayView(out).sliced(base)))
        findings |= PathNotUtf8;
    return findings;
}

QByteArray cleanLayerPath(QByteArrayView raw, quint8 *findings)
{
    QByteArray out;
    out.reserve(raw.size());
    const quint8 f = cleanLayerPath(raw, out);
    if (findings)
        *findings = f;
    return out;
}

QString displayPath(QByteArrayView path)
{
    const auto *p = reinterpret_cast<const unsigned char *>(path.data());
    const qsizetype n = path.size();
    // Nearly every path is printable ASCII without a backslash: converted in one go (a
    // 50,000-line listing spent most of its time appending character by character).
    qsizetype i = 0;
    while (i < n && p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\\')
        ++i;
    if (i == n)
        return QString::fromLatin1(path);
    QString text;
    text.reserve(n + 8);
    text.append(QLatin1String(path.first(i)));
    static constexpr char Hex[] = "0123456789abcdef";
    const auto escapeByte = [&text](unsigned char c) {
        text.append(u"\\x");
        text.append(QLatin1Char(Hex[c >> 4]));
        text.append(QLatin1Char(Hex[c & 0xf]));
    };
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7f)
                escapeByte(c);
            else if (c == '\\')
                text.append(u"\\\\");
            else
                text.append(QLatin1Char(char(c)));
            ++i;
            continue;
        }
        // Longest valid UTF-8 sequence here, else one escaped byte.
        int len = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
        if (len > 0 && i + len <= n && isValidUtf8(path.sliced(i, len))) {
            text.append(QString::fromUtf8(path.sliced(i, len)));
            i += len;
        } else {
            escapeByte(c);
            ++i;
        }
    }
    return text;
}

QByteArrayView parentPath(QByteArrayView path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash < 0 ? QByteArrayView() : path.first(slash);
}

QByteArrayView baseName(QByteArrayView path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.sliced(slash + 1);
}

} // namespace image
