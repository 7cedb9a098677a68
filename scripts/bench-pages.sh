#!/usr/bin/env bash
# The directory at the size of the country: generates 100 000 offerings over
# 50 districts, imports them into SQLite and (when it answers) PostgreSQL
# with the release binary, and measures every kind of page at a fixed 500
# requests/s and flat out, the import time, the database size and the
# server's memory. Figures only, no pass/fail.
#   scripts/bench-pages.sh [--offerings N] [--districts N] [--seconds N] [--only sqlite|postgresql]
source "$(dirname "$0")/lib.sh"
setup_build_tools
build_site release
# Over the local socket when there is one; PG_ADMIN_URL=postgres://…@127.0.0.1
# measures TCP, as several servers reach PostgreSQL (the workspace patches
# sqlx-core so TCP connections have Nagle's algorithm off).
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
export LEPTOS_SITE_ROOT="$SITE_ROOT" TREFFPUNKT_BIN="$TARGET_DIR/release/treffpunkt"
cargo run -q --release -p server --example bench_pages -- "$@"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  psql "$PG_ADMIN_URL" -qtAc "select datname from pg_database where datname like 'treffpunkt_test_%'" |
    while read -r db; do psql "$PG_ADMIN_URL" -qc "drop database if exists \"$db\"" >/dev/null; done
fi
