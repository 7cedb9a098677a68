#!/usr/bin/env bash
# Sets up the build tools, builds the site (optimised, as deployed) and
# serves it on http://127.0.0.1:3000 from ./data/treffpunkt.db, seeded with the demo
# municipality when empty. Set DATABASE_URL=postgres://… to use PostgreSQL.
source "$(dirname "$0")/lib.sh"
setup_build_tools
build_site release
say "Serving http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export LEPTOS_SITE_ROOT="$SITE_ROOT"
exec "$(server_bin release)" serve
