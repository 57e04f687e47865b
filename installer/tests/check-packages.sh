#!/usr/bin/env bash
# Usage: check-packages.sh CMAKE CPACK BUILD_DIR APP_ID
# Makes the .tar.gz and the .deb into a temporary folder and checks what they hold: both
# binaries, the desktop file, the icon and the metainfo; the .deb's dependencies come
# from dpkg-shlibdeps (Qt libraries named).
set -euo pipefail
cmake=$1
cpack=$2
build=$3
app_id=$4

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

expected=(
    "bin/lading"
    "bin/ladingctl"
    "share/applications/$app_id.desktop"
    "share/icons/hicolor/scalable/apps/$app_id.svg"
    "share/metainfo/$app_id.metainfo.xml"
)

check_listing() { # $1 = label, $2 = file with one path per line
    local missing=0
    for path in "${expected[@]}"; do
        if ! grep -Eq "(^|/)$path\$" "$2"; then
            echo "FAIL: $1 lacks $path"
            missing=1
        fi
    done
    return $missing
}

echo "cpack -G TGZ"
"$cpack" -G TGZ -B "$work/tgz" --config "$build/CPackConfig.cmake" >"$work/tgz.log" 2>&1 \
    || { cat "$work/tgz.log"; exit 1; }
tgz=$(find "$work/tgz" -maxdepth 1 -name '*.tar.gz' | head -n 1)
[ -n "$tgz" ] || { echo "FAIL: no .tar.gz made"; cat "$work/tgz.log"; exit 1; }
(cd "$work" && "$cmake" -E tar tzf "$tgz") >"$work/tgz.list"
check_listing "$(basename "$tgz")" "$work/tgz.list"

if ! command -v dpkg-deb >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
    if [ -n "${CI:-}" ]; then
        echo "FAIL: dpkg-deb/dpkg-shlibdeps missing (install package dpkg-dev)"
        exit 1
    fi
    echo "SKIP: the .deb check needs dpkg-dev"
    exit 77
fi
echo "cpack -G DEB"
"$cpack" -G DEB -B "$work/deb" --config "$build/CPackConfig.cmake" >"$work/deb.log" 2>&1 \
    || { cat "$work/deb.log"; exit 1; }
deb=$(find "$work/deb" -maxdepth 1 -name '*.deb' | head -n 1)
[ -n "$deb" ] || { echo "FAIL: no .deb made"; cat "$work/deb.log"; exit 1; }
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./usr/||' >"$work/deb.list"
check_listing "$(basename "$deb")" "$work/deb.list"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6widgets6 libqt6network6 libqt6core6 libssl3 libqt6svg6; do
    grep -q "$lib" <<<"$depends" || { echo "FAIL: Depends lacks $lib"; exit 1; }
done
echo "Section: $(dpkg-deb -f "$deb" Section), Maintainer: $(dpkg-deb -f "$deb" Maintainer)"
echo "PASS"
