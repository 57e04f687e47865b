#include "image/diff/files/pathglob.h"

namespace image {

PathGlob::PathGlob(QByteArrayView pattern)
{
    while (pattern.startsWith('/'))
        pattern = pattern.sliced(1);
    while (pattern.endsWith('/'))
        pattern.chop(1);
    m_pattern = pattern.toByteArray();
    if (pattern.isEmpty())
        return;
    // Without a '/', the last component is meant: the same as `**/pattern`.
    if (!pattern.contains('/'))
        m_tokens.push_back(Token{Token::Directories, false, 0, {}});

    const qsizetype n = pattern.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = pattern[i];
        Token token;
        if (c == '*') {
            qsizetype stars = 1;
            while (i + stars < n && pattern[i + stars] == '*')
                ++stars;
            const bool atStart = i == 0 || pattern[i - 1] == '/';
            if (stars >= 2 && atStart && i + stars < n && pattern[i + stars] == '/') {
                token.kind = Token::Directories; // `**/`: zero or more whole directories
                i += stars;                      // the '/' too
            } else {
                token.kind = stars >= 2 ? Token::AnyPath : Token::Star;
                i += stars - 1;
            }
        } else if (c == '?') {
            token.kind = Token::AnyByte;
        } else if (c == '[') {
            // A class up to the next ']' (a ']' right after '[' or '[!' is a member).
            qsizetype j = i + 1;
            bool negated = false;
            if (j < n && (pattern[j] == '!' || pattern[j] == '^')) {
                negated = true;
                ++j;
            }
            const qsizetype first = j;
            while (j < n && (pattern[j] != ']' || j == first))
                ++j;
            if (j >= n) { // no closing ']': a literal '['
                token.kind = Token::Byte;
                token.byte = c;
            } else {
                token.kind = Token::Class;
                token.negated = negated;
                for (qsizetype k = first; k < j; ++k) {
                    char low = pattern[k];
                    if (low == '\\' && k + 1 < j)
                        low = pattern[++k];
                    char high = low;
                    if (k + 2 < j && pattern[k + 1] == '-') {
                        high = pattern[k + 2];
                        k += 2;
                    }
                    token.ranges.append(low);
                    token.ranges.append(high);
                }
                i = j;
            }
        } else if (c == '\\' && i + 1 < n) {
            token.kind = Token::Byte;
            token.byte = pattern[++i];
        } else {
            token.kind = Token::Byte;
            token.byte = c;
        }
        m_tokens.push_back(std::move(token));
    }
}

bool PathGlob::matches(QByteArrayView path) const
{
    if (m_tokens.empty() || path.isEmpty())
        return false;
    // reach[j]: the tokens so far can match path[0, j). One row per token, no backtracking.
    const qsizetype n = path.size();
    std::vector<char> reach(size_t(n + 1), 0);
    std::vector<char> next(size_t(n + 1), 0);
    reach[0] = 1;
    for (const Token &token : m_tokens) {
        std::fill(next.begin(), next.end(), 0);
        bool any = false;
        switch (token.kind) {
        case Token::Byte:
            for (qsizetype j = 0; j < n; ++j)
                next[size_t(j + 1)] = reach[size_t(j)] && path[j] == token.byte;
            break;
        case Token::AnyByte:
            for (qsizetype j = 0; j < n; ++j)
                next[size_t(j + 1)] = reach[size_t(j)] && path[j] != '/';
            break;
        case Token::Class:
            for (qsizetype j = 0; j < n; ++j) {
                if (!reach[size_t(j)] || path[j] == '/')
                    continue;
                const auto byte = quint8(path[j]);
                bool member = false;
                for (qsizetype k = 0; k + 1 < token.ranges.size() && !member; k += 2)
                    member = byte >= quint8(token.ranges[k]) && byte <= quint8(token.ranges[k + 1]);
                next[size_t(j + 1)] = member != token.negated;
            }
            break;
        case Token::Star:
            for (qsizetype j = 0; j <= n; ++j)
                next[size_t(j)] = reach[size_t(j)] || (j > 0 && next[size_t(j - 1)] && path[j - 1] != '/');
            break;
        case Token::AnyPath:
            for (qsizetype j = 0; j <= n; ++j)
                next[size_t(j)] = reach[size_t(j)] || (j > 0 && next[size_t(j - 1)]);
            break;
        case Token::Directories:
            // Nothing, or anything that ends with '/' after a reachable point.
            for (qsizetype j = 0; j <= n; ++j) {
                next[size_t(j)] = reach[size_t(j)] || (any && j > 0 && path[j - 1] == '/');
                any = any || reach[size_t(j)];
            }
            break;
        }
        reach.swap(next);
    }
    // The whole path, or one of its parent directories.
    for (qsizetype j = 1; j <= n; ++j) {
        if (reach[size_t(j)] && (j == n || path[j] == '/'))
            return true;
    }
    return false;
}

} // namespace image
