#!/usr/bin/env bash
# Prints how long the staff pages that grow take: a course's people (500),
# the editor's queue and the staff list among 5 000 offerings, and the CSV
# of a course of 10 000 people; one client, then four, on an editor's
# session, on SQLite and (when it answers) PostgreSQL. Figures only, no
# pass/fail. Release build; pass --debug for a quick look, and
# --offerings N for another size.
source "$(dirname "$0")/lib.sh"
profile=(--release)
if [ "${1:-}" = "--debug" ]; then profile=(); shift; fi
# Over the local socket when there is one, as bench-pages.sh does: over
# TCP, sqlx 0.9.0 leaves Nagle's algorithm on (see the README).
PG_SOCKET_DIR=/var/run/postgresql
if [ -z "${PG_ADMIN_URL:-}" ] && [ -S "$PG_SOCKET_DIR/.s.PGSQL.5432" ]; then
  PG_ADMIN_URL="postgres:///postgres?host=$PG_SOCKET_DIR&user=postgres"
fi
PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if command -v psql >/dev/null && psql "$PG_ADMIN_URL" -qtAc 'select 1' >/dev/null 2>&1; then
  export TEST_DATABASE_URL="$PG_ADMIN_URL"
else
  echo "PostgreSQL does not answer at $PG_ADMIN_URL: SQLite only" >&2
fi
cargo run -q "${profile[@]}" -p server --example bench_staff -- "$@"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  psql "$PG_ADMIN_URL" -qtAc "select datname from pg_database where datname like 'treffpunkt_test_%'" |
    while read -r db; do psql "$PG_ADMIN_URL" -qc "drop database if exists \"$db\"" >/dev/null; done
fi
rm -f "${TMPDIR:-/tmp}"/treffpunkt_test_*.db*
