#!/bin/sh
# Runs a test program against a real Secret Service: a private D-Bus session with a
# gnome-keyring unlocked by a non-empty password, HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR in a
# fresh scratch folder (an empty password or an existing HOME makes gnome-keyring try to
# prompt; a private XDG_RUNTIME_DIR keeps it away from the person's own keyring daemon).
# Usage: keychain-session.sh PROGRAM [ARGUMENTS...]
set -eu

missing=""
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
    # The test skips (or fails under CI) with this message.
    LADING_KEYCHAIN_MISSING="not installed:$missing (install the Debian packages dbus and gnome-keyring)"
    export LADING_KEYCHAIN_MISSING
    exec "$@"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/lading-keychain.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/home" "$scratch/data" "$scratch/config"
mkdir -m 700 "$scratch/run"
HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
XDG_RUNTIME_DIR="$scratch/run" LADING_KEYCHAIN_SCRATCH="$scratch" \
    dbus-run-session -- sh -c '
        printf "%s" "lading-keyring-unlock" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        status=0
        "$@" || status=$?
        # gnome-keyring normally leaves with the bus, but one still starting up when a quick
        # test ended has been seen to stay: stop the one that serves this bus, by its pid.
        pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                  org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets \
                  2>/dev/null | awk "/uint32/ { print \$2 }")
        if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
        exit "$status"' keychain-session "$@"
