#include "output.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace cli {

namespace {

void writeTo(FILE *stream, QByteArrayView bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const size_t n = std::fwrite(bytes.data() + done, 1, size_t(bytes.size() - done), stream);
        if (n == 0)
            break; // a closed pipe: nothing more to do
        done += qsizetype(n);
    }
    std::fflush(stream);
}

} // namespace

void writeStdout(QByteArrayView bytes)
{
    writeTo(stdout, bytes);
}

void writeLines(const QStringList &lines)
{
    QByteArray out;
    for (const QString &line : lines) {
        out += line.toUtf8();
        out += '\n';
    }
    writeTo(stdout, out);
}

void printError(const QString &message)
{
    // Registry messages may carry line breaks; the contract is one line.
    QString line = message;
    line.replace(u'\r', u' ').replace(u'\n', u' ');
    // The transport's words for a registry that answered TLS in plain HTTP: name our flag.
    if (line.contains(u"looks like a plain-HTTP registry"))
        line += u" (--plain-http)";
    const QString text = QCoreApplication::applicationName() + u": " + line.trimmed() + u'\n';
    writeTo(stderr, text.toUtf8());
}

void printText(const QString &text)
{
    writeTo(stdout, QString(text.endsWith(u'\n') ? text : text + u'\n').toUtf8());
}

QByteArray readStdinSecret()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray secret = in.read(64 * 1024); // a password or token, not a file
    if (secret.endsWith('\n'))
        secret.chop(1);
    if (secret.endsWith('\r'))
        secret.chop(1);
    return secret;
}

} // namespace cli
