#include "oci/transport/retryafter.h"

#include <QByteArray>
#include <QList>
#include <QTimeZone>

namespace oci {

namespace {

int monthFromName(QByteArrayView name)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i) {
        if (name.compare(QByteArrayView(months[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    }
    return 0;
}

bool toNumber(QByteArrayView text, int *out)
{
    if (text.isEmpty() || text.size() > 4)
        return false;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    *out = value;
    return true;
}

QTime parseClock(QByteArrayView text)
{
    const QList<QByteArray> parts = text.toByteArray().split(':');
    int h = 0, m = 0, s = 0;
    if (parts.size() != 3 || parts[0].size() != 2 || parts[1].size() != 2 || parts[2].size() != 2
        || !toNumber(parts[0], &h) || !toNumber(parts[1], &m) || !toNumber(parts[2], &s))
        return {};
    return QTime(h, m, s);
}

// The three HTTP-date forms of RFC 9110 §5.6.7; all are UTC.
QDateTime parseHttpDate(QByteArrayView value)
{
    const QList<QByteArray> words = value.toByteArray().simplified().split(' ');
    int day = 0, month = 0, year = 0;
    QTime time;
    if (words.size() == 6 && words[0].endsWith(',') && words[5] == "GMT") {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        if (!toNumber(words[1], &day) || !toNumber(words[3], &year) || words[3].size() != 4)
            return {};
        month = monthFromName(words[2]);
        time = parseClock(words[4]);
    } else if (words.size() == 4 && words[0].endsWith(',') && words[3] == "GMT") {
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years: 1970-2069)
        const QList<QByteArray> date = words[1].split('-');
        if (date.size() != 3 || !toNumber(date[0], &day) || !toNumber(date[2], &year)
            || date[2].size() != 2)
            return {};
        year += year < 70 ? 2000 : 1900;
        month = monthFromName(date[1]);
        time = parseClock(words[2]);
    } else if (words.size() == 5 && !words[0].endsWith(',')) {
        // asctime: Sun Nov  6 08:49:37 1994
        if (!toNumber(words[2], &day) || !toNumber(words[4], &year) || words[4].size() != 4)
            return {};
        month = monthFromName(words[1]);
        time = parseClock(words[3]);
    } else {
        return {};
    }
    const QDate date(year, month, day);
    if (month == 0 || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

} // namespace

int parseRetryAfter(QByteArrayView value, const QDateTime &now, int maxSeconds)
{
    const QByteArrayView text = value.trimmed();
    if (text.isEmpty())
        return -1;
    maxSeconds = std::max(0, maxSeconds);
    bool allDigits = true;
    for (char c : text)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        qint64 seconds = 0;
        for (char c : text) {
            seconds = seconds * 10 + (c - '0');
            if (seconds > maxSeconds)
                return maxSeconds; // also stops overflow on absurdly long numbers
        }
        return int(seconds);
    }
    const QDateTime when = parseHttpDate(text);
    if (!when.isValid() || !now.isValid())
        return -1;
    const qint64 seconds = now.secsTo(when);
    return int(std::clamp<qint64>(seconds, 0, maxSeconds));
}

} // namespace oci
