// country_names: the names file, names that fold alike kept once, and search
// finding countries by their names in other scripts.
#include <gtest/gtest.h>

#include "core/country_names.hpp"
#include "core/country_search.hpp"

namespace {

TEST(CountryNames, ParsesLinesAndSkipsWhatIsBroken) {
    auto names = ng::parse_country_names(
        "JP\tJapan\t日本\tЯпония\n"
        "xx\n"                      // no tab: skipped
        "Q\tNot a code\n"           // not an ISO code: skipped
        "eg\tمصر\t\t\xff\xfeÉgypte\n"  // lower-case code, an empty name, invalid bytes
        "DE\tDeutschland");         // no final newline
    ASSERT_EQ(names.size(), 3u);
    EXPECT_EQ(names["JP"], (std::vector<std::string>{"Japan", "日本", "Япония"}));
    EXPECT_EQ(names["EG"], (std::vector<std::string>{"مصر", "Égypte"}));
    EXPECT_EQ(names["DE"], (std::vector<std::string>{"Deutschland"}));
    EXPECT_TRUE(ng::parse_country_names("").empty());
}

TEST(CountryNames, KeepsOneSpellingOfNamesThatFoldAlike) {
    auto kept = ng::distinct_names({"Japon", "Japón", "JAPON", "日本", "Japan"}, {"Japan"});
    EXPECT_EQ(kept, (std::vector<std::string>{"Japon", "日本"}));
}

TEST(CountryNames, FoldingMatchesWhatPeopleTypeInterchangeably) {
    EXPECT_EQ(ng::fold_for_search("إيران"), ng::fold_for_search("ايران"));   // hamza under alef
    EXPECT_EQ(ng::fold_for_search("ایران"), ng::fold_for_search("ايران"));   // Persian yeh
    EXPECT_EQ(ng::fold_for_search("مِصْر"), ng::fold_for_search("مصر"));      // vowel marks
    EXPECT_EQ(ng::fold_for_search("יִשְׂרָאֵל"), ng::fold_for_search("ישראל")); // Hebrew points
    EXPECT_EQ(ng::fold_for_search("ドイツ"), ng::fold_for_search("どいつ"));     // katakana, hiragana
    EXPECT_EQ(ng::fold_for_search("ＪＡＰＡＮ"), "japan");                      // fullwidth
    EXPECT_EQ(ng::search_words("ボスニア・ヘルツェゴビナ").size(), 2u);        // the katakana middle dot separates
}

TEST(CountryNames, SearchFindsCountriesByNamesInAnyScript) {
    std::vector<ng::SearchEntry> entries = {
        {"JP", "Japan", {"日本", "Япония", "ญี่ปุ่น"}, 3},
        {"EG", "Egypt", {"مصر", "Ägypten"}, 2},
        {"DE", "Germany", {"Deutschland", "ドイツ", "גרמניה"}, 5},
    };
    auto first = [&](const char* q) {
        auto hits = ng::search_countries(entries, q);
        return hits.empty() ? std::string() : entries[hits[0].index].iso + " via " + hits[0].via;
    };
    EXPECT_EQ(first("日本"), "JP via 日本");
    EXPECT_EQ(first("日"), "JP via 日本");  // a prefix, as typed so far
    EXPECT_EQ(first("ญี่ปุ่น"), "JP via ญี่ปุ่น");
    EXPECT_EQ(first("مصر"), "EG via مصر");
    EXPECT_EQ(first("agypten"), "EG via Ägypten");
    EXPECT_EQ(first("どいつ"), "DE via ドイツ");
    EXPECT_EQ(first("גרמניה"), "DE via גרמניה");
}

}  // namespace
