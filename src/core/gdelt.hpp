// gdelt — adapter for the GDELT DOC 2.0 API in ArtList mode, a free, live
// index of the world's online news (no key). One request per country lists
// its press's latest articles via `sourcecountry:<FIPS>`; GDELT has no
// countries index (one is built from the FIPS table, counts unknown), no
// article pages and no bodies (articles are rebuilt from list items), and
// only the time its crawler first saw an article (kept as first_seen, never as
// published). Titles stay in their original language, marked untranslated,
// and are detokenised (gdelt_text.hpp). `sourcecountry` is not read: it is
// sometimes empty or wrong, and the query already names the country. Nor is
// `url_mobile`, which can be relative ("/amp/…").
// GDELT allows one request per 5 s per client, enforced through the
// HttpClient's per-host interval; it reports errors as plain text with
// HTTP 200, which accept() turns into specific errors.
#pragma once
#include <cstdint>
#include <memory>
#include <string_view>

#include "core/news_source.hpp"

namespace ng {

constexpr const char* kGdeltEndpoint = "https://api.gdeltproject.org/api/v2/doc/doc";
constexpr int kGdeltMaxRecords = 75;         // per country list (GDELT allows up to 250)
constexpr const char* kGdeltTimespan = "7d";  // small countries need a week to fill a list
// GDELT's 429 answers carry no CORS header, so a throttled browser request
// fails with no answer at all (status 0). On GDELT's own host that is
// therefore read as "probably throttled": the request fails at once with
// that message, and nothing is asked of GDELT for this long.
constexpr std::int64_t kGdeltNoAnswerBackoffMs = 60 * 1000;

std::unique_ptr<NewsSource> make_gdelt_source(const SourceConfig& config);

// GDELT's "seendate" ("20261125T054000Z") in Unix seconds; 0 when invalid.
int64_t parse_gdelt_seendate(std::string_view text);

// GDELT's English language names ("French", "Chinese") as ISO 639-1 codes
// ("fr", "zh"); empty when unknown.
std::string_view gdelt_language_code(std::string_view name);

}  // namespace ng
