// normalize — the small, pure rules the build step adds to the feed
// library's (canonical_url, short_extract, languages_match, the core's
// detokenize_gdelt_title): stable article ids and the key under which two
// headlines count as the same.
#pragma once
#include <string>
#include <string_view>

namespace ingest {

// "es-5d0c1e7a9b3f2468": the country in lower case and 16 hex digits of the
// SHA-256 of the canonical URL. Stable across builds and machines, and
// within ^[A-Za-z0-9_-]{1,64}$.
std::string article_id(std::string_view country, std::string_view canonical_url);

// The key under which two headlines of one outlet are the same headline:
// letters and digits only, lower-cased (ASCII), so "Storm hits coast" and
// "Storm hits coast!" match. Empty for a headline without letters.
std::string headline_key(std::string_view headline);

}  // namespace ingest
