# Sourced by the bench scripts, never run: what they all do before and around timing —
# their arguments, the build, the tools they need, a scratch folder removed on exit, the
# rootfs of the image, the registry. The script sets $bench (its name, the prefix of its
# messages) before sourcing this, and calls the functions it needs.

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
registry_bin="$(command -v docker-registry || echo /usr/bin/docker-registry)"
# bench-layers.sh's debootstrap'ed rootfs, kept across runs (slow to make, needs the mirror).
debian=/var/tmp/lading-bench/bookworm-minbase

# bench_build_dir ARG: ARG is the build dir unless it is an option (returns 1 then); else
# $LADING_BUILD_DIR, else ./build of the source tree.
bench_build_dir() {
    build="${LADING_BUILD_DIR:-$source_dir/build}"
    [[ -n "$1" && "$1" != --* ]] || return 1
    build="$1"
}

# bench_args OPTION VARIABLE [build-dir] [--runs N] [--synthetic] [OPTION N]: sets build,
# runs (default 3), force_synthetic (0 or 1) and VARIABLE (the script's own number option,
# its default set before).
bench_args() {
    local option="$1" variable="$2"
    shift 2
    if bench_build_dir "${1:-}"; then
        shift
    fi
    runs=3
    force_synthetic=0
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --runs) runs="$2"; shift 2 ;;
            "$option") printf -v "$variable" '%s' "$2"; shift 2 ;;
            --synthetic) force_synthetic=1; shift ;;
            *) echo "$bench: unknown option $1" >&2; exit 2 ;;
        esac
    done
}

# bench_prepare TOOL...: ends the script (status 2) without a configured $build or a TOOL.
bench_prepare() {
    if [[ ! -f "$build/CMakeCache.txt" ]]; then
        echo "$bench: no configured build in $build (cmake -S $source_dir -B $build first)" >&2
        exit 2
    fi
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || [[ -x "/usr/bin/$tool" ]] || {
            echo "$bench: $tool is missing (install it: see installer/install-deps.sh)" >&2
            exit 2
        }
    done
}

# bench_scratch: $scratch, a fresh folder under $LADING_BENCH_TMPDIR (else /var/tmp) that the
# exit removes, after it has stopped the servers named by bench_server.
bench_pids=()
bench_scratch() {
    scratch="$(mktemp -d "${LADING_BENCH_TMPDIR:-/var/tmp}/lading-$bench.XXXXXX")"
    trap bench_cleanup EXIT
}
bench_server() { bench_pids+=("$1"); }
bench_cleanup() {
    # Under set -e a failing `wait` (a killed server's status) would end the trap before the
    # scratch folder (GBs) is removed.
    local pid
    for pid in "${bench_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$scratch"
}

machine() {
    echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# bench_cached_rootfs: the debootstrap'ed Debian rootfs when it is there (sets rootfs and
# rootfs_kind; returns 1 when it is not).
bench_cached_rootfs() {
    [[ -f "$debian/.lading-complete" ]] || return 1
    rootfs="$debian/rootfs"
    rootfs_kind="Debian bookworm minbase (debootstrap, cached in $debian)"
}

# bench_synthetic_rootfs: a rootfs in $scratch/synthetic for when there is no Debian one
# (sets rootfs and rootfs_kind).
bench_synthetic_rootfs() {
    # ~30,000 entries, ~150 MB: text and binary files of many sizes in a deep tree.
    rootfs="$scratch/synthetic"
    rootfs_kind="synthetic (30,000 entries, no debootstrap)"
    python3 - "$rootfs" <<'EOF'
import os, random, sys
root = sys.argv[1]
rnd = random.Random(4)
words = [("w%d" % i).encode() for i in range(2000)]
for d in range(300):
    folder = os.path.join(root, "usr/share/pkg%03d/sub%d" % (d, d % 7))
    os.makedirs(folder, exist_ok=True)
    for f in range(95):
        size = int(rnd.paretovariate(1.2) * 600)
        if f % 3 == 0:
            data = bytes(rnd.getrandbits(8) for _ in range(min(size, 20000)))
        else:
            data = b" ".join(rnd.choice(words) for _ in range(size // 5))
        with open(os.path.join(folder, "file%03d" % f), "wb") as out:
            out.write(data)
EOF
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# bench_registry LOG-LEVEL: starts docker-registry on a free loopback port with its storage
# and log ($scratch/registry.log) in $scratch and waits until it answers; sets port, host and
# registry_pid.
bench_registry() {
    port="$(free_port)"
    host="127.0.0.1:$port"
    mkdir -p "$scratch/storage"
    cat >"$scratch/registry.yml" <<EOF
version: 0.1
log:
  level: $1
storage:
  filesystem:
    rootdirectory: $scratch/storage
http:
  addr: $host
health:
  storagedriver:
    enabled: false
EOF
    "$registry_bin" serve "$scratch/registry.yml" >"$scratch/registry.log" 2>&1 &
    registry_pid=$!
    bench_server "$registry_pid"
    for _ in $(seq 100); do
        curl -sf "http://$host/v2/" >/dev/null && break
        sleep 0.05
    done
}

# bench_home: a scratch HOME, so that no credentials or settings of the user's take part.
bench_home() {
    export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" DOCKER_CONFIG="$scratch/home/.docker"
    mkdir -p "$HOME"
}

# bench_hide_skopeo_cache: skopeo without its blob-info cache, so that it cannot turn uploads
# into mounts: as root a tmpfs over it in a private mount namespace; otherwise it lives under
# $XDG_DATA_HOME / ~/.local/share, and each run has a fresh HOME. Sets skopeo_cache_note.
bench_hide_skopeo_cache() {
    skopeo_cache_note="fresh HOME per run (the cache lives under it)"
    if [[ "$(id -u)" -eq 0 ]]; then
        if unshare -m sh -c 'mount -t tmpfs tmpfs /var/lib/containers/cache' 2>/dev/null; then
            skopeo_cache_note="tmpfs over /var/lib/containers/cache (unshare -m)"
        else
            skopeo_cache_note="NOT hidden (unshare -m failed): skopeo may mount blobs from earlier runs"
            echo "$bench: cannot hide skopeo's blob-info cache (unshare -m with a tmpfs failed)" >&2
        fi
    fi
}

# bench_skopeo NAME ARGS: the command line of `skopeo copy --quiet ARGS` with a fresh HOME
# ($scratch/home-NAME), in the tmpfs namespace when bench_hide_skopeo_cache made one.
bench_skopeo() {
    local home="$scratch/home-$1"
    shift
    mkdir -p "$home"
    local cmd="HOME='$home' XDG_DATA_HOME='$home/.local/share' XDG_CONFIG_HOME='$home/.config'"
    cmd+=" skopeo copy --quiet $*"
    if [[ "$skopeo_cache_note" == tmpfs* ]]; then
        echo "unshare -m sh -c \"mount -t tmpfs tmpfs /var/lib/containers/cache && $cmd\""
    else
        echo "$cmd"
    fi
}

# bench_ladingctl NAME ARGS: the command line of `ladingctl ARGS` with fresh XDG folders
# ($scratch/home-NAME): no cache, settings or credentials of an earlier run.
bench_ladingctl() {
    local home="$scratch/home-$1"
    shift
    mkdir -p "$home"
    echo "XDG_CACHE_HOME='$home/.cache' XDG_DATA_HOME='$home/.local/share' XDG_CONFIG_HOME='$home/.config'" \
        "'$ladingctl' $*"
}

# Timing. timed KEY "command": runs it once (the round in $run), its output to
# $scratch/logs/KEY-RUN.log; records the wall time, the CPU time (user + system of all its
# processes) and the registries' CPU time meanwhile (registry_ticks, which the script
# defines), in milliseconds, in wall_ms, cpu_ms and reg_ms. A failing command ends the
# benchmark with its log. median and ratio read them.
bench_timing() {
    declare -gA wall_ms cpu_ms reg_ms
    mkdir -p "$scratch/logs"
    clk_tck="$(getconf CLK_TCK)"
    run=0
}
timed() {
    local log="$scratch/logs/$1-$run.log" measured wall user sys status=0 r0 r1
    r0="$(registry_ticks)"
    measured="$( { TIMEFORMAT='%R %U %S'; time bash -c "$2" >"$log" 2>&1; } 2>&1 | tail -1)" || status=$?
    r1="$(registry_ticks)"
    if [[ $status -ne 0 ]]; then
        echo "$bench: $1 failed (run $run): $2" >&2
        tail -20 "$log" >&2
        exit 1
    fi
    read -r wall user sys <<<"$measured"
    wall_ms[$1]+=" $(python3 -c "print(round($wall * 1000))")"
    cpu_ms[$1]+=" $(python3 -c "print(round(($user + $sys) * 1000))")"
    reg_ms[$1]+=" $(((r1 - r0) * 1000 / clk_tck))"
}
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | sed -n "$(((runs + 1) / 2))p"; }
ratio() { python3 -c "print('%.2f' % ($1 / $2 if $2 else float('nan')))"; }
