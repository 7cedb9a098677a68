#!/usr/bin/env bash
# Sets up everything the tests need and runs them all: formatting, clippy on
# the server and browser builds, unit and database tests on SQLite and
# PostgreSQL, HTTP tests, and the browser journeys in Chromium.
#
# REQUIRE_POSTGRES=1 (set by CI) turns a missing PostgreSQL into a failure;
# otherwise the PostgreSQL half is skipped with a loud warning.
source "$(dirname "$0")/lib.sh"
setup_build_tools
setup_test_tools

say "Formatting"
cargo fmt --all --check

say "Clippy: server build"
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p server -p migrations --all-targets -- -D warnings
say "Clippy: browser build"
cargo clippy -p frontend -p app --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
drop_test_databases() {
  psql "$PG_ADMIN_URL" -qtAc "select datname from pg_database where datname like 'treffpunkt_test_%'" 2>/dev/null |
    while read -r db; do psql "$PG_ADMIN_URL" -qc "drop database if exists \"$db\"" >/dev/null; done
}
if command -v psql >/dev/null && psql "$PG_ADMIN_URL" -qtAc 'select 1' >/dev/null 2>&1; then
  # Each database test creates its own fresh database from this one.
  export TEST_DATABASE_URL="$PG_ADMIN_URL"
  drop_test_databases
else
  if [ "${REQUIRE_POSTGRES:-0}" = 1 ]; then
    echo "PostgreSQL is required but does not answer at $PG_ADMIN_URL" >&2
    exit 1
  fi
  printf '\n\033[1;33m!! PostgreSQL does not answer at %s: the database tests run on SQLite only.\033[0m\n\n' "$PG_ADMIN_URL" >&2
fi

say "Unit, database and HTTP tests"
cargo test -p app --features ssr
cargo test -p server -p migrations
[ -n "${TEST_DATABASE_URL:-}" ] && drop_test_databases
rm -f "${TMPDIR:-/tmp}"/treffpunkt_test_*.db* 2>/dev/null || true
rm -rf "${TMPDIR:-/tmp}"/treffpunkt-mail-* 2>/dev/null || true

build_site
say "Browser journeys (Chromium)"
work="$(mktemp -d)"
port="${E2E_PORT:-3999}"
smtp_port="${E2E_SMTP_PORT:-2599}"
# A real SMTP server for the journeys; they read the emails from its Maildir.
mkdir -p "$work/mail/tmp" "$work/mail/new" "$work/mail/cur"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$work/mail" &
smtp_pid=$!
trap 'kill ${server_pid:-} $smtp_pid 2>/dev/null || true; rm -rf "$work"' EXIT
# The demo municipality, and beside it names written to break out of the
# page (the script-injection journeys in end2end/tests/security.spec.ts).
export DATABASE_URL="sqlite://$work/e2e.db?mode=rwc"
"$(server_bin)" import server/demo/municipality.toml
"$(server_bin)" import server/tests/fixtures/hostile.toml
LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  LEPTOS_SITE_ROOT="$SITE_ROOT" PUBLIC_URL="http://127.0.0.1:$port" RUST_LOG=warn \
  SMTP_HOST=127.0.0.1 SMTP_PORT="$smtp_port" SMTP_TLS=none MAIL_POLL_SECONDS=1 \
  SIGN_UP_LIMIT_PER_IP_MINUTE=1000 SIGN_UP_LIMIT_PER_EMAIL_HOUR=100 LINK_LIMIT_PER_IP_MINUTE=1000 \
  SIGN_IN_LIMIT_PER_IP_MINUTE=1000 SIGN_IN_EMAILS_PER_ADDRESS_HOUR=100 \
  SIGN_UP_PER_CLIENT=1000 SIGN_UP_PER_NETWORK_V4=1000 SEARCH_LIMIT_PER_IP_MINUTE=10000 \
  "$(server_bin)" serve >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_server "http://127.0.0.1:$port" $server_pid "$work/server.log"
(cd end2end && BASE_URL="http://127.0.0.1:$port" MAILDIR="$work/mail" npx playwright test) || { tail -50 "$work/server.log"; exit 1; }
say "All tests passed"
