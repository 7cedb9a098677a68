#!/usr/bin/env bash
# Prints sign-ups per second and p50/p99 latency for 50 concurrent clients
# over 12 courses, with the mail worker running: once over HTTP (no-JS form
# posts on keep-alive connections to the real router) and once straight
# into the service, on SQLite and (when it answers) PostgreSQL. Figures
# only, no pass/fail. Release build; pass --debug for a quick look.
source "$(dirname "$0")/lib.sh"
profile=(--release)
[ "${1:-}" = "--debug" ] && profile=()
PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if command -v psql >/dev/null && psql "$PG_ADMIN_URL" -qtAc 'select 1' >/dev/null 2>&1; then
  export TEST_DATABASE_URL="$PG_ADMIN_URL"
else
  echo "PostgreSQL does not answer at $PG_ADMIN_URL: SQLite only" >&2
fi
cargo run -q "${profile[@]}" -p server --example bench_sign_up
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  psql "$PG_ADMIN_URL" -qtAc "select datname from pg_database where datname like 'treffpunkt_test_%'" |
    while read -r db; do psql "$PG_ADMIN_URL" -qc "drop database if exists \"$db\"" >/dev/null; done
fi
rm -f "${TMPDIR:-/tmp}"/treffpunkt_test_*.db*
