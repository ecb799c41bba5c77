// Fuzzes the GDELT adapter: its check of 200 answers (plain-text errors),
// its ArtList decoder, and articles rebuilt from the decoded list.
#include <cstdint>

#include "core/gdelt.hpp"
#include "fuzz_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static std::unique_ptr<ng::NewsSource> source = ng::make_gdelt_source({});
    ng::HttpResponse response;
    response.status = 200;
    response.content_type = "application/json";
    response.body.assign(reinterpret_cast<const char*>(data), size);
    fuzz::check_error(source->accept(response));
    ng::Result<ng::StoryPage> r = source->decode_stories("GB", 1, response);
    fuzz::check_error(r.error);
    if (!r.ok()) return 0;
    fuzz::check_page(r.value);
    for (const ng::StorySummary& s : r.value.stories) {
        fuzz::require(!s.published.known());  // GDELT only knows first-seen times
        ng::Result<ng::Article> a = source->decode_article(s.id, {});
        fuzz::require(a.ok() && a.value.headline == s.headline);
        fuzz::check_article(a.value);
    }
    return 0;
}
