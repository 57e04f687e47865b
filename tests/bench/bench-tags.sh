#!/usr/bin/env bash
# Tag benchmark: Lading beside skopeo against the real registry (Debian's docker-registry on
# 127.0.0.1), started and seeded by lading_bench_tags (tests/bench/benchtags.cpp):
#   - listing a 5,000-tag repository: ladingctl tags vs skopeo list-tags (goal <= 1.0x);
#   - digest, size, created, platforms of 500 tags: ladingctl tags --details vs skopeo
#     inspect once per tag, run on a sample and extrapolated (goal <= 0.1x);
#   - the longest event-loop stall while DetailsResolver fills in 5,000 tags (goal <= 50 ms).
# Prints figures and ratios; asserts nothing about time.
#
#   tests/bench/bench-tags.sh [build-dir] [-- options of lading_bench_tags]
#   e.g. tests/bench/bench-tags.sh build -- --runs 5 --sample 100
#
# Build dir: the first argument, else $LADING_BUILD_DIR, else ./build. The two targets it
# needs (ladingctl, lading_bench_tags) are built first.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
build="${LADING_BUILD_DIR:-$source_dir/build}"
if [[ $# -gt 0 && "$1" != "--" ]]; then
    build="$1"
    shift
fi
[[ "${1:-}" == "--" ]] && shift

if [[ ! -f "$build/CMakeCache.txt" ]]; then
    echo "bench-tags: no configured build in $build (cmake -S $source_dir -B $build first)" >&2
    exit 2
fi
for tool in docker-registry skopeo umoci; do
    command -v "$tool" >/dev/null 2>&1 || [[ -x "/usr/bin/$tool" ]] || {
        echo "bench-tags: $tool is missing (install it: see installer/install-deps.sh)" >&2
        exit 2
    }
done

cmake --build "$build" --target ladingctl lading_bench_tags >&2
exec "$build/tests/bench/lading_bench_tags" "$@"
