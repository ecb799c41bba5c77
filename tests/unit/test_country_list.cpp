// The country list every picker offers: the map's countries merged with the
// news index's, in the order a reader scans an A–Z list.
#include <gtest/gtest.h>

#include "core/country_list.hpp"

namespace {

ng::Country country(const char* iso, const char* name, std::vector<std::string> aliases = {}) {
    ng::Country c;
    c.iso = iso;
    c.name = name;
    c.aliases = std::move(aliases);
    return c;
}

ng::CountryEntry entry(const char* iso, const char* name, std::optional<int> count) {
    ng::CountryEntry e;
    e.iso = iso;
    e.name = name;
    e.story_count = count;
    return e;
}

std::vector<std::string> isos(const std::vector<ng::CountryItem>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.iso);
    return out;
}

}  // namespace

TEST(CountryList, MapCountriesAreSortedByFoldedNameAndKeepTheirAliases) {
    std::vector<ng::Country> map = {country("FR", "France"), country("AX", "\xc3\x85land"),
                                    country("GB", "United Kingdom", {"UK", "Britain"}), country("AF", "Afghanistan")};
    auto items = ng::merge_country_list(&map, nullptr, [](const std::string&) { return -1; });
    // "Åland" folds to "aland": it files between Afghanistan and France, not after Z
    EXPECT_EQ(isos(items), (std::vector<std::string>{"AF", "AX", "FR", "GB"}));
    EXPECT_EQ(items[3].aliases, (std::vector<std::string>{"UK", "Britain"}));
    EXPECT_TRUE(items[0].on_map);
    EXPECT_EQ(items[0].count, -1);
}

TEST(CountryList, ShapesWithoutACodeAndRepeatedCodesAppearOnce) {
    std::vector<ng::Country> map = {country("", "Somaliland"), country("FR", "France"), country("FR", "France (overseas)")};
    auto items = ng::merge_country_list(&map, nullptr, nullptr);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].name, "France");
}

TEST(CountryList, TheIndexAddsCountriesTheMapLacksWithTheirOwnCounts) {
    std::vector<ng::Country> map = {country("FR", "France"), country("DE", "Germany")};
    ng::CountriesIndex index;
    index.countries = {entry("FR", "La France", 7), entry("TV", "Tuvalu", 2), entry("XK", "", std::nullopt)};
    auto count = [](const std::string& iso) { return iso == "FR" ? 7 : 0; };
    auto items = ng::merge_country_list(&map, &index, count);
    ASSERT_EQ(isos(items), (std::vector<std::string>{"FR", "DE", "TV", "XK"}));
    // the map's name wins for a country on both; its count comes from the lookup
    EXPECT_EQ(items[0].name, "France");
    EXPECT_EQ(items[0].count, 7);
    EXPECT_EQ(items[1].count, 0);
    EXPECT_TRUE(items[1].on_map);
    EXPECT_EQ(items[2].count, 2);
    EXPECT_FALSE(items[2].on_map);
    // no name in the index: the code stands in; no count: unknown, not zero
    EXPECT_EQ(items[3].name, "XK");
    EXPECT_EQ(items[3].count, -1);
}

TEST(CountryList, WorksBeforeTheMapArrives) {
    ng::CountriesIndex index;
    index.countries = {entry("JP", "Japan", 3), entry("BR", "Brazil", 1)};
    auto items = ng::merge_country_list(nullptr, &index, nullptr);
    EXPECT_EQ(isos(items), (std::vector<std::string>{"BR", "JP"}));
    EXPECT_TRUE(ng::merge_country_list(nullptr, nullptr, nullptr).empty());
}

TEST(CountryList, IndexLettersIgnoreAccentsAndPunctuation) {
    EXPECT_EQ(ng::index_letter("\xc3\x85land"), "A");
    EXPECT_EQ(ng::index_letter("\xc3\x89gypte"), "E");
    EXPECT_EQ(ng::index_letter("'s-Hertogenbosch"), "S");
    EXPECT_EQ(ng::index_letter("123"), "#");
    EXPECT_EQ(ng::index_letter(""), "#");
}

TEST(CountryList, StoryCountsReadAsWords) {
    EXPECT_EQ(ng::story_count_text(-1), "");
    EXPECT_EQ(ng::story_count_text(0), "No stories");
    EXPECT_EQ(ng::story_count_text(1), "1 story");
    EXPECT_EQ(ng::story_count_text(26), "26 stories");
}
