#!/usr/bin/env bash
# README command 1: install everything, build, and serve the app with its
# built-in sample news API. Prints the URL. PORT=9000 scripts/serve.sh to move it.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
exec node "$ROOT/tools/serve.mjs" --root "$ROOT/build/site" --port "${PORT:-8080}"
