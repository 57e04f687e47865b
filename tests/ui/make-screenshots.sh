#!/usr/bin/env bash
# Writes a README-ready screenshot of Lading browsing the demo registry, under Xvfb:
# the demo registry's tree opened down to a tag, with that tag's manifest shown, with
# --view files the Files tab of demo/toolbox (its merged filesystem), or with --view local
# the same image as a gzip'ed `docker save` tarball (skopeo copies it out of the demo
# registry) opened as a file, without the registry. --view push shows the push dialog for
# demo/hello 1.2 (an OCI archive built here from demo/hello:1.1 plus an application layer and
# a 48 MiB data layer: two layers already there, the rest to upload, the new tag) over the
# window; --view jobs pushes it and shows the jobs panel and the new tag once it landed.
# --view delete shows the delete window's plan for demo/hello latest (which shares its image
# with 1.1: delete the tag only, or the image with both) over the window; nothing is deleted.
# --view cleanup gives demo/hello six more tags with created dates from months to weeks
# ago (0.7, 0.8 and 0.8-lts on one image, 0.9, two dev- tags) and shows Clean Up's dry run
# of "keep the 2 newest images and tags matching .*-lts" over the window; nothing is deleted.
# --view journal makes the same tags, runs that clean-up with ladingctl, then removes
# demo/hello latest alone (as the delete view plans it), both into the journal Lading reads,
# and shows the Deletion Journal with that newest entry and its details.
# --view compare builds demo/hello 1.2 and 2.0 on 1.1's layers (each an application layer
# of its own: a changed config file and script, files added and removed, a mode changed;
# their configs differ in ports, environment, labels) and pictures the compare window for
# them on its own, on the Files tab with etc/hello/hello.conf side by side.
#
#   tests/ui/make-screenshots.sh [--view VIEW] OUTPUT.png [LADING-BINARY]
#   VIEW: inspector (the default), files, local, push, jobs, delete, cleanup, journal, compare
#
# LADING-BINARY defaults to $LADING, then `lading` on PATH, then build*/app/lading in this
# checkout. The journal view needs ladingctl: $LADINGCTL, else the one beside LADING-BINARY
# (or in its cli/ folder, as in a build tree), else on PATH. The demo registry comes from
# tests/support/demo/start-demo-registry.sh; one this script started is stopped again at
# the end, one that was running is left running.
# The push, delete, cleanup, journal and compare views use a demo registry of their own, freshly
# seeded and removed at the end, so that the shared one (and the other pictures) never see
# their tags or deletions, and they never see what others left in the shared one.
# Lading runs with a configuration folder of its own, so the demo is its only registry and
# the window has its default size, in English unless LADING_SCREENSHOT_LANG says otherwise
# (for example de_DE.UTF-8).
set -euo pipefail

say() { echo "make-screenshots: $*" >&2; }
die() { say "$*"; exit 1; }

view=inspector
if [[ "${1:-}" == --view ]]; then
    [[ $# -ge 2 ]] || die "usage: $0 [--view VIEW] OUTPUT.png [LADING-BINARY]"
    view="$2"
    shift 2
fi
case "$view" in
    inspector|files|local|push|jobs|delete|cleanup|journal|compare) ;;
    *) die "--view is inspector, files, local, push, jobs, delete, cleanup, journal or compare" ;;
esac
[[ $# -ge 1 && "$1" != -* ]] || die "usage: $0 [--view VIEW] OUTPUT.png [LADING-BINARY]"
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
own_registry="$pushing"
[[ "$view" == delete || "$view" == cleanup || "$view" == journal || "$view" == compare ]] && own_registry=1
if [[ "$view" == journal ]]; then
    ladingctl="${LADINGCTL:-}"
    if [[ -z "$ladingctl" ]]; then
        for candidate in "$(dirname "$lading")/ladingctl" "$(dirname "$lading")/cli/ladingctl" \
                         "$(command -v ladingctl || true)"; do
            [[ -n "$candidate" && -x "$candidate" ]] && { ladingctl="$candidate"; break; }
        done
    fi
    [[ -n "$ladingctl" && -x "$ladingctl" ]] || die "no ladingctl found: build it or set LADINGCTL"
fi

if [[ -n "$own_registry" ]]; then
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
if [[ "$view" == cleanup || "$view" == journal ]]; then
    # More tags on demo/hello, each its own image (a config of its own on 1.0's layers)
    # created days ago: 0.8 and 0.8-lts share one.
    command -v skopeo >/dev/null || die "install skopeo (apt-get install skopeo)"
    command -v umoci >/dev/null || die "install umoci (apt-get install umoci)"
    layout="$work/hello"
    skopeo copy --quiet --src-tls-verify=false "docker://$host/demo/hello:1.0" "oci:$layout:base" >/dev/null
    add_image() { # days-ago time-of-day tag [more tags on the same image]
        local created tag="$3" name
        created="$(date -u -d "$(date -u -d "$1 days ago" +%F) $2" +%Y-%m-%dT%H:%M:%SZ)"
        shift 2
        umoci config --image "$layout:base" --tag "$tag" --created "$created" \
            --config.label org.opencontainers.image.version="$tag"
        for name in "$@"; do
            skopeo copy --quiet --dest-tls-verify=false --dest-no-creds "oci:$layout:$tag" \
                "docker://$host/demo/hello:$name" >/dev/null
        done
    }
    add_image 250 09:12 0.7
    add_image 180 14:40 0.8 0.8-lts
    add_image 75 11:05 0.9
    add_image 38 16:27 dev-3f9c2a
    add_image 19 08:51 dev-8a1e47
fi
if [[ "$view" == journal ]]; then
    # Deletions into the journal Lading reads (GenericDataLocation/lading/journal): the
    # clean-up the cleanup view previews, then the tag the delete view plans to remove.
    journal="$work/data/lading/journal"
    ctl=(env XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
         "$ladingctl" --plain-http --journal "$journal")
    # (The rules of ScreenshotRun::cleanupRules().)
    "${ctl[@]}" cleanup "$host/demo/hello" --keep-newest 2 --keep '.*-lts' --yes >/dev/null
    sleep 1 # the journal lists them a second apart, as a person would have made them
    "${ctl[@]}" rm "$host/demo/hello:latest" --yes >/dev/null
    [[ -n "$(ls -A "$journal" 2>/dev/null)" ]] || die "ladingctl wrote no journal entries to $journal"
fi
if [[ "$view" == compare ]]; then
    # demo/hello 1.2 and 2.0 (ScreenshotRun::compareTags()): 1.1's layers and an application
    # layer each, so that the comparison has a config, a layer and files of each kind to show;
    # etc/hello/hello.conf (ScreenshotRun::compareFile()) changed in a few places.
    command -v skopeo >/dev/null || die "install skopeo (apt-get install skopeo)"
    command -v umoci >/dev/null || die "install umoci (apt-get install umoci)"
    rootless=()
    [[ "$(id -u)" == 0 ]] || rootless=(--rootless)
    layout="$work/compare"
    skopeo copy --quiet --src-tls-verify=false "docker://$host/demo/hello:1.1" "oci:$layout:base" >/dev/null
    conf() { # port workers log-format cache-size [tls]
        printf '# hello: the Lading demo greeter\n[server]\nport = %s\nworkers = %s\n\n' "$1" "$2"
        [[ -z "${5:-}" ]] || printf '[tls]\ncertificate = /etc/hello/tls/hello.crt\nkey = /etc/hello/tls/hello.key\n\n'
        printf '[log]\nlevel = info\nformat = %s\n' "$3"
        [[ -n "${5:-}" ]] || printf 'file = /var/log/hello/hello.log\n'
        printf '\n[cache]\nsize = %s\n' "$4"
    }
    app_layer() { # tag bundle
        umoci repack --history.created_by "COPY hello-$1 /" --image "$layout:$1" "$2"
    }
    b="$work/bundle-1.2"
    umoci unpack "${rootless[@]}" --image "$layout:base" "$b"
    mkdir -p "$b/rootfs/etc/hello" "$b/rootfs/usr/share/hello"
    conf 8080 2 text 64M > "$b/rootfs/etc/hello/hello.conf"
    printf '#!/bin/sh\n# hello 1.2\nexec /usr/bin/hello-server --config /etc/hello/hello.conf\n' > "$b/rootfs/usr/bin/hello"
    printf '#!/bin/sh\necho "hello admin"\n' > "$b/rootfs/usr/bin/hello-admin"
    chmod 755 "$b/rootfs/usr/bin/hello"
    chmod 644 "$b/rootfs/usr/bin/hello-admin"
    head -c 4096 /dev/urandom > "$b/rootfs/usr/bin/hello-legacy"
    chmod 755 "$b/rootfs/usr/bin/hello-legacy"
    printf 'Hello from the Lading demo.\n' > "$b/rootfs/usr/share/hello/banner.txt"
    app_layer 1.2 "$b"
    umoci config --image "$layout:1.2" --config.exposedports 8080/tcp \
        --config.label org.opencontainers.image.version=1.2
    b="$work/bundle-2.0"
    umoci unpack "${rootless[@]}" --image "$layout:base" "$b"
    mkdir -p "$b/rootfs/etc/hello/tls" "$b/rootfs/usr/share/hello"
    conf 8443 4 json 256M tls > "$b/rootfs/etc/hello/hello.conf"
    printf '#!/bin/sh\n# hello 2.0\nexec /usr/bin/hello-server --config /etc/hello/hello.conf --tls\n' > "$b/rootfs/usr/bin/hello"
    printf '#!/bin/sh\necho "hello admin"\n' > "$b/rootfs/usr/bin/hello-admin"
    chmod 755 "$b/rootfs/usr/bin/hello" "$b/rootfs/usr/bin/hello-admin"
    printf -- '-----BEGIN CERTIFICATE-----\nMIIBdemo\n-----END CERTIFICATE-----\n' > "$b/rootfs/etc/hello/tls/hello.crt"
    printf 'Hello from the Lading demo.\n' > "$b/rootfs/usr/share/hello/banner.txt"
    printf 'Goodbye from {{ .Name }}.\n' > "$b/rootfs/usr/share/hello/farewell.txt"
    app_layer 2.0 "$b"
    umoci config --image "$layout:2.0" --config.exposedports 8443/tcp \
        --config.env GREETING=hallo --config.env HELLO_TLS=1 \
        --config.label org.opencontainers.image.version=2.0
    for tag in 1.2 2.0; do
        skopeo copy --quiet --dest-tls-verify=false --dest-no-creds "oci:$layout:$tag" \
            "docker://$host/demo/hello:$tag" >/dev/null
    done
fi
XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" \
XDG_RUNTIME_DIR="$work/runtime" LC_ALL="$lang" LANG="$lang" LANGUAGE="${lang%%.*}" \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    "$lading" "${arguments[@]}" --screenshot "$out" --screenshot-view "$view" \
    --screenshot-timeout 60 >/dev/null
[[ -s "$out" ]] || die "lading wrote no screenshot"
say "wrote $out"
