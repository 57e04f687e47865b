#pragma once

#include <QByteArrayView>
#include <QString>

// What the file preview makes of a file's first bytes and its name.
enum class FileKind {
    Empty,
    Text,
    Binary,
    Image, // PNG, JPEG, GIF, ICO, BMP, SVG: shown as a picture
};

// Languages the preview highlights (our own rules; see CodeHighlighter, JsonHighlighter).
enum class FileSyntax {
    Plain,
    Json,
    Yaml,
    Shell,
    Ini, // INI, .conf, .cfg, .toml, .properties, systemd units, /etc/os-release
    Dockerfile,
    Xml, // XML, HTML, SVG source
    C,   // C, C++, Go, Rust, Java, JavaScript: C-like comments, strings, keywords
    Python,
};

// By content first (magic numbers, NUL bytes, UTF-8), then by name for SVG. `head` is the
// start of the file (a few KiB are enough).
FileKind detectFileKind(QByteArrayView fileName, QByteArrayView head);

// By name (extension, well-known names such as Dockerfile or *.service), then by content
// (shebang, `{`/`[` JSON, `<?xml`, YAML document start).
FileSyntax detectFileSyntax(QByteArrayView fileName, QByteArrayView head);

// The image format for QImageReader ("png", "svg", …), empty when not an image.
QByteArray imageFormat(QByteArrayView fileName, QByteArrayView head);

QString fileSyntaxName(FileSyntax syntax);
