# Wasm configuration (emcmake): the app and the core tests for node.
set(IMGUI "${NEWSGLOBE_IMGUI_DIR}")
if(NOT EXISTS "${IMGUI}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui not found in ${IMGUI}: run scripts/setup.sh or set NEWSGLOBE_IMGUI_DIR")
endif()

set(size_flags -Oz -flto)
# Binaryen's -Oz once more until the module stops shrinking: 2.5 KB gzip off
# the app's wasm (the first view's budget is 450 KB), link time a few seconds.
# And no function of over 200 nodes inlined into its only caller (binaryen's
# default has no limit): the app's frame had grown into one 99 KB function,
# which the browser compiles whole the first time it runs, code for panels
# not yet open included (15 ms of the first frame here); split, each part is
# compiled when first called. Below 400 nodes, the map's decoding and
# earcut's inner tests stay functions of their own too: V8 optimises a hot
# function in the background while its first call runs on unoptimised, so
# a hot loop inlined into a once-called function (decoding, start-up) cost
# the start-up a large optimising compile competing for this machine's two
# cores, and gained nothing from it. First globe frame 580-600 -> 540 ms
# (11 alternated loads, three runs); 150 is no better, 100 worse.
# emmalloc instead of dlmalloc: 4 KB gzip less code, and a malloc small
# enough that optimising it (it runs hot at start-up) costs little: first
# globe frame 544 -> 509 ms (11 alternated loads; docs/performance.md).
set(link_size_flags ${size_flags} -sMALLOC=emmalloc -sBINARYEN_EXTRA_PASSES=--converge,--one-caller-inline-max-function-size=200)
# Emscripten without Closure only strips the JS glue's whitespace; terser
# (package.json) also shortens its names: 191 -> 100 KB raw, 42 -> 29 KB gzip.
find_program(NODE_EXECUTABLE node REQUIRED)
function(newsglobe_minify_glue target)
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND "${NODE_EXECUTABLE}" "${CMAKE_SOURCE_DIR}/node_modules/terser/bin/terser" "$<TARGET_FILE:${target}>"
            --compress --mangle -o "$<TARGET_FILE:${target}>" VERBATIM)
endfunction()

# ---- SDL2: Debian-built (default) or emsdk's port ---------------------------
add_library(sdl2 INTERFACE)
if(NEWSGLOBE_USE_EMSDK_PORTS)
  target_compile_options(sdl2 INTERFACE -sUSE_SDL=2)
  target_link_options(sdl2 INTERFACE -sUSE_SDL=2)
else()
  target_include_directories(sdl2 INTERFACE "${NEWSGLOBE_SDL2_DIR}/include/SDL2")
  target_link_libraries(sdl2 INTERFACE "${NEWSGLOBE_SDL2_DIR}/lib/libSDL2.a")
endif()

# ---- Dear ImGui, and its SDL2 backend apart: only main may see SDL ----------
# ImGui 1.90's ImFontAtlas::AddFontDefault links its built-in ProggyClean
# font (12 KB of base85, 10 KB gzip) into every app, though the app only
# draws Noto Sans and never asks for it; 1.91 has IMGUI_DISABLE_DEFAULT_FONT
# for this. The app compiles a copy of imgui_draw.cpp whose AddFontDefault
# returns NULL, as 1.91's does with that switch; the floor keeps stock ImGui.
file(READ "${IMGUI}/imgui_draw.cpp" imgui_draw_stock)
string(REPLACE "const char* ttf_compressed_base85 = GetDefaultCompressedFontDataTTFBase85();"
               "const char* ttf_compressed_base85 = NULL; return NULL;  // newsglobe: no built-in font"
               imgui_draw_lean "${imgui_draw_stock}")
if(imgui_draw_lean STREQUAL imgui_draw_stock)
  message(FATAL_ERROR "imgui_draw.cpp: AddFontDefault not as in ImGui 1.90; update cmake/wasm.cmake")
endif()
set(imgui_draw_lean_file "${CMAKE_BINARY_DIR}/imgui_draw_no_default_font.cpp")
if(EXISTS "${imgui_draw_lean_file}")
  file(READ "${imgui_draw_lean_file}" imgui_draw_written)
endif()
if(NOT imgui_draw_written STREQUAL imgui_draw_lean)  # rewritten only when it changes: no needless rebuilds
  file(WRITE "${imgui_draw_lean_file}" "${imgui_draw_lean}")
endif()
add_library(imgui STATIC
  ${IMGUI}/imgui.cpp ${imgui_draw_lean_file} ${IMGUI}/imgui_tables.cpp ${IMGUI}/imgui_widgets.cpp)
target_include_directories(imgui PUBLIC ${IMGUI})
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS)
target_compile_options(imgui PRIVATE -fno-exceptions -fno-rtti -w)
add_library(imgui_sdl2 STATIC ${IMGUI}/backends/imgui_impl_sdl2.cpp)
target_include_directories(imgui_sdl2 PUBLIC ${IMGUI}/backends)
target_link_libraries(imgui_sdl2 PUBLIC imgui sdl2)
target_compile_options(imgui_sdl2 PRIVATE -fno-exceptions -fno-rtti -w)
# SDL is built without its joystick, game-controller, audio and sensor code
# (scripts/setup.sh); the backend's gamepad polling is compiled out to match,
# here and in the floor, which builds the same file
set_source_files_properties(${IMGUI}/backends/imgui_impl_sdl2.cpp PROPERTIES
  COMPILE_OPTIONS "-include;${CMAKE_SOURCE_DIR}/cmake/imgui_sdl2_no_gamepad.h")

# ---- the layers above the viewer (cmake/layers.cmake) --------------------------
newsglobe_layer(render PUBLIC newsglobe_core PRIVATE imgui)
newsglobe_layer(web PUBLIC newsglobe_core)
newsglobe_layer(ui PUBLIC newsglobe_viewer imgui PRIVATE newsglobe_web)
foreach(layer viewer render web ui)
  target_compile_options(newsglobe_${layer} PRIVATE -fno-rtti -Wall -Wextra)
endforeach()
# the core too, in the browser (its std::functions' type names were 14 KB of the wasm)
target_compile_options(newsglobe_core PRIVATE -fno-rtti)

# ---- main: the app --------------------------------------------------------------
file(GLOB main_sources CONFIGURE_DEPENDS src/main/*.cpp)
add_executable(newsglobe ${main_sources})
newsglobe_layer_headers(newsglobe main)
target_link_libraries(newsglobe PRIVATE newsglobe_ui newsglobe_render newsglobe_web newsglobe_viewer imgui_sdl2)
target_compile_options(newsglobe PRIVATE -fno-exceptions -fno-rtti -Wall -Wextra)
set_target_properties(newsglobe PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${NEWSGLOBE_SITE_DIR}")
# FETCH_SUPPORT_INDEXEDDB=0: Emscripten's fetch would open an IndexedDB
# database on the host page's origin at start-up, and run main() only once it
# is open (~40 ms before the first frame here); the app keeps nothing there.
target_link_options(newsglobe PRIVATE ${link_size_flags}
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0 -sALLOW_MEMORY_GROWTH=1
  -sENVIRONMENT=web -sFILESYSTEM=0 -sMODULARIZE=1 -sEXPORT_NAME=createNewsglobe
  -sEXPORTED_RUNTIME_METHODS=specialHTMLTargets,ccall,UTF8ToString
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free --closure=0
  "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/src/web/text_engine.js" "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/src/web/webgl_context.js")
# JavaScript the glue takes in: the browser side of web/text.cpp, the WebGL
# context's options (their own files: plain JavaScript with comments)
set_property(TARGET newsglobe APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/src/web/text_engine.js"
                                                           "${CMAKE_SOURCE_DIR}/src/web/webgl_context.js")
newsglobe_minify_glue(newsglobe)
# the page and the JS that embeds the app (copied on every build: cheap, never stale)
add_custom_target(site_pages ALL
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/shell.html" "${NEWSGLOBE_SITE_DIR}/index.html"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/web" "${NEWSGLOBE_SITE_DIR}"
  COMMAND "${NODE_EXECUTABLE}" "${CMAKE_SOURCE_DIR}/node_modules/terser/bin/terser" "${NEWSGLOBE_SITE_DIR}/newsglobe-embed.js"
          --compress --mangle -o "${NEWSGLOBE_SITE_DIR}/newsglobe-embed.js" VERBATIM)
add_dependencies(newsglobe site_pages)

# ---- the ImGui renderer alone, for tests/browser/renderer.test.mjs ---------------
add_executable(imgui_renderer_probe tests/render/imgui_renderer_probe.cpp)
target_link_libraries(imgui_renderer_probe PRIVATE newsglobe_render imgui)
target_compile_options(imgui_renderer_probe PRIVATE -fno-exceptions -fno-rtti -Wall -Wextra)
set_target_properties(imgui_renderer_probe PROPERTIES SUFFIX ".js")
target_link_options(imgui_renderer_probe PRIVATE ${link_size_flags}
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sENVIRONMENT=web -sFILESYSTEM=0 -sMODULARIZE=1 -sEXPORT_NAME=createProbe
  -sEXPORTED_FUNCTIONS=_probe_run,_probe_vertices,_probe_render_ms,_malloc,_free --closure=0)

# ---- core tests compiled to wasm, run under node -------------------------------
set(GTEST_SRC /usr/src/googletest/googletest)
add_library(gtest_wasm STATIC ${GTEST_SRC}/src/gtest-all.cc ${GTEST_SRC}/src/gtest_main.cc)
target_include_directories(gtest_wasm PUBLIC ${GTEST_SRC}/include PRIVATE ${GTEST_SRC})
target_compile_definitions(gtest_wasm PUBLIC GTEST_HAS_PTHREAD=0)
target_compile_options(gtest_wasm PRIVATE -w)
file(GLOB test_sources CONFIGURE_DEPENDS tests/unit/*.cpp)
add_executable(core_tests ${test_sources})
target_link_libraries(core_tests PRIVATE newsglobe_core gtest_wasm)
target_compile_options(core_tests PRIVATE -fno-rtti)  # as the core
target_compile_definitions(core_tests PRIVATE
  NEWSGLOBE_SOURCE_DIR="${CMAKE_SOURCE_DIR}" NEWSGLOBE_SITE_DIR="${NEWSGLOBE_SITE_DIR}")
set_target_properties(core_tests PROPERTIES SUFFIX ".js")
# the repo's package.json says "type": "module"; Emscripten's node output is CommonJS
file(WRITE "${CMAKE_BINARY_DIR}/package.json" "{\"type\": \"commonjs\"}\n")
target_link_options(core_tests PRIVATE -O1 -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1)

# ---- the floor: the bare stack (SDL2, WebGL2, stock ImGui and its demo), built
# with the app's flags, for tools/bench_web.mjs to measure the app against ------
add_executable(floor bench/floor/floor.cpp
  ${IMGUI}/imgui.cpp ${IMGUI}/imgui_draw.cpp ${IMGUI}/imgui_tables.cpp ${IMGUI}/imgui_widgets.cpp ${IMGUI}/imgui_demo.cpp
  ${IMGUI}/backends/imgui_impl_sdl2.cpp ${IMGUI}/backends/imgui_impl_opengl3.cpp)
target_include_directories(floor PRIVATE ${IMGUI} ${IMGUI}/backends)
target_link_libraries(floor PRIVATE sdl2)
target_compile_options(floor PRIVATE -fno-exceptions -fno-rtti -w)
set_target_properties(floor PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${NEWSGLOBE_SITE_DIR}/bench/floor")
target_link_options(floor PRIVATE ${link_size_flags}
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sENVIRONMENT=web -sFILESYSTEM=0 -sEXPORTED_FUNCTIONS=_main,_floor_stat --closure=0)
newsglobe_minify_glue(floor)
add_custom_command(TARGET floor POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/bench/floor/floor.html" "${CMAKE_SOURCE_DIR}/bench/floor/floor.css"
          "${CMAKE_SOURCE_DIR}/bench/floor/floor-boot.js" "${NEWSGLOBE_SITE_DIR}/bench/floor/")
set_property(TARGET floor APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/bench/floor/floor.html"
  "${CMAKE_SOURCE_DIR}/bench/floor/floor.css" "${CMAKE_SOURCE_DIR}/bench/floor/floor-boot.js")

# ---- brotli and gzip copies of the site's own files, for servers to send as they are ----
# the app's code under names taken from its content, the loader pointed at them
add_custom_target(site_fingerprint ALL
  COMMAND "${NODE_EXECUTABLE}" "${CMAKE_SOURCE_DIR}/tools/fingerprint.mjs" "${NEWSGLOBE_SITE_DIR}" VERBATIM)
add_dependencies(site_fingerprint newsglobe site_pages)
add_custom_target(site_precompressed ALL
  COMMAND "${NODE_EXECUTABLE}" "${CMAKE_SOURCE_DIR}/tools/precompress.mjs" "${NEWSGLOBE_SITE_DIR}" VERBATIM)
add_dependencies(site_precompressed newsglobe floor site_pages site_fingerprint)
