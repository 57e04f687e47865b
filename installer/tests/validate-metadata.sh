#!/usr/bin/env bash
# Usage: validate-metadata.sh FILE.desktop FILE.metainfo.xml
# The desktop file must pass desktop-file-validate, the metainfo appstreamcli validate
# (offline): what software centres and packaging linters check.
set -euo pipefail
desktop=$1
metainfo=$2

need() {
    command -v "$1" >/dev/null && return 0
    if [ -n "${CI:-}" ]; then
        echo "FAIL: $1 is missing (install package $2)" >&2
        exit 1
    fi
    echo "SKIP: $1 is missing (install package $2)"
    exit 77
}
need desktop-file-validate desktop-file-utils
need appstreamcli appstream

echo "desktop-file-validate $desktop"
out=$(desktop-file-validate "$desktop" 2>&1) || { echo "$out"; exit 1; }
# It exits 0 on errors in some versions: treat any error or warning line as a failure.
if grep -Eq ': (error|warning):' <<<"$out"; then
    echo "$out"
    exit 1
fi
echo "appstreamcli validate --no-net $metainfo"
appstreamcli validate --no-net "$metainfo"
echo "PASS"
