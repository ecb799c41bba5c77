// Failures the reader must be able to trust the viewer with: a bad answer is
// never kept as good (Try again always asks the server), a document with
// nothing usable in it is an error rather than an empty list, the counts a
// header shows agree with the list, and a failed request is not repeated
// because a route was applied again (only Try again asks again, and never
// inside a server's Retry-After window).
#include <gtest/gtest.h>

#include <optional>

#include "core/picking.hpp"
#include "viewer_harness.hpp"

namespace {

size_t requests_for(const ViewerHarness& h, const std::string& suffix) {
    size_t n = 0;
    for (const std::string& url : h.requested())
        if (url.size() >= suffix.size() && url.compare(url.size() - suffix.size(), suffix.size(), suffix) == 0) ++n;
    return n;
}

// Answers the open request whose URL ends in `suffix` (the harness answers
// the rest only when asked to).
void respond_to(ViewerHarness& h, const std::string& suffix, ng::HttpResponse response) {
    for (size_t i = 0; i < h.host.net.requests.size(); ++i) {
        const auto& r = h.host.net.requests[i];
        const std::string& url = r.request.url;
        if (r.cancelled || r.finished || url.size() < suffix.size() ||
            url.compare(url.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        h.host.net.respond(i, std::move(response));
        return;
    }
    ADD_FAILURE() << "no open request for " << suffix;
}

}  // namespace

TEST(ViewerFailures, AFailedListIsNotAskedForAgainWhenTheMapArrivesAndReappliesTheRoute) {
    ViewerHarness h;
    ng::Viewer& v = h.start("#/country/DE");
    respond_to(h, stories_path("DE", 1), answer(404, "<h1>Not found</h1>", "text/html"));
    h.frame_without_answers();
    ASSERT_FALSE(v.news().stories("DE")->load.error.ok());
    h.frame();  // the map, the fonts and the index arrive: the route is applied again
    ASSERT_TRUE(v.world_ready());
    EXPECT_EQ(requests_for(h, stories_path("DE", 1)), 1u);
    // the reader's own "Try again" does ask again
    h.serve(stories_path("DE", 1), stories_doc("DE", 1, 1, {1}));
    v.load_stories();
    h.frame();
    EXPECT_EQ(requests_for(h, stories_path("DE", 1)), 2u);
    EXPECT_EQ(v.visible_stories().size(), 1u);
}

TEST(ViewerFailures, NoRequestInsideALongRetryAfterWindowNotEvenForTryAgain) {
    ViewerHarness h;
    ng::Viewer& v = h.start("#/article/fr-1");
    respond_to(h, article_path("fr-1"), answer(429, "<h1>Too many</h1>", "text/html", "600"));
    h.frame();  // everything else arrives; the article route is applied again
    const ng::ArticleEntry* a = v.news().article("fr-1");
    ASSERT_NE(a, nullptr);
    EXPECT_NE(a->load.error.message.find("It asks to wait 10 min"), std::string::npos) << a->load.error.message;
    EXPECT_EQ(requests_for(h, article_path("fr-1")), 1u);
    h.host.advance(60 * 1000);
    v.retry_article();
    h.frame();
    EXPECT_EQ(requests_for(h, article_path("fr-1")), 1u) << "Try again inside the window";
    EXPECT_NE(v.news().article("fr-1")->load.error.message.find("wait 9 min"), std::string::npos);
    h.host.advance(9 * 60 * 1000);
    h.serve(article_path("fr-1"), article_doc("fr-1", "FR"));
    v.retry_article();
    h.frame();
    EXPECT_EQ(requests_for(h, article_path("fr-1")), 2u);
    EXPECT_NE(v.loaded_article(), nullptr);
}

TEST(ViewerFailures, AnAnswerThatFailsToDecodeIsNotKeptAndTryAgainAsksTheServer) {
    ViewerHarness h;
    std::string good = stories_doc("FR", 1, 1, {1, 2});
    h.serve(stories_path("FR", 1), answer(200, good + "garbage"));
    ng::Viewer& v = h.start("#/country/FR");
    h.frame();
    ASSERT_FALSE(v.news().stories("FR")->load.error.ok());
    h.serve(stories_path("FR", 1), good);  // the server is fixed
    v.load_stories();
    h.frame();
    EXPECT_EQ(requests_for(h, stories_path("FR", 1)), 2u);
    EXPECT_TRUE(v.news().stories("FR")->load.error.ok());
    EXPECT_EQ(v.visible_stories().size(), 2u);
}

TEST(ViewerFailures, ADamagedMapIsNotKeptAndTryAgainFetchesItAnew) {
    ViewerHarness h;
    ng::HttpResponse map = h.files["data/world-light.bin"];
    h.files["data/world-light.bin"] = answer(200, map.body.substr(0, map.body.size() / 3), "application/octet-stream");
    ng::Viewer& v = h.start();
    h.frame();
    EXPECT_FALSE(v.world_ready());
    EXPECT_NE(v.load_error().find("damaged"), std::string::npos) << v.load_error();
    h.files["data/world-light.bin"] = map;
    v.retry_assets();
    h.frame();
    EXPECT_TRUE(v.world_ready());
    EXPECT_EQ(requests_for(h, "data/world-light.bin"), 2u);
}

TEST(ViewerFailures, AnIndexWithNothingUsableIsAnErrorThatCanBeRetried) {
    ViewerHarness h;
    h.serve("api/v1/countries.json",
            R"({"version":1,"countries":[{"iso":"France"},{"story_count":3},{"iso":"DE","story_count":-1}]})");
    ng::Viewer& v = h.start();
    h.frame();
    EXPECT_FALSE(v.news().countries_loaded());
    EXPECT_EQ(v.news().countries_load().error.message, "The news index had 3 entries and none could be read.");
    h.serve("api/v1/countries.json", countries_doc({{"FR", "France", 2}}));
    v.retry_countries();
    h.frame();
    EXPECT_TRUE(v.news().countries_loaded());
    EXPECT_EQ(v.news().story_count("FR"), 2);
}

TEST(ViewerFailures, AListWhoseStoriesAreAllUnreadableIsAnErrorNotAnEmptyDay) {
    ViewerHarness h;
    h.serve(stories_path("FR", 1), R"({"version":1,"country":"FR","page":1,"page_count":1,"total":12,
        "stories":[{"id":"x"},{"id":"y","headline":7},null]})");
    ng::Viewer& v = h.start("#/country/FR");
    h.frame();
    const ng::CountryStories* s = v.news().stories("FR");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->load.error.message, "The story list had 3 stories and none could be read.");
    EXPECT_EQ(s->pages_loaded, 0);
}

TEST(ViewerFailures, TheCountAgreesWithTheListWhenSomeItemsCannotBeRead) {
    ViewerHarness h;  // the index says France has 12 stories
    nlohmann::json page = nlohmann::json::parse(stories_doc("FR", 1, 1, {1, 2, 3, 4, 5}));
    page["total"] = 7;
    page["stories"].push_back({{"id", "broken-1"}});                      // no headline
    page["stories"].push_back({{"id", 7}, {"headline", "A numeric id"}});  // wrong type
    h.serve(stories_path("FR", 1), page.dump());
    ng::Viewer& v = h.start();
    h.frame();
    EXPECT_EQ(v.news().story_count("FR"), 12);  // before the list is read, the index's word
    v.navigate({ng::Route::Country, "FR"});
    h.frame();
    const ng::CountryStories* s = v.news().stories("FR");
    EXPECT_EQ(s->load.skipped, 2);
    EXPECT_EQ(v.visible_stories().size(), 5u);
    EXPECT_EQ(v.news().story_count("FR"), 5) << "the header says what the list shows";
}

TEST(ViewerFailures, AnIncompleteListCountsWhatIsStillToComeLessWhatWasDropped) {
    ViewerHarness h;
    nlohmann::json page = nlohmann::json::parse(stories_doc("FR", 1, 2, {1, 2, 3}));  // total 6 over 2 pages
    page["stories"].push_back({{"headline", "No id"}});
    page["total"] = 7;
    h.serve(stories_path("FR", 1), page.dump());
    ng::Viewer& v = h.start("#/country/FR");
    h.frame();
    EXPECT_EQ(v.news().story_count("FR"), 6);  // 7 on the server, one of them unreadable
    h.serve(stories_path("FR", 2), stories_doc("FR", 2, 2, {4, 5, 6}));
    v.load_more_stories();
    h.frame();
    EXPECT_EQ(v.visible_stories().size(), 6u);
    EXPECT_EQ(v.news().story_count("FR"), 6);
}

// ---- the map in two steps: light first, full detail once asked for -------------------

namespace {

size_t map_points(const ng::World& w) {
    size_t n = 0;
    for (const ng::Country& c : w.countries)
        for (const ng::Polygon& p : c.polygons)
            for (const ng::Ring& r : p.rings) n += r.points.size();
    return n;
}

}  // namespace

TEST(ViewerMap, TheFullMapComesOnlyWhenAskedForAndKeepsTheSelection) {
    ViewerHarness h;
    ng::Viewer& v = h.start("#/country/FR");
    h.frame();
    ASSERT_TRUE(v.world_ready());
    EXPECT_FALSE(v.world_full());
    EXPECT_EQ(requests_for(h, "data/world.bin"), 0u) << "the first view fetches the light map only";
    int fr = v.world().find("FR");
    ASSERT_GE(fr, 0);
    EXPECT_EQ(v.globe().selected(), fr);
    size_t light_points = map_points(v.world());
    unsigned revision = v.world_revision();
    v.want_full_world();
    h.frame();
    EXPECT_TRUE(v.world_full());
    EXPECT_EQ(requests_for(h, "data/world.bin"), 1u);
    EXPECT_NE(v.world_revision(), revision);
    EXPECT_GT(map_points(v.world()), 2 * light_points);
    EXPECT_EQ(v.globe().selected(), fr) << "the same countries: the selection stays";
    v.want_full_world();
    h.frame();
    EXPECT_EQ(requests_for(h, "data/world.bin"), 1u) << "asked once";
}

TEST(ViewerMap, AFailedFullMapLeavesTheLightOneAndTryAgainAsksAgain) {
    ViewerHarness h;
    ng::HttpResponse full = h.files["data/world.bin"];
    h.files.erase("data/world.bin");
    ng::Viewer& v = h.start();
    h.frame();
    v.want_full_world();
    h.frame();
    EXPECT_TRUE(v.world_ready());
    EXPECT_FALSE(v.world_full());
    EXPECT_TRUE(v.load_error().empty()) << "the globe works: nothing to tell the reader";
    h.files["data/world.bin"] = full;
    v.retry_assets();
    h.frame();
    EXPECT_TRUE(v.world_full());
}

TEST(ViewerMap, AFullMapWithOtherCountriesIsNotTaken) {
    ng::WorldAssetSource other;  // one made-up country: another build's map
    other.arcs = {{{0, 0}, {1000, 0}, {0, 1000}, {-1000, -1000}}};
    ng::WorldAssetSource::Entry elsewhere;
    elsewhere.iso = "XX", elsewhere.name = "Elsewhere", elsewhere.polygons = {{{0}}};
    other.countries.push_back(elsewhere);
    ViewerHarness h;
    h.files["data/world.bin"] = answer(200, ng::encode_world_asset(other), "application/octet-stream");
    ng::Viewer& v = h.start();
    h.frame();
    v.want_full_world();
    h.frame();
    EXPECT_FALSE(v.world_full());
    EXPECT_GE(v.world().find("FR"), 0) << "the light map stays";
}

TEST(ViewerMap, AClickTheLightMapGotWrongIsPutRightByTheFullMap) {
    ViewerHarness h;
    ng::Viewer& v = h.start();
    h.frame();
    ng::World full;
    std::string error;
    ASSERT_TRUE(ng::decode_world_asset(h.files["data/world.bin"].body, &full, &error)) << error;
    // a spot just off a border where the two maps disagree, between two large
    // countries (no dots over them at zoom 1)
    ng::CountryPicker exact(full), light(v.world());
    std::optional<ng::LatLon> spot;
    int want = -1, first = -1;
    auto large = [&](int i) { return i >= 0 && full.countries[size_t(i)].area_km2 > 50000; };
    for (size_t a = 0; a < full.arcs.size() && !spot; ++a)
        for (const ng::LatLon& p : full.arcs[a].points) {
            ng::LatLon q{p.lat + 0.02, p.lon};
            int f = exact.country_at(q), l = light.country_at(q);
            if (f != l && large(f) && large(l)) {
                spot = q, want = f, first = l;
                break;
            }
        }
    ASSERT_TRUE(spot) << "the light map differs from the full one somewhere";
    h.click_at(*spot);
    ASSERT_EQ(v.country(), v.world().countries[size_t(first)].iso) << "picked on the light map";
    v.want_full_world();
    h.frame();
    ASSERT_TRUE(v.world_full());
    EXPECT_EQ(v.country(), full.countries[size_t(want)].iso) << "put right by the full map";
    EXPECT_EQ(v.globe().selected(), want);
}
