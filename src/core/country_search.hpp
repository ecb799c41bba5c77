// country_search — type-ahead over country names and aliases ("UK", "USA",
// "Czechia", "Ivory Coast"): case- and accent-insensitive, matching word
// prefixes, so "cote" finds Côte d'Ivoire, "south k" finds South Korea and
// "uk" finds the United Kingdom. Plain C++ with no locale: folding covers
// Latin (with its accents and ligatures), Greek and Cyrillic, and the
// variants people type interchangeably elsewhere: Arabic and Persian letter
// forms without vowel marks, Hebrew without points, katakana as hiragana,
// fullwidth Latin as ASCII. Names in other languages come from
// core/country_names.hpp.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ng {

// Lower-cases and strips accents: "Côte d’Ivoire" -> "cote d’ivoire",
// "Łódź" -> "lodz", "Straße" -> "strasse", "ΕΛΛΆΔΑ" -> "ελλαδα". Invalid
// UTF-8 bytes are dropped.
std::string fold_for_search(std::string_view utf8);

// The folded words of a text: split on spaces and punctuation (apostrophes,
// hyphens, dots, commas, brackets), so "d'Ivoire" gives "d" and "ivoire".
std::vector<std::string> search_words(std::string_view utf8);

struct SearchEntry {
    std::string iso;
    std::string name;
    std::vector<std::string> aliases;
    int weight = 0;  // ties are broken by weight (e.g. story count), higher first
};

struct SearchHit {
    size_t index = 0;     // into the entries
    int rank = 0;         // lower is better (see search_countries)
    std::string via;      // the alias that matched, empty when the name (or code) did
};

// Entries whose name, alias or ISO code matches every word of the query as a
// prefix of one of its words, best first: the whole name typed, then a name
// that starts with the query, then an alias typed whole or started, then a
// match on later words; ties by weight, then name. An empty query matches
// nothing. At most `limit` hits.
std::vector<SearchHit> search_countries(const std::vector<SearchEntry>& entries, std::string_view query,
                                        size_t limit = 8);

}  // namespace ng
