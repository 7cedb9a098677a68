#!/usr/bin/env bash
# Lighthouse (npm, driving Debian's Chromium) in its default mobile mode —
# a mid-range phone on a slow 4G connection, simulated — on the front
# page, a district page and a course's sign-up page of the release build
# with the demo municipality. Prints performance, accessibility, largest
# contentful paint and bytes transferred per page; figures, no pass/fail.
#   scripts/lighthouse.sh [--keep DIR]   (DIR keeps the JSON reports)
source "$(dirname "$0")/lib.sh"
LIGHTHOUSE_VERSION=12.8.2
keep=""
[ "${1:-}" = --keep ] && keep="${2:?--keep needs a folder}"
setup_build_tools
setup_test_tools
if [ "$(lighthouse --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  say "Installing Lighthouse $LIGHTHOUSE_VERSION (npm)"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi
build_site release

work="$(mktemp -d)"
port="${LIGHTHOUSE_PORT:-3998}"
trap 'kill ${server_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
DATABASE_URL="sqlite://$work/demo.db?mode=rwc" LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  LEPTOS_SITE_ROOT="$SITE_ROOT" PUBLIC_URL="http://127.0.0.1:$port" OUTBOX_DIR="$work/outbox" \
  RUST_LOG=warn "$(server_bin release)" serve >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_server "http://127.0.0.1:$port" $server_pid "$work/server.log"

say "Lighthouse, mobile (simulated slow 4G, 4× slower CPU)"
printf '%-10s %-42s %11s %13s %8s %11s\n' page path performance accessibility "LCP s" "transferred"
for page in "front:/" "district:/bydel/sentrum" "sign-up:/tilbud/leve-med-kols-var-2027/pamelding"; do
  name="${page%%:*}"
  path="${page#*:}"
  report="$work/$name.json"
  # Lighthouse sometimes loses the trace of a run on a busy machine
  # (NO_NAVSTART): that run measures nothing, so it is tried again.
  for try in 1 2 3; do
    CHROME_PATH=/usr/bin/chromium lighthouse "http://127.0.0.1:$port$path" \
      --quiet --output=json --output-path="$report" \
      --only-categories=performance,accessibility \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
      >/dev/null 2>"$work/$name.log" && break
    grep -q NO_NAVSTART "$work/$name.log" && [ "$try" -lt 3 ] || { cat "$work/$name.log"; exit 1; }
  done
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const a = r.audits;
    const kib = a["total-byte-weight"].numericValue / 1024;
    console.log([process.argv[2].padEnd(10), process.argv[3].padEnd(42),
      String(Math.round(r.categories.performance.score * 100)).padStart(11),
      String(Math.round(r.categories.accessibility.score * 100)).padStart(13),
      (a["largest-contentful-paint"].numericValue / 1000).toFixed(2).padStart(8),
      (kib.toFixed(1) + " KiB").padStart(11)].join(" "));
  ' "$report" "$name" "$path"
  [ -n "$keep" ] && mkdir -p "$keep" && cp "$report" "$keep/"
done
