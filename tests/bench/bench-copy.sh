#!/usr/bin/env bash
# Copy benchmark: Lading's CopyJob beside `skopeo copy docker://… docker://…`, on one ~500 MB
# image (a Debian rootfs layer — debootstrap, cached by bench-layers.sh; else a synthetic
# rootfs — plus a layer of random data), between two real registries (Debian's
# docker-registry on 127.0.0.1, started here, anonymous, plain HTTP):
#   - into another repository of the same registry: Lading mounts every blob; goal
#     lading/skopeo <= 0.3;
#   - into the other registry: both stream every blob registry to registry; goal <= 1.0.
# Lading runs as `ladingctl copy --plain-http --no-cache` (ops::CopyJob); skopeo with its
# blob-info cache hidden (as bench-push.sh: a tmpfs over
# /var/lib/containers/cache in a mount namespace as root, a fresh HOME otherwise), so it
# knows no other repository holding the blobs. Every copy goes into a fresh repository; the
# runs alternate the four copies so that a change of load hits all of them.
# Beside them, the raw limits in the same run: curl GET of the image's largest blob to
# /dev/null, and the same GET piped into one monolithic upload (PUT) into the other registry.
# Prints median wall times with the CPU time each command used (and the registries');
# asserts nothing about time.
#
#   tests/bench/bench-copy.sh [build-dir] [--runs N] [--size-mb M] [--synthetic]
#
# Build dir: the first argument, else $LADING_BUILD_DIR, else ./build (ladingctl is built
# first). --size-mb: the image's size in the registry (default 500: the gzip'ed rootfs
# layer, and a random layer making up the rest). Needs docker-registry, skopeo, umoci, curl, jq, python3.
# Scratch files (~2 GB at 500 MB) go to $LADING_BENCH_TMPDIR, else /var/tmp.
set -euo pipefail

bench=bench-copy
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
size_mb=500
bench_args --size-mb size_mb "$@"
bench_prepare "$registry_bin" skopeo umoci curl jq python3

cmake --build "$build" --target ladingctl >&2
ladingctl="$build/app/cli/ladingctl"

bench_scratch
machine

# --- the rootfs: bench-layers.sh's debootstrap cache, else a synthetic one -------------------
if [[ $force_synthetic -eq 1 ]] || ! bench_cached_rootfs; then
    [[ $force_synthetic -eq 1 ]] ||
        echo "bench-copy: no $debian (tests/bench/bench-layers.sh makes it); using a synthetic rootfs" >&2
    bench_synthetic_rootfs
fi
echo "rootfs: $rootfs_kind"

# --- two registries: the source (and same-registry target), and the other one ----------------
# Level info logs every request: mounts and uploads are counted from it.
bench_registry info
src_host="$host" src_pid="$registry_pid" src_log="$scratch/registry.log"
main_scratch="$scratch"
scratch="$main_scratch/second" # bench_registry's files for the second one go there
mkdir -p "$scratch"
bench_registry info
dst_host="$host" dst_pid="$registry_pid" dst_log="$scratch/registry.log"
scratch="$main_scratch"

# --- the image: an OCI layout (umoci gzips each layer), pushed once to bench/src:1 ----------
echo "bench-copy: building the image (once)" >&2
bench_home
export TMPDIR="$scratch/tmp"
mkdir -p "$TMPDIR"
layout="$scratch/layout"
umoci init --layout "$layout"
umoci new --image "$layout:bench"
tar --numeric-owner -C "$rootfs" -cf "$scratch/rootfs.tar" .
rootfs_mb=$(($(stat -c %s "$scratch/rootfs.tar") / 1048576))
umoci raw add-layer --image "$layout:bench" "$scratch/rootfs.tar"
rm -f "$scratch/rootfs.tar"
# What the gzip'ed rootfs layer weighs in the registry; random data (incompressible) makes up
# the rest of --size-mb.
layout_manifest="$(jq -r '.manifests[0].digest' "$layout/index.json" | cut -d: -f2)"
rootfs_gz_mb=$(($(jq '.layers[0].size' "$layout/blobs/sha256/$layout_manifest") / 1048576))
random_mb=$((size_mb - rootfs_gz_mb))
((random_mb >= 16)) || random_mb=16
mkdir -p "$scratch/random/data"
left=$random_mb
part=0
while ((left > 0)); do
    chunk=$((left < 64 ? left : 64))
    head -c "$((chunk * 1048576))" /dev/urandom >"$scratch/random/data/part$part"
    left=$((left - chunk))
    part=$((part + 1))
done
tar --numeric-owner -C "$scratch/random" -cf "$scratch/random.tar" .
rm -rf "$scratch/random"
umoci raw add-layer --image "$layout:bench" "$scratch/random.tar"
rm -f "$scratch/random.tar"
skopeo copy --quiet --dest-tls-verify=false "oci:$layout:bench" "docker://$src_host/bench/src:1"
rm -rf "$layout"
manifest="$(skopeo inspect --raw --tls-verify=false "docker://$src_host/bench/src:1")"
image_bytes="$(jq '[.config.size] + [.layers[].size] | add' <<<"$manifest")"
image_mb="$(python3 -c "print('%.0f' % ($image_bytes / 1048576))")"
layer_count="$(jq '.layers | length' <<<"$manifest")"
big_digest="$(jq -r '.layers | max_by(.size) | .digest' <<<"$manifest")"
big_size="$(jq -r '.layers | max_by(.size) | .size' <<<"$manifest")"
echo "image: bench/src:1, $image_mb MB in $layer_count gzip'ed layers and a config" \
    "(rootfs ${rootfs_mb} MB, ${rootfs_gz_mb} MB gzip'ed; random ${random_mb} MB)"

bench_hide_skopeo_cache
skopeo_copy() { # target-host repository-name
    bench_skopeo "$2" "--src-tls-verify=false --dest-tls-verify=false 'docker://$src_host/bench/src:1' 'docker://$1/bench/$2:1'"
}
lading_copy() { # target-host repository-name
    bench_ladingctl "$2" "copy '$src_host/bench/src:1' '$1/bench/$2:1' --plain-http --no-cache"
}
# The raw limits: the largest blob read whole, and read into one upload to the other registry.
cat >"$scratch/curl-stream.sh" <<EOF
#!/bin/bash
set -euo pipefail
location="\$(curl -sS -f -X POST -D - -o /dev/null "http://$dst_host/v2/bench/\$1/blobs/uploads/" \\
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
[[ "\$location" == http* ]] || location="http://$dst_host\$location"
[[ "\$location" == *\\?* ]] && sep='&' || sep='?'
curl -sS -f "http://$src_host/v2/bench/src/blobs/$big_digest" |
    curl -sS -f -H 'Expect:' -H 'Content-Length: $big_size' -H 'Content-Type: application/octet-stream' \\
        -X PUT --data-binary @- -o /dev/null "\$location\${sep}digest=$big_digest"
EOF
chmod +x "$scratch/curl-stream.sh"

# --- timing (common.sh: timed, median, ratio) -------------------------------------------------
registry_ticks() { awk '{ s += $14 + $15 } END { print s }' "/proc/$src_pid/stat" "/proc/$dst_pid/stat"; }
bench_timing
mbps() { python3 -c "print('%.0f' % ($1 / 1048576 / ($2 / 1000)) if $2 else 'nan')"; }

echo "bench-copy: $runs run(s) of 4 copies and 2 raw limits" >&2
src_offset=$(stat -c %s "$src_log")
dst_offset=$(stat -c %s "$dst_log")
for run in $(seq "$runs"); do
    timed lading-same "$(lading_copy "$src_host" "lading-same-$run")"
    timed skopeo-same "$(skopeo_copy "$src_host" "skopeo-same-$run")"
    timed lading-cross "$(lading_copy "$dst_host" "lading-cross-$run")"
    timed skopeo-cross "$(skopeo_copy "$dst_host" "skopeo-cross-$run")"
    timed curl-get "curl -sS -f -o /dev/null 'http://$src_host/v2/bench/src/blobs/$big_digest'"
    timed curl-stream "'$scratch/curl-stream.sh' curl-$run"
    rm -rf "$scratch/tmp/"* "$scratch/home-"*
done

# Every copy landed whole: skopeo reads each back byte for byte (the manifest digest) ...
for key in lading-same skopeo-same lading-cross skopeo-cross; do
    target="$src_host"
    [[ "$key" == *cross ]] && target="$dst_host"
    copied="$(skopeo inspect --raw --tls-verify=false "docker://$target/bench/$key-1:1")"
    [[ "$copied" == "$manifest" ]] || echo "bench-copy: bench/$key-1:1 is not the source's manifest" >&2
done
# ... and the registries' access logs say what moved: blob uploads finished (PUT 201) and
# mounts that worked (POST ?mount= 201), per tool and target.
count() { # log offset repository-prefix what
    local pattern
    if [[ "$4" == mounts ]]; then
        pattern="\"POST /v2/bench/$3-[0-9]*/blobs/uploads/?[^ ]*mount=[^ ]* HTTP/[0-9.]*\" 201 "
    else
        pattern="\"PUT /v2/bench/$3-[0-9]*/blobs/uploads/[^ ]* HTTP/[0-9.]*\" 201 "
    fi
    tail -c +"$(($2 + 1))" "$1" | grep -c "$pattern" || true
}
moved() { # log offset prefix
    echo "$(count "$1" "$2" "$3" uploads) uploads, $(count "$1" "$2" "$3" mounts) mounts"
}
lading_same_moved="$(moved "$src_log" "$src_offset" lading-same)"
skopeo_same_moved="$(moved "$src_log" "$src_offset" skopeo-same)"
lading_cross_moved="$(moved "$dst_log" "$dst_offset" lading-cross)"
skopeo_cross_moved="$(moved "$dst_log" "$dst_offset" skopeo-cross)"
[[ "$(count "$src_log" "$src_offset" lading-same uploads)" == 0 ]] ||
    echo "bench-copy: Lading uploaded blobs within the registry instead of mounting them" >&2

row() { # label key-lading key-skopeo goal
    local tl cl rl ts cs rs
    tl="$(median "${wall_ms[$2]}")"; cl="$(median "${cpu_ms[$2]}")"; rl="$(median "${reg_ms[$2]}")"
    ts="$(median "${wall_ms[$3]}")"; cs="$(median "${cpu_ms[$3]}")"; rs="$(median "${reg_ms[$3]}")"
    printf '%-15s | %8sms (%6sms) %8sms (%6sms) | %5s %6s | %7sms %7sms\n' "$1" \
        "$tl" "$cl" "$ts" "$cs" "$(ratio "$tl" "$ts")" "$4" "$rl" "$rs"
}
printf '\n%-15s | %22s %22s | %5s %6s | %s\n' "copy ($image_mb MB)" "lading (cpu)" "skopeo (cpu)" \
    ratio goal "registries' cpu: lading skopeo"
row "same registry" lading-same skopeo-same "<=0.3"
row "two registries" lading-cross skopeo-cross "<=1.0"

printf '\n%-52s %8s %8s %8s\n' "raw limits (same run; largest blob, $((big_size / 1048576)) MB)" wall MB/s cpu
limit() { # label key
    local t c
    t="$(median "${wall_ms[$2]}")"; c="$(median "${cpu_ms[$2]}")"
    printf '%-52s %6sms %8s %6sms\n' "$1" "$t" "$(mbps "$big_size" "$t")" "$c"
}
limit "curl GET -> /dev/null" curl-get
limit "curl GET | curl PUT -> other registry (1 upload)" curl-stream
cat <<EOF

What moved (access logs, all runs): same registry — lading: $lading_same_moved;
skopeo: $skopeo_same_moved. Two registries — lading: $lading_cross_moved; skopeo:
$skopeo_cross_moved.
Median of $runs runs (the four copies alternate within each run), wall time of the whole
command, process start included; each copy into a fresh repository (bench/<tool>-<kind>-<run>).
Lading: ladingctl copy --plain-http --no-cache (ops::CopyJob, 3 blobs at once); it said:
$(tail -2 "$scratch/logs/lading-cross-1.log")
skopeo copy --src-tls-verify=false --dest-tls-verify=false, its blob-info cache hidden:
$skopeo_cache_note.
cpu: median user + system time of all processes of the command; registries' cpu: both
registries' (same cores) meanwhile. MB/s: the blob's size over the wall time.
EOF
machine
