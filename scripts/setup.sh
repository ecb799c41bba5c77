#!/usr/bin/env bash
# Installs everything newsglobe needs on a fresh Debian 12 machine (as root) and
# builds the third-party libraries into a cache outside the build tree.
# Idempotent: a second run checks stamps and returns in seconds.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git xz-utils ca-certificates dpkg-dev
  emscripten nodejs npm clang libclang-rt-14-dev
  nlohmann-json3-dev googletest libgtest-dev
  fonts-noto-core fonts-font-awesome python3-fonttools
  # web fonts for every other script (scripts/script_fonts.py): Noto CJK, the
  # subsetter and woff2 packer, and the frequency data that orders CJK slices
  fonts-noto-cjk libharfbuzz-bin woff2 python3-jieba kanjidic unicode-data
  chromium
  # the ingest service: HTTP, XML, gzip, hashing, language identification, offline MT into English
  libcurl4-openssl-dev libxml2-dev zlib1g-dev libssl-dev libcld2-dev
  apertium apertium-eng-spa apertium-eng-cat apertium-hbs-eng apertium-mkd-eng
  apertium-en-gl apertium-eu-en apertium-eo-en apertium-isl-eng
)

need_root() { [ "$(id -u)" = 0 ] || die "run as root (installs Debian packages)"; }

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    # node may come from outside Debian on some machines: accept any node >= 18
    if [ "$p" = nodejs ] || [ "$p" = npm ]; then command -v "${p/nodejs/node}" >/dev/null && continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    need_root
    log "installing Debian packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

enable_source_packages() {
  local f=/etc/apt/sources.list.d/debian-src.sources
  if [ ! -f "$f" ]; then
    need_root
    log "enabling Debian source packages ($f)"
    cat > "$f" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt-get update
  fi
}

# fetch_source PKG/SUITE ORIG_GLOB DEST: download a Debian source package and
# unpack its upstream tarball into DEST (no dpkg-source: a .dsc can go missing).
fetch_source() {
  local spec=$1 glob=$2 dest=$3 dl="$CACHE/downloads"
  [ -f "$dest/.unpacked" ] && return 0
  enable_source_packages
  mkdir -p "$dl"
  local tarball
  tarball=$(ls "$dl"/$glob 2>/dev/null | head -n1 || true)
  if [ -z "$tarball" ]; then
    log "downloading source package $spec"
    (cd "$dl" && apt-get source --download-only "$spec") || apt-get update
    tarball=$(ls "$dl"/$glob 2>/dev/null | head -n1 || true)
    if [ -z "$tarball" ]; then (cd "$dl" && apt-get source --download-only "$spec") || true; fi
    tarball=$(ls "$dl"/$glob 2>/dev/null | head -n1 || true)
    [ -n "$tarball" ] || die "could not download $spec ($glob) from Debian's archive"
  fi
  rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
  tar xf "$tarball" -C "$dest.tmp" --strip-components=1
  rm -rf "$dest" && mv "$dest.tmp" "$dest" && touch "$dest/.unpacked"
}

build_sdl() {
  [ -f "$SDL_DIR/lib/libSDL2.a" ] && return 0
  local src="$CACHE/src/SDL2-$SDL_VERSION"
  fetch_source "libsdl2/bookworm" "libsdl2_${SDL_VERSION}*.orig.tar.*" "$src"
  log "building SDL $SDL_VERSION for wasm (once; cached in $SDL_DIR)"
  local obj="$SDL_DIR.build"
  rm -rf "$obj" && mkdir -p "$obj"
  # The file list Emscripten's own SDL port compiles, against SDL's bundled
  # SDL_config_emscripten.h: no slow CMake configure checks. SDL_LEAN_AND_MEAN
  # (SDL's own switch) leaves out the software blitters, RLE, YUV and the
  # software renderer: the app and the floor draw with WebGL only. Neither
  # plays sound or reads gamepads: SDL's own switches leave out its audio,
  # joystick, game-controller and sensor subsystems (17 KB gzip of wasm; the
  # joystick's dummy driver stands in), and cmake/imgui_sdl2_no_gamepad.h
  # compiles ImGui's gamepad polling out to match.
  (cd "$src/src" && ls *.c atomic/*.c audio/*.c audio/emscripten/*.c audio/dummy/*.c audio/disk/*.c \
      cpuinfo/*.c dynapi/*.c events/*.c file/*.c haptic/*.c haptic/dummy/*.c \
      joystick/*.c joystick/dummy/*.c joystick/emscripten/*.c joystick/virtual/*.c loadso/dlopen/*.c locale/*.c locale/emscripten/*.c \
      main/dummy/*.c misc/*.c misc/emscripten/*.c power/*.c power/emscripten/*.c \
      render/*.c render/software/*.c render/opengles2/*.c sensor/*.c sensor/dummy/*.c \
      stdlib/*.c thread/*.c thread/generic/*.c timer/*.c timer/unix/*.c \
      video/*.c video/emscripten/*.c video/dummy/*.c video/yuv2rgb/*.c filesystem/emscripten/*.c) > "$obj/files.txt"
  (cd "$src/src" && xargs -P "$(jobs_n)" -I{} sh -c \
      'o="$0/$(echo {} | tr / _).o"; emcc -c {} -o "$o" -I../include -Oz -flto -w -DSDL_LEAN_AND_MEAN=1 \
        -DSDL_AUDIO_DISABLED=1 -DSDL_JOYSTICK_DISABLED=1 -DSDL_SENSOR_DISABLED=1 || exit 255' "$obj" \
      < "$obj/files.txt")
  mkdir -p "$SDL_DIR.tmp/lib" "$SDL_DIR.tmp/include"
  emar rcs "$SDL_DIR.tmp/lib/libSDL2.a" "$obj"/*.o
  cp -r "$src/include" "$SDL_DIR.tmp/include/SDL2"
  rm -rf "$SDL_DIR" "$obj" && mv "$SDL_DIR.tmp" "$SDL_DIR"
}

fetch_imgui()  { fetch_source "imgui/trixie" "imgui_${IMGUI_VERSION}*.orig.tar.*" "$IMGUI_DIR"; }

fetch_earcut() {
  [ -f "$EARCUT_DIR/include/mapbox/earcut.hpp" ] && return 0
  local src="$CACHE/src/python-mapbox-earcut"
  fetch_source "python-mapbox-earcut/bookworm" "python-mapbox-earcut_1.0.1*.orig.tar.*" "$src"
  grep -q "$EARCUT_VERSION" "$src/CHANGELOG.md" || die "python-mapbox-earcut does not ship earcut.hpp $EARCUT_VERSION"
  mkdir -p "$EARCUT_DIR/include/mapbox" && cp "$src/include/mapbox/earcut.hpp" "$EARCUT_DIR/include/mapbox/"
}

install_npm_packages() {
  local stamp="$ROOT/node_modules/.newsglobe-lock-sha"
  local want; want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing npm packages (package-lock.json)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --ignore-scripts)
    echo "$want" > "$stamp"
  fi
}

install_apt_packages
mkdir -p "$CACHE"
fetch_imgui
fetch_earcut
build_sdl
install_npm_packages
log "set-up complete (dependency cache: $CACHE)"
