#pragma once

namespace image {

class MergedFilesystem;

// Follows a symlink node of the merged filesystem inside the image, chroot-style (absolute
// targets from the image root, `..` clamped at the root, at most 40 hops like Linux), never on
// the host. Returns the node it ends at, `node` itself when it is no symlink, -1 when the
// chain dangles or loops.
int resolveSymlink(const MergedFilesystem &fs, int node);

} // namespace image
