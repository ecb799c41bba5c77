# Native configuration: unit tests, benchmarks, data tools, site data, and the
# CTest entries for every suite (the wasm and browser ones run what the wasm
# configuration built).
find_package(GTest REQUIRED)
include(GoogleTest)
enable_testing()

set(NEWSGLOBE_WARNINGS -Wall -Wextra)

# ---- unit tests: core (tests/unit) and the viewer (tests/viewer) --------------
# Each links only its layer, so a test cannot reach above what it tests.
function(newsglobe_unit_tests name folder layer)
  file(GLOB sources CONFIGURE_DEPENDS ${folder}/*.cpp)
  add_executable(${name} ${sources})
  target_link_libraries(${name} PRIVATE ${layer} GTest::gtest GTest::gtest_main)
  target_compile_options(${name} PRIVATE ${NEWSGLOBE_WARNINGS})
  target_compile_definitions(${name} PRIVATE
    NEWSGLOBE_SOURCE_DIR="${CMAKE_SOURCE_DIR}" NEWSGLOBE_SITE_DIR="${NEWSGLOBE_SITE_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
  add_dependencies(${name} site_data)  # some load the real map asset
endfunction()
newsglobe_unit_tests(core_tests tests/unit newsglobe_core)
# the sample API's own tests run its generator with a pinned clock (native only)
target_compile_definitions(core_tests PRIVATE NEWSGLOBE_GEN_SAMPLE_API="$<TARGET_FILE:gen_sample_api>")
add_dependencies(core_tests gen_sample_api)
newsglobe_unit_tests(viewer_tests tests/viewer newsglobe_viewer)

# ---- the ingest service (its own library, program and tests) -----------------
add_subdirectory(ingest)

# ---- tools and benchmarks: one executable per file ----------------------------
foreach(kind tools bench)
  file(GLOB sources CONFIGURE_DEPENDS ${kind}/*.cpp)
  foreach(src ${sources})
    get_filename_component(name ${src} NAME_WE)
    add_executable(${name} ${src})
    target_link_libraries(${name} PRIVATE newsglobe_core)
    target_compile_options(${name} PRIVATE ${NEWSGLOBE_WARNINGS})
    target_compile_definitions(${name} PRIVATE NEWSGLOBE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  endforeach()
endforeach()

# ---- site data: map asset, sample API, subset fonts ---------------------------
set(NODE_MODULES "${CMAKE_SOURCE_DIR}/node_modules")
add_custom_command(
  OUTPUT "${NEWSGLOBE_SITE_DIR}/data/world.bin" "${NEWSGLOBE_SITE_DIR}/data/world-light.bin"
  COMMAND prepare_world
          --topojson "${NODE_MODULES}/world-atlas/countries-50m.json"
          --codes "${NODE_MODULES}/i18n-iso-countries/codes.json"
          --names "${NODE_MODULES}/i18n-iso-countries/langs/en.json"
          --overrides "${CMAKE_SOURCE_DIR}/assets/country_overrides.json"
          --out "${NEWSGLOBE_SITE_DIR}/data/world.bin"
          --light-out "${NEWSGLOBE_SITE_DIR}/data/world-light.bin"
  DEPENDS prepare_world "${CMAKE_SOURCE_DIR}/assets/country_overrides.json"
  COMMENT "Preparing the world map asset")
# The sample API is dated by the hour the build runs in (cmake/sample_api.cmake).
set(SAMPLE_CLOCK "${CMAKE_BINARY_DIR}/sample_api_clock.txt")
add_custom_target(sample_api_clock
  COMMAND ${CMAKE_COMMAND} -DSTEP=clock "-DCLOCK=${SAMPLE_CLOCK}" -P "${CMAKE_SOURCE_DIR}/cmake/sample_api.cmake"
  BYPRODUCTS "${SAMPLE_CLOCK}")
add_custom_command(
  OUTPUT "${NEWSGLOBE_SITE_DIR}/api/v1/countries.json"
  COMMAND ${CMAKE_COMMAND} -DSTEP=generate "-DCLOCK=${SAMPLE_CLOCK}" "-DGEN=$<TARGET_FILE:gen_sample_api>"
          "-DOUT=${NEWSGLOBE_SITE_DIR}/api" -DSEED=20261125 -P "${CMAKE_SOURCE_DIR}/cmake/sample_api.cmake"
  DEPENDS gen_sample_api sample_api_clock "${SAMPLE_CLOCK}" "${CMAKE_SOURCE_DIR}/cmake/sample_api.cmake"
  COMMENT "Generating the sample news API")
add_custom_command(
  OUTPUT "${NEWSGLOBE_SITE_DIR}/data/country_names.txt"
  COMMAND prepare_country_names --langs "${NODE_MODULES}/i18n-iso-countries/langs"
          --out "${NEWSGLOBE_SITE_DIR}/data/country_names.txt"
  DEPENDS prepare_country_names
  COMMENT "Country names in every language (search)")
set(FONT_OUT "${NEWSGLOBE_SITE_DIR}/fonts")
add_custom_command(
  OUTPUT "${FONT_OUT}/NotoSans-Regular.ttf" "${FONT_OUT}/NotoSans-Bold.ttf" "${FONT_OUT}/fa-subset.ttf"
  COMMAND "${CMAKE_SOURCE_DIR}/scripts/subset_fonts.sh" "${FONT_OUT}"
  DEPENDS "${CMAKE_SOURCE_DIR}/scripts/subset_fonts.sh" "${CMAKE_SOURCE_DIR}/assets/icons.txt"
          "${CMAKE_SOURCE_DIR}/assets/atlas_ranges.txt"
  COMMENT "Subsetting fonts")
# every other script: per-script faces and sliced CJK, cached by version in
# the dependency cache (the first build takes minutes; docs/text.md)
add_custom_command(
  OUTPUT "${FONT_OUT}/scripts.json"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/scripts/script_fonts.py" "${FONT_OUT}" "${NEWSGLOBE_DEPS}"
  DEPENDS "${CMAKE_SOURCE_DIR}/scripts/script_fonts.py" "${CMAKE_SOURCE_DIR}/assets/atlas_ranges.txt"
  COMMENT "Web fonts for every script (cached)")
add_custom_target(site_data ALL DEPENDS
  "${NEWSGLOBE_SITE_DIR}/data/world.bin" "${NEWSGLOBE_SITE_DIR}/api/v1/countries.json"
  "${FONT_OUT}/NotoSans-Regular.ttf" "${FONT_OUT}/scripts.json" "${NEWSGLOBE_SITE_DIR}/data/country_names.txt")

# ---- suites that run outside this configuration -------------------------------
set(NEWSGLOBE_WASM_BUILD_DIR "" CACHE PATH "wasm build folder (enables the wasm and browser suites)")
set(NEWSGLOBE_FUZZ_BUILD_DIR "" CACHE PATH "fuzz build folder (enables the fuzz runs)")
set(NEWSGLOBE_FUZZ_SECONDS 15 CACHE STRING "seconds each fuzzer runs in the test suite")
if(NEWSGLOBE_WASM_BUILD_DIR)
  add_test(NAME wasm.core_tests
           COMMAND node --no-experimental-fetch "${NEWSGLOBE_WASM_BUILD_DIR}/core_tests.js"
           WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(wasm.core_tests PROPERTIES LABELS wasm TIMEOUT 600)
  file(GLOB browser_tests CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/browser/*.test.mjs")
  foreach(t ${browser_tests})
    get_filename_component(name ${t} NAME_WE)
    add_test(NAME browser.${name} COMMAND node --test --test-reporter=spec "${t}"
             WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
    set_tests_properties(browser.${name} PROPERTIES LABELS browser TIMEOUT 900 RUN_SERIAL ON
      ENVIRONMENT "NEWSGLOBE_SITE_DIR=${NEWSGLOBE_SITE_DIR};NEWSGLOBE_WASM_BUILD_DIR=${NEWSGLOBE_WASM_BUILD_DIR};NEWSGLOBE_ARTIFACTS=${CMAKE_BINARY_DIR}/browser-artifacts;NEWSGLOBE_INGEST=$<TARGET_FILE:newsglobe-ingest>")
  endforeach()
endif()
if(NEWSGLOBE_FUZZ_BUILD_DIR)
  file(GLOB fuzzers CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp")
  foreach(f ${fuzzers})
    get_filename_component(name ${f} NAME_WE)
    set(corpus "${CMAKE_BINARY_DIR}/fuzz-corpus/${name}")
    file(MAKE_DIRECTORY "${corpus}")
    add_test(NAME fuzz.${name}
             COMMAND "${NEWSGLOBE_FUZZ_BUILD_DIR}/${name}" -max_total_time=${NEWSGLOBE_FUZZ_SECONDS}
                     -rss_limit_mb=2048 -max_len=65536 "${corpus}" "${CMAKE_SOURCE_DIR}/tests/fuzz/seeds/${name}")
    set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz TIMEOUT 300)
  endforeach()
endif()
