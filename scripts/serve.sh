#!/usr/bin/env bash
# README command 1: install everything, build, and serve the app with its
# built-in sample news API. Prints the URL. PORT=9000 scripts/serve.sh to move it.
# README command 3 (optional, needs internet): scripts/serve.sh --live also
# ingests real outlets' feeds every 15 minutes and serves the app on that API
# (scripts/live.sh; docs/ingest.md, "Running it").
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
case "${1:-}" in
  "" | --live) ;;
  *) die "unknown option $1 (scripts/serve.sh [--live])" ;;
esac
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
[ "${1:-}" = --live ] && exec "$ROOT/scripts/live.sh"
exec node "$ROOT/tools/serve.mjs" --root "$ROOT/build/site" --port "${PORT:-8080}"
