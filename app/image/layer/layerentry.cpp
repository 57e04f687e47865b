#include "image/layer/layerentry.h"

namespace image {

char entryTypeLetter(EntryType type)
{
    switch (type) {
    case EntryType::Regular:
        return '-';
    case EntryType::Directory:
        return 'd';
    case EntryType::Symlink:
        return 'l';
    case EntryType::Hardlink:
        return 'h';
    case EntryType::CharDevice:
        return 'c';
    case EntryType::BlockDevice:
        return 'b';
    case EntryType::Fifo:
        return 'p';
    case EntryType::Whiteout:
        return 'w';
    case EntryType::Opaque:
        return 'o';
    }
    return '?';
}

} // namespace image
