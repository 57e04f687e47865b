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

bench=bench-tags
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if bench_build_dir "${1:-}"; then
    shift
fi
[[ "${1:-}" == "--" ]] && shift
bench_prepare docker-registry skopeo umoci

cmake --build "$build" --target ladingctl lading_bench_tags >&2
exec "$build/tests/bench/lading_bench_tags" "$@"
