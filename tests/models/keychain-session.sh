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
        bus() { dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus "$@" 2>/dev/null; }
        printf "%s" "lading-keyring-unlock" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        # The daemon takes its bus name a moment after --unlock returns: wait for it (5 s).
        tries=0
        until bus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q "boolean true"; do
            tries=$((tries + 1))
            if [ "$tries" -ge 100 ]; then echo "keychain-session: no Secret Service on the bus" >&2; break; fi
            sleep 0.05
        done
        status=0
        "$@" || status=$?
        # Stop the daemon of this bus by its pid (it does not always leave with the bus).
        pid=$(bus org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets \
              | awk "/uint32/ { print \$2 }")
        if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
        exit "$status"' keychain-session "$@"
