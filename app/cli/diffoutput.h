#pragma once

#include <QByteArray>
#include <QStringList>

namespace image {
struct ImageDiff;
} // namespace image

namespace cli {

// `ladingctl diff` text: the library's report (summary, config, layers, files collapsed,
// mtime-only paths counted); `filesOnly`: the files alone.
QStringList diffText(const image::ImageDiff &diff, bool filesOnly);
// The whole result as indented JSON (every path, mtime-only ones too; with `filesOnly` the
// summaries and files only).
QByteArray diffJson(const image::ImageDiff &diff, bool filesOnly);
// What the exit status says: anything differs (with `filesOnly`: any path added, removed
// or changed in a compared pair, or a platform on one side only).
bool diffDiffers(const image::ImageDiff &diff, bool filesOnly);

} // namespace cli
