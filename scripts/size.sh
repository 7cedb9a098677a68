#!/usr/bin/env bash
# What each kind of page makes a browser download, as the server sends it:
# builds the site (the browser bundle in its size-optimised profile),
# serves the demo municipality, and for each page adds up the scripts and
# wasm it loads, gzip and brotli. Budget: 60 KB gzip of JS + wasm on any
# page; pages without islands load none.
source "$(dirname "$0")/lib.sh"
BUDGET=$((60 * 1024))
setup_build_tools
build_site
work="$(mktemp -d)"
port="${SIZE_PORT:-3997}"
base="http://127.0.0.1:$port"
trap 'kill ${server_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
DATABASE_URL="sqlite://$work/demo.db?mode=rwc" LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  LEPTOS_SITE_ROOT="$SITE_ROOT" PUBLIC_URL="$base" OUTBOX_DIR="$work/outbox" RUST_LOG=warn \
  "$(server_bin)" serve >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_server "$base" $server_pid "$work/server.log"

# Bytes on the wire for one address in one encoding.
wire() { curl -fsS -o /dev/null -H "Accept-Encoding: $2" -w '%{size_download}' "$base$1"; }
# The scripts a page loads: its module scripts, and what the islands'
# loader imports (the bundle's script and wasm).
scripts_of() {
  local html loader
  html="$(curl -fsS "$base$1")"
  grep -o '<script[^>]*src="[^"]*"' <<<"$html" | sed 's/.*src="//; s/"$//' | while read -r src; do
    echo "$src"
    if [[ "$src" == */islands.* ]]; then
      loader="$(curl -fsS "$base$src")"
      grep -o "'\(\./\)\?[^' ]*\.\(js\|wasm\)'" <<<"$loader" | tr -d "'" | sed "s#^\./##; s#^#/pkg/#" | sort -u
    fi
  done
}

offering="$(curl -fsS "$base/bydel/sentrum?kind=activity_group" | grep -o 'href="/tilbud/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')"
course="$(curl -fsS "$base/tilbud?kind=course" | grep -o 'href="/tilbud/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')"
printf '%-22s %10s %10s %12s %12s  %s\n' page "HTML gz" "HTML br" "JS+wasm gz" "JS+wasm br" files
over=0
for page in "front:/" "district:/bydel/sentrum" "all offerings:/tilbud" "search:/tilbud?q=kor" \
  "offering:$offering" "course:$course" "sign-up form:$course/pamelding" "privacy:/personvern"; do
  name="${page%%:*}"
  path="${page#*:}"
  gz=0
  br=0
  files=()
  while read -r src; do
    [ -n "$src" ] || continue
    files+=("${src#/pkg/}")
    gz=$((gz + $(wire "$src" gzip)))
    br=$((br + $(wire "$src" br)))
  done < <(scripts_of "$path")
  printf '%-22s %10d %10d %12d %12d  %s\n' "$name" "$(wire "$path" gzip)" "$(wire "$path" br)" "$gz" "$br" "${files[*]:-none}"
  [ "$gz" -le "$BUDGET" ] || over=1
done
css="$(curl -fsS "$base/" | grep -o 'href="/pkg/[^"]*\.css"' | head -1 | sed 's/href="//; s/"$//')"
printf '\nstyle sheet (every page, cached for a year): %d bytes gzip, %d brotli\n' "$(wire "$css" gzip)" "$(wire "$css" br)"
[ "$over" = 0 ] || { echo "a page loads more than $((BUDGET / 1024)) KB gzip of JS + wasm" >&2; exit 1; }
