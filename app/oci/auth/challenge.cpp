#include "oci/auth/challenge.h"

namespace oci {

namespace {

// RFC 9110 tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

// RFC 9110 token68 (without the trailing '='s).
bool isToken68Char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
           || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// A cursor over the header bytes. Every step advances or reports end, so loops terminate.
class Scanner
{
public:
    explicit Scanner(QByteArrayView text)
        : m_text(text)
    {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    qsizetype pos() const { return m_pos; }
    void setPos(qsizetype pos) { m_pos = pos; }
    void advance() { ++m_pos; }

    void skipSpace()
    {
        while (!atEnd() && isSpace(peek()))
            ++m_pos;
    }
    void skipSpaceAndCommas()
    {
        while (!atEnd() && (isSpace(peek()) || peek() == ','))
            ++m_pos;
    }

    QByteArrayView token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_text.sliced(start, m_pos - start);
    }

    // At an opening quote. False (and at end) when the closing quote is missing.
    bool quotedString(QByteArray *out)
    {
        ++m_pos; // opening quote
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c == '\\' && !atEnd())
                out->append(m_text[m_pos++]);
            else
                out->append(c);
        }
        return false;
    }

    // Error recovery: skip to the next comma that is not inside a quoted string.
    void skipPastComma()
    {
        bool quoted = false;
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (quoted && c == '\\' && !atEnd())
                ++m_pos;
            else if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == ',')
                return;
        }
    }

    // Token68 is only a candidate when it runs up to the end of the challenge.
    bool token68(QByteArrayView *out)
    {
        const qsizetype start = m_pos;
        qsizetype p = m_pos;
        while (p < m_text.size() && isToken68Char(m_text[p]))
            ++p;
        if (p == start)
            return false;
        while (p < m_text.size() && m_text[p] == '=')
            ++p;
        qsizetype end = p;
        while (p < m_text.size() && isSpace(m_text[p]))
            ++p;
        if (p < m_text.size() && m_text[p] != ',')
            return false;
        *out = m_text.sliced(start, end - start);
        m_pos = p;
        return true;
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

QString latin1Lower(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes).toLower();
}

// Parses auth-params after a scheme until the next challenge starts or the text ends.
void parseParams(Scanner &s, AuthChallenge *challenge)
{
    while (true) {
        s.skipSpaceAndCommas();
        if (s.atEnd())
            return;
        const qsizetype tokenStart = s.pos();
        const QByteArrayView name = s.token();
        if (name.isEmpty()) {
            s.skipPastComma(); // garbage such as a stray quote: drop this part
            continue;
        }
        s.skipSpace();
        if (s.peek() != '=') {
            // "token SP not-=" (or a bare token): the next challenge's scheme.
            s.setPos(tokenStart);
            return;
        }
        s.advance(); // '='
        s.skipSpace();
        QByteArray value;
        if (s.peek() == '"') {
            if (!s.quotedString(&value))
                return; // unterminated quote: the rest is unusable
        } else {
            value = s.token().toByteArray();
        }
        const QString key = latin1Lower(name);
        if (!challenge->params.contains(key)) // a repeated parameter is ignored (RFC: once only)
            challenge->params.insert(key, QString::fromUtf8(value));
        const qsizetype valueEnd = s.pos();
        s.skipSpace();
        if (!s.atEnd() && s.peek() != ',') {
            // Missing comma: tolerate "a=1 b=2" and "a=1 Scheme ...", both start with a
            // token after a space. Anything else glued to the value is garbage.
            if (s.pos() == valueEnd || !isTokenChar(s.peek()))
                s.skipPastComma();
        }
    }
}

} // namespace

QString AuthChallenge::param(QStringView key) const
{
    return params.value(key.toString().toLower());
}

QList<AuthChallenge> parseAuthChallenges(QByteArrayView headerValue)
{
    QList<AuthChallenge> challenges;
    Scanner s(headerValue);
    while (true) {
        s.skipSpaceAndCommas();
        if (s.atEnd())
            break;
        const QByteArrayView scheme = s.token();
        if (scheme.isEmpty() || (!s.atEnd() && !isSpace(s.peek()) && s.peek() != ',')) {
            // Not "scheme SP ..." nor "scheme,": a fragment we cannot place.
            s.skipPastComma();
            continue;
        }
        AuthChallenge challenge;
        challenge.scheme = latin1Lower(scheme);
        s.skipSpace();
        QByteArrayView t68;
        if (s.token68(&t68))
            challenge.token68 = QString::fromLatin1(t68);
        else
            parseParams(s, &challenge);
        challenges.append(std::move(challenge));
    }
    return challenges;
}

} // namespace oci
