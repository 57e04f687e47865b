#pragma once

// A fake `docker-credential-test` for the credential helper tests: a small /bin/sh script in
// a temporary folder put first on PATH. What it does is chosen by the file "mode" next to
// it; it records its arguments, its stdin and each call, so tests can check the protocol.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtGlobal>

class FakeCredentialHelper final
{
public:
    FakeCredentialHelper()
        : m_savedPath(qgetenv("PATH"))
    {
        const QString script = QDir(m_dir.path()).filePath(QStringLiteral("docker-credential-test"));
        QFile file(script);
        if (file.open(QIODevice::WriteOnly)) {
            // Plain literals, not a raw string: moc mis-reads raw strings with quotes in them.
            file.write(
                "#!/bin/sh\n"
                "dir=$(dirname \"$0\")\n"
                "url=\"\"\n"
                "IFS= read -r url || true\n"
                "printf '%s' \"$url\" > \"$dir/stdin.txt\"\n"
                "printf '%s\\n' \"$@\" > \"$dir/args.txt\"\n"
                "echo call >> \"$dir/calls.txt\"\n"
                "case \"$(cat \"$dir/mode\")\" in\n"
                "ok) printf '{\"ServerURL\":\"%s\",\"Username\":\"alice\",\"Secret\":\"s3cret\"}\\n' \"$url\" ;;\n"
                "token) printf '{\"ServerURL\":\"%s\",\"Username\":\"<token>\",\"Secret\":\"refresh-me\"}' \"$url\" ;;\n"
                "empty) printf '{\"ServerURL\":\"%s\",\"Username\":\"\",\"Secret\":\"\"}' \"$url\" ;;\n"
                "notfound) echo \"credentials not found in native keychain\"; exit 1 ;;\n"
                "garbage) echo \"this is not json\" ;;\n"
                "wrongtypes) printf '{\"Username\":7,\"Secret\":[\"x\"]}' ;;\n"
                "fail) echo \"error getting credentials - err: exit status 1, out: keychain is locked\"; exit 3 ;;\n"
                "failjson) echo '{\"Username\":\"bob\",\"Secret\":\"must-not-leak\"}'; exit 2 ;;\n"
                "stderronly) echo \"helper broke on stderr\" >&2; exit 4 ;;\n"
                "hang) exec sleep 30 ;;\n"
                "hangchild) sleep 3 ;;\n"
                "huge) head -c 1000000 /dev/zero | tr '\\0' 'a' ;;\n"
                "slow) sleep 0.3; printf '{\"Username\":\"slow\",\"Secret\":\"pw\"}' ;;\n"
                "answer) cat \"$dir/answer.json\" ;;\n"
                "*) echo \"unknown mode\"; exit 9 ;;\n"
                "esac\n");
            file.close();
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        setMode("ok");
        qputenv("PATH", QFile::encodeName(m_dir.path()) + ':' + m_savedPath);
    }
    ~FakeCredentialHelper() { qputenv("PATH", m_savedPath); }
    Q_DISABLE_COPY_MOVE(FakeCredentialHelper)

    bool isValid() const { return m_dir.isValid(); }
    QString dir() const { return m_dir.path(); }

    void setMode(const QByteArray &mode) { write(QStringLiteral("mode"), mode); }
    // Mode "answer": the helper prints {"ServerURL", "Username", "Secret"} with these.
    void setAnswer(const QString &username, const QString &secret)
    {
        write(QStringLiteral("answer.json"),
              "{\"ServerURL\":\"x\",\"Username\":\"" + username.toUtf8() + "\",\"Secret\":\""
                  + secret.toUtf8() + "\"}");
        setMode("answer");
    }
    QByteArray lastStdin() const { return read(QStringLiteral("stdin.txt")); }
    QByteArray lastArguments() const { return read(QStringLiteral("args.txt")); }
    int calls() const { return int(read(QStringLiteral("calls.txt")).count('\n')); }

private:
    void write(const QString &name, const QByteArray &bytes)
    {
        QFile file(QDir(m_dir.path()).filePath(name));
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
    }
    QByteArray read(const QString &name) const
    {
        QFile file(QDir(m_dir.path()).filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    QByteArray m_savedPath;
};
