#!/usr/bin/env bash
# Diff benchmark: `ladingctl diff` beside the container-diff-style shell pipeline on two
# Debian-based images of ~100 MB that differ by one layer, in a real registry (Debian's
# docker-registry on 127.0.0.1, started here, anonymous, plain HTTP):
#   - the images: a Debian rootfs layer (debootstrap, cached by bench-layers.sh; else a
#     synthetic rootfs) shared by both, and one top layer each, generated here (an "app"
#     tree of ~8 MB; a third of its files differ between the two), built with umoci;
#   - lading: `ladingctl diff A B --plain-http` with empty caches (a fresh XDG_CACHE_HOME per
#     run): resolves both, reads the 3 distinct layers once, compares configs, layers and
#     the merged filesystems (content by SHA-256); goal lading/pipeline <= 0.5;
#   - pipeline: `skopeo copy` of both to `dir:`, `tar -tvzf` of every layer of each into a
#     listing, `diff` of the two listings (what container-diff's file analyser amounts to,
#     with less information: no merged tree, no content hashes);
#   - cached: the same `ladingctl diff` again with the first run's caches: the pair comes
#     from the diff cache (goal < 200 ms, process start included).
# Prints median wall times with the CPU time each used; asserts nothing about time.
#
#   tests/bench/bench-diff.sh [build-dir] [--runs N] [--synthetic]
#
# Build dir: the first argument, else $LADING_BUILD_DIR, else ./build (ladingctl is built
# first). Needs docker-registry, skopeo, umoci, curl, jq, python3. Scratch files (~1 GB) go
# to $LADING_BENCH_TMPDIR, else /var/tmp.
set -euo pipefail

bench=bench-diff
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
unused=0
bench_args --unused unused "$@"
bench_prepare "$registry_bin" skopeo umoci curl jq python3

cmake --build "$build" --target ladingctl >&2
ladingctl="$build/app/cli/ladingctl"

bench_scratch
machine

if [[ $force_synthetic -eq 1 ]] || ! bench_cached_rootfs; then
    [[ $force_synthetic -eq 1 ]] ||
        echo "bench-diff: no $debian (tests/bench/bench-layers.sh makes it); using a synthetic rootfs" >&2
    bench_synthetic_rootfs
fi
echo "rootfs: $rootfs_kind"

bench_registry error
bench_home
export TMPDIR="$scratch/tmp"
mkdir -p "$TMPDIR"

# --- the two images: the shared rootfs layer, and a top layer of each's own ------------------
echo "bench-diff: building the images (once)" >&2
app_layer() { # folder seed: ~8 MB of files under srv/app; seeds 1 and 2 share two thirds
    python3 - "$1" "$2" <<'EOF'
import os, random, sys
root, seed = sys.argv[1], int(sys.argv[2])
for d in range(40):
    folder = os.path.join(root, "srv/app/mod%02d" % d)
    os.makedirs(folder, exist_ok=True)
    for f in range(50):
        # Two files in three are the same in both images; the others differ by seed.
        rnd = random.Random(d * 1000 + f if f % 3 else seed * 100000 + d * 1000 + f)
        data = rnd.randbytes(rnd.randint(1000, 7000))
        with open(os.path.join(folder, "file%02d.bin" % f), "wb") as out:
            out.write(data)
if seed == 2:
    with open(os.path.join(root, "srv/app/NEW"), "w") as out:
        out.write("only in b\n")
EOF
}
tar --numeric-owner -C "$rootfs" -cf "$scratch/rootfs.tar" .
rootfs_mb=$(($(stat -c %s "$scratch/rootfs.tar") / 1048576))
layout="$scratch/layout"
umoci init --layout "$layout"
for side in a b; do
    seed=1
    [[ $side == b ]] && seed=2
    umoci new --image "$layout:$side"
    umoci raw add-layer --image "$layout:$side" "$scratch/rootfs.tar"
    app_layer "$scratch/app-$side" "$seed"
    tar --numeric-owner -C "$scratch/app-$side" -cf "$scratch/app-$side.tar" .
    umoci raw add-layer --image "$layout:$side" "$scratch/app-$side.tar"
    umoci config --image "$layout:$side" --no-history --config.label "side=$side"
    rm -rf "$scratch/app-$side" "$scratch/app-$side.tar"
    skopeo copy --quiet --dest-tls-verify=false "oci:$layout:$side" "docker://$host/bench/diff:$side"
done
rm -f "$scratch/rootfs.tar"
rm -rf "$layout"
size_of() { skopeo inspect --raw --tls-verify=false "docker://$host/bench/diff:$1" | jq '[.config.size] + [.layers[].size] | add'; }
image_mb="$(python3 -c "print('%.0f' % (($(size_of a) + $(size_of b)) / 2 / 1048576))")"
echo "images: bench/diff:a and bench/diff:b, ~$image_mb MB each in the registry (rootfs ${rootfs_mb} MB" \
    "uncompressed, shared; one app layer each)"

# --- the commands -----------------------------------------------------------------------------
cat >"$scratch/pipeline.sh" <<EOF
#!/bin/bash
# container-diff style: both images to dir:, every layer listed with tar -tvzf, the lists diffed.
set -uo pipefail
work="\$(mktemp -d "$scratch/pipeline.XXXXXX")"
for side in a b; do
    HOME="\$work/home" skopeo copy --quiet --src-tls-verify=false "docker://$host/bench/diff:\$side" "dir:\$work/\$side"
    for layer in \$(jq -r '.layers[].digest' "\$work/\$side/manifest.json" | cut -d: -f2); do
        tar -tvzf "\$work/\$side/\$layer"
    done >"\$work/\$side.list"
done
diff "\$work/a.list" "\$work/b.list" >"\$work/diff.txt"
status=\$?
wc -l <"\$work/diff.txt"
rm -rf "\$work"
[[ \$status -le 1 ]]
EOF
chmod +x "$scratch/pipeline.sh"
lading_diff() { # home
    echo "XDG_CACHE_HOME='$1/.cache' XDG_DATA_HOME='$1/.local/share' XDG_CONFIG_HOME='$1/.config'" \
        "'$ladingctl' diff '$host/bench/diff:a' '$host/bench/diff:b' --plain-http > '$1.out'; [[ \$? -le 1 ]]"
}

registry_ticks() { awk '{ s += $14 + $15 } END { print s }' "/proc/$registry_pid/stat"; }
bench_timing
echo "bench-diff: $runs run(s)" >&2
for run in $(seq "$runs"); do
    home="$scratch/home-lading-$run"
    mkdir -p "$home"
    timed lading "$(lading_diff "$home")"
    timed lading-cached "$(lading_diff "$home")"
    timed pipeline "'$scratch/pipeline.sh'"
done

# Both found the difference: Lading's summary, and the pipeline's listing diff.
grep -q '^files: ' "$scratch/home-lading-1.out" ||
    echo "bench-diff: ladingctl printed no file summary" >&2

row() { # label key goal
    printf '%-34s %8sms (%6sms) %s\n' "$1" "$(median "${wall_ms[$2]}")" "$(median "${cpu_ms[$2]}")" "$3"
}
printf '\n%-34s %10s %9s\n' "diff (~$image_mb MB images)" wall "(cpu)"
row "ladingctl diff, empty caches" lading ""
row "skopeo dir: + tar -tvzf + diff" pipeline ""
row "ladingctl diff again (cached)" lading-cached "goal < 200 ms"
echo "ratio lading/pipeline: $(ratio "$(median "${wall_ms[lading]}")" "$(median "${wall_ms[pipeline]}")") (goal <= 0.5)"
cat <<EOF

Lading said (first run):
$(sed -n '1,12p' "$scratch/home-lading-1.out")
The pipeline's listing diff: $(tail -1 "$scratch/logs/pipeline-1.log") lines.
Median of $runs runs, wall time of the whole command, process start included. cpu: user +
system time of all processes of the command. Registry cpu is not counted in either.
EOF
machine
