#!/usr/bin/env bash
# Installs every Debian 12 package Lading needs to build, run and test: the one list.
# Runs as root or through sudo; safe to run again (it does nothing when all is there).
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config ccache
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libssl-dev libarchive-dev libisal-dev libzstd-dev qtkeychain-qt6-dev libgl-dev
    # run (Qt's own German strings; the SVG icon plugins come with qt6-svg-dev's libqt6svg6)
    qt6-translations-l10n
    # test: a real registry and independent image tools
    docker-registry skopeo umoci apache2-utils openssl
    # benchmark: the layer listing beside curl | igzip | tar, on a debootstrap'ed rootfs
    curl isal debootstrap
    # test: the GUI headless, screenshots, the keychain
    xvfb xauth imagemagick fonts-dejavu-core dbus gnome-keyring
    # test: packaging (metadata validators, cpack's .deb with dpkg-shlibdeps)
    appstream desktop-file-utils dpkg-dev file
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi
echo "install-deps: installing ${missing[*]}"

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null; then
    as_root=(sudo)
else
    echo "install-deps: run this as root, or install sudo" >&2
    exit 1
fi

"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${packages[@]}"
