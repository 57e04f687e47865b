#include "image/push/pushplan.h"

#include "image/push/pushlookup.h"
#include "image/source/localimagesource.h"

namespace image {

qint64 PushPlan::totalBytes() const
{
    qint64 total = 0;
    for (const PushBlob &blob : blobs)
        total += blob.size;
    return total;
}

qint64 PushPlan::bytesToSend() const
{
    qint64 total = 0;
    for (const PushBlob &blob : blobs) {
        if (blob.fate == PushBlob::Fate::Upload || blob.fate == PushBlob::Fate::Compress)
            total += blob.size;
    }
    return total;
}

int PushPlan::count(PushBlob::Fate fate) const
{
    int n = 0;
    for (const PushBlob &blob : blobs)
        n += blob.fate == fate ? 1 : 0;
    return n;
}

QStringList PushPlan::targetNames() const
{
    QStringList names;
    for (const PushTarget &target : targets)
        names << (target.tag.isEmpty() ? repository + u'@' + target.root.toString()
                                       : repository + u':' + target.tag);
    return names;
}

} // namespace image

namespace image {

const LocalImage *findImage(const LocalImageSource &source, const oci::Digest &manifest)
{
    for (const LocalImage &image : source.images()) {
        if (image.manifestDigest == manifest)
            return &image;
    }
    return nullptr;
}

const LocalIndex *findIndex(const LocalImageSource &source, const oci::Digest &index)
{
    for (const LocalIndex &entry : source.indexes()) {
        if (entry.digest == index)
            return &entry;
    }
    return nullptr;
}

} // namespace image
