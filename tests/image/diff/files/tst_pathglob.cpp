#include "image/diff/files/pathglob.h"

#include <QElapsedTimer>
#include <QTest>

using namespace image;

class TestPathGlob final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QByteArray>("pattern");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("expected");
        auto row = [](const char *name, const QByteArray &pattern, const QByteArray &path, bool expected) {
            QTest::newRow(name) << pattern << path << expected;
        };
        // No '/': the last component, at any depth (and what lies under a matching directory).
        row("basename deep", "*.so", "usr/lib/libc.so", true);
        row("basename top", "*.so", "x.so", true);
        row("basename suffix only", "*.so", "usr/lib/libc.so.6", false);
        row("basename dir covers contents", "*.d", "etc/conf.d/a", true);
        row("basename exact", "passwd", "etc/passwd", true);
        row("basename not partial", "passwd", "etc/passwd-", false);
        // `dir/**`: everything below, not the directory itself.
        row("double star below", "usr/lib/**", "usr/lib/x/y.so", true);
        row("double star child", "usr/lib/**", "usr/lib/x", true);
        row("double star not itself", "usr/lib/**", "usr/lib", false);
        row("double star sibling", "usr/lib/**", "usr/lib64/x", false);
        row("double star elsewhere", "usr/lib/**", "usr/local/lib/x", false);
        // '*' stays in one component; `**/` is zero or more directories.
        row("star one level", "etc/*.conf", "etc/a.conf", true);
        row("star not deeper", "etc/*.conf", "etc/x/a.conf", false);
        row("dirs zero", "usr/**/bin", "usr/bin", true);
        row("dirs many", "usr/**/bin", "usr/local/x/bin", true);
        row("dirs no partial", "usr/**/bin", "usr/sbin", false);
        row("leading dirs", "**/doc", "usr/share/doc/README", true);
        row("any path inside a name", "usr/l**x", "usr/lib/x", true);
        // A plain path covers its subtree; leading/trailing '/' ignored.
        row("plain dir", "usr/share", "usr/share/doc/x", true);
        row("plain dir itself", "/usr/share/", "usr/share", true);
        row("plain not prefix of name", "usr/share", "usr/shared", false);
        row("question", "bin/?h", "bin/sh", true);
        row("question not slash", "a?b", "a/b", false);
        row("class", "lib[0-9].so", "lib7.so", true);
        row("class miss", "lib[0-9].so", "libx.so", false);
        row("negated class", "lib[!0-9].so", "libx.so", true);
        row("escaped star", "a\\*", "a*", true);
        row("escaped star literal", "a\\*", "ab", false);
        row("unclosed bracket literal", "a[b", "a[b", true);
        row("raw bytes", QByteArray("caf\xe9*"), QByteArray("x/caf\xe9-latin1"), true);
        row("empty pattern", "", "x", false);
    }

    void matches()
    {
        QFETCH(QByteArray, pattern);
        QFETCH(QByteArray, path);
        QFETCH(bool, expected);
        QCOMPARE(PathGlob(pattern).matches(path), expected);
    }

    // Patterns that would backtrack exponentially stay linear in pattern × path.
    void noBacktracking()
    {
        const PathGlob glob("**a**a**a**a**a**a**a**a**b");
        const QByteArray path = QByteArray(4000, 'a');
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!glob.matches(path));
        QVERIFY(glob.matches(QByteArray(path + 'b')));
        qInfo("hostile pattern over 4000 bytes: %lld ms", qint64(timer.elapsed()));
    }
};

QTEST_GUILESS_MAIN(TestPathGlob)
#include "tst_pathglob.moc"
