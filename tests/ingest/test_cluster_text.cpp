// Text normalisation and the gazetteer behind story clustering: what lets a
// French, a Russian and an English headline about one event meet.
#include <gtest/gtest.h>

#include <algorithm>

#include "cluster_places.hpp"
#include "cluster_text.hpp"

using namespace ingest;
using cluster_text::TokenKind;

namespace {

std::vector<std::string> folded_tokens(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : cluster_text::tokenize(text).tokens) out.push_back(t.folded);
    return out;
}

std::vector<std::string> places_in(std::string_view text, std::string_view lang) {
    std::vector<std::string> out;
    auto tt = cluster_text::tokenize(text);
    for (const auto& m : cluster_places::find_places(tt, lang)) out.push_back(cluster_places::place_key(m.place));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

TEST(ClusterText, FoldsCaseAccentsAndScripts) {
    EXPECT_EQ(cluster_text::fold("Élysée"), "elysee");
    EXPECT_EQ(cluster_text::fold("Łódź"), "lodz");
    EXPECT_EQ(cluster_text::fold("Straße"), "strasse");
    EXPECT_EQ(cluster_text::fold("Зеленский"), "zelenskii");
    EXPECT_EQ(cluster_text::fold("Αθήνα"), "athina");
    EXPECT_EQ(cluster_text::fold("Hà Nội"), "ha noi");
    EXPECT_EQ(cluster_text::fold("ＣＯＰ３０"), "cop30");
    EXPECT_EQ(cluster_text::fold("٢٠٢٦"), "2026");
    // Arabic: hamza forms of alef become alef, vowel marks go.
    EXPECT_EQ(cluster_text::fold("أَحمد"), cluster_text::fold("احمد"));
}

TEST(ClusterText, NumbersAreWrittenOneWay) {
    EXPECT_EQ(folded_tokens("6,438 dead"), (std::vector<std::string>{"6438", "dead"}));
    EXPECT_EQ(folded_tokens("6.438 Tote"), (std::vector<std::string>{"6438", "tote"}));
    EXPECT_EQ(folded_tokens("magnitude 6.8"), (std::vector<std::string>{"magnitude", "6.8"}));
    // Percentages, however they are written.
    EXPECT_EQ(folded_tokens("tasa del 2,5%"), (std::vector<std::string>{"tasa", "del", "2.5%"}));
    EXPECT_EQ(folded_tokens("à 2 %")[1], "2%");
    EXPECT_EQ(folded_tokens("bei 2 Prozent")[1], "2%");
    EXPECT_EQ(folded_tokens("faiz yüzde 2")[2], "2%");
    EXPECT_EQ(folded_tokens("taux de 3,5 pour cent")[2], "3.5%");
    // A magnitude written "M7.1" also gives the bare number.
    EXPECT_EQ(folded_tokens("M7.1の地震")[1], "7.1");
    auto tokens = cluster_text::tokenize("COP-30 opens").tokens;
    ASSERT_FALSE(tokens.empty());
    EXPECT_EQ(tokens[0].folded, "cop30");
    EXPECT_TRUE(tokens[0].all_caps);
    EXPECT_EQ(tokens[0].kind, TokenKind::Word);
}

TEST(ClusterText, UnsegmentedScriptsBecomeCharacterPairs) {
    auto tt = cluster_text::tokenize("東京で会議 COP30");
    std::vector<std::string> pairs;
    for (const auto& t : tt.tokens)
        if (t.kind == TokenKind::Pair) pairs.push_back(t.folded);
    EXPECT_EQ(pairs, (std::vector<std::string>{"東京", "京で", "で会", "会議"}));
    EXPECT_EQ(tt.tokens.back().folded, "cop30");
    ASSERT_EQ(tt.runs.size(), 1u);
}

TEST(ClusterText, StemsMeetAcrossInflections) {
    auto key = [](std::string_view word, std::string_view lang) {
        return cluster_text::lexical_key(cluster_text::tokenize(word).tokens.at(0), lang);
    };
    EXPECT_EQ(key("elections", "en"), key("election", "en"));
    EXPECT_EQ(key("cities", "en"), key("city", "en"));
    EXPECT_EQ(key("talks", "en"), key("talk", "en"));
    EXPECT_EQ(key("elecciones", "es"), key("elección", "es"));
    EXPECT_EQ(key("России", "ru"), key("Россия", "ru"));
    EXPECT_NE(key("flood", "en"), key("food", "en"));
    // One name in three spelling conventions gets one cross-language key.
    auto cross = [](std::string_view word) {
        return cluster_text::cross_language_key(cluster_text::tokenize(word).tokens.at(0));
    };
    EXPECT_EQ(cross("Zelensky"), cross("Selenskyj"));
    EXPECT_EQ(cross("Zelensky"), cross("Зеленский"));
    EXPECT_EQ(cross("Macron"), cross("Макрон"));
}

TEST(ClusterText, StopWordsAndShortWordsAreNotContent) {
    auto content = [](std::string_view text, std::string_view lang) {
        std::vector<std::string> out;
        for (const auto& w : cluster_text::content_words(text, lang)) out.push_back(w.display);
        return out;
    };
    EXPECT_EQ(content("The EU says talks on the deal will resume", "en"),
              (std::vector<std::string>{"EU", "talks", "deal", "resume"}));
    EXPECT_EQ(content("Les négociations sur l'accord reprennent", "fr"),
              (std::vector<std::string>{"négociations", "accord", "reprennent"}));
}

TEST(ClusterPlaces, FindsCountriesInManyLanguages) {
    EXPECT_EQ(places_in("Floods in Germany", "en"), (std::vector<std::string>{"DE"}));
    EXPECT_EQ(places_in("Inondations en Allemagne", "fr"), (std::vector<std::string>{"DE"}));
    EXPECT_EQ(places_in("Наводнение в Германии", "ru"), (std::vector<std::string>{"DE"}));
    EXPECT_EQ(places_in("ドイツで洪水", "ja"), (std::vector<std::string>{"DE"}));
    EXPECT_EQ(places_in("فيضانات في ألمانيا", "ar"), (std::vector<std::string>{"DE"}));
    EXPECT_EQ(places_in("Estados Unidos y México firman", "es"), (std::vector<std::string>{"MX", "US"}));
}

TEST(ClusterPlaces, CitiesNameTheirCountry) {
    EXPECT_EQ(places_in("Drones over Kyiv", "en"), (std::vector<std::string>{"UA", "UA/kyiv"}));
    EXPECT_EQ(places_in("Drohnen über Kiew", "de"), (std::vector<std::string>{"UA", "UA/kyiv"}));
    EXPECT_EQ(places_in("Беспилотники над Киевом", "ru"), (std::vector<std::string>{"UA", "UA/kyiv"}));
}

TEST(ClusterPlaces, AdjectivesNameCountries) {
    EXPECT_EQ(places_in("French farmers protest", "en"), (std::vector<std::string>{"FR"}));
    EXPECT_EQ(places_in("los agricultores franceses protestan", "es"), (std::vector<std::string>{"FR"}));
}

TEST(ClusterPlaces, WordsThatLookLikeNamesAreNotPlaces) {
    EXPECT_TRUE(places_in("Give us the turkey recipe", "en").empty());
    EXPECT_EQ(places_in("US and Turkey agree", "en"), (std::vector<std::string>{"TR", "US"}));
    // All-lower-case text (GDELT titles can be): capitalisation is not asked
    // for, but a short acronym still is.
    EXPECT_EQ(places_in("floods in germany leave us stranded", "en"), (std::vector<std::string>{"DE"}));
}

TEST(ClusterPlaces, EnglishDisplayNames) {
    EXPECT_EQ(cluster_places::country_name("US"), "United States");
    EXPECT_EQ(cluster_places::country_name("DE"), "Germany");
    EXPECT_EQ(cluster_places::country_name("ZZ"), "ZZ");
}
