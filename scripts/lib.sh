# Shared by the scripts in this folder: paths, versions and tool set-up.
# Every step skips what is already in place, so a second run takes seconds.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
SITE_ROOT="$ROOT/target/site"
TOOLS="$ROOT/.tools"
# npm's binaryen: Debian's binaryen 108 corrupts wasm-bindgen 0.2.130 output.
BINARYEN_VERSION=132.0.0
export PATH="$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export LEPTOS_OUTPUT_NAME=treffpunkt

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local want
  want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "Installing wasm-bindgen-cli $want (about 5 minutes, once)"
    # Not --locked: the locked build wants a webpki-roots release the index lacks.
    cargo install wasm-bindgen-cli --version "$want"
  fi
  if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
    say "Installing wasm-opt (npm binaryen $BINARYEN_VERSION)"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
  fi
}

setup_test_tools() {
  # Chromium for the browser journeys; aiosmtpd, a real SMTP server, for
  # the mail tests; haproxy, a real load balancer, for two servers.
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ] || [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]; then
    say "Installing the end-to-end test packages"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --silent)
  fi
}

# Builds the server (debug, or with `release` the optimised build) and the
# site bundle: the islands' wasm in the size-optimised wasm-release
# profile, bound and shrunk, plus the CSS.
build_site() {
  if [ "${1:-}" = release ]; then
    say "Building the server (release)"
    cargo build --release -p server
  else
    say "Building the server"
    cargo build -p server
  fi
  say "Building the browser bundle"
  cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release
  mkdir -p "$SITE_ROOT/pkg"
  wasm-bindgen --target web --no-typescript --out-name "$LEPTOS_OUTPUT_NAME" \
    --out-dir "$SITE_ROOT/pkg" "$TARGET_DIR/wasm32-unknown-unknown/wasm-release/frontend.wasm"
  # public/pkg/islands.js loads /pkg/$LEPTOS_OUTPUT_NAME.js and .wasm (no
  # "_bg", as cargo-leptos names it), not wasm-bindgen's NAME_bg.wasm.
  # The two custom sections only describe the build; browsers ignore them.
  wasm-opt -Oz --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int \
    -o "$SITE_ROOT/pkg/$LEPTOS_OUTPUT_NAME.wasm" "$SITE_ROOT/pkg/${LEPTOS_OUTPUT_NAME}_bg.wasm"
  rm -f "$SITE_ROOT/pkg/${LEPTOS_OUTPUT_NAME}_bg.wasm"
  cp "$ROOT/style/main.css" "$SITE_ROOT/pkg/$LEPTOS_OUTPUT_NAME.css"
  if [ -d "$ROOT/public" ]; then cp -r "$ROOT/public/." "$SITE_ROOT/"; fi
}

# The server binary: debug, or `server_bin release`.
server_bin() { echo "$TARGET_DIR/${1:-debug}/treffpunkt"; }

# Waits until the server with process id $2, logging to $3, answers
# $1/healthz; shows its log and fails if it ends first.
wait_for_server() {
  for _ in $(seq 1 150); do
    curl -fsS "$1/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; return 1; }
    sleep 0.2
  done
  echo "the server at $1 did not answer" >&2
  return 1
}
