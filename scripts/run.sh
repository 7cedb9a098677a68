#!/usr/bin/env bash
# Sets up the build tools, builds the site (optimised, as deployed) and
# serves it on http://127.0.0.1:3000 from ./data/treffpunkt.db, seeded with the demo
# municipality when empty. Set DATABASE_URL=postgres://… to use PostgreSQL.
source "$(dirname "$0")/lib.sh"
setup_build_tools
build_site release
addr="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
say "Serving http://$addr"
# The demo has one staff account per role. Without SMTP_HOST every email,
# the sign-in codes too, is written as an .eml file under OUTBOX_DIR.
cat <<EOF
Staff area: http://$addr/ansatt/logg-inn. Type one of these addresses:
  admin@fjordvik.kommune.example        (administrator)
  redaktor@fjordvik.kommune.example     (editor)
  koordinator@fjordvik.kommune.example  (coordinator: Fjordvik LMS, Østbyen frivilligsentral)
then open the newest file in ${OUTBOX_DIR:-data/outbox}/ and type its six-digit code
(or open its link).
EOF
export LEPTOS_SITE_ROOT="$SITE_ROOT"
# The demo's municipality, for the printed weekly programme's head.
export MUNICIPALITY="${MUNICIPALITY:-Fjordvik kommune}"
exec "$(server_bin release)" serve
