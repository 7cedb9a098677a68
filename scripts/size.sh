#!/usr/bin/env bash
# Builds the release browser bundle and prints what a page downloads, gzip -9.
# Budget: 150 KB of JS + wasm per page (aim: 60 KB).
source "$(dirname "$0")/lib.sh"
setup_build_tools
build_site
pkg="$SITE_ROOT/pkg"
gz() { gzip -9 -c "$1" | wc -c; }
wasm=$(gz "$pkg/$LEPTOS_OUTPUT_NAME.wasm")
js=$(gz "$pkg/$LEPTOS_OUTPUT_NAME.js")
css=$(gz "$pkg/$LEPTOS_OUTPUT_NAME.css")
printf '%-12s %8s %8s\n' file raw gzip
printf '%-12s %8d %8d\n' wasm "$(wc -c <"$pkg/$LEPTOS_OUTPUT_NAME.wasm")" "$wasm"
printf '%-12s %8d %8d\n' js "$(wc -c <"$pkg/$LEPTOS_OUTPUT_NAME.js")" "$js"
printf '%-12s %8d %8d\n' css "$(wc -c <"$pkg/$LEPTOS_OUTPUT_NAME.css")" "$css"
total=$((wasm + js))
awk -v t="$total" 'BEGIN { printf "JS + wasm, gzip: %d bytes (%.1f KB) of a 150 KB budget\n", t, t / 1024 }'
[ "$total" -le $((150 * 1024)) ] || { echo "over budget" >&2; exit 1; }
