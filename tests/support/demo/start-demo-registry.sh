#!/usr/bin/env bash
# Starts a local demo registry for Lading: Debian's docker-registry on 127.0.0.1 (plain
# http, no auth), seeded with sample images built by umoci and pushed by skopeo:
#   demo/hello:1.0 1.1 latest        (latest and 1.1 share a digest)
#   demo/multiarch:latest            (an OCI index: linux/amd64, linux/arm64/v8)
#   team/backend/api:1.0 2.0         (nested names)
#   team/frontend/web:1.0 latest     (Docker schema2 media types)
# Prints HOST:PORT as the last line on stdout; everything else goes to stderr.
#
#   start-demo-registry.sh            start (or reuse a running demo), print host:port
#   start-demo-registry.sh --stop     stop the demo registry (storage is kept)
#   start-demo-registry.sh --purge    stop it and delete its storage
#
# Port: $LADING_DEMO_PORT, else a free one (kept for later runs while the storage exists).
# State: ${XDG_RUNTIME_DIR:-/tmp}/lading-demo (config, storage, log, pid, port).
set -euo pipefail

STATE="${XDG_RUNTIME_DIR:-/tmp}/lading-demo"
PIDFILE="$STATE/registry.pid"
PORTFILE="$STATE/port"
LOG="$STATE/registry.log"
REGISTRY_BIN="${LADING_DOCKER_REGISTRY:-/usr/bin/docker-registry}"

say() { echo "start-demo-registry: $*" >&2; }
die() { say "$*"; exit 1; }

running_pid() {
    [[ -f "$PIDFILE" ]] || return 1
    local pid
    pid="$(cat "$PIDFILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    # Only our registry: the pid must still be docker-registry serving our config.
    grep -q "$STATE/config.yml" "/proc/$pid/cmdline" 2>/dev/null || return 1
    echo "$pid"
}

# GET /v2/ over bash's /dev/tcp (no curl needed); true on HTTP 200.
answers() {
    local port="$1" status
    status="$( { exec 3<>"/dev/tcp/127.0.0.1/$port" &&
                 printf 'GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 &&
                 head -n1 <&3; } 2>/dev/null || true)"
    [[ "$status" == *" 200"* ]]
}

port_in_use() { { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null; }

stop_demo() {
    local pid
    if pid="$(running_pid)"; then
        kill "$pid"
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        say "stopped the demo registry (pid $pid)"
    else
        say "no demo registry running"
    fi
    rm -f "$PIDFILE"
}

case "${1:-}" in
    --stop) stop_demo; exit 0 ;;
    --purge) stop_demo; rm -rf "$STATE"; say "removed $STATE"; exit 0 ;;
    "") ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown option $1 (use --stop, --purge or nothing)" ;;
esac

missing=()
[[ -x "$REGISTRY_BIN" ]] || missing+=("docker-registry (apt-get install docker-registry)")
command -v skopeo >/dev/null || missing+=("skopeo (apt-get install skopeo)")
command -v umoci >/dev/null || missing+=("umoci (apt-get install umoci)")
command -v sha256sum >/dev/null || missing+=("sha256sum (apt-get install coreutils)")
((${#missing[@]} == 0)) || die "install ${missing[*]}"

mkdir -p "$STATE/storage"
chmod 700 "$STATE"

# Reuse a running demo when it is on the wanted port and seeded.
if pid="$(running_pid)"; then
    port="$(cat "$PORTFILE" 2>/dev/null || true)"
    if [[ -n "$port" && ( -z "${LADING_DEMO_PORT:-}" || "$LADING_DEMO_PORT" == "$port" ) ]] &&
       [[ -f "$STATE/seeded-2" ]] && answers "$port"; then
        say "reusing the demo registry (pid $pid)"
        echo "127.0.0.1:$port"
        exit 0
    fi
    stop_demo
fi

pick_port() {
    if [[ -n "${LADING_DEMO_PORT:-}" ]]; then echo "$LADING_DEMO_PORT"; return; fi
    local previous
    previous="$(cat "$PORTFILE" 2>/dev/null || true)"
    if [[ -n "$previous" ]] && ! port_in_use "$previous"; then echo "$previous"; return; fi
    local p
    for _ in $(seq 50); do
        p=$((20000 + RANDOM % 40000))
        port_in_use "$p" || { echo "$p"; return; }
    done
    die "found no free port"
}

start_registry() {
    local port="$1"
    cat > "$STATE/config.yml" <<YAML
version: 0.1
log:
  level: warn
  formatter: text
storage:
  filesystem:
    rootdirectory: '$STATE/storage'
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: lading-demo-$(date +%s)-$RANDOM
health:
  storagedriver:
    enabled: false
YAML
    # A session of its own, so it outlives this script and the terminal.
    env -u REGISTRY_HTTP_ADDR setsid "$REGISTRY_BIN" serve "$STATE/config.yml" >"$LOG" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
    echo "$port" > "$PORTFILE"
    for _ in $(seq 100); do
        answers "$port" && return 0
        kill -0 "$(cat "$PIDFILE")" 2>/dev/null || break
        sleep 0.1
    done
    return 1
}

started=""
for _ in 1 2 3; do
    port="$(pick_port)"
    if start_registry "$port"; then started=1; break; fi
    stop_demo
    grep -q "address already in use" "$LOG" 2>/dev/null && [[ -z "${LADING_DEMO_PORT:-}" ]] && rm -f "$PORTFILE" && continue
    tail -n 20 "$LOG" >&2 || true
    die "docker-registry did not start on 127.0.0.1:$port (log: $LOG)"
done
[[ -n "$started" ]] || die "docker-registry found no free port"
host="127.0.0.1:$port"
say "docker-registry runs on $host (pid $(cat "$PIDFILE"), log $LOG)"

if [[ -f "$STATE/seeded-2" ]]; then
    say "storage already seeded"
    echo "$host"
    exit 0
fi

# --- Seed: build with umoci, push with skopeo ------------------------------------------
t0=$(date +%s%N)
work="$(mktemp -d "${TMPDIR:-/tmp}/lading-demo-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
rootless=()
[[ "$(id -u)" == 0 ]] || rootless=(--rootless)
layout="$work/layout"
bundle="$work/bundle"
umoci init --layout "$layout"
umoci new --image "$layout:base"
umoci config --image "$layout:base" --os linux --architecture amd64 \
    --config.cmd /usr/bin/hello --config.env GREETING=hello --config.workingdir / \
    --config.label org.opencontainers.image.title="Lading demo" --author "Lading demo"
umoci unpack "${rootless[@]}" --image "$layout:base" "$bundle"
r="$bundle/rootfs"
mkdir -p "$r/etc" "$r/usr/bin" "$r/usr/share/doc/lading-demo" "$r/var/lib/demo"
printf 'NAME="Lading demo"\nID=lading-demo\n' > "$r/etc/os-release"
printf 'hello from the first layer\n' > "$r/etc/motd"
printf '#!/bin/sh\necho "$GREETING from the Lading demo"\n' > "$r/usr/bin/hello"
chmod 755 "$r/usr/bin/hello"
ln -s hello "$r/usr/bin/hi"
for i in $(seq 300); do echo "line $i: a bill of lading lists a ship's cargo"; done > "$r/usr/share/doc/lading-demo/README"
printf 'scratch data\n' > "$r/var/lib/demo/cache.txt"
umoci repack --refresh-bundle --image "$layout:base" "$bundle"
# Second layer: overwrite, delete (whiteout), add.
printf 'hello from the second layer\n' > "$r/etc/motd"
rm "$r/var/lib/demo/cache.txt"
printf 'added in layer two\n' > "$r/etc/layer2"
umoci repack --image "$layout:base" "$bundle"

# Variants: configs differ, layers are shared.
umoci config --image "$layout:base" --tag hello-1.0 --config.label org.opencontainers.image.version=1.0
umoci config --image "$layout:base" --tag hello-1.1 --config.label org.opencontainers.image.version=1.1
umoci config --image "$layout:base" --tag arm64 --architecture arm64 --config.label org.example.arch=arm64
umoci config --image "$layout:base" --tag api-1.0 --config.cmd /usr/bin/hi --config.label org.example.component=api --config.label org.opencontainers.image.version=1.0
umoci config --image "$layout:base" --tag api-2.0 --config.cmd /usr/bin/hi --config.label org.example.component=api --config.label org.opencontainers.image.version=2.0 --config.exposedports 8080/tcp
umoci config --image "$layout:base" --tag web --config.label org.example.component=web --config.exposedports 80/tcp

# The multi-arch index: umoci makes none, so write it into the layout by hand.
descriptor() { # tag arch [variant] -> one index entry
    local raw digest size platform
    raw="$work/$1.json"
    skopeo inspect --raw "oci:$layout:$1" > "$raw"
    digest="sha256:$(sha256sum < "$raw" | cut -d' ' -f1)"
    size="$(stat -c %s "$raw")"
    platform="{\"architecture\":\"$2\",\"os\":\"linux\"${3:+,\"variant\":\"$3\"}}"
    printf '{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%s,"platform":%s}' \
        "$digest" "$size" "$platform"
}
index="{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[$(descriptor base amd64),$(descriptor arm64 arm64 v8)]}"
printf '%s' "$index" > "$work/index.json"
index_hex="$(sha256sum < "$work/index.json" | cut -d' ' -f1)"
cp "$work/index.json" "$layout/blobs/sha256/$index_hex"
entry="{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"digest\":\"sha256:$index_hex\",\"size\":$(stat -c %s "$work/index.json"),\"annotations\":{\"org.opencontainers.image.ref.name\":\"multi\"}}"
sed -i "s|\"manifests\":\[|\"manifests\":[$entry,|" "$layout/index.json"

# demo/toolbox: three layers that give the Files view something real to show — a base of
# files copied from this machine (zone data, programs, libraries), an application layer
# (a script, JSON, an SVG, a symlink, a hard link, 3 MiB of data), and a clean-up layer that
# deletes the data (wasted space), rewrites the JSON and removes a directory (whiteouts).
umoci new --image "$layout:toolbox"
umoci config --image "$layout:toolbox" --os linux --architecture amd64 \
    --config.entrypoint /usr/local/bin/app --config.workingdir /opt/app \
    --config.env APP_MODE=demo --config.label org.opencontainers.image.title="Lading toolbox demo" \
    --author "Lading demo" --history.created_by "toolbox: start from scratch"
tb="$work/toolbox"
umoci unpack "${rootless[@]}" --image "$layout:toolbox" "$tb"
r="$tb/rootfs"
mkdir -p "$r/etc" "$r/usr/bin" "$r/usr/lib" "$r/usr/share/zoneinfo" "$r/usr/share/doc/toolbox"
printf 'NAME="Lading toolbox"\nID=lading-toolbox\nVERSION_ID=1\n' > "$r/etc/os-release"
printf 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/opt/app:/bin/sh\n' > "$r/etc/passwd"
printf 'root:x:0:\napp:x:1000:\n' > "$r/etc/group"
cp -rL /usr/share/zoneinfo/Europe /usr/share/zoneinfo/America "$r/usr/share/zoneinfo/"
for program in ls cat env sort; do
    command -v "$program" >/dev/null && cp -L "$(command -v "$program")" "$r/usr/bin/"
done
cp -L /lib/x86_64-linux-gnu/libc.so.6 "$r/usr/lib/" 2>/dev/null || true
for i in $(seq 200); do echo "$i. Every layer of this image can be browsed in Lading's Files tab."; done \
    > "$r/usr/share/doc/toolbox/README"
umoci repack --refresh-bundle --history.created_by "COPY rootfs / # zone data, programs, libc" \
    --image "$layout:toolbox" "$tb"
mkdir -p "$r/opt/app/static" "$r/opt/app/data" "$r/usr/local/bin"
printf '#!/usr/bin/env python3\nimport json\nprint(json.load(open("/opt/app/config.json"))["greeting"])\n' \
    > "$r/opt/app/app.py"
chmod 755 "$r/opt/app/app.py"
printf '{\n  "greeting": "hello from the toolbox",\n  "workers": 4,\n  "debug": false\n}\n' \
    > "$r/opt/app/config.json"
cat > "$r/opt/app/static/logo.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
  <rect x="6" y="30" width="52" height="20" rx="4" fill="#2f6fb3"/>
  <rect x="14" y="14" width="16" height="16" fill="#e8a33d"/>
  <rect x="34" y="18" width="16" height="12" fill="#3aa57a"/>
</svg>
SVG
ln -s /opt/app/app.py "$r/usr/local/bin/app"
ln "$r/opt/app/app.py" "$r/opt/app/app-hardlink.py"
head -c 3145728 /dev/urandom > "$r/opt/app/data/model.bin"
umoci repack --refresh-bundle --history.created_by "COPY app /opt/app # script, config, logo, model data" \
    --image "$layout:toolbox" "$tb"
rm "$r/opt/app/data/model.bin"
rm -r "$r/usr/share/zoneinfo/America"
printf '{\n  "greeting": "hello from the toolbox",\n  "workers": 8,\n  "debug": false\n}\n' \
    > "$r/opt/app/config.json"
umoci repack --history.created_by "RUN rm model.bin; rm -r zoneinfo/America; workers=8" \
    --image "$layout:toolbox" "$tb"

push() { # layout-tag destination [skopeo options...]
    local src="$1" dest="$2"
    shift 2
    skopeo copy --quiet --dest-tls-verify=false --dest-no-creds "$@" "oci:$layout:$src" "docker://$host/$dest" >&2
}
push hello-1.0 demo/hello:1.0
push hello-1.1 demo/hello:1.1
push hello-1.1 demo/hello:latest
push multi demo/multiarch:latest --all
push api-1.0 team/backend/api:1.0
push api-2.0 team/backend/api:2.0
push web team/frontend/web:1.0 --format v2s2
push web team/frontend/web:latest --format v2s2
push toolbox demo/toolbox:latest

# skopeo may exit 0 on some errors: check that the last push is readable.
skopeo inspect --raw --tls-verify=false --no-creds "docker://$host/team/frontend/web:latest" \
    | grep -q 'application/vnd.docker.distribution.manifest.v2+json' \
    || die "seeding failed: team/frontend/web:latest is not in the registry"
touch "$STATE/seeded-2"
say "seeded 5 repositories in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
echo "$host"
