#include "oci/inspect/tagorder.h"

#include <algorithm>

namespace oci {

namespace {

qsizetype digitRun(QStringView text, qsizetype from)
{
    qsizetype end = from;
    while (end < text.size() && text.at(end).isDigit())
        ++end;
    return end;
}

} // namespace

int naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    int padding = 0; // first difference in leading zeros, used only on a tie
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            const qsizetype endA = digitRun(a, i);
            const qsizetype endB = digitRun(b, j);
            qsizetype startA = i;
            qsizetype startB = j;
            while (startA < endA - 1 && a.at(startA) == u'0')
                ++startA;
            while (startB < endB - 1 && b.at(startB) == u'0')
                ++startB;
            const qsizetype lengthA = endA - startA;
            const qsizetype lengthB = endB - startB;
            if (lengthA != lengthB)
                return lengthA < lengthB ? -1 : 1;
            if (const int c = a.sliced(startA, lengthA).compare(b.sliced(startB, lengthB)); c != 0)
                return c < 0 ? -1 : 1;
            if (padding == 0 && (endA - i) != (endB - j))
                padding = (endA - i) < (endB - j) ? -1 : 1;
            i = endA;
            j = endB;
            continue;
        }
        if (a.at(i) != b.at(j))
            return a.at(i) < b.at(j) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return padding;
}

void sortTagDetails(QList<TagDetails> &rows, TagSortKey key)
{
    const auto byName = [](const TagDetails &a, const TagDetails &b) {
        return naturalCompare(a.tag, b.tag) < 0;
    };
    switch (key) {
    case TagSortKey::Name:
        std::sort(rows.begin(), rows.end(), byName);
        return;
    case TagSortKey::Created:
        std::sort(rows.begin(), rows.end(), [&](const TagDetails &a, const TagDetails &b) {
            const QDateTime &x = a.details.created;
            const QDateTime &y = b.details.created;
            if (x.isValid() != y.isValid())
                return x.isValid();
            if (x.isValid() && x != y)
                return x > y;
            return byName(a, b);
        });
        return;
    case TagSortKey::Size:
        std::sort(rows.begin(), rows.end(), [&](const TagDetails &a, const TagDetails &b) {
            const qint64 x = a.details.compressedSize;
            const qint64 y = b.details.compressedSize;
            if ((x >= 0) != (y >= 0))
                return x >= 0;
            if (x != y)
                return x > y;
            return byName(a, b);
        });
        return;
    }
}

QHash<Digest, int> tagsPerDigest(const QList<TagDetails> &rows)
{
    QHash<Digest, int> counts;
    for (const TagDetails &row : rows) {
        if (!row.details.digest.isNull())
            ++counts[row.details.digest];
    }
    return counts;
}

} // namespace oci
