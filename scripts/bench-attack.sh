#!/usr/bin/env bash
# One attacker against twelve residents per course, over HTTP: an attacker
# from one IPv6 /64 and one from a whole /48 post sign-ups flat out and
# confirm every email they get, for 10 minutes (or --minutes N), while
# residents sign up at random moments. Prints who holds the places, on
# SQLite and (when it answers) PostgreSQL. Figures only, no pass/fail.
# Release build.
source "$(dirname "$0")/lib.sh"
PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if command -v psql >/dev/null && psql "$PG_ADMIN_URL" -qtAc 'select 1' >/dev/null 2>&1; then
  export TEST_DATABASE_URL="$PG_ADMIN_URL"
else
  echo "PostgreSQL does not answer at $PG_ADMIN_URL: SQLite only" >&2
fi
cargo run -q --release -p server --example bench_attack -- "$@"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  psql "$PG_ADMIN_URL" -qtAc "select datname from pg_database where datname like 'treffpunkt_test_%'" |
    while read -r db; do psql "$PG_ADMIN_URL" -qc "drop database if exists \"$db\"" >/dev/null; done
fi
rm -f "${TMPDIR:-/tmp}"/treffpunkt_test_*.db*
