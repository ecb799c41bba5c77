// country_list — the merged list of countries (see country_list.hpp).
#include "core/country_list.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/country_search.hpp"

namespace ng {

std::vector<CountryItem> merge_country_list(const std::vector<Country>* map, const CountriesIndex* index,
                                            const std::function<int(const std::string& iso)>& story_count) {
    std::vector<CountryItem> items;
    std::set<std::string> seen;
    if (map)
        for (const Country& c : *map) {
            if (c.iso.empty() || !seen.insert(c.iso).second) continue;
            items.push_back({c.iso, c.name, c.aliases, story_count ? story_count(c.iso) : -1, true});
        }
    if (index)
        for (const CountryEntry& e : index->countries) {
            if (e.iso.empty() || !seen.insert(e.iso).second) continue;
            items.push_back({e.iso, e.name.empty() ? e.iso : e.name, {}, e.story_count.value_or(-1), false});
        }
    // fold once per item, not once per comparison
    std::vector<std::pair<std::string, size_t>> keys;
    keys.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) keys.emplace_back(fold_for_search(items[i].name), i);
    std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : items[a.second].iso < items[b.second].iso;
    });
    std::vector<CountryItem> sorted;
    sorted.reserve(items.size());
    for (const auto& k : keys) sorted.push_back(std::move(items[k.second]));
    return sorted;
}

std::string index_letter(const std::string& name) {
    for (char ch : fold_for_search(name))
        if (std::isalpha(static_cast<unsigned char>(ch))) return std::string(1, char(std::toupper(static_cast<unsigned char>(ch))));
    return "#";
}

std::string story_count_text(int count) {
    if (count < 0) return "";
    if (count == 0) return "No stories";
    return std::to_string(count) + (count == 1 ? " story" : " stories");
}

}  // namespace ng
