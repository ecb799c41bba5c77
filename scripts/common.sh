# Shared settings for the project's scripts: pinned versions and where built
# dependencies are cached (outside the build tree, keyed by version).
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${NEWSGLOBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsglobe}"

SDL_VERSION=2.26.5
IMGUI_VERSION=1.90.1
EARCUT_VERSION=2.2.4      # shipped inside python-mapbox-earcut 1.0.1
EMSCRIPTEN_VERSION=3.1.6

# "lean": SDL_LEAN_AND_MEAN, built without the software blitters and renderer
# (the app draws with WebGL only; 28 KB gzip off the first view); "video":
# without audio, joystick, game controllers and sensors (17 KB more)
SDL_DIR="$CACHE/sdl2-$SDL_VERSION-emcc$EMSCRIPTEN_VERSION-lean-video"
IMGUI_DIR="$CACHE/imgui-$IMGUI_VERSION"
EARCUT_DIR="$CACHE/earcut-$EARCUT_VERSION"

BUILD_NATIVE="$ROOT/build/native"
BUILD_WASM="$ROOT/build/wasm"
BUILD_FUZZ="$ROOT/build/fuzz"

# Debian's emscripten needs Debian's node modules (acorn) when the machine's
# node is not Debian's.
export NODE_PATH=/usr/share/nodejs
# Use Debian's python (it has fonttools); a pyenv python on PATH may not.
PYTHON=/usr/bin/python3

log() { printf '\033[1;34m[newsglobe]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[newsglobe] error:\033[0m %s\n' "$*" >&2; exit 1; }
jobs_n() { nproc 2>/dev/null || echo 2; }
