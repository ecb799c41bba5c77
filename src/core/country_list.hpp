// country_list — every country the reader can pick: the map's countries plus
// any the news index adds (a source may cover places the map has no shape
// for), in A–Z order. The A–Z list, the search and the accessible mirror all
// offer this one list.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/news_model.hpp"
#include "core/world.hpp"

namespace ng {

struct CountryItem {
    std::string iso, name;
    std::vector<std::string> aliases;
    int count = -1;       // stories; -1 unknown
    bool on_map = true;   // false: only in the news index
};

// Merges the map's countries (those with a code; the first of each code) with
// the index's (those the map lacks, named by the index or by their code).
// `story_count` gives a map country's count (NewsState::story_count); an
// index-only country's comes from its entry. Sorted by name as search folds
// it ("Åland" files under A), then by code. Either input may be null.
std::vector<CountryItem> merge_country_list(const std::vector<Country>* map, const CountriesIndex* index,
                                            const std::function<int(const std::string& iso)>& story_count);

// The letter a name is filed under in the A–Z list: its first letter without
// accents, upper case ("Åland" -> "A"); "#" when it has none.
std::string index_letter(const std::string& name);

// "26 stories", "1 story", "No stories", "" when unknown (< 0).
std::string story_count_text(int count);

}  // namespace ng
