#include "filekind.h"

#include <QByteArray>
#include <QCoreApplication>

namespace {

QByteArray lowerBaseName(QByteArrayView fileName)
{
    if (const qsizetype slash = fileName.lastIndexOf('/'); slash >= 0)
        fileName = fileName.sliced(slash + 1);
    return fileName.toByteArray().toLower();
}

QByteArray extension(const QByteArray &base)
{
    const qsizetype dot = base.lastIndexOf('.');
    return dot > 0 ? base.sliced(dot + 1) : QByteArray();
}

// Valid UTF-8, except that a sequence cut by the end of `bytes` is fine (a slice of a file).
bool looksLikeUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        int extra = 0;
        if (c < 0x80) {
            ++p;
            continue;
        } else if ((c & 0xe0) == 0xc0 && c >= 0xc2) {
            extra = 1;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
        } else if ((c & 0xf8) == 0xf0 && c <= 0xf4) {
            extra = 3;
        } else {
            return false;
        }
        for (int i = 1; i <= extra; ++i) {
            if (p + i >= end)
                return true; // cut at the end of the slice
            if ((p[i] & 0xc0) != 0x80)
                return false;
        }
        p += extra + 1;
    }
    return true;
}

QByteArrayView skipSpace(QByteArrayView head)
{
    if (head.startsWith("\xef\xbb\xbf"))
        head = head.sliced(3);
    qsizetype i = 0;
    while (i < head.size() &&
           (head.at(i) == ' ' || head.at(i) == '\t' || head.at(i) == '\n' || head.at(i) == '\r'))
        ++i;
    return head.sliced(i);
}

bool isSvg(const QByteArray &base, QByteArrayView head)
{
    if (base.endsWith(".svg"))
        return true;
    const QByteArrayView text = skipSpace(head.first(std::min<qsizetype>(head.size(), 1024)));
    return text.startsWith("<svg") || (text.startsWith("<?xml") && text.contains("<svg"));
}

} // namespace

QByteArray imageFormat(QByteArrayView fileName, QByteArrayView head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return "png";
    if (head.startsWith("\xff\xd8\xff"))
        return "jpeg";
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return "gif";
    if (head.size() >= 6 && head.startsWith(QByteArrayView("\0\0\1\0", 4)) && head.at(4) != 0 &&
        lowerBaseName(fileName).endsWith(".ico"))
        return "ico";
    if (head.startsWith("BM") && lowerBaseName(fileName).endsWith(".bmp"))
        return "bmp";
    if (!head.isEmpty() && isSvg(lowerBaseName(fileName), head))
        return "svg";
    return {};
}

FileKind detectFileKind(QByteArrayView fileName, QByteArrayView head)
{
    if (head.isEmpty())
        return FileKind::Empty;
    if (!imageFormat(fileName, head).isEmpty())
        return FileKind::Image;
    const QByteArrayView sample = head.first(std::min<qsizetype>(head.size(), 64 * 1024));
    if (sample.contains('\0'))
        return FileKind::Binary;
    if (looksLikeUtf8(sample))
        return FileKind::Text;
    // Latin-1 and friends: text when control characters are rare.
    qsizetype control = 0;
    for (char c : sample) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f')
            ++control;
    }
    return control * 100 < sample.size() ? FileKind::Text : FileKind::Binary;
}

FileSyntax detectFileSyntax(QByteArrayView fileName, QByteArrayView head)
{
    const QByteArray base = lowerBaseName(fileName);
    const QByteArray ext = extension(base);

    if (base == "dockerfile" || base == "containerfile" || base.startsWith("dockerfile.") ||
        ext == "dockerfile")
        return FileSyntax::Dockerfile;
    if (ext == "json" || ext == "jsonl" || ext == "geojson" || base == ".babelrc" ||
        base == "composer.lock" || base == "flake.lock")
        return FileSyntax::Json;
    if (ext == "yaml" || ext == "yml")
        return FileSyntax::Yaml;
    if (ext == "sh" || ext == "bash" || ext == "zsh" || ext == "ksh" || base == ".bashrc" ||
        base == ".profile" || base == ".bash_profile" || base == ".bash_logout" ||
        base == "profile" || base == "bashrc" || base == ".zshrc")
        return FileSyntax::Shell;
    if (ext == "ini" || ext == "conf" || ext == "cfg" || ext == "cnf" || ext == "toml" ||
        ext == "properties" || ext == "desktop" || ext == "service" || ext == "socket" ||
        ext == "timer" || ext == "target" || ext == "mount" || ext == "path" || ext == "network" ||
        ext == "env" || base == "os-release" || base == ".gitconfig" || base == ".editorconfig" ||
        base == "environment")
        return FileSyntax::Ini;
    if (ext == "xml" || ext == "html" || ext == "htm" || ext == "xhtml" || ext == "svg" ||
        ext == "xsd" || ext == "xsl" || ext == "plist" || ext == "pom" || ext == "ui" ||
        ext == "qrc")
        return FileSyntax::Xml;
    if (ext == "c" || ext == "h" || ext == "cc" || ext == "cpp" || ext == "cxx" || ext == "hpp" ||
        ext == "hh" || ext == "go" || ext == "rs" || ext == "java" || ext == "js" || ext == "mjs" ||
        ext == "cjs" || ext == "ts" || ext == "kt" || ext == "cs" || ext == "swift" ||
        ext == "scala" || ext == "proto")
        return FileSyntax::C;
    if (ext == "py" || ext == "pyi" || ext == "pyw")
        return FileSyntax::Python;

    // By content.
    const QByteArrayView text = skipSpace(head.first(std::min<qsizetype>(head.size(), 4096)));
    if (head.startsWith("#!")) {
        const qsizetype eol = head.indexOf('\n');
        const QByteArrayView line = eol < 0 ? head : head.first(eol);
        if (line.contains("python"))
            return FileSyntax::Python;
        if (line.contains("sh") || line.contains("bash") || line.contains("dash") ||
            line.contains("busybox"))
            return FileSyntax::Shell;
        return FileSyntax::Plain;
    }
    if (text.startsWith("<?xml") || text.startsWith("<!DOCTYPE") || text.startsWith("<!doctype") ||
        text.startsWith("<html") || text.startsWith("<svg"))
        return FileSyntax::Xml;
    if ((text.startsWith('{') && (text.contains("\":") || text.contains("\" :"))) ||
        (text.startsWith('[') &&
         (text.sliced(1).trimmed().startsWith('{') || text.sliced(1).trimmed().startsWith('"') ||
          text.sliced(1).trimmed().startsWith(']'))))
        return FileSyntax::Json;
    if (text.startsWith("---\n") || text.startsWith("%YAML") || text.startsWith("apiVersion:"))
        return FileSyntax::Yaml;
    if (text.startsWith("FROM ") || text.startsWith("ARG ") || text.startsWith("# syntax="))
        return FileSyntax::Dockerfile;
    if (text.startsWith('[') && text.indexOf(']') > 0 && text.indexOf(']') < text.indexOf('\n'))
        return FileSyntax::Ini;
    return FileSyntax::Plain;
}

QString fileSyntaxName(FileSyntax syntax)
{
    switch (syntax) {
    case FileSyntax::Plain:
        return QCoreApplication::translate("FilePreview", "Plain text");
    case FileSyntax::Json:
        return QStringLiteral("JSON");
    case FileSyntax::Yaml:
        return QStringLiteral("YAML");
    case FileSyntax::Shell:
        return QCoreApplication::translate("FilePreview", "Shell");
    case FileSyntax::Ini:
        return QCoreApplication::translate("FilePreview", "INI / configuration");
    case FileSyntax::Dockerfile:
        return QStringLiteral("Dockerfile");
    case FileSyntax::Xml:
        return QStringLiteral("XML / HTML");
    case FileSyntax::C:
        return QCoreApplication::translate("FilePreview", "C-like source");
    case FileSyntax::Python:
        return QStringLiteral("Python");
    }
    return {};
}
