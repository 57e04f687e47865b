#include "filekind.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

class TestFileKind final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("kind");
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            QImage(4, 4, QImage::Format_ARGB32).save(&buffer, "PNG");
        }
        QTest::newRow("empty") << QByteArray("a") << QByteArray() << int(FileKind::Empty);
        QTest::newRow("ascii") << QByteArray("etc/passwd") << QByteArray("root:x:0:0\n")
                               << int(FileKind::Text);
        QTest::newRow("utf8") << QByteArray("x") << QByteArray("gr\xc3\xbc\xc3\x9f")
                              << int(FileKind::Text);
        QTest::newRow("utf8 cut") << QByteArray("x") << QByteArray("ab\xe2\x82")
                                  << int(FileKind::Text);
        QTest::newRow("latin1") << QByteArray("x") << QByteArray("gr\xfc\xdf Gott\n")
                                << int(FileKind::Text);
        QTest::newRow("elf") << QByteArray("usr/bin/env")
                             << QByteArray("\x7f"
                                           "ELF\2\1\1\0\0",
                                           9)
                             << int(FileKind::Binary);
        QTest::newRow("controls") << QByteArray("x") << QByteArray("\x01\x02\x03\x04\xff\xfe")
                                  << int(FileKind::Binary);
        QTest::newRow("png by content") << QByteArray("icon.dat") << png << int(FileKind::Image);
        QTest::newRow("jpeg") << QByteArray("x") << QByteArray("\xff\xd8\xff\xe0\0\x10JFIF", 10)
                              << int(FileKind::Image);
        QTest::newRow("gif") << QByteArray("x") << QByteArray("GIF89a\1\0\1\0")
                             << int(FileKind::Image);
        QTest::newRow("svg by name") << QByteArray("logo.svg")
                                     << QByteArray("<?xml version='1.0'?>") << int(FileKind::Image);
        QTest::newRow("svg by content")
            << QByteArray("logo") << QByteArray("  <svg xmlns='x'/>") << int(FileKind::Image);
        QTest::newRow("ico") << QByteArray("favicon.ico") << QByteArray("\0\0\1\0\1\0\x10\x10", 8)
                             << int(FileKind::Image);
        QTest::newRow("ico-like not named ico")
            << QByteArray("data") << QByteArray("\0\0\1\0\1\0\x10\x10", 8) << int(FileKind::Binary);
    }
    void kinds()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, head);
        QFETCH(int, kind);
        QCOMPARE(int(detectFileKind(name, head)), kind);
    }

    void syntaxes_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("syntax");
        const auto row = [](const char *tag, const char *name, const QByteArray &head,
                            FileSyntax s) {
            QTest::newRow(tag) << QByteArray(name) << head << int(s);
        };
        row("json name", "app/config.json", "whatever", FileSyntax::Json);
        row("json content", "app/config", "  {\n  \"a\": 1}", FileSyntax::Json);
        row("json array", "data", "[{\"a\":1}]", FileSyntax::Json);
        row("yaml name", "k8s/deploy.yml", "x", FileSyntax::Yaml);
        row("yaml content", "deploy", "---\nkind: Pod\n", FileSyntax::Yaml);
        row("sh name", "entrypoint.sh", "x", FileSyntax::Shell);
        row("bashrc", "root/.bashrc", "x", FileSyntax::Shell);
        row("shebang sh", "usr/local/bin/start", "#!/bin/sh\nexec x\n", FileSyntax::Shell);
        row("shebang env bash", "start", "#!/usr/bin/env bash\n", FileSyntax::Shell);
        row("shebang python", "usr/bin/tool", "#!/usr/bin/python3\nimport os\n",
            FileSyntax::Python);
        row("shebang other", "tool", "#!/usr/bin/perl\n", FileSyntax::Plain);
        row("conf", "etc/nginx/nginx.conf", "x", FileSyntax::Ini);
        row("os-release", "etc/os-release", "NAME=Debian", FileSyntax::Ini);
        row("service", "lib/systemd/system/ssh.service", "x", FileSyntax::Ini);
        row("ini content", "etc/thing", "[main]\nkey=value\n", FileSyntax::Ini);
        row("dockerfile", "src/Dockerfile", "x", FileSyntax::Dockerfile);
        row("containerfile", "Containerfile", "x", FileSyntax::Dockerfile);
        row("dockerfile content", "build", "FROM debian:12\nRUN true\n", FileSyntax::Dockerfile);
        row("xml name", "pom.xml", "x", FileSyntax::Xml);
        row("html", "index.html", "x", FileSyntax::Xml);
        row("xml content", "data", "<?xml version=\"1.0\"?><a/>", FileSyntax::Xml);
        row("c", "main.c", "x", FileSyntax::C);
        row("go", "main.go", "x", FileSyntax::C);
        row("python", "setup.py", "x", FileSyntax::Python);
        row("plain", "etc/hostname", "localhost\n", FileSyntax::Plain);
        row("upper case", "README.JSON", "x", FileSyntax::Json);
    }
    void syntaxes()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, head);
        QFETCH(int, syntax);
        QCOMPARE(int(detectFileSyntax(name, head)), syntax);
        QVERIFY(!fileSyntaxName(FileSyntax(syntax)).isEmpty());
    }
};

QTEST_MAIN(TestFileKind)
#include "tst_filekind.moc"
