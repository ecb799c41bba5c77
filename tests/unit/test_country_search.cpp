#include <gtest/gtest.h>

#include "core/country_search.hpp"
#include "world_fixture.hpp"

using namespace ng;

namespace {

std::vector<SearchEntry> sample_entries() {
    return {
        {"GB", "United Kingdom", {"UK", "Britain", "Great Britain", "England"}, 21},
        {"UA", "Ukraine", {}, 12},
        {"US", "United States", {"USA", "America", "United States of America"}, 30},
        {"CZ", "Czechia", {"Czech Republic"}, 0},
        {"CI", "Côte d'Ivoire", {"Ivory Coast"}, 2},
        {"KR", "South Korea", {"Korea, Republic of"}, 6},
        {"KP", "North Korea", {}, 0},
        {"ZA", "South Africa", {}, 9},
        {"FR", "France", {}, 26},
        {"PF", "French Polynesia", {}, 0},
        {"TR", "Türkiye", {"Turkey"}, 12},
        {"AX", "Åland Islands", {}, 0},
    };
}

std::vector<std::string> isos(const std::vector<SearchEntry>& e, const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& h : hits) out.push_back(e[h.index].iso);
    return out;
}

}  // namespace

TEST(CountrySearch, FoldsCaseAndAccents) {
    EXPECT_EQ(fold_for_search("Côte d'Ivoire"), "cote d'ivoire");
    EXPECT_EQ(fold_for_search("ŁÓDŹ"), "lodz");
    EXPECT_EQ(fold_for_search("Straße"), "strasse");
    EXPECT_EQ(fold_for_search("Ørsted Æble"), "orsted aeble");
    EXPECT_EQ(fold_for_search("ΕΛΛΆΔΑ"), "ελλαδα");
    EXPECT_EQ(fold_for_search("Ελλάς"), "ελλασ");
    EXPECT_EQ(fold_for_search("КИЇВ"), "київ");
    EXPECT_EQ(fold_for_search("Ёлка"), "елка");
    EXPECT_EQ(fold_for_search("Romania\xCC\x81"), "romania");  // combining acute dropped
    EXPECT_EQ(fold_for_search("Ș\xff\xfeț"), "st");              // invalid bytes dropped
    EXPECT_EQ(fold_for_search("東京"), "東京");
}

TEST(CountrySearch, SplitsWordsOnPunctuation) {
    EXPECT_EQ(search_words("Côte d’Ivoire"), (std::vector<std::string>{"cote", "d", "ivoire"}));
    EXPECT_EQ(search_words("  Korea, Republic of "), (std::vector<std::string>{"korea", "republic", "of"}));
    EXPECT_EQ(search_words("Guinea-Bissau"), (std::vector<std::string>{"guinea", "bissau"}));
    EXPECT_TRUE(search_words(" - ").empty());
}

TEST(CountrySearch, AliasTypedWholeBeatsNamePrefix) {
    auto e = sample_entries();
    auto hits = search_countries(e, "UK");
    ASSERT_GE(hits.size(), 2u);
    EXPECT_EQ(e[hits[0].index].iso, "GB");
    EXPECT_EQ(hits[0].via, "UK");
    EXPECT_EQ(e[hits[1].index].iso, "UA");
    EXPECT_EQ(isos(e, search_countries(e, "usa")), (std::vector<std::string>{"US"}));
}

TEST(CountrySearch, MatchesWordPrefixesCaseAndAccentInsensitively) {
    auto e = sample_entries();
    EXPECT_EQ(isos(e, search_countries(e, "cote")), (std::vector<std::string>{"CI"}));
    EXPECT_EQ(isos(e, search_countries(e, "CÔTE D'IV")), (std::vector<std::string>{"CI"}));
    EXPECT_EQ(isos(e, search_countries(e, "ivory")), (std::vector<std::string>{"CI"}));
    EXPECT_EQ(isos(e, search_countries(e, "ivoire")), (std::vector<std::string>{"CI"}));
    EXPECT_EQ(isos(e, search_countries(e, "turkiye")), (std::vector<std::string>{"TR"}));
    EXPECT_EQ(isos(e, search_countries(e, "turkey")), (std::vector<std::string>{"TR"}));
    EXPECT_EQ(isos(e, search_countries(e, "aland")), (std::vector<std::string>{"AX"}));
    EXPECT_EQ(isos(e, search_countries(e, "czechia")), (std::vector<std::string>{"CZ"}));
    EXPECT_EQ(isos(e, search_countries(e, "czech rep")), (std::vector<std::string>{"CZ"}));
    // word prefixes only: "ance" is inside "France" but starts no word
    EXPECT_TRUE(search_countries(e, "ance").empty());
    EXPECT_TRUE(search_countries(e, "").empty());
    EXPECT_TRUE(search_countries(e, "  ").empty());
    EXPECT_TRUE(search_countries(e, "zzz").empty());
}

TEST(CountrySearch, RanksStartOfNameThenLaterWordsThenWeight) {
    auto e = sample_entries();
    // "south" starts both; South Africa has more stories
    EXPECT_EQ(isos(e, search_countries(e, "south")), (std::vector<std::string>{"ZA", "KR"}));
    // "korea": North and South Korea on a later word, and KR's alias starts with it
    auto korea = isos(e, search_countries(e, "korea"));
    ASSERT_EQ(korea.size(), 2u);
    EXPECT_EQ(korea[0], "KR");
    EXPECT_EQ(isos(e, search_countries(e, "south k")), (std::vector<std::string>{"KR"}));
    // the ISO code typed whole
    auto fr = isos(e, search_countries(e, "fr"));
    ASSERT_EQ(fr.size(), 2u);
    EXPECT_EQ(fr[0], "FR");
    EXPECT_EQ(fr[1], "PF");
    EXPECT_EQ(search_countries(e, "united", 1).size(), 1u);
}

TEST(CountrySearch, FindsAliasesFromTheMapAsset) {
    const World& w = test_world();
    if (w.countries.empty()) GTEST_SKIP() << "map asset not built";
    std::vector<SearchEntry> entries;
    for (const Country& c : w.countries)
        if (!c.iso.empty()) entries.push_back({c.iso, c.name, c.aliases, 0});
    auto first = [&](const char* q) {
        auto hits = search_countries(entries, q);
        return hits.empty() ? std::string() : entries[hits[0].index].iso;
    };
    EXPECT_EQ(first("Czechia"), "CZ");
    EXPECT_EQ(first("UK"), "GB");
    EXPECT_EQ(first("USA"), "US");
    EXPECT_EQ(first("Ivory Coast"), "CI");
    EXPECT_EQ(first("cote d"), "CI");
    EXPECT_EQ(first("germ"), "DE");
}
