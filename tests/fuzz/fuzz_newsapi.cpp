// Fuzzes the NewsAPI adapter: its top-headlines decoder, articles rebuilt from
// the list, and the reading of error answers.
#include <cstdint>

#include "core/newsapi.hpp"
#include "fuzz_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static std::unique_ptr<ng::NewsSource> source = ng::make_newsapi_source({ng::SourceKind::NewsApi, "", "", "k", {}});
    ng::HttpResponse response;
    response.status = 200;
    response.content_type = "application/json";
    response.body.assign(reinterpret_cast<const char*>(data), size);

    ng::FetchResult failed;
    failed.error = ng::make_error(ng::FetchError::Http, "The news server refused access (HTTP 401).", 401);
    failed.response = response;
    fuzz::check_error(source->explain(failed));
    fuzz::require(!source->explain(failed).ok());

    ng::Result<ng::StoryPage> r = source->decode_stories("FR", 2, response);
    fuzz::check_error(r.error);
    if (!r.ok()) return 0;
    fuzz::check_page(r.value);
    for (const ng::StorySummary& s : r.value.stories) {
        ng::Result<ng::Article> a = source->decode_article(s.id, {});
        fuzz::require(a.ok());
        fuzz::check_article(a.value);
    }
    return 0;
}
