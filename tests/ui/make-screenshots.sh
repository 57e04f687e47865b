#!/usr/bin/env bash
# Writes a README-ready screenshot of Lading browsing the demo registry, under Xvfb:
# the demo registry's tree opened down to a tag, with that tag's manifest shown, with
# --view files the Files tab of demo/toolbox (its merged filesystem), or with --view local
# the same image as a gzip'ed `docker save` tarball (skopeo copies it out of the demo
# registry) opened as a file, without the registry.
#
#   tests/ui/make-screenshots.sh [--view inspector|files|local] OUTPUT.png [LADING-BINARY]
#
# LADING-BINARY defaults to $LADING, then `lading` on PATH, then build*/app/lading in this
# checkout. The demo registry comes from tests/support/demo/start-demo-registry.sh; one
# this script started is stopped again at the end, one that was running is left running.
# Lading runs with a configuration folder of its own, so the demo is its only registry and
# the window has its default size, in English unless LADING_SCREENSHOT_LANG says otherwise
# (for example de_DE.UTF-8).
set -euo pipefail

say() { echo "make-screenshots: $*" >&2; }
die() { say "$*"; exit 1; }

view=inspector
if [[ "${1:-}" == --view ]]; then
    [[ $# -ge 2 ]] || die "usage: $0 [--view inspector|files|local] OUTPUT.png [LADING-BINARY]"
    view="$2"
    shift 2
fi
[[ "$view" == inspector || "$view" == files || "$view" == local ]] ||
    die "--view is inspector, files or local"
[[ $# -ge 1 && "$1" != -* ]] || die "usage: $0 [--view inspector|files|local] OUTPUT.png [LADING-BINARY]"
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

# Was a demo registry already running? (the demo script keeps its pid here)
demo_state="${XDG_RUNTIME_DIR:-/tmp}/lading-demo"
already_running=""
if [[ -f "$demo_state/registry.pid" ]] && kill -0 "$(cat "$demo_state/registry.pid")" 2>/dev/null; then
    already_running=1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/lading-screenshot.XXXXXX")"
cleanup() {
    rm -rf "$work"
    [[ -n "$already_running" ]] || "$demo" --stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

host="$("$demo" | tail -n 1)"
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
XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" \
XDG_RUNTIME_DIR="$work/runtime" LC_ALL="$lang" LANG="$lang" LANGUAGE="${lang%%.*}" \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    "$lading" "${arguments[@]}" --screenshot "$out" --screenshot-view "$view" \
    --screenshot-timeout 60 >/dev/null
[[ -s "$out" ]] || die "lading wrote no screenshot"
say "wrote $out"
