#include "image/export/resolvelink.h"

#include "image/fs/mergedfilesystem.h"
#include "image/layer/pathclean.h"

namespace image {

int resolveSymlink(const MergedFilesystem &fs, int node)
{
    for (int hops = 0; node >= 0 && fs.type(node) == EntryType::Symlink; ++hops) {
        const LayerEntry *entry = fs.entry(node);
        if (hops >= 40 || !entry)
            return -1;
        const QByteArrayView target = fs.layer(fs.node(node).layer).linkTarget(*entry);
        QByteArray joined;
        if (!target.startsWith('/')) {
            joined = parentPath(fs.path(node)).toByteArray();
            joined += '/';
        }
        joined += target;
        QByteArray cleaned = cleanLayerPath(joined);
        // `..` above the root stays at the root.
        while (cleaned == ".." || cleaned.startsWith("../"))
            cleaned = cleaned.size() > 2 ? cleaned.sliced(3) : QByteArray();
        node = fs.find(cleaned);
    }
    return node;
}

} // namespace image
