#!/usr/bin/env bash
# Builds everything into build/: the native configuration (core, tests, tools,
# benchmarks, site data) and the wasm app, assembled in build/site.
#   scripts/build.sh            release build
#   NEWSGLOBE_FUZZ=1 scripts/build.sh   also the libFuzzer targets (clang)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

configure() {  # configure DIR ARGS...: cheap when already configured
  shift
  "$@"
}

log "native build (core, tests, tools, site data)"
configure "$BUILD_NATIVE" cmake -S . -B "$BUILD_NATIVE" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DNEWSGLOBE_DEPS="$CACHE" -DNEWSGLOBE_WASM_BUILD_DIR="$BUILD_WASM" \
  ${NEWSGLOBE_FUZZ:+-DNEWSGLOBE_FUZZ_BUILD_DIR="$BUILD_FUZZ"} > /dev/null
cmake --build "$BUILD_NATIVE"

log "wasm build (app and core tests)"
configure "$BUILD_WASM" emcmake cmake -S . -B "$BUILD_WASM" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DNEWSGLOBE_DEPS="$CACHE" > /dev/null
cmake --build "$BUILD_WASM"

if [ -n "${NEWSGLOBE_FUZZ:-}" ]; then
  log "fuzz build (clang + libFuzzer)"
  configure "$BUILD_FUZZ" cmake -S . -B "$BUILD_FUZZ" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGLOBE_FUZZ=ON \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DNEWSGLOBE_DEPS="$CACHE" > /dev/null
  cmake --build "$BUILD_FUZZ"
fi
log "site assembled in build/site ($(du -sh build/site | cut -f1))"
