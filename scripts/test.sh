#!/usr/bin/env bash
# README command 2: install everything, build every configuration, and run
# every suite through CTest: native unit tests, the core tests compiled to wasm
# (node), the fuzzers for a bounded time, and the browser tests (Chromium).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup.sh"
NEWSGLOBE_FUZZ=1 "$ROOT/scripts/build.sh"
cd "$BUILD_NATIVE"
log "running all test suites"
ctest --output-on-failure "$@"
