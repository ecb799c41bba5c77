#include <gtest/gtest.h>

#include <filesystem>

#include "../fixtures/read_fixture.hpp"
#include "core/news_decode.hpp"

using namespace ng;

// ---- countries index -------------------------------------------------------------

TEST(DecodeCountries, ReadsTheDocumentedExample) {
    Result<CountriesIndex> r = decode_countries(read_fixture("api/countries.json"));
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 0);
    EXPECT_EQ(r.value.source_name, "newsglobe sample data");
    EXPECT_TRUE(r.value.sample);
    EXPECT_EQ(r.value.generated.seconds, parse_rfc3339("2026-11-25T06:00:00Z"));
    ASSERT_EQ(r.value.countries.size(), 4u);
    const CountryEntry& fr = r.value.countries[0];
    EXPECT_EQ(fr.iso, "FR");
    EXPECT_EQ(fr.name, "France");
    EXPECT_EQ(fr.story_count, 12);
    EXPECT_EQ(fr.latest.text, "2026-11-25T05:40:00Z");
    EXPECT_EQ(r.value.countries[1].iso, "DE");  // upper-cased
    EXPECT_EQ(r.value.countries[2].name, "");  // optional name absent
    EXPECT_EQ(r.value.countries[2].story_count, 0);
    EXPECT_FALSE(r.value.countries[3].latest.known());  // null
}

TEST(DecodeCountries, SkipsAndCountsItemsOfTheWrongType) {
    Result<CountriesIndex> r = decode_countries(read_fixture("api/countries_wrong_types.json"));
    ASSERT_TRUE(r.ok()) << r.error.message;
    // kept: FR, BR (4.0 is a whole number); skipped: "DE", GBR, "5", -1, no count, duplicate fr, null
    EXPECT_EQ(r.skipped, 7);
    ASSERT_EQ(r.value.countries.size(), 2u);
    EXPECT_EQ(r.value.countries[0].iso, "FR");
    EXPECT_EQ(r.value.countries[1].iso, "BR");
    EXPECT_EQ(r.value.countries[1].story_count, 4);
    EXPECT_FALSE(r.value.countries[1].latest.known());  // "yesterday" is no time
    EXPECT_EQ(r.value.source_name, "");                 // 42 is not a name
    EXPECT_FALSE(r.value.sample);                       // "yes" is not a bool
}

TEST(DecodeCountries, RequiredFieldErrorsNameTheField) {
    Result<CountriesIndex> r = decode_countries(R"({"version":1,"countries":{"FR":1}})");
    EXPECT_EQ(r.error.kind, FetchError::BadDocument);
    EXPECT_NE(r.error.message.find("\"countries\""), std::string::npos) << r.error.message;

    r = decode_countries(R"({"countries":[]})");
    EXPECT_EQ(r.error.kind, FetchError::BadDocument);
    EXPECT_NE(r.error.message.find("\"version\""), std::string::npos) << r.error.message;

    r = decode_countries(read_fixture("api/version2.json"));
    EXPECT_EQ(r.error.kind, FetchError::BadDocument);
    EXPECT_EQ(r.error.message, "The countries index is version 2 of the news API; this viewer reads version 1.");

    r = decode_countries("[1,2,3]");
    EXPECT_EQ(r.error.kind, FetchError::BadDocument);
    EXPECT_EQ(r.error.message, "The countries index is not a JSON object.");
}

// ---- not JSON ---------------------------------------------------------------------

TEST(DecodeErrors, HtmlPageIsReportedAsAWebPage) {
    std::string html = read_fixture("api/html_502.html");
    Result<CountriesIndex> r = decode_countries(html);
    EXPECT_EQ(r.error.kind, FetchError::NotJson);
    EXPECT_EQ(r.error.message, "The server answered with a web page instead of news data: \"502 Bad Gateway\".");

    FetchError e = check_json_body(html, 200, "text/html; charset=utf-8");
    EXPECT_EQ(e.kind, FetchError::NotJson);
    EXPECT_EQ(e.status, 200);
    EXPECT_EQ(e.message,
              "The server answered with a web page instead of news data (HTTP 200, text/html): \"502 Bad Gateway\".");
}

TEST(DecodeErrors, PlainTextIsQuoted) {
    Result<StoryPage> r = decode_story_page(read_fixture("gdelt/error_invalid_query.txt"));
    EXPECT_EQ(r.error.kind, FetchError::NotJson);
    EXPECT_EQ(r.error.message, "The server answered with plain text instead of news data: \"Invalid query.\".");
}

TEST(DecodeErrors, AJsonValueThatIsNoDocumentIsNamedAsSuch) {
    Result<Article> r = decode_article("null");
    EXPECT_EQ(r.error.kind, FetchError::BadDocument);
    EXPECT_EQ(r.error.message, "The server sent JSON null instead of news data.");
    EXPECT_EQ(check_json_body(" null\n", 200, "application/json").message,
              "The server sent JSON null instead of news data (HTTP 200, application/json).");
    EXPECT_EQ(decode_countries("true").error.message, "The server sent the JSON value true instead of news data.");
    EXPECT_EQ(decode_countries("-12.5").error.message, "The server sent a JSON number (-12.5) instead of news data.");
    EXPECT_EQ(decode_countries("\"Service unavailable\"").error.message,
              "The server sent a JSON string (\"Service unavailable\") instead of news data.");
    // text that merely starts like a JSON value is still plain text
    EXPECT_EQ(decode_countries("nullified").error.message,
              "The server answered with plain text instead of news data: \"nullified\".");
}

TEST(DecodeErrors, EmptyAndWhitespaceBodies) {
    EXPECT_EQ(decode_article("").error.message, "The server sent an empty answer instead of news data.");
    EXPECT_EQ(decode_article(" \r\n\t ").error.kind, FetchError::NotJson);
    EXPECT_EQ(check_json_body("", 204, "").message, "The server sent an empty answer instead of news data (HTTP 204).");
}

TEST(DecodeErrors, TruncatedJsonSaysTheDownloadWasCutOff) {
    std::string body = read_fixture("api/truncated.json");
    Result<CountriesIndex> r = decode_countries(body);
    EXPECT_EQ(r.error.kind, FetchError::NotJson);
    EXPECT_EQ(r.error.message, "The news data stops after " + std::to_string(body.size()) +
                                   " bytes, before the document ends; the download was probably cut off.");
}

TEST(DecodeErrors, MalformedJsonSaysWhere) {
    Result<CountriesIndex> r = decode_countries(R"({"version": 1, "countries": [} )");
    EXPECT_EQ(r.error.kind, FetchError::NotJson);
    EXPECT_EQ(r.error.message, "The news data is not valid JSON (error near byte 30).");
}

TEST(DecodeErrors, ByteOrderMarkIsAccepted) {
    EXPECT_TRUE(decode_countries("\xEF\xBB\xBF{\"version\":1,\"countries\":[]}").ok());
}

TEST(DecodeErrors, InvalidUtf8IsNotJson) {
    EXPECT_EQ(decode_countries("{\"version\":1,\"countries\":[{\"iso\":\"F\xff\",\"story_count\":1}]}").error.kind,
              FetchError::NotJson);
}

// ---- story page -------------------------------------------------------------------

TEST(DecodeStoryPage, ReadsItemsAndResolvesRelativeImages) {
    Result<StoryPage> r = decode_story_page(read_fixture("api/stories_fr_1.json"), "https://news.example/api/v1/");
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 0);
    const StoryPage& p = r.value;
    EXPECT_EQ(p.country, "FR");
    EXPECT_EQ(p.page, 1);
    EXPECT_EQ(p.page_count, 2);
    EXPECT_EQ(p.total, 14);
    ASSERT_EQ(p.stories.size(), 3u);

    const StorySummary& a = p.stories[0];
    EXPECT_EQ(a.id, "fr-0007");
    EXPECT_EQ(a.headline, "Rhône valley farmers turn to solar shade");
    EXPECT_EQ(a.original_headline, "Les agriculteurs de la vallée du Rhône se tournent vers l'ombre solaire");
    EXPECT_EQ(a.language, "fr");
    EXPECT_EQ(a.outlet.name, "Le Courrier de Valence");
    EXPECT_EQ(a.outlet.domain, "courrier-valence.example");
    EXPECT_EQ(a.outlet.country, "FR");
    EXPECT_EQ(a.published.seconds, parse_rfc3339("2026-11-25T05:40:00Z"));
    EXPECT_FALSE(a.first_seen.known());
    EXPECT_EQ(a.image, "https://cdn.example/img/fr-0007.svg");
    EXPECT_EQ(a.summary, "One or two sentences.");
    EXPECT_EQ(a.coverage, 4);

    const StorySummary& b = p.stories[1];
    EXPECT_FALSE(b.published.known());  // only first_seen: never promoted to published
    EXPECT_EQ(b.first_seen.text, "2026-11-25T03:00:00Z");
    EXPECT_EQ(b.image, "https://news.example/api/v1/img/fr-0008.svg");
    EXPECT_FALSE(b.coverage.has_value());

    const StorySummary& c = p.stories[2];
    EXPECT_EQ(c.id, "fr_0009");
    EXPECT_EQ(c.outlet.country, "FR");
    EXPECT_EQ(c.published.seconds, parse_rfc3339("2026-11-24T17:15:00Z"));
    EXPECT_EQ(c.image, "");  // javascript: dropped
}

TEST(DecodeStoryPage, WithoutDocumentUrlOnlyAbsoluteImagesAreKept) {
    Result<StoryPage> r = decode_story_page(read_fixture("api/stories_fr_1.json"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value.stories[0].image, "https://cdn.example/img/fr-0007.svg");
    EXPECT_EQ(r.value.stories[1].image, "");
}

TEST(DecodeStoryPage, SkipsBrokenItemsAndIgnoresBrokenOptionalFields) {
    Result<StoryPage> r = decode_story_page(read_fixture("api/stories_wrong_types.json"));
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 6);
    ASSERT_EQ(r.value.stories.size(), 2u);
    EXPECT_EQ(r.value.stories[0].id, "de-0001");
    EXPECT_EQ(r.value.stories[0].outlet.name, "Süd-Kurier am Main");
    const StorySummary& s = r.value.stories[1];
    EXPECT_EQ(s.id, "de-0007");
    EXPECT_EQ(s.outlet.name, "Nordblatt");
    EXPECT_EQ(s.outlet.domain, "");
    EXPECT_EQ(s.outlet.country, "");
    EXPECT_FALSE(s.coverage.has_value());
    EXPECT_FALSE(s.published.known());
    EXPECT_FALSE(s.first_seen.known());
    EXPECT_EQ(s.image, "");
    EXPECT_EQ(s.summary, "");
    EXPECT_EQ(s.language, "");
    EXPECT_EQ(s.original_headline, "");
}

TEST(DecodeStoryPage, RequiredFields) {
    auto message = [](const char* body) { return decode_story_page(body).error.message; };
    EXPECT_EQ(message(R"({"version":1,"total":3,"stories":[]})"),
              "The story list has no usable \"page_count\" field (expected a whole number of at least 0).");
    EXPECT_EQ(message(R"({"version":1,"page_count":1,"total":-3,"stories":[]})"),
              "The story list has no usable \"total\" field (expected a whole number of at least 0).");
    EXPECT_EQ(message(R"({"version":1,"page_count":1,"total":3,"stories":null})"),
              "The story list has no usable \"stories\" field (expected a list).");
    EXPECT_EQ(message(R"({"version":1,"page_count":1e400,"total":3,"stories":[]})").substr(0, 36),
              "The news data is not valid JSON (err");
}

// ---- article ----------------------------------------------------------------------

TEST(DecodeArticle, ReadsTheDocumentedExample) {
    Result<Article> r = decode_article(read_fixture("api/article_fr_0007.json"), "https://news.example/api/v1/");
    ASSERT_TRUE(r.ok()) << r.error.message;
    const Article& a = r.value;
    EXPECT_EQ(a.id, "fr-0007");
    EXPECT_EQ(a.story_id, "s-041");
    EXPECT_EQ(a.country, "FR");
    EXPECT_EQ(a.image, "https://news.example/api/v1/img/fr-0007.svg");
    EXPECT_EQ(a.url, "https://courrier-valence.example/2026/11/25/solar-shade");
    EXPECT_EQ(a.body, (std::vector<std::string>{"First paragraph.", "Second paragraph."}));
    ASSERT_EQ(a.sections.size(), 2u);
    EXPECT_EQ(a.sections[0].heading, "Water rights");
    EXPECT_EQ(a.sections[1].paragraphs, (std::vector<std::string>{"Cooperatives meet in March."}));
    EXPECT_EQ(a.world_take, "A short synthesis of how the world's press covers the story.");
    ASSERT_EQ(a.alternative_takes.size(), 2u);
    EXPECT_EQ(a.alternative_takes[0].article_id, "de-0031");
    EXPECT_EQ(a.alternative_takes[0].country, "DE");
    EXPECT_EQ(a.alternative_takes[0].outlet.domain, "sued-kurier.example");
    EXPECT_EQ(a.alternative_takes[1].article_id, "");
    EXPECT_EQ(a.alternative_takes[1].url, "https://example.org/take");
    ASSERT_TRUE(a.translation.has_value());
    EXPECT_EQ(a.translation->from, "fr");
    EXPECT_EQ(a.translation->by, "newsglobe-sample-mt");
    EXPECT_EQ(a.translation->at.seconds, parse_rfc3339("2026-11-25T05:50:00Z"));
    // skipped: body item 3, section paragraph null, "not a section", take without outlet
    EXPECT_EQ(r.skipped, 4);
}

TEST(DecodeArticle, MinimalArticleHasOnlyRequiredFields) {
    Result<Article> r = decode_article(read_fixture("api/article_minimal.json"));
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.headline, "Valletta harbour reopens");
    EXPECT_EQ(r.value.country, "MT");
    EXPECT_TRUE(r.value.body.empty());
    EXPECT_FALSE(r.value.translation.has_value());  // original language
    EXPECT_FALSE(r.value.published.known());
    EXPECT_FALSE(r.value.excerpt_only);
}

TEST(DecodeArticle, MissingRequiredFieldIsNamed) {
    EXPECT_EQ(decode_article(read_fixture("api/article_missing_country.json")).error.message,
              "The article has no usable \"country\" field (expected a two-letter country code).");
    EXPECT_EQ(decode_article(R"({"version":1,"id":"a b","headline":"h","outlet":{"name":"o"},"country":"FR"})")
                  .error.message,
              "The article has no usable \"id\" field (expected an id of letters, digits, - and _).");
    EXPECT_EQ(decode_article(R"({"version":1,"id":"a","headline":"h","outlet":{},"country":"FR"})").error.message,
              "The article has no usable \"outlet.name\" field (expected non-empty text).");
}

TEST(DecodeArticle, HostileStringsAreCleanedAndLinksRefused) {
    Result<Article> r = decode_article(read_fixture("api/article_hostile.json"));
    ASSERT_TRUE(r.ok()) << r.error.message;
    const Article& a = r.value;
    EXPECT_EQ(a.headline, "evil headline with controls andbell");
    EXPECT_EQ(a.original_headline, "عنوان باللغة العربية — כותרת בעברית");  // RTL text intact
    EXPECT_EQ(a.outlet.name, "Emoji News 📰🌍");
    EXPECT_EQ(a.summary, "Family: 👨‍👩‍👧 and flags 🇪🇬");                   // ZWJ sequences intact
    EXPECT_EQ(a.url, "");
    EXPECT_EQ(a.image, "");
    EXPECT_EQ(a.body, (std::vector<std::string>{"\u200fRTL mark kept? isolate dropped", "byte-order mark dropped"}));
    ASSERT_EQ(a.alternative_takes.size(), 3u);
    for (const AlternativeTake& t : a.alternative_takes) EXPECT_EQ(t.url, "") << t.headline;
}

TEST(DecodeArticle, VeryLongStringsAreCutAtACharacterBoundary) {
    std::string long_headline;
    for (int i = 0; i < 2000; ++i) long_headline += "é";  // 4000 bytes
    std::string body = R"({"version":1,"id":"x","headline":")" + long_headline +
                       R"(","outlet":{"name":"o"},"country":"FR","body":[")" + std::string(1 << 20, 'a') + R"("]})";
    Result<Article> r = decode_article(body);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_LE(r.value.headline.size(), kMaxLineBytes);
    EXPECT_EQ(r.value.headline.substr(r.value.headline.size() - 3), "…");
    EXPECT_EQ(r.value.headline.substr(0, 4), "éé");
    EXPECT_EQ(r.value.headline.size(), 999u);  // 498 × "é" (996 bytes) + "…" (3 bytes)
    ASSERT_EQ(r.value.body.size(), 1u);
    EXPECT_LE(r.value.body[0].size(), kMaxParagraphBytes);
}

TEST(DecodeArticle, HugeListsDecode) {
    std::string body = R"({"version":1,"page_count":1,"total":20000,"stories":[)";
    for (int i = 0; i < 20000; ++i) {
        if (i) body += ',';
        body += R"({"id":"s-)" + std::to_string(i) + R"(","headline":"Story )" + std::to_string(i) +
                R"(","outlet":{"name":"Outlet"},"published":"2026-11-25T05:40:00Z"})";
        if (i % 1000 == 0) body += R"(,42)";
    }
    body += "]}";
    Result<StoryPage> r = decode_story_page(body);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.stories.size(), 20000u);
    EXPECT_EQ(r.skipped, 20);
    EXPECT_EQ(r.value.stories[19999].headline, "Story 19999");
}

TEST(DecodeArticle, DeepNestingIsAnErrorNotACrash) {
    std::string deep = R"({"version":1,"id":"x","headline":"h","outlet":{"name":"o"},"country":"FR","extra":)" +
                       std::string(100000, '[') + std::string(100000, ']') + "}";
    EXPECT_TRUE(decode_article(deep).ok());  // unknown fields are ignored, however deep
}

// ---- text cleaning ------------------------------------------------------------------

TEST(CleanText, CollapsesSpacesAndDropsControls) {
    EXPECT_EQ(clean_text("  a \t\n b\r\n", 100), "a b");
    EXPECT_EQ(clean_text(std::string("a\0b", 3), 100), "ab");
    EXPECT_EQ(clean_text("a\xC2\x85" "b", 100), "a b");           // U+0085 next line
    EXPECT_EQ(clean_text("a\xE2\x80\xAE" "b", 100), "ab");         // U+202E right-to-left override
    EXPECT_EQ(clean_text("ok\xFF\xFE" "ok", 100), "okok");         // invalid UTF-8
    EXPECT_EQ(clean_text("\xED\xA0\x80" "x", 100), "x");            // a UTF-16 surrogate
    EXPECT_EQ(clean_text("\xC0\xAF" "x", 100), "x");                // an overlong '/'
    EXPECT_EQ(clean_text("abcdef", 6), "abcdef");
    EXPECT_EQ(clean_text("abcdefg", 6), "abc…");
    EXPECT_EQ(clean_text("ab  cdefg", 6), "ab…");
    EXPECT_EQ(clean_text("abcdefg", 2), "");
}

TEST(DecodeHelpers, IsoCodesAndIds) {
    EXPECT_EQ(normalize_iso("fr"), "FR");
    EXPECT_EQ(normalize_iso("FRA"), "");
    EXPECT_EQ(normalize_iso("F1"), "");
    EXPECT_TRUE(is_valid_article_id("fr-0007_b"));
    EXPECT_FALSE(is_valid_article_id(""));
    EXPECT_FALSE(is_valid_article_id(std::string(65, 'a')));
    EXPECT_FALSE(is_valid_article_id("a/b"));
    EXPECT_FALSE(is_valid_article_id("a.json"));
}

// The sample API the build generates must decode without a single skipped item.
TEST(DecodeSampleApi, GeneratedSampleDecodesCleanly) {
    namespace fs = std::filesystem;
    fs::path api = fs::path(NEWSGLOBE_SITE_DIR) / "api" / "v1";
    if (!fs::exists(api / "countries.json")) GTEST_SKIP() << "no generated sample API in " << api;
    auto read = [](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    };
    Result<CountriesIndex> index = decode_countries(read(api / "countries.json"));
    ASSERT_TRUE(index.ok()) << index.error.message;
    EXPECT_EQ(index.skipped, 0);
    int pages = 0, articles = 0;
    for (const auto& entry : fs::recursive_directory_iterator(api)) {
        std::string name = entry.path().filename().string();
        if (name.rfind("stories-", 0) == 0) {
            Result<StoryPage> r = decode_story_page(read(entry.path()), "./api/v1/");
            EXPECT_TRUE(r.ok()) << entry.path() << ": " << r.error.message;
            EXPECT_EQ(r.skipped, 0) << entry.path();
            // Relative images resolve into the sample's image folder (a few
            // files are missing on purpose, to show the broken-image state).
            for (const StorySummary& s : r.value.stories) {
                if (s.image.rfind("./api/", 0) == 0) {
                    EXPECT_TRUE(fs::is_directory((fs::path(NEWSGLOBE_SITE_DIR) / s.image.substr(2)).parent_path()))
                        << s.image;
                }
            }
            ++pages;
        } else if (entry.path().parent_path().filename() == "articles") {
            Result<Article> r = decode_article(read(entry.path()));
            EXPECT_TRUE(r.ok()) << entry.path() << ": " << r.error.message;
            EXPECT_EQ(r.skipped, 0) << entry.path();
            ++articles;
        }
    }
    EXPECT_GT(pages, 0);
    EXPECT_GT(articles, 0);
}
