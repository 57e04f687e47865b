#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <vector>

namespace image {

// A path pattern over raw path bytes, as people write them for .gitignore:
//   `*.so`        no '/': any path whose last component matches (`usr/lib/libc.so`)
//   `usr/lib/**`  everything below usr/lib; `**/` is zero or more directories
//   `etc/*.conf`  '*' and '?' stay within one component; `[abc]`, `[a-z]`, `[!x]`; `\*`
// A leading '/' anchors nothing more (paths have none) and a trailing '/' is dropped. A
// path also matches when one of its parent directories does (`usr/lib` covers its files).
// Matching is O(pattern × path) with no backtracking, whatever the pattern.
class PathGlob
{
public:
    PathGlob() = default;
    explicit PathGlob(QByteArrayView pattern);

    bool isEmpty() const { return m_tokens.empty(); }
    const QByteArray &pattern() const { return m_pattern; }
    bool matches(QByteArrayView path) const;

private:
    struct Token
    {
        enum Kind : quint8 { Byte, AnyByte, Class, Star, AnyPath, Directories };
        Kind kind = Byte;
        bool negated = false;
        char byte = 0;
        QByteArray ranges; // Class: pairs of bytes (low, high)
    };
    QByteArray m_pattern;
    std::vector<Token> m_tokens;
};

} // namespace image
