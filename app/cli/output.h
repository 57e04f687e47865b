#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace cli {

// Standard output as bytes: nothing added, nothing translated (manifests are byte-exact).
void writeStdout(QByteArrayView bytes);
// One entry per line, UTF-8.
void writeLines(const QStringList &lines);
// "ladingctl: <message>" on standard error, always one line.
void printError(const QString &message);
// Help or version text on standard output.
void printText(const QString &text);

// Everything on standard input (for --password-stdin), with one trailing line break removed.
QByteArray readStdinSecret();

} // namespace cli
