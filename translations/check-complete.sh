#!/usr/bin/env bash
# Usage: check-complete.sh LUPDATE FILE.ts SOURCES.lst [LUPDATE OPTIONS: -I DIR, -pluralonly ...]
# Runs lupdate over the current sources into a copy of FILE.ts and fails when any message
# is unfinished (new, changed or never translated), naming the first few.
set -euo pipefail
lupdate=$1
ts=$2
sources=$3
shift 3
# Include folders, as the update_translations target passes them: lupdate needs the headers
# to give a class in a namespace (image::PushJob) the context its tr() uses at run time.
includes=("$@")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ts" "$work/copy.ts"
"$lupdate" -silent -no-obsolete -locations none "${includes[@]}" "@$sources" -ts "$work/copy.ts"

total=$(grep -c '<message' "$work/copy.ts" || true)
unfinished=$(grep -c 'type="unfinished"' "$work/copy.ts" || true)
echo "$(basename "$ts"): $total messages, $unfinished unfinished"
if [ "$total" -eq 0 ]; then
    echo "FAIL: no messages found; is the source list right?"
    exit 1
fi
if [ "$unfinished" -gt 0 ]; then
    echo "FAIL: untranslated strings (run the update_translations target, translate, commit):"
    grep -B3 'type="unfinished"' "$work/copy.ts" | grep '<source>' | head -n 20
    exit 1
fi
echo "PASS"
