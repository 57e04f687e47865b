#!/usr/bin/env bash
# Push benchmark: `ladingctl push` beside `skopeo copy … docker://…` into the real registry
# (Debian's docker-registry on 127.0.0.1, started here), on one ~500 MB image (a Debian
# rootfs layer — debootstrap, cached by bench-layers.sh; else a synthetic rootfs — plus a
# layer of random data) in two files built here:
#   - an oci-archive (gzip'ed layers, sent as they are; skopeo unpacks the archive to disk
#     first): goal ladingctl/skopeo <= 0.5;
#   - a legacy docker-save tar with uncompressed layers (skopeo's docker-archive: both tools
#     gzip every layer before sending it): goal <= 0.3.
# Every push goes into a fresh repository; ladingctl with --no-cache (its blob memory could
# turn uploads into mounts), skopeo with its blob-info cache hidden (a tmpfs over
# /var/lib/containers/cache in a mount namespace as root, a fresh HOME otherwise). The runs
# alternate the four pushes so that a change of load hits all of them.
# Beside them, the raw limits in the same run: openssl dgst -sha256 of the oci-archive,
# igzip -1 of the docker-save tar, and curl -T of the oci-archive to a loopback sink and
# into the registry (one monolithic blob upload).
# Prints median wall times with the CPU time each command used (and the registry's);
# asserts nothing about time.
#
#   tests/bench/bench-push.sh [build-dir] [--runs N] [--size-mb M] [--synthetic]
#
# Build dir: the first argument, else $LADING_BUILD_DIR, else ./build (ladingctl is built
# first). --size-mb: the image's uncompressed size (default 500; the random layer makes up
# what the rootfs does not). Needs docker-registry, skopeo, umoci, curl, igzip (package
# isal), openssl, python3. Scratch files (~3 GB at 500 MB) go to $LADING_BENCH_TMPDIR, else
# /var/tmp.
set -euo pipefail

bench=bench-push
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
size_mb=500
bench_args --size-mb size_mb "$@"
bench_prepare "$registry_bin" skopeo umoci curl igzip openssl tar jq python3 file

cmake --build "$build" --target ladingctl >&2
ladingctl="$build/app/cli/ladingctl"

bench_scratch
machine

# --- the rootfs: bench-layers.sh's debootstrap cache, else a synthetic one -------------------
if [[ $force_synthetic -eq 1 ]] || ! bench_cached_rootfs; then
    [[ $force_synthetic -eq 1 ]] ||
        echo "bench-push: no $debian (tests/bench/bench-layers.sh makes it); using a synthetic rootfs" >&2
    bench_synthetic_rootfs
fi
echo "rootfs: $rootfs_kind"

# --- the image: an OCI layout (umoci gzips each layer), then the two files from it ----------
echo "bench-push: building the image (once)" >&2
layout="$scratch/layout"
umoci init --layout "$layout"
umoci new --image "$layout:bench"
tar --numeric-owner -C "$rootfs" -cf "$scratch/rootfs.tar" .
rootfs_mb=$(($(stat -c %s "$scratch/rootfs.tar") / 1048576))
umoci raw add-layer --image "$layout:bench" "$scratch/rootfs.tar"
rm -f "$scratch/rootfs.tar"
# Random data: incompressible, so gzip costs its full price and the size stays put.
random_mb=$((size_mb - rootfs_mb))
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

bench_home
export TMPDIR="$scratch/tmp" # skopeo unpacks an oci-archive there
mkdir -p "$TMPDIR"
oci_archive="$scratch/image-oci.tar"
docker_save="$scratch/image-docker-save.tar"
skopeo copy --quiet "oci:$layout:bench" "oci-archive:$oci_archive:bench"
skopeo copy --quiet "oci:$layout:bench" "docker-archive:$docker_save:bench/push:1"
rm -rf "$layout"

# The docker-save tar must hold plain tar layers (skopeo decompresses them): check it.
mkdir -p "$scratch/check"
tar -C "$scratch/check" -xf "$docker_save" manifest.json
layer_kinds=""
while read -r layer; do
    # (head ends tar early: its SIGPIPE is no failure here)
    kind="$(set +o pipefail; tar -xOf "$docker_save" "$layer" | head -c 65536 | file -b - | cut -d, -f1)"
    layer_kinds+="${layer_kinds:+; }$layer: $kind"
    [[ "$kind" == *tar* ]] || echo "bench-push: $layer in the docker-save tar is not a plain tar ($kind)" >&2
done < <(jq -r '.[0].Layers[]' "$scratch/check/manifest.json")
rm -rf "$scratch/check"
echo "docker-save layers: $layer_kinds"
mb() { python3 -c "print('%.0f' % ($(stat -c %s "$1") / 1048576))"; }
echo "files: oci-archive $(mb "$oci_archive") MB (rootfs ${rootfs_mb} MB + random ${random_mb} MB, gzip'ed)," \
    "docker-save $(mb "$docker_save") MB (uncompressed layers)"

# --- the registry and a loopback sink -------------------------------------------------------
# Level info logs every request: the mounts are counted from it (there must be none).
bench_registry info

# A PUT sink: reads each body in 1 MiB pieces and drops it (the upload's ceiling without a
# registry behind it).
sink_port="$(free_port)"
python3 - "$sink_port" >"$scratch/sink.log" 2>&1 <<'EOF' &
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_PUT(self):
        left = int(self.headers.get("Content-Length", "0"))
        while left > 0:
            piece = self.rfile.read(min(left, 1 << 20))
            if not piece:
                break
            left -= len(piece)
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
EOF
bench_server $!
for _ in $(seq 100); do
    curl -s -o /dev/null -T /dev/null "http://127.0.0.1:$sink_port/" && break
    sleep 0.05
done

# One monolithic blob upload with curl: POST for a session, then PUT the file to it.
oci_digest="sha256:$(openssl dgst -sha256 -r "$oci_archive" | cut -d' ' -f1)"
cat >"$scratch/curl-upload.sh" <<EOF
#!/bin/bash
set -euo pipefail
location="\$(curl -sS -f -X POST -D - -o /dev/null "http://$host/v2/bench/\$1/blobs/uploads/" \\
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
[[ "\$location" == http* ]] || location="http://$host\$location"
[[ "\$location" == *\\?* ]] && sep='&' || sep='?'
curl -sS -f -H 'Expect:' -T "$oci_archive" -o /dev/null "\$location\${sep}digest=$oci_digest"
EOF
chmod +x "$scratch/curl-upload.sh"

bench_hide_skopeo_cache
skopeo_push() { # source repository-name
    bench_skopeo "$2" "--dest-tls-verify=false '$1' 'docker://$host/bench/$2:1'"
}
lading_push() { # file repository-name
    bench_ladingctl "$2" "push '$1' '$host/bench/$2:1' --plain-http --no-cache"
}

# --- timing (common.sh: timed, median, ratio) -------------------------------------------------
registry_ticks() { awk '{ print $14 + $15 }' "/proc/$registry_pid/stat"; }
bench_timing
mbps() { python3 -c "print('%.0f' % ($(stat -c %s "$1") / 1048576 / ($2 / 1000)) if $2 else 'nan')"; }

echo "bench-push: $runs run(s) of 4 pushes and 4 raw limits" >&2
for run in $(seq "$runs"); do
    timed lading-oci "$(lading_push "$oci_archive" "lading-oci-$run")"
    timed skopeo-oci "$(skopeo_push "oci-archive:$oci_archive" "skopeo-oci-$run")"
    timed lading-save "$(lading_push "$docker_save" "lading-save-$run")"
    timed skopeo-save "$(skopeo_push "docker-archive:$docker_save" "skopeo-save-$run")"
    timed sha256 "openssl dgst -sha256 '$oci_archive'"
    timed igzip "igzip -1 -c '$docker_save' >/dev/null"
    timed curl-sink "curl -sS -f -H 'Expect:' -T '$oci_archive' -o /dev/null 'http://127.0.0.1:$sink_port/upload'"
    timed curl-registry "'$scratch/curl-upload.sh' curl-$run"
    rm -rf "$scratch/tmp/"* "$scratch/home-"*
done

# Every push landed whole: skopeo reads each image back (its layer count), and none of them
# was a mount.
for key in lading-oci skopeo-oci lading-save skopeo-save; do
    layers="$(skopeo inspect --tls-verify=false "docker://$host/bench/$key-1:1" | jq '.Layers | length')"
    [[ "$layers" == 2 ]] || echo "bench-push: bench/$key-1:1 has $layers layers, not 2" >&2
done
# (the registry's access log: a mount that worked answers 201, one that did not 202)
mounts="$(grep -c '"POST /v2/[^ ]*/blobs/uploads/?[^ ]*mount=[^ ]* HTTP/[0-9.]*" 201 ' "$scratch/registry.log" || true)"
puts="$(grep -c '"PUT /v2/[^ ]*/blobs/uploads/[^ ]* HTTP/[0-9.]*" 201 ' "$scratch/registry.log" || true)"
[[ "$mounts" == 0 ]] || echo "bench-push: the registry mounted $mounts blobs: those uploads were skipped" >&2
[[ "$puts" -gt 0 ]] || echo "bench-push: no finished uploads in the registry's log: the mount count means nothing" >&2

row() { # label key-lading key-skopeo goal file
    local tl cl rl ts cs rs
    tl="$(median "${wall_ms[$2]}")"; cl="$(median "${cpu_ms[$2]}")"; rl="$(median "${reg_ms[$2]}")"
    ts="$(median "${wall_ms[$3]}")"; cs="$(median "${cpu_ms[$3]}")"; rs="$(median "${reg_ms[$3]}")"
    printf '%-12s %6sM | %8sms (%6sms) %8sms (%6sms) | %5s %6s | %7sms %7sms\n' "$1" \
        "$(mb "$5")" "$tl" "$cl" "$ts" "$cs" "$(ratio "$tl" "$ts")" "$4" "$rl" "$rs"
}
printf '\n%-12s %7s | %22s %22s | %5s %6s | %s\n' input file "ladingctl (cpu)" "skopeo (cpu)" \
    ratio goal "registry cpu: ladingctl skopeo"
row oci-archive lading-oci skopeo-oci "<=0.5" "$oci_archive"
row docker-save lading-save skopeo-save "<=0.3" "$docker_save"

printf '\n%-44s %8s %8s %8s\n' "raw limits (same run)" wall MB/s cpu
limit() { # label key file
    local t c
    t="$(median "${wall_ms[$2]}")"; c="$(median "${cpu_ms[$2]}")"
    printf '%-44s %6sms %8s %6sms\n' "$1" "$t" "$(mbps "$3" "$t")" "$c"
}
limit "openssl dgst -sha256 oci-archive" sha256 "$oci_archive"
limit "igzip -1 -c docker-save >/dev/null" igzip "$docker_save"
limit "curl -T oci-archive -> loopback sink" curl-sink "$oci_archive"
limit "curl -T oci-archive -> registry (1 PUT)" curl-registry "$oci_archive"
cat <<EOF

rootfs: $rootfs_kind; random layer ${random_mb} MB. Median of $runs runs (the four pushes
alternate within each run), wall time of the whole command, process start included; each
push into a fresh repository (bench/<tool>-<input>-<run>). ladingctl push --no-cache;
skopeo copy --dest-tls-verify=false with its blob-info cache hidden: $skopeo_cache_note.
Blob uploads the registry finished: $puts; blobs it mounted instead: $mounts.
oci-archive: gzip'ed layers sent as they are (skopeo unpacks the archive under \$TMPDIR
first); docker-save: skopeo's docker-archive, plain tar layers that both tools gzip (skopeo
with Go's gzip, ladingctl with igzip) and hash before or while sending.
cpu: median user + system time of all processes of the command; registry cpu: the
registry's (same cores) meanwhile. MB/s: the file's size over the wall time.
EOF
machine
