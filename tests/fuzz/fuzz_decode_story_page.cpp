// Fuzzes the story-list decoder of docs/api.md, with relative images resolved.
#include <cstdint>

#include "fuzz_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ng::Result<ng::StoryPage> r =
        ng::decode_story_page({reinterpret_cast<const char*>(data), size}, "https://news.example/api/v1/");
    fuzz::check_error(r.error);
    if (r.ok()) fuzz::check_page(r.value);
    return 0;
}
