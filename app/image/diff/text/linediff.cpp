#include "linediff.h"

#include <QHash>

#include <algorithm>
#include <cstring>
#include <vector>

namespace image {

namespace {

struct SplitText
{
    QList<QByteArrayView> keys; // what is compared: the line's bytes (without '\r' if ignored)
    QStringList lines;
    LineEnding ending = LineEnding::None;
    bool missingFinalNewline = false;
};

SplitText splitLines(QByteArrayView text, bool ignoreLineEndings)
{
    SplitText out;
    bool sawLf = false;
    bool sawCrLf = false;
    const char *data = text.data();
    const qsizetype size = text.size();
    qsizetype start = 0;
    while (start < size) {
        const void *found = std::memchr(data + start, '\n', size_t(size - start));
        const qsizetype end = found ? qsizetype(static_cast<const char *>(found) - data) : size;
        qsizetype contentEnd = end;
        if (found) {
            if (end > start && data[end - 1] == '\r') {
                sawCrLf = true;
                contentEnd = end - 1;
            } else {
                sawLf = true;
            }
        } else {
            out.missingFinalNewline = true;
        }
        const QByteArrayView content = text.sliced(start, contentEnd - start);
        out.keys.append(ignoreLineEndings ? content : text.sliced(start, end - start));
        out.lines.append(QString::fromUtf8(content));
        start = end + 1;
    }
    if (sawLf && sawCrLf)
        out.ending = LineEnding::Mixed;
    else if (sawCrLf)
        out.ending = LineEnding::CrLf;
    else if (sawLf)
        out.ending = LineEnding::Lf;
    return out;
}

enum class Op : quint8 { Equal, Delete, Insert };

struct Edit
{
    Op op;
    int a; // left line (Equal, Delete)
    int b; // right line (Equal, Insert)
};

// Myers' greedy forward search over a[0..n) and b[0..m), keeping each step's furthest
// reaching x per diagonal (d + 1 ints at step d) to walk the path back. Appends the edits
// for this middle part (indices offset by aBase/bBase); false when `maxWork` ran out.
bool myersDiff(const int *a, int n, const int *b, int m, int aBase, int bBase, qint64 maxWork,
               qint64 *work, std::vector<Edit> *edits)
{
    const int max = n + m;
    std::vector<int> v(size_t(2 * max + 3), 0); // v[k + max + 1]
    const int offset = max + 1;
    std::vector<int> trace; // step d's entries start at d * (d + 1) / 2
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        for (int k = -d; k <= d; k += 2) {
            ++*work;
            int x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)];
            else
                x = v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            const int snakeStart = x;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            *work += x - snakeStart;
            v[size_t(offset + k)] = x;
            trace.push_back(x);
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        if (found < 0 && *work > maxWork)
            return false;
    }

    // Walk back from (n, m): at each step, the diagonal we came from and the snake after it.
    std::vector<Edit> reversed;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const size_t base = size_t(d - 1) * size_t(d) / 2;
        const auto prev = [&](int k) { return trace[base + size_t((k + d - 1) / 2)]; };
        const int k = x - y;
        const bool down = k == -d || (k != d && prev(k - 1) < prev(k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = prev(prevK);
        const int prevY = prevX - prevK;
        const int snakeX = down ? prevX : prevX + 1;
        while (x > snakeX) {
            --x;
            --y;
            reversed.push_back({Op::Equal, aBase + x, bBase + y});
        }
        if (down)
            reversed.push_back({Op::Insert, -1, bBase + prevY});
        else
            reversed.push_back({Op::Delete, aBase + prevX, -1});
        x = prevX;
        y = prevY;
    }
    while (x > 0) {
        --x;
        --y;
        reversed.push_back({Op::Equal, aBase + x, bBase + y});
    }
    edits->insert(edits->end(), reversed.rbegin(), reversed.rend());
    return true;
}

void addHunkRows(LineDiff *diff, const std::vector<int> &removed, const std::vector<int> &added)
{
    if (removed.empty() && added.empty())
        return;
    LineDiffHunk hunk;
    hunk.firstRow = int(diff->rows.size());
    hunk.leftStart = removed.empty() ? -1 : removed.front();
    hunk.rightStart = added.empty() ? -1 : added.front();
    hunk.leftCount = int(removed.size());
    hunk.rightCount = int(added.size());
    const size_t paired = std::min(removed.size(), added.size());
    for (size_t i = 0; i < std::max(removed.size(), added.size()); ++i) {
        LineDiffRow row;
        if (i < paired) {
            row.kind = LineDiffRowKind::Changed;
            row.leftLine = removed[i];
            row.rightLine = added[i];
            changedCharacters(diff->leftLines.at(row.leftLine), diff->rightLines.at(row.rightLine),
                              &row.leftChange, &row.rightChange);
            ++diff->changedRows;
        } else if (i < removed.size()) {
            row.kind = LineDiffRowKind::Removed;
            row.leftLine = removed[i];
            ++diff->removedRows;
        } else {
            row.kind = LineDiffRowKind::Added;
            row.rightLine = added[i];
            ++diff->addedRows;
        }
        diff->rows.append(row);
    }
    hunk.rowCount = int(diff->rows.size()) - hunk.firstRow;
    diff->hunks.append(hunk);
}

// Edits in order → rows: each run of deletions and insertions between equal lines is one
// hunk, its removed and added lines paired in order as Changed rows, the rest unpaired.
void buildRows(LineDiff *diff, const std::vector<Edit> &edits)
{
    diff->rows.reserve(qsizetype(edits.size()));
    std::vector<int> removed;
    std::vector<int> added;
    int nextLeft = 0; // where a hunk without left lines sits
    int nextRight = 0;
    const auto flush = [&] {
        const qsizetype before = diff->hunks.size();
        addHunkRows(diff, removed, added);
        if (diff->hunks.size() > before) {
            LineDiffHunk &h = diff->hunks.last();
            if (h.leftStart < 0)
                h.leftStart = nextLeft;
            if (h.rightStart < 0)
                h.rightStart = nextRight;
        }
        removed.clear();
        added.clear();
    };
    for (const Edit &e : edits) {
        switch (e.op) {
        case Op::Equal:
            flush();
            diff->rows.append({LineDiffRowKind::Equal, e.a, e.b, {}, {}});
            ++diff->equalRows;
            nextLeft = e.a + 1;
            nextRight = e.b + 1;
            break;
        case Op::Delete:
            removed.push_back(e.a);
            break;
        case Op::Insert:
            added.push_back(e.b);
            break;
        }
    }
    flush();
}

} // namespace

bool LineDiff::lineEndingsDiffer() const
{
    return leftEnding != LineEnding::None && rightEnding != LineEnding::None &&
           leftEnding != rightEnding;
}

bool looksBinary(QByteArrayView bytes)
{
    return !bytes.isEmpty() && std::memchr(bytes.data(), 0, size_t(bytes.size())) != nullptr;
}

void changedCharacters(QStringView left, QStringView right, CharRange *leftRange,
                       CharRange *rightRange)
{
    const qsizetype shorter = std::min(left.size(), right.size());
    qsizetype prefix = 0;
    while (prefix < shorter && left[prefix] == right[prefix])
        ++prefix;
    // Never split a surrogate pair: the emphasis would cut a character in two.
    if (prefix > 0 && prefix < shorter && left[prefix - 1].isHighSurrogate())
        --prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix &&
           left[left.size() - 1 - suffix] == right[right.size() - 1 - suffix])
        ++suffix;
    if (suffix > 0 && left[left.size() - suffix].isLowSurrogate())
        --suffix;
    *leftRange = {prefix, left.size() - prefix - suffix};
    *rightRange = {prefix, right.size() - prefix - suffix};
}

LineDiff diffTexts(QByteArrayView left, QByteArrayView right, const LineDiffOptions &options)
{
    LineDiff diff;
    diff.leftBinary = looksBinary(left);
    diff.rightBinary = looksBinary(right);
    diff.binary = diff.leftBinary || diff.rightBinary;
    if (diff.binary)
        return diff;

    SplitText a = splitLines(left, options.ignoreLineEndings);
    SplitText b = splitLines(right, options.ignoreLineEndings);
    diff.leftLines = std::move(a.lines);
    diff.rightLines = std::move(b.lines);
    diff.leftEnding = a.ending;
    diff.rightEnding = b.ending;
    diff.leftMissingFinalNewline = a.missingFinalNewline;
    diff.rightMissingFinalNewline = b.missingFinalNewline;

    // Lines as small integers: equal lines share an id, so the search compares ints.
    QHash<QByteArrayView, int> ids;
    ids.reserve(a.keys.size() + b.keys.size());
    const auto intern = [&ids](const QList<QByteArrayView> &keys) {
        std::vector<int> out;
        out.reserve(size_t(keys.size()));
        for (const QByteArrayView key : keys) {
            auto it = ids.constFind(key);
            if (it == ids.constEnd())
                it = ids.insert(key, int(ids.size()));
            out.push_back(*it);
        }
        return out;
    };
    const std::vector<int> ia = intern(a.keys);
    const std::vector<int> ib = intern(b.keys);
    const int n = int(ia.size());
    const int m = int(ib.size());

    int head = 0;
    while (head < n && head < m && ia[size_t(head)] == ib[size_t(head)])
        ++head;
    int tail = 0;
    while (tail < n - head && tail < m - head &&
           ia[size_t(n - 1 - tail)] == ib[size_t(m - 1 - tail)])
        ++tail;

    std::vector<Edit> edits;
    edits.reserve(size_t(std::max(n, m)) + 16);
    for (int i = 0; i < head; ++i)
        edits.push_back({Op::Equal, i, i});
    const int midA = n - head - tail;
    const int midB = m - head - tail;
    const bool found = myersDiff(ia.data() + head, midA, ib.data() + head, midB, head, head,
                                 options.maxWork, &diff.work, &edits);
    if (!found) {
        // Too different to search further: everything between head and tail replaced.
        diff.coarse = true;
        for (int i = 0; i < midA; ++i)
            edits.push_back({Op::Delete, head + i, -1});
        for (int i = 0; i < midB; ++i)
            edits.push_back({Op::Insert, -1, head + i});
    }
    for (int i = 0; i < tail; ++i)
        edits.push_back({Op::Equal, n - tail + i, m - tail + i});
    buildRows(&diff, edits);
    return diff;
}

} // namespace image
