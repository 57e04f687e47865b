#include "oci/manifest/strictjson.h"

#include <QSet>
#include <QString>

namespace oci {

namespace {

// Fields of the manifest, index, descriptor and platform structs a registry decodes into.
// Go's encoding/json would also fill them from "Layers" or "ſize"; we accept only the
// exact spelling so both sides read the same document.
const QSet<QString> &knownManifestKeys()
{
    static const QSet<QString> keys = {
        QStringLiteral("schemaVersion"), QStringLiteral("mediaType"),
        QStringLiteral("artifactType"), QStringLiteral("config"),
        QStringLiteral("layers"), QStringLiteral("manifests"),
        QStringLiteral("subject"), QStringLiteral("annotations"),
        QStringLiteral("digest"), QStringLiteral("size"),
        QStringLiteral("urls"), QStringLiteral("data"),
        QStringLiteral("platform"), QStringLiteral("architecture"),
        QStringLiteral("os"), QStringLiteral("os.version"),
        QStringLiteral("os.features"), QStringLiteral("variant"),
        QStringLiteral("features"), QStringLiteral("blobs"),
        // schema 1
        QStringLiteral("name"), QStringLiteral("tag"),
        QStringLiteral("fsLayers"), QStringLiteral("blobSum"),
        QStringLiteral("history"), QStringLiteral("v1Compatibility"),
        QStringLiteral("signatures"),
    };
    return keys;
}

// Case-folded form -> the one accepted spelling.
const QHash<QString, QString> &foldedManifestKeys()
{
    static const QHash<QString, QString> folded = [] {
        QHash<QString, QString> map;
        for (const QString &key : knownManifestKeys())
            map.insert(key.toCaseFolded(), key);
        return map;
    }();
    return folded;
}

class Scanner
{
public:
    Scanner(QByteArrayView bytes, const StrictJsonOptions &options)
        : m_begin(bytes.data())
        , m_pos(bytes.data())
        , m_end(bytes.data() + bytes.size())
        , m_options(options)
    {}

    Result<void> run()
    {
        if (m_end - m_pos >= 3 && uchar(m_pos[0]) == 0xEF && uchar(m_pos[1]) == 0xBB
            && uchar(m_pos[2]) == 0xBF)
            return failure("byte order mark before the document");
        skipWhiteSpace();
        if (!value(0, false))
            return failure();
        skipWhiteSpace();
        if (m_pos != m_end)
            return failure("trailing bytes after the document");
        return {};
    }

private:
    bool fail(const char *what)
    {
        if (m_what.isEmpty()) {
            m_what = QLatin1String(what);
            m_offset = m_pos - m_begin;
        }
        return false;
    }

    Error failure(const char *what = nullptr)
    {
        if (what)
            fail(what);
        return Error(Error::Code::MalformedDocument,
                     QStringLiteral("invalid JSON at byte %1: %2").arg(m_offset).arg(m_what));
    }

    bool atEnd() const { return m_pos >= m_end; }
    char peek() const { return *m_pos; }

    void skipWhiteSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    bool value(int depth, bool freeMap)
    {
        if (atEnd())
            return fail("unexpected end of the document");
        switch (peek()) {
        case '{':
            return object(depth + 1, freeMap);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
                return number();
            return fail("unexpected character");
        }
    }

    bool enter(int depth)
    {
        if (depth > m_options.maxDepth)
            return fail("nested too deeply");
        return true;
    }

    bool object(int depth, bool freeMap)
    {
        if (!enter(depth))
            return false;
        ++m_pos; // '{'
        skipWhiteSpace();
        if (!atEnd() && peek() == '}') {
            ++m_pos;
            return true;
        }
        QSet<QString> keys;
        while (true) {
            skipWhiteSpace();
            if (atEnd() || peek() != '"')
                return fail("expected a member name");
            const char *keyStart = m_pos;
            QString key;
            if (!string(&key))
                return false;
            if (keys.contains(key)) {
                m_pos = keyStart;
                return fail("duplicate member name");
            }
            if (m_options.manifestKeys && !freeMap && !isCanonicalSpelling(key)) {
                m_pos = keyStart;
                return fail("member name differs only in case from a manifest field");
            }
            keys.insert(key);
            skipWhiteSpace();
            if (atEnd() || peek() != ':')
                return fail("expected ':'");
            ++m_pos;
            skipWhiteSpace();
            if (!value(depth, key == u"annotations"))
                return false;
            skipWhiteSpace();
            if (atEnd())
                return fail("unexpected end of the document");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or '}'");
        }
    }

    static bool isCanonicalSpelling(const QString &key)
    {
        if (knownManifestKeys().contains(key))
            return true;
        return !foldedManifestKeys().contains(key.toCaseFolded());
    }

    bool array(int depth)
    {
        if (!enter(depth))
            return false;
        ++m_pos; // '['
        skipWhiteSpace();
        if (!atEnd() && peek() == ']') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipWhiteSpace();
            if (!value(depth, false))
                return false;
            skipWhiteSpace();
            if (atEnd())
                return fail("unexpected end of the document");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    bool literal(const char *word)
    {
        for (const char *w = word; *w; ++w, ++m_pos) {
            if (atEnd() || peek() != *w)
                return fail("unexpected character");
        }
        return true;
    }

    bool digits()
    {
        if (atEnd() || peek() < '0' || peek() > '9')
            return fail("malformed number");
        while (!atEnd() && peek() >= '0' && peek() <= '9')
            ++m_pos;
        return true;
    }

    bool number()
    {
        if (peek() == '-')
            ++m_pos;
        if (atEnd())
            return fail("malformed number");
        if (peek() == '0') {
            ++m_pos;
        } else if (!digits()) {
            return false;
        }
        if (!atEnd() && peek() == '.') {
            ++m_pos;
            if (!digits())
                return false;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-'))
                ++m_pos;
            if (!digits())
                return false;
        }
        return true;
    }

    int hex4()
    {
        if (m_end - m_pos < 4)
            return -1;
        int value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_pos[i];
            int digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                return -1;
            value = value * 16 + digit;
        }
        m_pos += 4;
        return value;
    }

    // One UTF-8 sequence starting at m_pos (a byte >= 0x80), Unicode table 3-7: no
    // overlong forms, no surrogates, nothing above U+10FFFF.
    bool utf8Sequence(char32_t *codePoint)
    {
        const uchar lead = uchar(peek());
        int length;
        uchar low = 0x80, high = 0xBF;
        char32_t cp;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            cp = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            cp = lead & 0x0F;
            if (lead == 0xE0)
                low = 0xA0;
            else if (lead == 0xED)
                high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            cp = lead & 0x07;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F;
        } else {
            return fail("invalid UTF-8");
        }
        if (m_end - m_pos < length)
            return fail("invalid UTF-8");
        for (int i = 1; i < length; ++i) {
            const uchar c = uchar(m_pos[i]);
            if (c < low || c > high)
                return fail("invalid UTF-8");
            low = 0x80;
            high = 0xBF;
            cp = (cp << 6) | (c & 0x3F);
        }
        m_pos += length;
        *codePoint = cp;
        return true;
    }

    // A string starting at '"'. With `decoded`, its value is stored there (member names).
    bool string(QString *decoded)
    {
        ++m_pos; // '"'
        while (true) {
            if (atEnd())
                return fail("unterminated string");
            const uchar c = uchar(peek());
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return fail("control character in a string");
            if (c == '\\') {
                ++m_pos;
                if (!escape(decoded))
                    return false;
                continue;
            }
            if (c < 0x80) {
                if (decoded)
                    decoded->append(QLatin1Char(char(c)));
                ++m_pos;
                continue;
            }
            char32_t cp = 0;
            if (!utf8Sequence(&cp))
                return false;
            if (decoded)
                appendCodePoint(decoded, cp);
        }
    }

    bool escape(QString *decoded)
    {
        if (atEnd())
            return fail("unterminated string");
        const char c = peek();
        ++m_pos;
        char16_t unit = 0;
        switch (c) {
        case '"': unit = u'"'; break;
        case '\\': unit = u'\\'; break;
        case '/': unit = u'/'; break;
        case 'b': unit = u'\b'; break;
        case 'f': unit = u'\f'; break;
        case 'n': unit = u'\n'; break;
        case 'r': unit = u'\r'; break;
        case 't': unit = u'\t'; break;
        case 'u': {
            const int first = hex4();
            if (first < 0)
                return fail("malformed \\u escape");
            if (first >= 0xDC00 && first <= 0xDFFF)
                return fail("lone surrogate escape");
            if (first >= 0xD800 && first <= 0xDBFF) {
                if (m_end - m_pos < 2 || m_pos[0] != '\\' || m_pos[1] != 'u')
                    return fail("lone surrogate escape");
                m_pos += 2;
                const int second = hex4();
                if (second < 0xDC00 || second > 0xDFFF)
                    return fail("lone surrogate escape");
                if (decoded) {
                    decoded->append(QChar(char16_t(first)));
                    decoded->append(QChar(char16_t(second)));
                }
                return true;
            }
            unit = char16_t(first);
            break;
        }
        default:
            --m_pos;
            return fail("invalid escape");
        }
        if (decoded)
            decoded->append(QChar(unit));
        return true;
    }

    static void appendCodePoint(QString *text, char32_t cp)
    {
        if (cp < 0x10000) {
            text->append(QChar(char16_t(cp)));
        } else {
            text->append(QChar(QChar::highSurrogate(cp)));
            text->append(QChar(QChar::lowSurrogate(cp)));
        }
    }

    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    const StrictJsonOptions &m_options;
    QString m_what;
    qsizetype m_offset = 0;
};

} // namespace

Result<void> validateStrictJson(QByteArrayView bytes, const StrictJsonOptions &options)
{
    if (bytes.isEmpty())
        return Error(Error::Code::MalformedDocument, QStringLiteral("empty document"));
    return Scanner(bytes, options).run();
}

} // namespace oci
