#include "diffoutput.h"

#include "image/diff/job/imagediff.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

QStringList diffText(const image::ImageDiff &diff, bool filesOnly)
{
    image::DiffReportOptions options;
    options.filesOnly = filesOnly;
    return image::describeImageDiff(diff, options);
}

QByteArray diffJson(const image::ImageDiff &diff, bool filesOnly)
{
    return QJsonDocument(diff.toJson(filesOnly)).toJson(QJsonDocument::Indented);
}

bool diffDiffers(const image::ImageDiff &diff, bool filesOnly)
{
    if (!filesOnly)
        return !diff.noDifferences();
    if (!diff.platformsOnlyInA.isEmpty() || !diff.platformsOnlyInB.isEmpty())
        return true;
    for (const image::PlatformDiff &pair : diff.platforms) {
        if (!pair.files.isEmpty())
            return true;
    }
    return false;
}

} // namespace cli
