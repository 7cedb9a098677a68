#!/usr/bin/env bash
# Builds what a deployment needs, optimised: the server binary
# (target/release/treffpunkt, or under CARGO_TARGET_DIR) and the site files
# it serves (target/site: style sheet, scripts, wasm). Copy both; point
# LEPTOS_SITE_ROOT at the site folder.
source "$(dirname "$0")/lib.sh"
setup_build_tools
build_site release
say "Built $(server_bin release) and $SITE_ROOT"
