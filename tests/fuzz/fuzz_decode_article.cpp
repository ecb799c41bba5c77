// Fuzzes the article and story decoders of docs/api.md, with relative images resolved.
#include <cstdint>

#include "fuzz_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ng::Result<ng::Article> r = ng::decode_article({reinterpret_cast<const char*>(data), size}, "./api/v1/");
    fuzz::check_error(r.error);
    if (r.ok()) fuzz::check_article(r.value);
    ng::Result<ng::StoryDocument> story = ng::decode_story({reinterpret_cast<const char*>(data), size}, "./api/v1/");
    fuzz::check_error(story.error);
    if (story.ok()) fuzz::check_story(story.value);
    return 0;
}
