#include <gtest/gtest.h>

#include <set>

#include "../fixtures/fake_transport.hpp"
#include "../fixtures/read_fixture.hpp"
#include "core/fips_countries.hpp"
#include "core/gdelt.hpp"
#include "core/news_decode.hpp"
#include "core/news_source.hpp"
#include "core/newsapi.hpp"
#include "core/url_util.hpp"

using namespace ng;

namespace {

std::unique_ptr<NewsSource> source_for(const std::string& query) { return make_source(parse_source_config(query)); }

const StorySummary* find_story(const StoryPage& page, const std::string& headline) {
    for (const StorySummary& s : page.stories)
        if (s.headline == headline) return &s;
    return nullptr;
}

}  // namespace

// ---- configuration -----------------------------------------------------------------

TEST(SourceConfig, DefaultsToOurApi) {
    SourceConfig c = parse_source_config("");
    EXPECT_EQ(c.kind, SourceKind::Newsglobe);
    EXPECT_TRUE(c.api.empty());
    EXPECT_TRUE(c.notes.empty());
}

TEST(SourceConfig, ReadsEveryParameter) {
    SourceConfig c = parse_source_config("?source=NewsAPI&api=https%3A%2F%2Fnews.example%2Fv2&proxy=https://p.example/"
                                         "&key=abc+1&unrelated=1");
    EXPECT_EQ(c.kind, SourceKind::NewsApi);
    EXPECT_EQ(c.api, "https://news.example/v2");
    EXPECT_EQ(c.proxy, "https://p.example/");
    EXPECT_EQ(c.key, "abc 1");
    EXPECT_TRUE(c.notes.empty());
    EXPECT_EQ(parse_source_config("source=gdelt").kind, SourceKind::Gdelt);
    EXPECT_EQ(parse_source_config("api=../data/api").api, "../data/api");
}

TEST(SourceConfig, IgnoresBadValuesWithANote) {
    SourceConfig c = parse_source_config("?source=evil&api=javascript:alert(1)&proxy=data:x&key=k");
    EXPECT_EQ(c.kind, SourceKind::Newsglobe);
    EXPECT_TRUE(c.api.empty());
    EXPECT_TRUE(c.proxy.empty());
    EXPECT_TRUE(c.key.empty());
    ASSERT_EQ(c.notes.size(), 4u);
    EXPECT_EQ(c.notes[0], "Unknown news source \"evil\"; showing the newsglobe API instead.");
    EXPECT_EQ(c.notes[1], "Ignored api=\"javascript:alert(1)\": it is not an http(s) address or a path.");
    EXPECT_EQ(c.notes[2], "Ignored proxy=\"data:x\": it is not an http(s) address.");
    EXPECT_EQ(c.notes[3], "Ignored key=: only source=newsapi uses a key.");
}

TEST(SourceConfig, NotesAreCleaned) {
    SourceConfig c = parse_source_config("source=%E2%80%AEx%0Ay" + std::string(300, 'z'));
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_EQ(c.notes[0].find('\n'), std::string::npos);
    EXPECT_EQ(c.notes[0].find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_LT(c.notes[0].size(), 160u);
}

TEST(SourceConfig, NewsApiWithoutKeyOrProxyGetsANote) {
    SourceConfig c = parse_source_config("source=newsapi");
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_EQ(c.notes[0], "NewsAPI needs key=YOUR_KEY, or a proxy= that adds the key for you.");
}

TEST(AdapterHelpers, ProxyPrefixes) {
    EXPECT_EQ(apply_proxy("", "https://a.example/x?y=1"), "https://a.example/x?y=1");
    EXPECT_EQ(apply_proxy("https://p.example/", "https://a.example/x?y=1"), "https://p.example/https://a.example/x?y=1");
    EXPECT_EQ(apply_proxy("https://p.example/raw?url=", "https://a.example/x?y=1"),
              "https://p.example/raw?url=https%3A%2F%2Fa.example%2Fx%3Fy%3D1");
    EXPECT_EQ(apply_proxy("https://p.example/?", "https://a.example/"), "https://p.example/?https%3A%2F%2Fa.example%2F");
    EXPECT_EQ(apply_proxy("https://p.example/", "./api/v1/countries.json"), "./api/v1/countries.json");
}

TEST(AdapterHelpers, StableIds) {
    std::string id = stable_id("g", "https://a.example/x");
    EXPECT_EQ(id, stable_id("g", "https://a.example/x"));
    EXPECT_NE(id, stable_id("g", "https://a.example/y"));
    EXPECT_EQ(id.size(), 18u);
    EXPECT_EQ(id.substr(0, 2), "g-");
    EXPECT_EQ(stable_id("n", ""), "n-cbf29ce484222325");  // FNV-1a offset basis
}

// ---- our API --------------------------------------------------------------------------

TEST(NewsglobeSource, BuildsDocumentUrls) {
    auto s = source_for("");
    EXPECT_EQ(s->countries_url(), "./api/v1/countries.json");
    EXPECT_EQ(s->stories_url("FR", 2), "./api/v1/countries/FR/stories-2.json");
    EXPECT_EQ(s->article_url("fr-0007"), "./api/v1/articles/fr-0007.json");
    EXPECT_TRUE(s->info().story_counts);
    EXPECT_TRUE(s->info().translations);

    auto remote = source_for("api=https://news.example/api/&proxy=https://p.example/raw?url=");
    EXPECT_EQ(remote->countries_url(), "https://p.example/raw?url=https%3A%2F%2Fnews.example%2Fapi%2Fv1%2Fcountries.json");
    EXPECT_EQ(remote->info().host, "p.example");
}

TEST(NewsglobeSource, ResolvesImagesAgainstTheUnproxiedApiRoot) {
    auto s = source_for("api=https://news.example/api&proxy=https://p.example/");
    Result<StoryPage> r = s->decode_stories("FR", 1, answer(200, read_fixture("api/stories_fr_1.json")));
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.stories[1].image, "https://news.example/api/v1/img/fr-0008.svg");
    Result<Article> a = s->decode_article("fr-0007", answer(200, read_fixture("api/article_fr_0007.json")));
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.value.image, "https://news.example/api/v1/img/fr-0007.svg");
}

// ---- FIPS ---------------------------------------------------------------------------

TEST(Fips, KnowsTheConfusingCodes) {
    struct Pair {
        const char* iso;
        const char* fips;
    };
    for (Pair p : {Pair{"GB", "UK"}, Pair{"CN", "CH"}, Pair{"CH", "SZ"}, Pair{"DE", "GM"}, Pair{"AU", "AS"},
                   Pair{"JP", "JA"}, Pair{"AT", "AU"}, Pair{"ES", "SP"}, Pair{"SE", "SW"}, Pair{"KR", "KS"},
                   Pair{"KP", "KN"}, Pair{"RU", "RS"}, Pair{"RS", "RI"}, Pair{"IE", "EI"}, Pair{"IL", "IS"},
                   Pair{"ZA", "SF"}, Pair{"NG", "NI"}, Pair{"NE", "NG"}, Pair{"UA", "UP"}, Pair{"VN", "VM"},
                   Pair{"PH", "RP"}, Pair{"MT", "MT"}, Pair{"SG", "SN"}, Pair{"AD", "AN"}, Pair{"XK", "KV"},
                   Pair{"CZ", "EZ"}, Pair{"DK", "DA"}, Pair{"PT", "PO"}, Pair{"TR", "TU"}, Pair{"IQ", "IZ"}}) {
        std::vector<std::string_view> codes = fips_codes_for_iso(p.iso);
        ASSERT_FALSE(codes.empty()) << p.iso;
        EXPECT_EQ(codes[0], p.fips) << p.iso;
        EXPECT_EQ(iso_for_fips(p.fips), p.iso) << p.fips;
    }
    EXPECT_EQ(fips_codes_for_iso("PS"), (std::vector<std::string_view>{"WE", "GZ"}));
    EXPECT_EQ(iso_for_fips("GZ"), "PS");
    EXPECT_TRUE(fips_codes_for_iso("ZZ").empty());
    EXPECT_EQ(iso_for_fips("XX"), "");
}

TEST(Fips, TableIsConsistent) {
    const auto& table = fips_countries();
    EXPECT_GE(table.size(), 245u);
    std::set<std::string> fips, iso;
    std::string previous;
    for (const FipsCountry& c : table) {
        EXPECT_TRUE(fips.insert(c.fips).second) << "duplicate FIPS " << c.fips;
        EXPECT_EQ(std::string(c.iso).size(), 2u);
        EXPECT_EQ(std::string(c.fips).size(), 2u);
        EXPECT_GE(std::string(c.iso), previous) << "not sorted at " << c.iso;
        previous = c.iso;
        iso.insert(c.iso);
    }
    EXPECT_GE(iso.size(), 243u);
    for (const std::string& code : newsapi_countries()) EXPECT_TRUE(iso.count(code)) << code;
}

// ---- GDELT --------------------------------------------------------------------------

TEST(Gdelt, BuildsArtListQueriesWithFipsCodes) {
    auto s = source_for("source=gdelt");
    EXPECT_EQ(s->stories_url("GB", 1),
              "https://api.gdeltproject.org/api/v2/doc/doc?query=sourcecountry%3AUK&mode=ArtList&format=json"
              "&maxrecords=75&sort=DateDesc&timespan=7d");
    EXPECT_NE(s->stories_url("CN", 1).find("query=sourcecountry%3ACH&"), std::string::npos);
    EXPECT_NE(s->stories_url("CH", 1).find("query=sourcecountry%3ASZ&"), std::string::npos);
    EXPECT_NE(s->stories_url("PS", 1).find("query=%28sourcecountry%3AWE%20OR%20sourcecountry%3AGZ%29&"),
              std::string::npos);
    EXPECT_EQ(s->stories_url("GB", 2), "");  // one page only
    EXPECT_EQ(s->stories_url("ZZ", 1), "");
    EXPECT_EQ(s->countries_url(), "");
    EXPECT_EQ(s->article_url("g-0123456789abcdef"), "");
    EXPECT_EQ(s->info().name, "GDELT");
    EXPECT_EQ(s->info().host, "api.gdeltproject.org");
    EXPECT_EQ(s->info().min_interval_ms, 5000);
    EXPECT_FALSE(s->info().story_counts);
    EXPECT_FALSE(s->info().translations);

    auto proxied = source_for("source=gdelt&proxy=https://p.example/raw?url=");
    EXPECT_EQ(proxied->stories_url("DE", 1).rfind("https://p.example/raw?url=https%3A%2F%2Fapi.gdeltproject.org", 0),
              0u);
    EXPECT_NE(proxied->stories_url("DE", 1).find("sourcecountry%253AGM"), std::string::npos);  // encoded twice
    EXPECT_EQ(proxied->info().host, "p.example");
}

TEST(Gdelt, CountriesIndexComesFromTheTableWithUnknownCounts) {
    auto s = source_for("source=gdelt");
    Result<CountriesIndex> r = s->decode_countries({});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value.source_name, "GDELT");
    EXPECT_FALSE(r.value.sample);
    std::set<std::string> seen;
    for (const CountryEntry& c : r.value.countries) {
        EXPECT_FALSE(c.story_count.has_value()) << c.iso;
        EXPECT_TRUE(seen.insert(c.iso).second) << "duplicate " << c.iso;
    }
    EXPECT_TRUE(seen.count("PS") && seen.count("GB") && seen.count("MT") && seen.count("SG"));
    EXPECT_GE(seen.size(), 243u);
}

TEST(Gdelt, DecodesArtList) {
    auto s = source_for("source=gdelt");
    Result<StoryPage> r = s->decode_stories("GB", 1, answer(200, read_fixture("gdelt/artlist_uk.json")));
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 2);  // javascript: link, missing title (the repeated URL is dropped silently)
    const StoryPage& p = r.value;
    EXPECT_EQ(p.country, "GB");
    EXPECT_EQ(p.page, 1);
    EXPECT_EQ(p.page_count, 1);
    EXPECT_EQ(p.total, 6);
    ASSERT_EQ(p.stories.size(), 6u);

    const StorySummary& rail = p.stories[0];
    EXPECT_EQ(rail.headline, "Rail strike talks resume as unions weigh offer");
    EXPECT_EQ(rail.id, stable_id("g", "https://www.example-gazette.co.uk/news/2026/nov/25/rail-strike-talks"));
    EXPECT_EQ(rail.language, "en");
    EXPECT_EQ(rail.outlet.name, "example-gazette.co.uk");
    EXPECT_EQ(rail.outlet.domain, "example-gazette.co.uk");
    EXPECT_EQ(rail.outlet.country, "GB");
    EXPECT_FALSE(rail.published.known());  // GDELT's seendate is never a publication time
    EXPECT_EQ(rail.first_seen.text, "2026-11-25T05:40:00Z");
    EXPECT_EQ(rail.first_seen.seconds, parse_rfc3339("2026-11-25T05:40:00Z"));
    EXPECT_EQ(rail.image, "https://i.example-gazette.co.uk/rail.jpg");
    EXPECT_EQ(rail.url, "https://www.example-gazette.co.uk/news/2026/nov/25/rail-strike-talks");
    EXPECT_EQ(rail.original_headline, "");

    const StorySummary* welsh = find_story(p, "Ffermwyr yn galw am gymorth wedi'r llifogydd");
    ASSERT_NE(welsh, nullptr);
    EXPECT_EQ(welsh->language, "cy");  // kept in the original language
    EXPECT_EQ(welsh->image, "");

    const StorySummary* polish = find_story(p, "Polonia w Londynie świętuje");
    ASSERT_NE(polish, nullptr);
    EXPECT_EQ(polish->language, "pl");
    EXPECT_FALSE(polish->first_seen.known());  // "2026-11-25" is not GDELT's format
    EXPECT_EQ(polish->image, "");               // data: refused
}

TEST(Gdelt, TitlesAreDetokenised) {
    auto s = source_for("source=gdelt");
    Result<StoryPage> r = s->decode_stories("GB", 1, answer(200, read_fixture("gdelt/artlist_uk.json")));
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_NE(find_story(r.value, "Sen. Klobuchar visits Belfast: we\u2019re here to listen, she says"), nullptr);
    EXPECT_NE(find_story(r.value, "\u00bfQu\u00e9 ofrece Londres a 6,438 estudiantes?"), nullptr);
    EXPECT_NE(find_story(r.value, "L\u2019estate di Londra (foto)"), nullptr);
}

TEST(Gdelt, ATitleThatDetokenisesToNothingKeepsItsPlainForm) {
    // GDELT's lone apostrophe tokens are dropped; a control character is
    // dropped by cleaning: together nothing would be left of the headline.
    auto s = source_for("source=gdelt");
    Result<StoryPage> r = s->decode_stories(
        "GB", 1, answer(200, R"({"articles":[{"url":"https://a.example/x","title":"\u0001 '"}]})"));
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.stories.size(), 1u);
    EXPECT_EQ(r.value.stories[0].headline, "'");
}

TEST(Gdelt, EmptySourceCountryAndRelativeMobileUrlsChangeNothing) {
    auto s = source_for("source=gdelt");
    Result<StoryPage> r = s->decode_stories("GB", 1, answer(200, read_fixture("gdelt/artlist_uk.json")));
    ASSERT_TRUE(r.ok()) << r.error.message;
    // sourcecountry is "" for these rows: they belong to the country asked for.
    const StorySummary* spanish = find_story(r.value, "\u00bfQu\u00e9 ofrece Londres a 6,438 estudiantes?");
    ASSERT_NE(spanish, nullptr);
    EXPECT_EQ(spanish->outlet.country, "GB");
    EXPECT_EQ(spanish->language, "es");
    // url_mobile ("/amp/…") never becomes the link.
    EXPECT_EQ(spanish->url, "https://noticias-example.co.uk/estudiantes");
    for (const StorySummary& story : r.value.stories) {
        EXPECT_TRUE(is_openable_url(story.url)) << story.url;
        EXPECT_EQ(story.url.find("/amp/"), std::string::npos);
    }
}

TEST(Gdelt, ArticlesAreRebuiltFromListItems) {
    auto s = source_for("source=gdelt");
    std::string id = stable_id("g", "https://www.example-gazette.co.uk/news/2026/nov/25/rail-strike-talks");
    Result<Article> missing = s->decode_article(id, {});
    EXPECT_EQ(missing.error.kind, FetchError::NotFound);
    EXPECT_EQ(missing.error.message,
              "GDELT has no page for single articles; open this one from its country's story list.");

    ASSERT_TRUE(s->decode_stories("GB", 1, answer(200, read_fixture("gdelt/artlist_uk.json"))).ok());
    Result<Article> a = s->decode_article(id, {});
    ASSERT_TRUE(a.ok()) << a.error.message;
    EXPECT_EQ(a.value.headline, "Rail strike talks resume as unions weigh offer");
    EXPECT_EQ(a.value.country, "GB");
    EXPECT_TRUE(a.value.body.empty());
    EXPECT_TRUE(a.value.excerpt_only);
    EXPECT_FALSE(a.value.translation.has_value());
    EXPECT_EQ(a.value.first_seen.text, "2026-11-25T05:40:00Z");
}

TEST(Gdelt, AnArticleListedAgainIsKeptAsLongAsItsNewList) {
    // The adapter keeps the 2000 items listed most recently; an old item on
    // a fresh list must stay readable, whatever else that list brings.
    auto s = source_for("source=gdelt");
    auto list = [&](int first, int count) {
        std::string body = R"({"articles":[)";
        for (int i = first; i < first + count; ++i)
            body += (i > first ? "," : "") + std::string(R"({"url":"https://a.example/)") + std::to_string(i) +
                    R"(","title":"Story )" + std::to_string(i) + R"("})";
        return answer(200, body + "]}");
    };
    ASSERT_EQ(s->decode_stories("GB", 1, list(0, 2000)).value.stories.size(), 2000u);
    Result<StoryPage> again = s->decode_stories("GB", 1, list(0, 2));
    ASSERT_EQ(again.value.stories.size(), 2u);
    ASSERT_EQ(s->decode_stories("GB", 1, list(2000, 1998)).value.stories.size(), 1998u);  // evicts 2..1999
    for (const StorySummary& story : again.value.stories) {
        Result<Article> a = s->decode_article(story.id, {});
        EXPECT_TRUE(a.ok()) << story.headline << ": " << a.error.message;
    }
    Result<Article> evicted = s->decode_article(stable_id("g", "https://a.example/2"), {});
    EXPECT_EQ(evicted.error.kind, FetchError::NotFound);
}

TEST(Gdelt, EmptyResultsAreAnEmptyList) {
    auto s = source_for("source=gdelt");
    for (const std::string& body : {read_fixture("gdelt/empty.json"), std::string(), std::string("\n")}) {
        EXPECT_TRUE(s->accept(answer(200, body)).ok());
        Result<StoryPage> r = s->decode_stories("MT", 1, answer(200, body));
        ASSERT_TRUE(r.ok()) << r.error.message;
        EXPECT_TRUE(r.value.stories.empty());
        EXPECT_EQ(r.value.total, 0);
    }
}

TEST(Gdelt, PlainTextErrorsWithStatus200AreRecognised) {
    auto s = source_for("source=gdelt");
    FetchError e = s->accept(answer(200, read_fixture("gdelt/error_invalid_query.txt"), "text/html"));
    EXPECT_EQ(e.kind, FetchError::Service);
    EXPECT_EQ(e.status, 200);
    EXPECT_EQ(e.message, "GDELT did not accept the request: \"Invalid query.\"");
    e = s->accept(answer(200, read_fixture("gdelt/error_phrase_short.txt"), "text/html"));
    EXPECT_EQ(e.message, "GDELT did not accept the request: \"Your search contained a phrase that was too short.\"");
    e = s->accept(answer(200, read_fixture("gdelt/error_rate_limit.txt"), "text/html"));
    EXPECT_EQ(e.kind, FetchError::RateLimited);
    EXPECT_EQ(e.message, "GDELT allows one request every 5 seconds.");
    e = s->accept(answer(200, read_fixture("api/html_502.html"), "text/html"));
    EXPECT_EQ(e.kind, FetchError::NotJson);
    EXPECT_TRUE(s->accept(answer(200, read_fixture("gdelt/artlist_uk.json"))).ok());
}

TEST(Gdelt, LocalAnswersForMissingUrls) {
    auto s = source_for("source=gdelt");
    EXPECT_EQ(s->decode_stories("GB", 2, {}).error.message, "GDELT lists a single page of stories per country.");
    EXPECT_EQ(s->decode_stories("ZZ", 1, {}).error.message, "GDELT does not cover this country.");
}

TEST(Gdelt, SeendateAndLanguages) {
    EXPECT_EQ(parse_gdelt_seendate("20261125T054000Z"), parse_rfc3339("2026-11-25T05:40:00Z"));
    EXPECT_EQ(parse_gdelt_seendate("20261125T054000"), 0);
    EXPECT_EQ(parse_gdelt_seendate("20261345T054000Z"), 0);
    EXPECT_EQ(parse_gdelt_seendate("2026112XT054000Z"), 0);
    EXPECT_EQ(gdelt_language_code("French"), "fr");
    EXPECT_EQ(gdelt_language_code("chinese"), "zh");
    EXPECT_EQ(gdelt_language_code("Klingon"), "");
}

TEST(Gdelt, Explains429) {
    auto s = source_for("source=gdelt");
    FetchResult failed;
    failed.error = make_error(FetchError::RateLimited, "busy", 429);
    FetchError e = s->explain(failed);
    EXPECT_EQ(e.kind, FetchError::RateLimited);
    EXPECT_EQ(e.message, "GDELT allows one request every 5 seconds and is refusing more for now (HTTP 429). "
                         "Try again in a minute.");
    failed.error = make_error(FetchError::Http, "The news server at api.gdeltproject.org failed (HTTP 500).", 500);
    failed.response = answer(500, "Timeout reached\n", "text/plain");
    EXPECT_EQ(s->explain(failed).message,
              "The news server at api.gdeltproject.org failed (HTTP 500). GDELT says: \"Timeout reached\"");
}

// ---- NewsAPI ------------------------------------------------------------------------

TEST(NewsApi, BuildsTopHeadlinesUrls) {
    auto s = source_for("source=newsapi&key=abc%2B1");
    EXPECT_EQ(s->stories_url("GB", 2), "https://newsapi.org/v2/top-headlines?country=gb&pageSize=20&page=2&apiKey=abc%2B1");
    EXPECT_EQ(s->stories_url("MT", 1), "");  // NewsAPI has no Maltese headlines
    EXPECT_EQ(s->countries_url(), "");
    EXPECT_EQ(s->info().name, "NewsAPI");
    EXPECT_EQ(s->info().host, "newsapi.org");

    auto proxied = source_for("source=newsapi&api=https://proxy.example/newsapi/");
    EXPECT_EQ(proxied->stories_url("FR", 1), "https://proxy.example/newsapi/top-headlines?country=fr&pageSize=20&page=1");
}

TEST(NewsApi, CountriesIndexListsServedCountries) {
    Result<CountriesIndex> r = source_for("source=newsapi")->decode_countries({});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value.countries.size(), 54u);
    EXPECT_EQ(r.value.countries[0].iso, "AE");
    EXPECT_FALSE(r.value.countries[0].story_count.has_value());
}

TEST(NewsApi, DecodesTopHeadlines) {
    auto s = source_for("source=newsapi&key=k");
    Result<StoryPage> r = s->decode_stories("FR", 1, answer(200, read_fixture("newsapi/top_headlines_fr.json")));
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.skipped, 2);  // title null, vbscript: link ("[Removed]" is dropped silently)
    const StoryPage& p = r.value;
    EXPECT_EQ(p.total, 38);
    EXPECT_EQ(p.page_count, 2);
    ASSERT_EQ(p.stories.size(), 2u);
    const StorySummary& a = p.stories[0];
    EXPECT_EQ(a.headline, "La réforme des retraites revient au Sénat");
    EXPECT_EQ(a.outlet.name, "Le Monde Exemple");
    EXPECT_EQ(a.outlet.domain, "www.lemonde-example.fr");
    EXPECT_EQ(a.published.seconds, parse_rfc3339("2026-11-25T06:12:00Z"));
    EXPECT_FALSE(a.first_seen.known());
    EXPECT_EQ(a.summary, "Les sénateurs examinent le texte dès mardi.");
    EXPECT_EQ(a.image, "https://img.lemonde-example.fr/retraites.jpg");
    const StorySummary& b = p.stories[1];
    EXPECT_EQ(b.outlet.name, "www.ouest-example.fr");  // no source name: the domain
    EXPECT_EQ(b.image, "");                             // "http://" has no host
    EXPECT_EQ(b.summary, "");

    Result<Article> article = s->decode_article(a.id, {});
    ASSERT_TRUE(article.ok());
    EXPECT_EQ(article.value.body,
              (std::vector<std::string>{"Le texte arrive au Sénat dans un climat tendu, après des semaines de débats …"}));
    EXPECT_TRUE(article.value.excerpt_only);
    EXPECT_EQ(article.value.url, "https://www.lemonde-example.fr/politique/article/2026/11/25/retraites");
}

TEST(NewsApi, AnOutletNamedAfterALongHostFitsTheNameLimit) {
    // No source name: the outlet is named after the link's host, which may be
    // longer than any name the app shows (up to DNS's 253 bytes).
    std::string host = std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c') + "." +
                       std::string(40, 'd') + ".example";  // 240 bytes
    Result<StoryPage> r = source_for("source=newsapi&key=k")->decode_stories(
        "FR", 1, answer(200, R"({"status":"ok","totalResults":1,"articles":[{"source":{"name":""},"title":"T","url":"https://)" +
                                 host + R"(/x"}]})"));
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.stories.size(), 1u);
    const Outlet& outlet = r.value.stories[0].outlet;
    EXPECT_LE(outlet.domain.size(), kMaxNameBytes);
    EXPECT_LE(outlet.name.size(), kMaxNameBytes);
    EXPECT_EQ(outlet.name.substr(0, 64), std::string(63, 'a') + ".");
}

TEST(NewsApi, ErrorAnswersBecomeSpecificMessages) {
    auto s = source_for("source=newsapi&key=k");
    Result<StoryPage> r = s->decode_stories("FR", 1, answer(200, read_fixture("newsapi/error_apikey.json")));
    EXPECT_EQ(r.error.kind, FetchError::Service);
    EXPECT_EQ(r.error.message,
              "NewsAPI did not accept the API key (apiKeyInvalid). Your API key is invalid or incorrect. Check your "
              "key, or go to https://newsapi.org to create a free API key.");

    FetchResult failed;
    failed.error = make_error(FetchError::Http, "The news server at newsapi.org refused access (HTTP 401).", 401);
    failed.response = answer(401, read_fixture("newsapi/error_apikey.json"));
    EXPECT_EQ(s->explain(failed).kind, FetchError::Service);
    EXPECT_EQ(s->explain(failed).status, 401);

    failed.error = make_error(FetchError::RateLimited, "busy", 429);
    failed.response = answer(429, read_fixture("newsapi/error_ratelimited.json"));
    EXPECT_EQ(s->explain(failed).kind, FetchError::RateLimited);
    EXPECT_EQ(s->explain(failed).message,
              "NewsAPI's request limit for this key is used up (rateLimited). Try again later.");

    failed.response = answer(426, read_fixture("newsapi/error_cors.json"));
    EXPECT_EQ(s->explain(failed).message,
              "NewsAPI does not answer web pages on this plan (corsNotAllowed); use a proxy= that adds the key on a "
              "server.");

    failed.error = make_error(FetchError::Network, "Could not reach the news server at newsapi.org.");
    failed.response = {};
    EXPECT_EQ(s->explain(failed).message, "Could not reach the news server at newsapi.org. NewsAPI answers web pages "
                                          "only through a proxy (proxy=) or from localhost.");
}

TEST(NewsApi, EmptyAndMalformedAnswers) {
    auto s = source_for("source=newsapi&key=k");
    Result<StoryPage> r = s->decode_stories("FR", 1, answer(200, read_fixture("newsapi/empty_ok.json")));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value.page_count, 0);
    EXPECT_EQ(s->decode_stories("FR", 1, answer(200, R"({"articles":[]})")).error.kind, FetchError::BadDocument);
    EXPECT_EQ(s->decode_stories("MT", 1, {}).error.message, "NewsAPI has no top headlines for this country.");
}

// ---- NewsService end to end ----------------------------------------------------------

namespace {

struct NewsServiceTest : ::testing::Test {
    FakeTransport transport;
    int64_t now = 1795588800000;
    HttpClient http{transport, [this] { return now; }, [this] { return now; }};

    void advance(int64_t ms) {
        now += ms;
        http.tick();
    }
};

}  // namespace

TEST_F(NewsServiceTest, OurApiEndToEnd) {
    NewsService news(http, source_for("api=https://news.example/api"));
    std::vector<NewsUpdate<CountriesIndex>> got;
    FetchHandle h = news.countries([&](const NewsUpdate<CountriesIndex>& u) { got.push_back(u); });
    ASSERT_EQ(transport.requests.size(), 1u);
    EXPECT_EQ(transport.requests[0].request.url, "https://news.example/api/v1/countries.json");
    transport.respond(0, answer(200, read_fixture("api/countries.json")));
    advance(0);
    ASSERT_EQ(got.size(), 1u);
    ASSERT_TRUE(got[0].result.ok());
    EXPECT_EQ(got[0].result.value.countries.size(), 4u);
    EXPECT_FALSE(got[0].stale);
}

TEST_F(NewsServiceTest, WebPageWith200IsNotJsonAndNotCached) {
    NewsService news(http, source_for("api=https://news.example/api"));
    std::vector<NewsUpdate<StoryPage>> got;
    auto record = [&](const NewsUpdate<StoryPage>& u) { got.push_back(u); };
    FetchHandle h = news.stories("fr", 1, record);
    EXPECT_EQ(transport.requests[0].request.url, "https://news.example/api/v1/countries/FR/stories-1.json");
    transport.respond(0, answer(200, read_fixture("api/html_502.html"), "text/html; charset=utf-8"));
    advance(0);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].result.error.kind, FetchError::NotJson);
    EXPECT_EQ(got[0].result.error.message, "The server answered with a web page instead of news data (HTTP 200, "
                                           "text/html): \"502 Bad Gateway\".");
    FetchHandle again = news.stories("FR", 1, record);
    EXPECT_EQ(transport.requests.size(), 2u);  // the web page was not cached
}

TEST_F(NewsServiceTest, InvalidRequestsFailWithoutANetworkRequest) {
    NewsService news(http, source_for(""));
    std::vector<FetchError> errors;
    FetchHandle a = news.stories("France", 1, [&](const NewsUpdate<StoryPage>& u) { errors.push_back(u.result.error); });
    FetchHandle b = news.stories("FR", 0, [&](const NewsUpdate<StoryPage>& u) { errors.push_back(u.result.error); });
    FetchHandle c = news.article("../../secrets", [&](const NewsUpdate<Article>& u) { errors.push_back(u.result.error); });
    EXPECT_TRUE(errors.empty());  // delivered in tick(), like everything else
    advance(0);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].kind, FetchError::NotFound);
    EXPECT_EQ(errors[2].message, "This article link is not valid.");
    EXPECT_TRUE(transport.requests.empty());
}

TEST_F(NewsServiceTest, GdeltEndToEndWithRateLimit) {
    NewsService news(http, source_for("source=gdelt"));
    std::vector<NewsUpdate<CountriesIndex>> index;
    FetchHandle h0 = news.countries([&](const NewsUpdate<CountriesIndex>& u) { index.push_back(u); });
    EXPECT_TRUE(transport.requests.empty());  // built locally
    advance(0);
    ASSERT_EQ(index.size(), 1u);
    EXPECT_FALSE(index[0].result.value.countries.empty());

    std::vector<NewsUpdate<StoryPage>> pages;
    auto record = [&](const NewsUpdate<StoryPage>& u) { pages.push_back(u); };
    FetchHandle gb = news.stories("GB", 1, record);
    FetchHandle de = news.stories("DE", 1, record);
    ASSERT_EQ(transport.requests.size(), 1u);  // DE waits: one request per 5 s
    transport.respond(0, answer(200, read_fixture("gdelt/artlist_uk.json")));
    advance(4999);
    ASSERT_EQ(pages.size(), 1u);
    ASSERT_TRUE(pages[0].result.ok());
    EXPECT_EQ(transport.requests.size(), 1u);
    advance(1);
    ASSERT_EQ(transport.requests.size(), 2u);
    EXPECT_NE(transport.requests[1].request.url.find("sourcecountry%3AGM"), std::string::npos);
    transport.respond(1, answer(200, read_fixture("gdelt/error_phrase_short.txt"), "text/html"));
    advance(0);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[1].result.error.kind, FetchError::Service);

    std::string id = pages[0].result.value.stories[0].id;
    std::vector<NewsUpdate<Article>> articles;
    FetchHandle a = news.article(id, [&](const NewsUpdate<Article>& u) { articles.push_back(u); });
    advance(0);
    ASSERT_EQ(articles.size(), 1u);
    ASSERT_TRUE(articles[0].result.ok()) << articles[0].result.error.message;
    EXPECT_EQ(articles[0].result.value.headline, "Rail strike talks resume as unions weigh offer");
    EXPECT_EQ(transport.requests.size(), 2u);
}

TEST_F(NewsServiceTest, GdeltSilenceIsProbablyThrottlingAndBacksOffAMinute) {
    NewsService news(http, source_for("source=gdelt"));
    std::vector<NewsUpdate<StoryPage>> pages;
    auto record = [&](const NewsUpdate<StoryPage>& u) { pages.push_back(u); };
    FetchHandle gb = news.stories("GB", 1, record);
    ASSERT_EQ(transport.requests.size(), 1u);
    transport.respond(0, answer(0, ""));  // what a 429 without CORS headers looks like to the page
    advance(0);
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].result.error.kind, FetchError::RateLimited);
    EXPECT_EQ(pages[0].result.error.message,
              "GDELT did not answer, probably because it is limiting requests (it refuses them in a way browsers "
              "cannot read). Try again in a minute.");
    // Trying again (or another country) waits until the minute is over.
    FetchHandle again = news.stories("GB", 1, record);
    FetchHandle de = news.stories("DE", 1, record);
    for (int i = 0; i < kGdeltNoAnswerBackoffMs / 1000 - 1; ++i) advance(1000);
    EXPECT_EQ(transport.requests.size(), 1u);
    advance(1000);
    ASSERT_EQ(transport.requests.size(), 2u);
    transport.respond(1, answer(200, read_fixture("gdelt/artlist_uk.json")));
    advance(0);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_TRUE(pages[1].result.ok());
    advance(5000);
    EXPECT_EQ(transport.requests.size(), 3u);  // then DE, 5 s later

    // Through a proxy, no answer is an ordinary network failure.
    NewsService proxied(http, source_for("source=gdelt&proxy=https://p.example/raw?url="));
    FetchHandle fr = proxied.stories("FR", 1, record);
    transport.respond(transport.requests.size() - 1, answer(0, ""));
    advance(0);
    EXPECT_EQ(fr.progress().last_error.kind, FetchError::Network);
}

TEST_F(NewsServiceTest, NewsApiHttpErrorIsExplained) {
    NewsService news(http, source_for("source=newsapi&key=bad"));
    std::vector<FetchError> errors;
    FetchHandle h = news.stories("US", 1, [&](const NewsUpdate<StoryPage>& u) { errors.push_back(u.result.error); });
    transport.respond(0, answer(401, read_fixture("newsapi/error_apikey.json")));
    advance(0);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].kind, FetchError::Service);
    EXPECT_EQ(errors[0].status, 401);
    EXPECT_EQ(errors[0].message.rfind("NewsAPI did not accept the API key (apiKeyInvalid).", 0), 0u);
}

TEST_F(NewsServiceTest, StaleThenRefreshedUpdatesAreDecoded) {
    NewsService news(http, source_for("api=https://news.example/api"));
    std::vector<NewsUpdate<StoryPage>> got;
    auto record = [&](const NewsUpdate<StoryPage>& u) { got.push_back(u); };
    FetchHandle first = news.stories("FR", 1, record);
    transport.respond(0, answer(200, read_fixture("api/stories_fr_1.json")));
    advance(0);
    advance(6 * 60 * 1000);  // past the 5 min freshness of story lists
    FetchHandle second = news.stories("FR", 1, record);
    advance(0);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_TRUE(got[1].stale);
    EXPECT_EQ(got[1].result.value.stories.size(), 3u);
    transport.respond(1, answer(200, read_fixture("api/stories_wrong_types.json")));
    advance(0);
    ASSERT_EQ(got.size(), 3u);
    EXPECT_TRUE(got[2].refreshed);
    EXPECT_EQ(got[2].result.skipped, 6);
}

// [SECTION] bad answers are never cached as good --------------------------------------------

TEST_F(NewsServiceTest, A200ThatFailsToDecodeIsNotCachedSoTryAgainAsksTheServer) {
    NewsService news(http, source_for("api=https://news.example/api"));
    const std::string good = read_fixture("api/article_minimal.json");
    // what outside checks put in flight: each decodes to an error, and each
    // must leave the next request to the network, not to the cache
    const std::vector<std::pair<const char*, std::string>> bad = {
        {"truncated", good.substr(0, good.size() / 2)},
        {"trailing garbage", good + " ]]garbage"},
        {"invalid UTF-8", R"({"version":1,"id":"min-1","headline":")" + std::string("\xff\xfe") + R"("})"},
        {"NaN", R"({"version":NaN})"},
        {"single quotes", "{'version':1}"},
        {"wrong types", R"({"version":"1","id":7,"headline":["x"],"outlet":"o","country":3})"},
        {"all-null fields", R"({"version":1,"id":null,"headline":null,"outlet":null,"country":null})"},
        {"JSON null", "null"},
    };
    size_t asked = 0;
    for (const auto& [what, body] : bad) {
        std::vector<NewsUpdate<Article>> got;
        auto record = [&](const NewsUpdate<Article>& u) { got.push_back(u); };
        FetchHandle first = news.article("min-1", record);
        ASSERT_EQ(transport.requests.size(), asked + 1) << what;
        transport.respond(asked++, answer(200, body));
        advance(0);
        ASSERT_EQ(got.size(), 1u) << what;
        EXPECT_FALSE(got[0].result.ok()) << what;
        FetchHandle again = news.article("min-1", record);  // "Try again", at once
        ASSERT_EQ(transport.requests.size(), asked + 1) << what << ": the bad answer was cached";
        transport.respond(asked++, answer(200, good));
        advance(0);
        ASSERT_EQ(got.size(), 2u) << what;
        EXPECT_TRUE(got[1].result.ok()) << what << ": " << got[1].result.error.message;
        advance(61 * 60 * 1000);  // past the good answer's freshness and into its stale window…
        advance(24 * 60 * 60 * 1000);  // …and out of it, so the next case starts afresh
    }
}

TEST_F(NewsServiceTest, AStoryListWhoseEveryItemIsUnusableIsAnError) {
    NewsService news(http, source_for("api=https://news.example/api"));
    std::vector<NewsUpdate<StoryPage>> got;
    FetchHandle h = news.stories("FR", 1, [&](const NewsUpdate<StoryPage>& u) { got.push_back(u); });
    transport.respond(0, answer(200, R"({"version":1,"country":"FR","page":1,"page_count":1,"total":3,
        "stories":[{"id":"a"},{"headline":"No id"},null]})"));
    advance(0);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].result.error.kind, FetchError::BadDocument);
    EXPECT_EQ(got[0].result.error.message, "The story list had 3 stories and none could be read.");
    FetchHandle again = news.stories("FR", 1, [&](const NewsUpdate<StoryPage>& u) { got.push_back(u); });
    EXPECT_EQ(transport.requests.size(), 2u);  // not cached
}

TEST_F(NewsServiceTest, AnIndexWhoseEveryEntryIsUnusableIsAnError) {
    NewsService news(http, source_for("api=https://news.example/api"));
    std::vector<NewsUpdate<CountriesIndex>> got;
    FetchHandle h = news.countries([&](const NewsUpdate<CountriesIndex>& u) { got.push_back(u); });
    std::string entries;
    for (int i = 0; i < 241; ++i) entries += std::string(i ? "," : "") + R"({"iso":"F","story_count":"many"})";
    transport.respond(0, answer(200, R"({"version":1,"countries":[)" + entries + "]}"));
    advance(0);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].result.error.message, "The news index had 241 entries and none could be read.");
    // an honest empty list is not an error
    FetchHandle again = news.countries([&](const NewsUpdate<CountriesIndex>& u) { got.push_back(u); });
    ASSERT_EQ(transport.requests.size(), 2u);
    transport.respond(1, answer(200, R"({"version":1,"countries":[]})"));
    advance(0);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_TRUE(got[1].result.ok());
}
