#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

// Reads a fixture from tests/oci/data (LADING_SOURCE_DIR is set by lading_add_test).
inline QByteArray readManifestFixture(const QString &name)
{
    const QString path = qEnvironmentVariable("LADING_SOURCE_DIR") + QStringLiteral("/tests/oci/data/")
                         + name;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read fixture %s", qPrintable(path));
        return {};
    }
    return file.readAll();
}

// The error message of a Result for QVERIFY2, which evaluates its message even on success.
template<typename R>
QByteArray failureText(const R &result)
{
    return result.ok() ? QByteArray() : result.error().message().toUtf8();
}
