#include "image/diff/config/historyalignment.h"

#include "oci/manifest/imageconfig.h"

#include <vector>

namespace image {

namespace {

bool sameStep(const oci::HistoryEntry &a, const oci::HistoryEntry &b)
{
    return a.emptyLayer == b.emptyLayer && a.createdBy == b.createdBy;
}

struct Rows
{
    const QList<oci::HistoryEntry> &a;
    const QList<oci::HistoryEntry> &b;
    QList<HistoryRow> rows;

    void add(int i, int j)
    {
        HistoryRow row;
        row.indexA = i;
        row.indexB = j;
        if (i >= 0) {
            row.createdByA = a.at(i).createdBy;
            row.emptyLayerA = a.at(i).emptyLayer;
        }
        if (j >= 0) {
            row.createdByB = b.at(j).createdBy;
            row.emptyLayerB = b.at(j).emptyLayer;
        }
        row.differs = i < 0 || j < 0 || !sameStep(a.at(i), b.at(j));
        rows.append(std::move(row));
    }

    // a[i0, i1) and b[j0, j1) hold no match: paired in order, the surplus alone.
    void addGap(int i0, int i1, int j0, int j1)
    {
        while (i0 < i1 && j0 < j1)
            add(i0++, j0++);
        while (i0 < i1)
            add(i0++, -1);
        while (j0 < j1)
            add(-1, j0++);
    }
};

} // namespace

QList<HistoryRow> alignHistories(const QList<oci::HistoryEntry> &a,
                                 const QList<oci::HistoryEntry> &b)
{
    Rows out{a, b, {}};
    const int n = int(a.size());
    const int m = int(b.size());
    int head = 0;
    while (head < n && head < m && sameStep(a.at(head), b.at(head)))
        ++head;
    int tail = 0;
    while (tail < n - head && tail < m - head && sameStep(a.at(n - 1 - tail), b.at(m - 1 - tail)))
        ++tail;
    for (int i = 0; i < head; ++i)
        out.add(i, i);

    const int rowsA = n - head - tail;
    const int rowsB = m - head - tail;
    constexpr qint64 MaxCells = 4'000'000;
    if (qint64(rowsA + 1) * (rowsB + 1) > MaxCells) {
        out.addGap(head, n - tail, head, m - tail);
    } else {
        // lcs[x][y]: the longest common run of a[head + x ..] and b[head + y ..].
        const int width = rowsB + 1;
        std::vector<int> lcs(size_t(rowsA + 1) * size_t(width), 0);
        for (int x = rowsA - 1; x >= 0; --x) {
            for (int y = rowsB - 1; y >= 0; --y) {
                lcs[size_t(x) * width + y] =
                    sameStep(a.at(head + x), b.at(head + y))
                        ? lcs[size_t(x + 1) * width + y + 1] + 1
                        : std::max(lcs[size_t(x + 1) * width + y], lcs[size_t(x) * width + y + 1]);
            }
        }
        int x = 0;
        int y = 0;
        int gapX = 0;
        int gapY = 0;
        while (x < rowsA && y < rowsB) {
            if (sameStep(a.at(head + x), b.at(head + y))
                && lcs[size_t(x) * width + y] == lcs[size_t(x + 1) * width + y + 1] + 1) {
                out.addGap(head + gapX, head + x, head + gapY, head + y);
                out.add(head + x, head + y);
                gapX = ++x;
                gapY = ++y;
            } else if (lcs[size_t(x + 1) * width + y] >= lcs[size_t(x) * width + y + 1]) {
                ++x;
            } else {
                ++y;
            }
        }
        out.addGap(head + gapX, head + rowsA, head + gapY, head + rowsB);
    }
    for (int i = 0; i < tail; ++i)
        out.add(n - tail + i, m - tail + i);
    return out.rows;
}

} // namespace image
