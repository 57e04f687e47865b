#!/usr/bin/env bash
# Layer benchmark: `ladingctl files` beside the shell against the real registry (Debian's
# docker-registry on 127.0.0.1, started here):
#   - a real Debian rootfs layer (debootstrap --variant=minbase bookworm, cached under
#     /var/tmp; a large synthetic rootfs when debootstrap or the mirror is unavailable) and
#     a ~200 MB (compressed) layer of the host's /usr;
#   - ladingctl files --layer 0 with an empty cache vs `curl -s URL | gzip -dc | tar -t`
#     (goal <= 0.5x) and vs `curl -s URL | igzip -dc | tar -t` (goal <= 1.2x);
#   - reopening the layer from the on-disk layer cache (a second ladingctl run; goal < 100 ms).
# Prints figures and ratios (median of the runs), and the CPU time each command used;
# asserts nothing about time.
#
#   tests/bench/bench-layers.sh [build-dir] [--runs N] [--big-mb M] [--synthetic]
#
# Build dir: the first argument, else $LADING_BUILD_DIR, else ./build (ladingctl is built
# first). Needs docker-registry, skopeo, umoci, curl, igzip (package isal), and for the
# Debian rootfs debootstrap and root. Scratch files go to $LADING_BENCH_TMPDIR, else /var/tmp.
set -euo pipefail

bench=bench-layers
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
big_mb=200
bench_args --big-mb big_mb "$@"
bench_prepare "$registry_bin" skopeo umoci curl igzip gzip tar jq

cmake --build "$build" --target ladingctl >&2
ladingctl="$build/app/cli/ladingctl"

bench_scratch
machine

# --- the Debian rootfs: debootstrap once, kept under /var/tmp --------------------------------
rootfs_kind=""
rootfs=""
if [[ $force_synthetic -eq 0 ]] && ! bench_cached_rootfs; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "bench-layers: debootstrap needs root; using a synthetic rootfs" >&2
    elif ! command -v debootstrap >/dev/null 2>&1 && [[ ! -x /usr/sbin/debootstrap ]]; then
        echo "bench-layers: debootstrap is not installed; using a synthetic rootfs" >&2
    else
        echo "bench-layers: debootstrap --variant=minbase bookworm (once; cached in $debian)" >&2
        rm -rf "$debian.tmp"
        mkdir -p "$debian.tmp"
        if PATH="$PATH:/usr/sbin:/sbin" debootstrap --variant=minbase bookworm "$debian.tmp/rootfs" \
            http://deb.debian.org/debian >"$scratch/debootstrap.log" 2>&1; then
            # As Debian's official base images: no downloaded packages, no apt lists.
            rm -rf "$debian.tmp/rootfs/var/cache/apt/archives/"*.deb "$debian.tmp/rootfs/var/lib/apt/lists/"*
            rm -rf "$debian"
            mv "$debian.tmp" "$debian"
            touch "$debian/.lading-complete"
            rootfs="$debian/rootfs"
            rootfs_kind="Debian bookworm minbase (debootstrap, now cached in $debian)"
        else
            echo "bench-layers: debootstrap failed (mirror unreachable?): $(tail -1 "$scratch/debootstrap.log")" >&2
            echo "bench-layers: using a synthetic rootfs" >&2
            rm -rf "$debian.tmp"
        fi
    fi
fi
if [[ -z "$rootfs" ]]; then
    bench_synthetic_rootfs
fi
echo "rootfs: $rootfs_kind"

# --- the two layers as images in an OCI layout (umoci compresses each tar as it adds it) ----
layout="$scratch/layout"
umoci init --layout "$layout"
umoci new --image "$layout:debian"
tar --numeric-owner -C "$rootfs" -cf "$scratch/debian.tar" .
umoci raw add-layer --image "$layout:debian" "$scratch/debian.tar"
rm -f "$scratch/debian.tar"

# The big layer: the host's /usr, in its own order, until the gzip'ed tar is ~big_mb.
big_tar="$scratch/big.tar"
(cd / && find usr -xdev -type f -size -64M 2>/dev/null | head -200000 >"$scratch/big.list")
tar --numeric-owner -C / -cf - -T "$scratch/big.list" 2>/dev/null \
    | head -c $((big_mb * 1024 * 1024 * 5 / 2)) >"$big_tar" || true
# Cut at a whole number of tar blocks and end the archive properly.
python3 - "$big_tar" <<'EOF'
import sys, tarfile
path = sys.argv[1]
members = []
with open(path, "rb") as f:
    data = f.read()
# walk the headers to the last complete member
pos = 0
end = 0
while pos + 512 <= len(data):
    header = data[pos:pos + 512]
    if header == b"\0" * 512:
        break
    try:
        size = int(header[124:136].strip(b"\0 ") or b"0", 8)
    except ValueError:
        break
    nxt = pos + 512 + (size + 511) // 512 * 512
    if nxt > len(data):
        break
    end = nxt
    pos = nxt
with open(path, "wb") as f:
    f.write(data[:end] + b"\0" * 1024)
EOF
umoci new --image "$layout:big"
umoci raw add-layer --image "$layout:big" "$big_tar"
rm -f "$big_tar"

# --- the registry ---------------------------------------------------------------------------
bench_registry error
bench_home
for name in debian big; do
    skopeo copy --quiet --dest-tls-verify=false "oci:$layout:$name" "docker://$host/bench/$name:1"
done

# --- timing ---------------------------------------------------------------------------------
# median_ms "command": runs it $runs times (setup before each run through $before), prints
# the median wall time and the median CPU time (user + system of every process of the
# command) in milliseconds.
before=":"
median_ms() {
    local times=() cpus=()
    for _ in $(seq "$runs"); do
        eval "$before"
        local measured wall user sys
        measured="$( { TIMEFORMAT='%R %U %S'; time bash -c "$1" >/dev/null; } 2>&1 | tail -1)"
        read -r wall user sys <<<"$measured"
        times+=("$(python3 -c "print(round($wall * 1000))")")
        cpus+=("$(python3 -c "print(round(($user + $sys) * 1000))")")
    done
    echo "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")" \
        "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")"
}
ratio() { python3 -c "print('%.2f' % ($1 / $2 if $2 else float('nan')))"; }

printf '\n%-8s %9s %9s %8s | %9s %9s %9s %6s %6s | %9s %9s | %s\n' layer compressed tar entries \
    gzip-tar igzip-tar ladingctl "/gzip" "/igzip" reopen no-cache "cpu: gzip-tar igzip-tar ladingctl reopen"
for name in debian big; do
    manifest="$(curl -s -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
        "http://$host/v2/bench/$name/manifests/1")"
    digest="$(jq -r '.layers[0].digest' <<<"$manifest")"
    size="$(jq -r '.layers[0].size' <<<"$manifest")"
    url="http://$host/v2/bench/$name/blobs/$digest"
    tar_bytes="$(curl -s "$url" | gzip -dc | wc -c)"
    entries="$(curl -s "$url" | gzip -dc | tar -t | wc -l)"
    ref="$host/bench/$name:1"
    cache="$scratch/cache-$name"

    before=":"
    read -r t_gzip c_gzip <<<"$(median_ms "curl -s '$url' | gzip -dc | tar -t")"
    read -r t_igzip c_igzip <<<"$(median_ms "curl -s '$url' | igzip -dc | tar -t")"
    # An empty layer cache every run: the blob comes from the registry.
    before="rm -rf '$cache'"
    read -r t_lading c_lading <<<"$(median_ms "XDG_CACHE_HOME='$cache' '$ladingctl' files '$ref' --layer 0 --plain-http")"
    read -r t_nocache _ <<<"$(median_ms "XDG_CACHE_HOME='$cache' '$ladingctl' files '$ref' --layer 0 --plain-http --no-cache")"
    # Reopen: the blob is in the on-disk cache from the run before.
    before=":"
    XDG_CACHE_HOME="$cache" "$ladingctl" files "$ref" --layer 0 --plain-http >/dev/null
    read -r t_reopen c_reopen <<<"$(median_ms "XDG_CACHE_HOME='$cache' '$ladingctl' files '$ref' --layer 0 --plain-http")"
    lines="$(XDG_CACHE_HOME="$cache" "$ladingctl" files "$ref" --layer 0 --plain-http | wc -l)"
    [[ "$lines" == "$entries" ]] || echo "bench-layers: $name: ladingctl listed $lines entries, tar $entries" >&2

    printf '%-8s %8sM %8sM %8s | %7sms %7sms %7sms %6s %6s | %7sms %7sms | %sms %sms %sms %sms\n' "$name" \
        "$((size / 1048576))" "$((tar_bytes / 1048576))" "$entries" "$t_gzip" "$t_igzip" "$t_lading" \
        "$(ratio "$t_lading" "$t_gzip")" "$(ratio "$t_lading" "$t_igzip")" "$t_reopen" "$t_nocache" \
        "$c_gzip" "$c_igzip" "$c_lading" "$c_reopen"
done
cat <<EOF

rootfs: $rootfs_kind; median of $runs runs, wall time of the whole command.
ladingctl = files --layer 0 with an empty layer cache (resolves the tag, streams the blob,
verifies its digest, indexes every entry with SHA-256 of each file, prints every line).
Goals: ladingctl/gzip <= 0.5, ladingctl/igzip <= 1.2; reopen (a new process, blob from the
on-disk cache, index read back) < 100 ms. no-cache: --no-cache (blob in a scratch folder).
cpu: median user + system time of all processes of the command (the registry's not
included): on a machine with few cores that the registry and other work share, the wall
times follow the CPU work more than the pipeline's shape.
The GUI's longest stall is not measured here (ladingctl has no GUI thread to stall).
EOF
machine
