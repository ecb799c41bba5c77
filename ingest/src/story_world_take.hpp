// story_world_take — The World's Current Take: a short synthesis of how the
// world's press covers one story, computed from the cluster alone — no
// language model, nothing invented. Every sentence is a count, a time, or a
// quotation of a headline in the story, and the first sentence says it is an
// automatic summary.
//
// It is given twice: as structured data (for a UI that lays it out itself)
// and as rendered English sentences (for the API's `world_take` string).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cluster.hpp"

namespace ingest {

struct CountryAttention {
    std::string country;       // alpha-2
    std::string name;          // English
    std::size_t outlets = 0;   // distinct outlets from this country in the story
    std::size_t articles = 0;  // their articles, syndicated copies excluded
};

// A way the story is told, represented by one headline quoted as written
// (in English when translated).
struct Framing {
    std::size_t article = 0;  // the quoted article (index into the input)
    std::string quote;        // its headline, cut at a word boundary if long
    bool translated = false;  // the quote is a machine translation
    std::string outlet_name;
    std::string country_name;
    std::size_t outlets = 0;  // outlets whose headline is worded closest to this one
};

struct WorldTake {
    std::size_t articles = 0;  // syndicated copies excluded
    std::size_t outlets = 0;
    std::size_t countries = 0;
    bool first_known = false;       // some member has a known time
    std::size_t first_article = 0;  // the earliest member
    int64_t first_time = 0;
    std::vector<CountryAttention> attention;  // most outlets first, then most articles, then name
    std::vector<std::string> shared_words;    // words at least half the English headlines use (as written)
    std::vector<Framing> framings;            // the most distinct wordings (up to 3), most shared first
    std::vector<std::string> sentences;       // the rendering; sentences[0] is the "automatic summary" label
};

WorldTake world_take(const std::vector<ClusterArticle>& articles, const Story& story);

// The sentences joined with single spaces.
std::string world_take_text(const WorldTake& take);

}  // namespace ingest
