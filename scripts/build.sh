#!/usr/bin/env bash
# Builds everything into build/: the native configuration (core, tests, tools,
# benchmarks, site data) and the wasm app, assembled in build/site.
#   scripts/build.sh            release build
#   NEWSGLOBE_FUZZ=1 scripts/build.sh   also the libFuzzer targets (clang)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

# Each configuration is (re)configured on every run: on a folder already
# configured, CMake only re-reads its lists (a second or two), and options
# added since (NEWSGLOBE_FUZZ_BUILD_DIR) take effect.
log "native build (core, tests, tools, site data)"
cmake -S . -B "$BUILD_NATIVE" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DNEWSGLOBE_DEPS="$CACHE" -DNEWSGLOBE_WASM_BUILD_DIR="$BUILD_WASM" \
  ${NEWSGLOBE_FUZZ:+-DNEWSGLOBE_FUZZ_BUILD_DIR="$BUILD_FUZZ"} > /dev/null
cmake --build "$BUILD_NATIVE"

log "wasm build (app and core tests)"
emcmake cmake -S . -B "$BUILD_WASM" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DNEWSGLOBE_DEPS="$CACHE" -DNEWSGLOBE_SDL2_DIR="$SDL_DIR" > /dev/null
cmake --build "$BUILD_WASM"

if [ -n "${NEWSGLOBE_FUZZ:-}" ]; then
  log "fuzz build (clang + libFuzzer)"
  cmake -S . -B "$BUILD_FUZZ" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGLOBE_FUZZ=ON \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DNEWSGLOBE_DEPS="$CACHE" > /dev/null
  cmake --build "$BUILD_FUZZ"
fi
log "site assembled in build/site ($(du -sh build/site | cut -f1))"
