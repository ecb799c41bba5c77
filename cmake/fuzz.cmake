# Fuzz configuration (clang): one libFuzzer binary per tests/fuzz/fuzz_*.cpp.
# The native configuration's CTest runs them for a bounded time.
file(GLOB fuzzers CONFIGURE_DEPENDS tests/fuzz/fuzz_*.cpp)
foreach(f ${fuzzers})
  get_filename_component(name ${f} NAME_WE)
  add_executable(${name} ${f})
  target_link_libraries(${name} PRIVATE newsglobe_core)
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
endforeach()
target_compile_options(newsglobe_core PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
