// Fuzzes the article decoder of docs/api.md, with relative images resolved.
#include <cstdint>

#include "fuzz_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ng::Result<ng::Article> r = ng::decode_article({reinterpret_cast<const char*>(data), size}, "./api/v1/");
    fuzz::check_error(r.error);
    if (r.ok()) fuzz::check_article(r.value);
    return 0;
}
