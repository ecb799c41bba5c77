// Navigation: deep links, the URL hash and its history, events for the
// embedding page, globe clicks, Esc, and a locked viewer's limits.
#include <gtest/gtest.h>

#include "viewer_harness.hpp"

using ng::HistoryEntry;
using ng::Route;


TEST(ViewerNavigation, ADeepLinkOpensItsCountryWithoutAddingHistory) {
    ViewerHarness h;
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 1, {1, 2}));
    ng::Viewer& v = h.start("#/country/FR");
    h.frame();
    EXPECT_EQ(v.country(), "FR");
    EXPECT_TRUE(h.was_requested(stories_path("FR", 1)));
    ASSERT_TRUE(v.world_ready());
    EXPECT_EQ(v.globe().selected(), v.world().find("FR"));  // the globe flies there once the map is in
    EXPECT_TRUE(h.host.hash_writes.empty()) << "the URL already says where we are";
    EXPECT_EQ(v.visible_stories().size(), 2u);
}

TEST(ViewerNavigation, NavigatingPushesTheHashAndTellsThePageOnce) {
    ViewerHarness h;
    ng::Viewer& v = h.start();
    h.frame();
    v.navigate({Route::Country, "DE"});
    v.navigate({Route::Country, "DE"});  // the same place again: no new entry, no new event
    ASSERT_EQ(h.host.hash_writes.size(), 1u);
    EXPECT_EQ(h.host.hash_writes[0].first, "#/country/DE");
    EXPECT_EQ(h.host.hash_writes[0].second, HistoryEntry::Push);
    auto selects = h.host.events_named("select");
    ASSERT_EQ(selects.size(), 1u);
    EXPECT_EQ(selects[0]["country"], "DE");
    EXPECT_TRUE(h.was_requested(stories_path("DE", 1)));
}

TEST(ViewerNavigation, TheIndexSayingNoStoriesFetchesNothing) {
    ViewerHarness h;
    ng::Viewer& v = h.start();
    h.frame();
    v.navigate({Route::Country, "IT"});  // the index says 0
    h.frame();
    EXPECT_EQ(v.country(), "IT");
    EXPECT_FALSE(h.was_requested(stories_path("IT", 1)));
}

TEST(ViewerNavigation, BackAndForwardFollowTheUrlWithoutWritingIt) {
    ViewerHarness h;
    ng::Viewer& v = h.start();
    h.frame();
    v.navigate({Route::Country, "DE"});
    h.host.hash = "#/country/FR";  // the reader pressed back, or edited the URL
    h.frame();
    EXPECT_EQ(v.country(), "FR");
    EXPECT_EQ(h.host.hash_writes.size(), 1u);
    h.host.hash = "";
    h.frame();
    EXPECT_TRUE(v.country().empty());
    EXPECT_EQ(v.globe().selected(), -1);
}

TEST(ViewerNavigation, AnOpenedArticleBringsItsCountryAndAnOpenEvent) {
    ViewerHarness h;
    h.serve(article_path("DE-5"), article_doc("DE-5", "DE"));
    ng::Viewer& v = h.start();
    h.frame();
    v.navigate({Route::Article, "DE-5"});
    h.frame();
    EXPECT_EQ(v.article(), "DE-5");
    EXPECT_EQ(v.country(), "DE");
    EXPECT_EQ(v.globe().selected(), v.world().find("DE"));
    auto opens = h.host.events_named("open");
    ASSERT_EQ(opens.size(), 1u);
    EXPECT_EQ(opens[0], (nlohmann::json{{"id", "DE-5"}, {"country", "DE"}}));
    ASSERT_NE(v.loaded_article(), nullptr);
    EXPECT_EQ(v.loaded_article()->headline, "Article DE-5");
}

TEST(ViewerNavigation, EscClosesTheTopmostThing) {
    ViewerHarness h;
    h.serve(article_path("FR-1"), article_doc("FR-1", "FR"));
    ng::Viewer& v = h.start("#/article/FR-1");
    h.frame();
    v.show_country_list(true);
    v.close_top();  // the A–Z list first
    EXPECT_FALSE(v.list_view());
    EXPECT_EQ(v.article(), "FR-1");
    v.close_top();  // the reader goes back to its country's list
    EXPECT_TRUE(v.article().empty());
    EXPECT_EQ(v.route(), (Route{Route::Country, "FR"}));
    v.close_top();  // the country closes
    EXPECT_EQ(v.route(), Route{});
    EXPECT_EQ(h.host.hash, "");
}

TEST(ViewerNavigation, ClicksOnTheGlobeOpenCountriesAndTheOceanClosesThem) {
    ViewerHarness h;
    ng::Viewer& v = h.start();
    h.frame();
    h.click_country("FR");
    EXPECT_EQ(v.country(), "FR");
    EXPECT_EQ(h.host.hash, "#/country/FR");
    h.click_at({30, -40});  // the middle of the Atlantic
    EXPECT_TRUE(v.country().empty());
}

TEST(ViewerNavigation, WithAStoryOpenACoveringCountryOpensItsTake) {
    ViewerHarness h;
    h.serve(article_path("FR-1"), article_doc("FR-1", "FR", {{"DE", "DE-9"}, {"IT", ""}}));
    h.serve(article_path("DE-9"), article_doc("DE-9", "DE"));
    ng::Viewer& v = h.start("#/article/FR-1");
    h.frame();
    ASSERT_NE(v.coverage_of("DE"), nullptr);
    h.click_country("IT");  // its take has no article of ours: Italy's stories instead
    EXPECT_EQ(v.route(), (Route{Route::Country, "IT"}));
    v.navigate({Route::Article, "FR-1"});
    h.frame();
    h.click_country("DE");
    EXPECT_EQ(v.article(), "DE-9");
}

// ---- a locked viewer -----------------------------------------------------------------

TEST(ViewerLocked, StaysOnItsCountry) {
    ViewerHarness h;
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 1, {1, 2}));
    ng::Viewer& v = h.start("#/country/FR", "?locked=1", true);
    h.frame();
    EXPECT_EQ(v.locked_country(), "FR");
    v.navigate({Route::Country, "DE"});
    v.navigate({});
    v.close_top();
    EXPECT_EQ(v.route(), (Route{Route::Country, "FR"}));
    EXPECT_TRUE(h.host.hash_writes.empty());
    EXPECT_TRUE(h.host.events_named("select").empty());
    // a back button on the page cannot take it away either
    h.host.hash = "#/country/DE";
    h.frame();
    EXPECT_EQ(v.country(), "FR");
}

TEST(ViewerLocked, OpensOnlyArticlesFromItsCountry) {
    ViewerHarness h;
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 1, {1, 2}));
    h.serve(article_path("FR-1"), article_doc("FR-1", "FR", {{"DE", "DE-9"}}));
    ng::Viewer& v = h.start("#/country/FR", "?locked=1", true);
    h.frame();
    EXPECT_TRUE(v.route_allowed({Route::Article, "FR-2"}));  // in its list
    EXPECT_FALSE(v.route_allowed({Route::Article, "XX-1"}));  // unknown: could be from anywhere
    v.navigate({Route::Article, "FR-1"});
    h.frame();
    EXPECT_EQ(v.article(), "FR-1");
    v.navigate({Route::Article, "DE-9"});  // another country's take
    EXPECT_EQ(v.article(), "FR-1");
    v.set_options("?locked=0");
    v.navigate({Route::Country, "DE"});
    EXPECT_EQ(v.country(), "DE");
}
