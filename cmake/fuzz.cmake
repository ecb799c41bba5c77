# Fuzz configuration (clang): one libFuzzer binary per tests/fuzz/fuzz_*.cpp.
# The native configuration's CTest runs them for a bounded time. Fuzzers link
# the ingest library too (its feed parser is a target), which brings the core.
add_subdirectory(ingest)
file(GLOB fuzzers CONFIGURE_DEPENDS tests/fuzz/fuzz_*.cpp)
foreach(f ${fuzzers})
  get_filename_component(name ${f} NAME_WE)
  add_executable(${name} ${f})
  target_link_libraries(${name} PRIVATE newsglobe_ingest)
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
endforeach()
foreach(lib newsglobe_core newsglobe_ingest)
  target_compile_options(${lib} PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
endforeach()
