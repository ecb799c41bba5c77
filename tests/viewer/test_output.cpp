// What the viewer hands out besides the UI: the globe's country colours and
// the accessible mirror's document.
#include <gtest/gtest.h>

#include "core/coverage.hpp"
#include "viewer_harness.hpp"

using ng::Route;

namespace {

struct Rgb8 {
    int r, g, b;
    bool operator==(const Rgb8& o) const { return r == o.r && g == o.g && b == o.b; }
};

std::ostream& operator<<(std::ostream& os, const Rgb8& c) { return os << "rgb(" << c.r << "," << c.g << "," << c.b << ")"; }

Rgb8 colour_of(const ng::Viewer& v, const std::string& iso) {
    int i = v.world().find(iso);
    EXPECT_GE(i, 0) << iso;
    const auto& p = v.palette();
    size_t at = size_t(std::max(0, i)) * 4;
    return {p[at], p[at + 1], p[at + 2]};
}

Rgb8 rgb8(ng::Rgb c) { return {int(c.r * 255 + 0.5f), int(c.g * 255 + 0.5f), int(c.b * 255 + 0.5f)}; }

const Rgb8 kSelected{255, 140, 56};

}  // namespace

TEST(ViewerPalette, CountriesAreShadedByTheirStoryCounts) {
    ViewerHarness h;
    ng::Viewer& v = h.start();
    h.frame();
    EXPECT_EQ(colour_of(v, "FR"), rgb8(ng::coverage_colour(12, true)));
    EXPECT_EQ(colour_of(v, "DE"), rgb8(ng::coverage_colour(3, true)));
    EXPECT_EQ(colour_of(v, "IT"), rgb8(ng::no_data_colour(true)));  // the index says none
    EXPECT_FALSE(colour_of(v, "FR") == colour_of(v, "DE")) << "more stories, another shade";
}

TEST(ViewerPalette, TheSelectionStandsOutAndAThemeChangeRecolours) {
    ViewerHarness h;
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 1, {1}));
    ng::Viewer& v = h.start();
    h.frame();
    unsigned revision = v.palette_revision();
    v.navigate({Route::Country, "FR"});
    h.frame();
    EXPECT_EQ(colour_of(v, "FR"), kSelected);
    EXPECT_GT(v.palette_revision(), revision) << "the renderer uploads the new colours";
    revision = v.palette_revision();
    h.frame();
    EXPECT_EQ(v.palette_revision(), revision) << "nothing changed: nothing to upload";
    v.set_options("?theme=light");
    h.frame();
    EXPECT_EQ(colour_of(v, "IT"), rgb8(ng::no_data_colour(false)));
}

TEST(ViewerPalette, AnOpenStoryLightsTheCountriesThatCoverIt) {
    ViewerHarness h;
    h.serve(article_path("FR-1"), article_doc("FR-1", "FR", {{"DE", "DE-9"}, {"JP", ""}}));
    ng::Viewer& v = h.start("#/article/FR-1");
    h.frame();
    EXPECT_EQ(colour_of(v, "DE"), rgb8(ng::viridis(0.85)));
    EXPECT_EQ(colour_of(v, "JP"), rgb8(ng::viridis(0.85)));
    EXPECT_EQ(colour_of(v, "FR"), kSelected);
    // everyone else fades, whatever their story count
    EXPECT_EQ(colour_of(v, "IT"), rgb8(ng::no_data_colour(true)));
    EXPECT_EQ(colour_of(v, "US"), rgb8(ng::no_data_colour(true)));
}

TEST(ViewerMirror, ListsEveryCountryOfTheMapWithItsCount) {
    ViewerHarness h;
    ng::Viewer& v = h.start();
    h.frame();
    nlohmann::json doc = h.host.mirror();
    ASSERT_TRUE(doc.is_object());
    const nlohmann::json& countries = doc["countries"];
    ASSERT_GT(countries.size(), 200u);
    std::string previous;
    int france = -1;
    for (size_t i = 0; i < countries.size(); ++i) {
        std::string name = countries[i]["name"];
        EXPECT_LE(previous, name) << "A to Z";
        previous = name;
        if (countries[i]["iso"] == "FR") france = int(i);
    }
    ASSERT_GE(france, 0);
    EXPECT_EQ(countries[size_t(france)]["count"], 12);
    EXPECT_TRUE(doc["country"].is_null());
    EXPECT_TRUE(doc["article"].is_null());
    EXPECT_EQ(v.country_name("FR"), "France");
}

TEST(ViewerMirror, CarriesTheOpenCountrysStoriesAndTheOpenArticle) {
    ViewerHarness h;
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 1, {1, 2}));
    h.serve(article_path("FR-1"), article_doc("FR-1", "FR", {{"DE", "DE-9"}}));
    ng::Viewer& v = h.start("#/country/FR");
    h.frame();
    nlohmann::json country = h.host.mirror()["country"];
    EXPECT_EQ(country["iso"], "FR");
    EXPECT_EQ(country["name"], "France");
    ASSERT_EQ(country["stories"].size(), 2u);
    EXPECT_EQ(country["stories"][0]["headline"], "Story 1 from FR");
    EXPECT_EQ(country["stories"][0]["outlet"], "Outlet B");
    EXPECT_EQ(country["stories"][0]["time"], "2 h ago");

    v.navigate({Route::Article, "FR-1"});
    h.frame();
    nlohmann::json article = h.host.mirror()["article"];
    EXPECT_EQ(article["headline"], "Article FR-1");
    EXPECT_EQ(article["country"], "France");
    EXPECT_EQ(article["body"], nlohmann::json({"First paragraph of FR-1."}));
    EXPECT_EQ(article["sections"][0]["heading"], "What happened");
    EXPECT_EQ(article["worldTake"], "The world agrees, mostly.");
    ASSERT_EQ(article["takes"].size(), 1u);
    EXPECT_EQ(article["takes"][0]["country"], "Germany") << "countries by name, not code";
    EXPECT_EQ(article["takes"][0]["id"], "DE-9");
}

TEST(ViewerMirror, IsPublishedOnlyWhenItChanges) {
    ViewerHarness h;
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 1, {1}));
    ng::Viewer& v = h.start("#/country/FR");
    h.frame();
    size_t published = h.host.mirrors.size();
    for (int i = 0; i < 10; ++i) h.frame();
    EXPECT_EQ(h.host.mirrors.size(), published);
    v.navigate({});
    h.frame();
    EXPECT_EQ(h.host.mirrors.size(), published + 1);
    EXPECT_TRUE(h.host.mirror()["country"].is_null());
}

TEST(ViewerMirror, WaitsForTheMapWhichCanBeRetried) {
    ViewerHarness h;
    ng::HttpResponse map = h.files["data/world-light.bin"];
    h.files.erase("data/world-light.bin");  // the map fails
    ng::Viewer& v = h.start();
    h.frame();
    EXPECT_TRUE(h.host.mirrors.empty());
    EXPECT_FALSE(v.load_error().empty());
    EXPECT_FALSE(v.world_ready());
    h.files["data/world-light.bin"] = map;
    v.retry_assets();
    h.frame();
    EXPECT_TRUE(v.world_ready());
    EXPECT_TRUE(v.load_error().empty());
    EXPECT_FALSE(h.host.mirrors.empty());
}
