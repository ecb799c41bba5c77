// The encoder writes exactly the documents of docs/api.md, and what it writes
// the decoders read back unchanged, provenance fields included.
#include <gtest/gtest.h>

#include "core/news_decode.hpp"
#include "core/news_encode.hpp"

using namespace ng;

namespace {

Timestamp at(const char* text) { return {text, parse_rfc3339(text)}; }

// An ingest-style article: translated headline and summary, excerpt only.
Article excerpt_article() {
    Article a;
    a.id = "es-5d0c1e7a9b3f2468";
    a.headline = "The government approves the new law of house";
    a.original_headline = "El Gobierno aprueba la nueva ley de vivienda";
    a.language = "es";
    a.outlet = {"Diario del Ebro", "diario-ebro.example", "ES"};
    a.country = "ES";
    a.published = at("2026-11-30T07:12:00Z");
    a.first_seen = at("2026-11-30T07:15:00Z");
    a.summary = "The text goes to the Senate next week.";
    a.original_summary = "El texto pasa al Senado la próxima semana.";
    a.excerpt_only = true;
    a.url = "https://diario-ebro.example/politica/ley-vivienda";
    a.translation = Translation{"es", "apertium 3.8.3 spa-eng", at("2026-11-30T07:15:00Z"), {"headline", "summary"}};
    return a;
}

}  // namespace

TEST(EncodeArticle, WritesTheDocumentedKeysInOrderAndNothingAbsent) {
    EXPECT_EQ(encode_article(excerpt_article()),
              "{\n"
              " \"version\": 1,\n"
              " \"id\": \"es-5d0c1e7a9b3f2468\",\n"
              " \"headline\": \"The government approves the new law of house\",\n"
              " \"original_headline\": \"El Gobierno aprueba la nueva ley de vivienda\",\n"
              " \"language\": \"es\",\n"
              " \"outlet\": {\n"
              "  \"name\": \"Diario del Ebro\",\n"
              "  \"domain\": \"diario-ebro.example\",\n"
              "  \"country\": \"ES\"\n"
              " },\n"
              " \"country\": \"ES\",\n"
              " \"published\": \"2026-11-30T07:12:00Z\",\n"
              " \"first_seen\": \"2026-11-30T07:15:00Z\",\n"
              " \"summary\": \"The text goes to the Senate next week.\",\n"
              " \"original_summary\": \"El texto pasa al Senado la próxima semana.\",\n"
              " \"content\": \"excerpt\",\n"
              " \"url\": \"https://diario-ebro.example/politica/ley-vivienda\",\n"
              " \"translation\": {\n"
              "  \"from\": \"es\",\n"
              "  \"by\": \"apertium 3.8.3 spa-eng\",\n"
              "  \"at\": \"2026-11-30T07:15:00Z\",\n"
              "  \"fields\": [\n"
              "   \"headline\",\n"
              "   \"summary\"\n"
              "  ]\n"
              " }\n"
              "}\n");
}

TEST(EncodeArticle, RoundTripsThroughTheDecoder) {
    Article a = excerpt_article();
    a.language_detected = "ca";
    a.story_id = "s-0042";
    a.coverage = 3;
    Result<Article> r = decode_article(encode_article(a));
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 0);
    const Article& b = r.value;
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.story_id, "s-0042");
    EXPECT_EQ(b.original_summary, a.original_summary);
    EXPECT_EQ(b.language_detected, "ca");
    EXPECT_TRUE(b.excerpt_only);
    EXPECT_EQ(b.coverage, 3);
    ASSERT_TRUE(b.translation.has_value());
    EXPECT_EQ(b.translation->by, "apertium 3.8.3 spa-eng");
    EXPECT_EQ(b.translation->at.seconds, a.translation->at.seconds);
    EXPECT_EQ(b.translation->fields, (std::vector<std::string>{"headline", "summary"}));
    // In a story, an article lists its takes even when there are none.
    EXPECT_NE(encode_article(a).find("\"alternative_takes\": []"), std::string::npos);
    // Encoding what was decoded gives the same bytes.
    EXPECT_EQ(encode_article(b), encode_article(a));
}

TEST(EncodeArticle, FullTextCarriesItsLicence) {
    Article a = excerpt_article();
    a.excerpt_only = false;
    a.licence = "CC-BY-4.0";
    a.licence_url = "https://creativecommons.org/licenses/by/4.0/";
    a.body = {"First paragraph.", "Second paragraph."};
    std::string text = encode_article(a);
    EXPECT_NE(text.find("\"content\": \"full\",\n \"licence\": \"CC-BY-4.0\",\n \"licence_url\": "), std::string::npos);
    Result<Article> r = decode_article(text);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_FALSE(r.value.excerpt_only);
    EXPECT_EQ(r.value.licence, "CC-BY-4.0");
    EXPECT_EQ(r.value.licence_url, "https://creativecommons.org/licenses/by/4.0/");
    EXPECT_EQ(r.value.body.size(), 2u);
    // Neither excerpt nor licensed: the document says nothing about content.
    a.licence.clear();
    EXPECT_EQ(encode_article(a).find("\"content\""), std::string::npos);
    EXPECT_EQ(encode_article(a).find("\"alternative_takes\""), std::string::npos);  // no story, no takes
}

TEST(EncodeArticle, InvalidUtf8IsReplacedNotFatal) {
    Article a = excerpt_article();
    a.headline = "Bad \xC3\x28 byte";
    std::string text = encode_article(a);
    EXPECT_NE(text.find("Bad \xEF\xBF\xBD( byte"), std::string::npos);
    EXPECT_TRUE(decode_article(text).ok());
}

TEST(EncodeStoryPage, ItemsCarryProvenanceAndDecodeWithoutSkips) {
    StoryPage page;
    page.country = "ES";
    page.page = 2;
    page.page_count = 3;
    page.total = 21;
    Article a = excerpt_article();
    page.stories.push_back(a);
    StorySummary english;
    english.id = "gb-0000000000000001";
    english.headline = "Harbour reopens";
    english.language = "en";
    english.outlet = {"Harbour Gazette", "", ""};
    english.first_seen = at("2026-11-30T06:00:00Z");
    page.stories.push_back(english);
    std::string text = encode_story_page(page);
    EXPECT_EQ(text.rfind("{\n \"version\": 1,\n \"country\": \"ES\",\n \"page\": 2,\n \"page_count\": 3,\n \"total\": 21,\n", 0),
              0u);
    EXPECT_NE(text.find("\"outlet\": {\n    \"name\": \"Harbour Gazette\"\n   },"), std::string::npos);
    Result<StoryPage> r = decode_story_page(text);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 0);
    ASSERT_EQ(r.value.stories.size(), 2u);
    const StorySummary& s = r.value.stories[0];
    ASSERT_TRUE(s.translation.has_value());
    EXPECT_EQ(s.translation->from, "es");
    EXPECT_EQ(s.original_summary, a.original_summary);
    EXPECT_EQ(s.url, a.url);
    EXPECT_FALSE(r.value.stories[1].translation.has_value());
    EXPECT_FALSE(r.value.stories[1].published.known());
    EXPECT_EQ(encode_story_page(r.value), text);
}

TEST(EncodeCountries, IndexWithAttribution) {
    CountriesIndex index;
    index.generated = at("2026-11-30T07:30:00Z");
    index.source_name = "newsglobe ingest";
    index.attribution = {"Feed list: MIT License, Copyright (c) 2024 Kagi Search", "GDELT Project"};
    index.countries.push_back({"ES", "", 14, at("2026-11-30T07:12:00Z"), 3});
    index.countries.push_back({"RS", "Serbia", 0, {}, {}});
    std::string text = encode_countries(index);
    EXPECT_NE(text.find("\"source\": {\n  \"name\": \"newsglobe ingest\",\n  \"sample\": false,\n  \"attribution\": ["),
              std::string::npos);
    Result<CountriesIndex> r = decode_countries(text);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 0);
    EXPECT_EQ(r.value.generated.seconds, index.generated.seconds);
    EXPECT_FALSE(r.value.sample);
    EXPECT_EQ(r.value.attribution, index.attribution);
    ASSERT_EQ(r.value.countries.size(), 2u);
    EXPECT_EQ(r.value.countries[1].story_count, 0);
    EXPECT_FALSE(r.value.countries[1].latest.known());
    EXPECT_EQ(r.value.countries[0].covered_abroad, 3);
    EXPECT_FALSE(r.value.countries[1].covered_abroad.has_value());
    EXPECT_EQ(encode_countries(r.value), text);
}

TEST(EncodeStory, EveryCountryAndArticleRoundTrips) {
    StoryDocument story;
    story.id = "s-00ff00ff00ff00ff";
    story.headline = "Drought closes the Panama Canal's smaller locks";
    story.world_take = "An automatic summary of 3 outlets in 2 countries.";
    story.first_reported = at("2026-11-30T05:00:00Z");
    story.countries = {{"PA", 2, 2}, {"ES", 1, 1}};
    for (const char* id : {"pa-1", "pa-2", "es-1"}) {
        StoryMember m;
        m.id = id;
        m.story_id = story.id;
        m.headline = std::string("Headline of ") + id;
        m.outlet = {std::string("Outlet ") + id, "", ""};
        m.country = id[0] == 'p' ? "PA" : "ES";
        m.coverage = 2;
        story.articles.push_back(m);
    }
    std::string text = encode_story(story);
    Result<StoryDocument> r = decode_story(text);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 0);
    EXPECT_EQ(r.value.id, story.id);
    EXPECT_EQ(r.value.first_reported.seconds, story.first_reported.seconds);
    ASSERT_EQ(r.value.countries.size(), 2u);
    EXPECT_EQ(r.value.countries[0].articles, 2);
    ASSERT_EQ(r.value.articles.size(), 3u);
    EXPECT_EQ(r.value.articles[2].country, "ES");
    EXPECT_EQ(encode_story(r.value), text);
}

TEST(DecodeStory, MembersWithoutACountryAreSkippedAndBadDocumentsNamed) {
    Result<StoryDocument> r = decode_story(R"({"version":1,"id":"s-1","headline":"h","countries":[{"iso":"FR"},{"iso":"FR"},{"iso":5}],
        "articles":[{"id":"a","headline":"h","outlet":{"name":"o"},"country":"FR"},{"id":"b","headline":"h","outlet":{"name":"o"}}]})");
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.articles.size(), 1u);
    EXPECT_EQ(r.value.countries.size(), 1u);
    EXPECT_EQ(r.skipped, 3);
    Result<StoryDocument> bad = decode_story(R"({"version":1,"id":"s-1","headline":"h"})");
    EXPECT_FALSE(bad.ok());
    EXPECT_NE(bad.error.message.find("articles"), std::string::npos) << bad.error.message;
}

// Annotations of the wrong type are dropped, never fatal: older and newer
// servers keep working.
TEST(DecodeProvenance, WrongTypesCountAsAbsent) {
    Result<Article> r = decode_article(R"J({"version":1,"id":"a","headline":"h","outlet":{"name":"o"},"country":"FR",
        "content": 5, "licence": ["x"], "licence_url": "javascript:alert(1)", "language_detected": "not a tag",
        "original_summary": {}, "translation": {"from": "fr", "fields": ["headline", 3, null, "summary\u202E"]}})J");
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 0);
    EXPECT_FALSE(r.value.excerpt_only);
    EXPECT_EQ(r.value.licence, "");
    EXPECT_EQ(r.value.licence_url, "");
    EXPECT_EQ(r.value.language_detected, "");
    EXPECT_EQ(r.value.original_summary, "");
    ASSERT_TRUE(r.value.translation.has_value());
    EXPECT_EQ(r.value.translation->fields, (std::vector<std::string>{"headline", "summary"}));

    Result<CountriesIndex> c =
        decode_countries(R"({"version":1,"source":{"attribution":"not a list"},"countries":[]})");
    ASSERT_TRUE(c.ok());
    EXPECT_TRUE(c.value.attribution.empty());
}
