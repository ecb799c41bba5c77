// The viewer's options: one table decides what every key of the page's
// options means and when it applies; links to the full viewer carry them.
#include <gtest/gtest.h>

#include "viewer/options.hpp"
#include "viewer_harness.hpp"

using ng::HistoryEntry;
using ng::Route;

TEST(ViewerOptionTable, KeepsOnlyKnownKeysInTheirOrder) {
    ng::OptionValues v = ng::known_options("?theme=light&fullPage=1&api=https%3A%2F%2Fnews.example%2Fapi&zoom=3&key=a+b");
    ASSERT_EQ(v.size(), 3u);
    EXPECT_EQ(v[0], (std::pair<std::string, std::string>{"theme", "light"}));
    EXPECT_EQ(v[1], (std::pair<std::string, std::string>{"api", "https://news.example/api"}));
    EXPECT_EQ(v[2], (std::pair<std::string, std::string>{"key", "a b"}));
    EXPECT_TRUE(ng::known_options("").empty());
}

TEST(ViewerOptionTable, WritesQueriesThatReadBackTheSame) {
    ng::OptionValues v = {{"api", "https://news.example/api?x=1&y=2"}, {"key", "a b+c"}};
    std::string q = ng::options_query(v);
    EXPECT_EQ(q, "?api=https%3A%2F%2Fnews.example%2Fapi%3Fx%3D1%26y%3D2&key=a%20b%2Bc");
    EXPECT_EQ(ng::known_options(q), v);
    EXPECT_EQ(ng::options_query({}), "");
}

TEST(ViewerOptionTable, SaysWhenEachOptionApplies) {
    int source = 0, view = 0, route = 0;
    for (const ng::ViewerOption& o : ng::viewer_options()) {
        source += o.kind == ng::OptionKind::Source;
        view += o.kind == ng::OptionKind::View;
        route += o.kind == ng::OptionKind::Route;
    }
    EXPECT_EQ(source, 4);  // source, api, proxy, key
    EXPECT_EQ(view, 4);    // theme, autorotate, locked, compact
    EXPECT_EQ(route, 2);   // country, article
    EXPECT_TRUE(ng::option_on("1") && ng::option_on("true") && ng::option_on("yes"));
    EXPECT_FALSE(ng::option_on("0") || ng::option_on("no") || ng::option_on(""));
}

TEST(ViewerOptions, ThemeAutorotateAndCompactApplyAtOnceAndWakeTheLoop) {
    ViewerHarness h;
    ng::Viewer& v = h.start();
    int wakes = h.host.wakes;
    EXPECT_TRUE(v.dark());
    v.set_options("?theme=light&compact=1&autorotate=1");
    EXPECT_FALSE(v.dark());
    EXPECT_TRUE(v.compact());
    EXPECT_FALSE(v.globe().camera().auto_rotate_enabled()) << "the reader prefers reduced motion";
    EXPECT_GT(h.host.wakes, wakes);
    v.set_options("?theme=sepia&compact=no");  // not a theme: ignored
    EXPECT_FALSE(v.dark());
    EXPECT_FALSE(v.compact());
}

TEST(ViewerOptions, TheSourceAndTheStartCannotChangeAtRunTime) {
    ViewerHarness h;
    ng::Viewer& v = h.start("", "?api=./api", true);
    h.frame();
    size_t requests = h.requested().size();
    v.set_options("?api=https://other.example/api&country=DE&source=gdelt");
    h.frame();
    EXPECT_TRUE(v.country().empty());
    EXPECT_EQ(h.requested().size(), requests);
    EXPECT_EQ(v.link(), "index.html?api=.%2Fapi");
}

TEST(ViewerOptions, AnEmbeddedViewerOpensWhereItsOptionsSay) {
    ViewerHarness h;
    ng::Viewer& v = h.start("", "?country=de&theme=light", true);
    EXPECT_EQ(v.route(), (Route{Route::Country, "DE"}));
    ASSERT_EQ(h.host.hash_writes.size(), 1u);
    EXPECT_EQ(h.host.hash_writes[0], (std::pair<std::string, HistoryEntry>{"#/country/DE", HistoryEntry::Replace}));
    h.frame();
    EXPECT_EQ(v.country(), "DE") << "the next frame reads back the hash it wrote";

    ViewerHarness article;
    article.serve(article_path("JP-3"), article_doc("JP-3", "JP"));
    ng::Viewer& a = article.start("", "?country=FR&article=JP-3", true);
    EXPECT_EQ(a.route(), (Route{Route::Article, "JP-3"}));  // the article wins

    ViewerHarness bad;
    EXPECT_EQ(bad.start("", "?article=../../etc&country=IT", true).route(), (Route{Route::Country, "IT"}));
}

TEST(ViewerOptions, TheFullPageOpensWhereItsUrlHashSays) {
    ViewerHarness h;
    ng::Viewer& v = h.start("#/country/JP", "?country=DE");
    EXPECT_EQ(v.route(), (Route{Route::Country, "JP"}));
    ViewerHarness plain;
    EXPECT_EQ(plain.start("", "?country=DE").route(), Route{});
    EXPECT_TRUE(plain.host.hash_writes.empty());
}

namespace {

// An embedded viewer whose app files are at `asset_base`.
ng::ViewerStart embedded_at(const std::string& asset_base, const std::string& query = "") {
    ng::ViewerStart s;
    s.embedded = true;
    s.asset_base = asset_base;
    s.query = query;
    return s;
}

}  // namespace

TEST(ViewerOptions, AnEmbeddedViewerWithoutASourceReadsTheApiBesideTheApp) {
    ViewerHarness h;
    h.start(embedded_at("https://cdn.example/newsglobe/"));
    EXPECT_TRUE(h.was_requested("https://cdn.example/newsglobe/api/v1/countries.json"));
    EXPECT_TRUE(h.was_requested("https://cdn.example/newsglobe/data/world-light.bin"));
}

TEST(ViewerLink, TheFullPageLinksToItselfAtTheRoute) {
    ViewerHarness h;
    ng::ViewerStart s;
    s.page_url = "https://news.example/globe/?theme=light";
    ng::Viewer& v = h.start(s);
    v.navigate({Route::Country, "FR"});
    EXPECT_EQ(v.link(), "https://news.example/globe/?theme=light#/country/FR");
}

TEST(ViewerLink, AnEmbeddedViewerLinksToTheAppWithItsOptions) {
    ViewerHarness h;
    ng::Viewer& v =
        h.start(embedded_at("https://cdn.example/ng/", "?compact=1&theme=dark&country=FR&postMessage=1&api=https://news.example/api"));
    // in the table's order; the route is the hash, not an option
    EXPECT_EQ(v.link(),
              "https://cdn.example/ng/index.html?api=https%3A%2F%2Fnews.example%2Fapi&theme=dark&compact=1#/country/FR");
    v.set_options("?theme=light");
    EXPECT_EQ(v.link(),
              "https://cdn.example/ng/index.html?api=https%3A%2F%2Fnews.example%2Fapi&theme=light&compact=1#/country/FR");
}

TEST(ViewerLink, TheSampleApiBesideTheAppTravelsWithTheLink) {
    ViewerHarness h;
    EXPECT_EQ(h.start(embedded_at("https://cdn.example/ng/")).link(),
              "https://cdn.example/ng/index.html?api=https%3A%2F%2Fcdn.example%2Fng%2Fapi");
}
