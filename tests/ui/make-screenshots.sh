#!/usr/bin/env bash
# Writes a README-ready screenshot of Lading browsing the demo registry, under Xvfb:
# the demo registry's tree opened down to a tag, with that tag's manifest shown, with
# --view files the Files tab of demo/toolbox (its merged filesystem), or with --view local
# the same image as a gzip'ed `docker save` tarball (skopeo copies it out of the demo
# registry) opened as a file, without the registry. --view push shows the push dialog for
# demo/hello 1.2 (an OCI archive built here from demo/hello:1.1 plus an application layer and
# a 48 MiB data layer: two layers already there, the rest to upload, the new tag) over the
# window; --view jobs pushes it and shows the jobs panel and the new tag once it landed.
#
#   tests/ui/make-screenshots.sh [--view inspector|files|local|push|jobs] OUTPUT.png [LADING-BINARY]
#
# LADING-BINARY defaults to $LADING, then `lading` on PATH, then build*/app/lading in this
# checkout. The demo registry comes from tests/support/demo/start-demo-registry.sh; one
# this script started is stopped again at the end, one that was running is left running.
# The push views use a demo registry of their own, removed at the end, so that the shared
# one (and the other pictures) never see the pushed tag.
# Lading runs with a configuration folder of its own, so the demo is its only registry and
# the window has its default size, in English unless LADING_SCREENSHOT_LANG says otherwise
# (for example de_DE.UTF-8).
set -euo pipefail

say() { echo "make-screenshots: $*" >&2; }
die() { say "$*"; exit 1; }

view=inspector
if [[ "${1:-}" == --view ]]; then
    [[ $# -ge 2 ]] || die "usage: $0 [--view inspector|files|local|push|jobs] OUTPUT.png [LADING-BINARY]"
    view="$2"
    shift 2
fi
case "$view" in
    inspector|files|local|push|jobs) ;;
    *) die "--view is inspector, files, local, push or jobs" ;;
esac
[[ $# -ge 1 && "$1" != -* ]] || die "usage: $0 [--view inspector|files|local|push|jobs] OUTPUT.png [LADING-BINARY]"
out="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
demo="$root/tests/support/demo/start-demo-registry.sh"

lading="${2:-${LADING:-}}"
if [[ -z "$lading" ]]; then
    if command -v lading >/dev/null; then
        lading="$(command -v lading)"
    else
        for candidate in "$root"/build/app/lading "$root"/build*/app/lading; do
            [[ -x "$candidate" ]] && { lading="$candidate"; break; }
        done
    fi
fi
[[ -n "$lading" && -x "$lading" ]] || die "no lading binary found: build it or pass its path"
command -v xvfb-run >/dev/null || die "install xvfb (apt-get install xvfb)"

work="$(mktemp -d "${TMPDIR:-/tmp}/lading-screenshot.XXXXXX")"
pushing=""
[[ "$view" == push || "$view" == jobs ]] && pushing=1

if [[ -n "$pushing" ]]; then
    # A demo registry of its own (the demo script keeps its state under XDG_RUNTIME_DIR).
    demo_runtime="$work/demo"
    mkdir -p "$demo_runtime"
    chmod 700 "$demo_runtime"
    cleanup() {
        XDG_RUNTIME_DIR="$demo_runtime" "$demo" --purge >/dev/null 2>&1 || true
        rm -rf "$work"
    }
    trap cleanup EXIT
    host="$(XDG_RUNTIME_DIR="$demo_runtime" LADING_DEMO_PORT="" "$demo" | tail -n 1)"
else
    # Was a demo registry already running? (the demo script keeps its pid here)
    demo_state="${XDG_RUNTIME_DIR:-/tmp}/lading-demo"
    already_running=""
    if [[ -f "$demo_state/registry.pid" ]] && kill -0 "$(cat "$demo_state/registry.pid")" 2>/dev/null; then
        already_running=1
    fi
    cleanup() {
        rm -rf "$work"
        [[ -n "$already_running" ]] || "$demo" --stop >/dev/null 2>&1 || true
    }
    trap cleanup EXIT
    host="$("$demo" | tail -n 1)"
fi
[[ "$host" =~ ^127\.0\.0\.1:[0-9]+$ ]] || die "the demo registry script printed no host:port ($host)"
say "demo registry at $host"

mkdir -p "$(dirname "$out")" "$work/runtime"
chmod 700 "$work/runtime"
lang="${LADING_SCREENSHOT_LANG:-C.UTF-8}"
arguments=(--demo-registry "$host")
if [[ "$view" == local ]]; then
    command -v skopeo >/dev/null || die "install skopeo (apt-get install skopeo)"
    image="$work/toolbox.tar"
    skopeo copy --quiet --src-tls-verify=false "docker://$host/demo/toolbox:latest" \
        "docker-archive:$image:demo/toolbox:latest" >/dev/null
    gzip "$image"
    arguments=("$image.gz")
fi
if [[ -n "$pushing" ]]; then
    # demo/hello 1.2: the layers of demo/hello:1.1 (already in the repository), an application
    # layer and a data layer (to upload), a config of its own; an OCI archive named
    # demo/hello:1.2, so the dialog proposes the tag 1.2.
    command -v skopeo >/dev/null || die "install skopeo (apt-get install skopeo)"
    command -v umoci >/dev/null || die "install umoci (apt-get install umoci)"
    rootless=()
    [[ "$(id -u)" == 0 ]] || rootless=(--rootless)
    layout="$work/layout"
    bundle="$work/bundle"
    skopeo copy --quiet --src-tls-verify=false "docker://$host/demo/hello:1.1" "oci:$layout:app" >/dev/null
    umoci unpack "${rootless[@]}" --image "$layout:app" "$bundle"
    r="$bundle/rootfs"
    mkdir -p "$r/opt/app/bin" "$r/opt/app/data"
    printf '#!/bin/sh\nexec /opt/app/bin/serve --port 8080 "$@"\n' > "$r/opt/app/bin/start"
    chmod 755 "$r/opt/app/bin/start"
    printf '{\n  "release": "1.2",\n  "workers": 4\n}\n' > "$r/opt/app/config.json"
    umoci repack --refresh-bundle --history.created_by "COPY app /opt/app" --image "$layout:app" "$bundle"
    head -c 50331648 /dev/urandom > "$r/opt/app/data/model.bin"
    umoci repack --history.created_by "COPY model.bin /opt/app/data" --image "$layout:app" "$bundle"
    umoci config --image "$layout:app" --config.cmd /opt/app/bin/start \
        --config.exposedports 8080/tcp --config.label org.opencontainers.image.version=1.2
    image="$work/hello-1.2.tar"
    skopeo copy --quiet "oci:$layout:app" "oci-archive:$image:demo/hello:1.2" >/dev/null
    arguments+=("$image")
fi
XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" \
XDG_RUNTIME_DIR="$work/runtime" LC_ALL="$lang" LANG="$lang" LANGUAGE="${lang%%.*}" \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    "$lading" "${arguments[@]}" --screenshot "$out" --screenshot-view "$view" \
    --screenshot-timeout 60 >/dev/null
[[ -s "$out" ]] || die "lading wrote no screenshot"
say "wrote $out"
