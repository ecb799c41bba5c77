// Reading a country's stories: paging, the filter and the sort, the reader's
// ←/→, and failures that keep what is already listed.
#include <gtest/gtest.h>

#include "viewer_harness.hpp"

using ng::Route;

namespace {

std::vector<std::string> ids(const std::vector<const ng::StorySummary*>& list) {
    std::vector<std::string> out;
    for (const auto* s : list) out.push_back(s->id);
    return out;
}

// France, three pages of three stories.
ng::Viewer& start_in_france(ViewerHarness& h, const std::string& hash = "#/country/FR") {
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 3, {1, 2, 3}));
    h.serve(stories_path("FR", 2), stories_doc("FR", 2, 3, {4, 5, 6}));
    h.serve(stories_path("FR", 3), stories_doc("FR", 3, 3, {7, 8, 9}));
    for (int n = 1; n <= 9; ++n) {
        std::string id = "FR-" + std::to_string(n);
        h.serve(article_path(id), article_doc(id, "FR"));
    }
    ng::Viewer& v = h.start(hash);
    h.frame();
    return v;
}

}  // namespace

TEST(ViewerPaging, MoreStoriesComePageByPageUntilTheLast) {
    ViewerHarness h;
    ng::Viewer& v = start_in_france(h);
    EXPECT_EQ(ids(v.visible_stories()), (std::vector<std::string>{"FR-1", "FR-2", "FR-3"}));
    EXPECT_FALSE(h.was_requested(stories_path("FR", 2))) << "one page until the reader asks";
    v.load_more_stories();
    h.frame();
    v.load_more_stories();
    h.frame();
    EXPECT_EQ(v.visible_stories().size(), 9u);
    EXPECT_TRUE(v.news().stories("FR")->complete());
    size_t before = h.requested().size();
    v.load_more_stories();  // nothing left
    h.frame();
    EXPECT_EQ(h.requested().size(), before);
}

TEST(ViewerPaging, AFailedPageKeepsTheStoriesAndCanBeRetried) {
    ViewerHarness h;
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 2, {1, 2, 3}));
    ng::Viewer& v = h.start("#/country/FR");
    h.frame();
    v.load_more_stories();  // page 2 is missing (404)
    h.frame();
    const ng::CountryStories* s = v.news().stories("FR");
    ASSERT_NE(s, nullptr);
    EXPECT_FALSE(s->load.error.ok());
    EXPECT_FALSE(s->load.error.message.empty());
    EXPECT_EQ(ids(v.visible_stories()), (std::vector<std::string>{"FR-1", "FR-2", "FR-3"}));
    // the page appears; "Try again" loads it and appends it
    h.serve(stories_path("FR", 2), stories_doc("FR", 2, 2, {4, 5}));
    v.load_more_stories();
    h.frame();
    EXPECT_TRUE(v.news().stories("FR")->load.error.ok());
    EXPECT_EQ(ids(v.visible_stories()), (std::vector<std::string>{"FR-1", "FR-2", "FR-3", "FR-4", "FR-5"}));
}

TEST(ViewerPaging, AFailedFirstPageIsRetriedWhenTheCountryIsOpenedAgain) {
    ViewerHarness h;
    ng::Viewer& v = h.start("#/country/DE");  // no page served: 404
    h.frame();
    ASSERT_NE(v.news().stories("DE"), nullptr);
    EXPECT_FALSE(v.news().stories("DE")->load.error.ok());
    h.serve(stories_path("DE", 1), stories_doc("DE", 1, 1, {1}));
    v.load_stories();
    h.frame();
    EXPECT_EQ(ids(v.visible_stories()), (std::vector<std::string>{"DE-1"}));
}

TEST(ViewerList, TheOutletFilterAndTheSortShapeTheList) {
    ViewerHarness h;
    ng::Viewer& v = start_in_france(h);
    v.set_outlet_filter("Outlet B");  // odd numbers
    EXPECT_EQ(ids(v.visible_stories()), (std::vector<std::string>{"FR-1", "FR-3"}));
    v.set_outlet_filter("");
    v.set_sort_by_coverage(true);  // coverage = n: most covered first
    EXPECT_EQ(ids(v.visible_stories()), (std::vector<std::string>{"FR-3", "FR-2", "FR-1"}));
    // another country starts unfiltered
    v.set_outlet_filter("Outlet B");
    v.navigate({Route::Country, "DE"});
    EXPECT_TRUE(v.outlet_filter().empty());
}

TEST(ViewerReader, ArrowKeysPageThroughTheListedStories) {
    ViewerHarness h;
    ng::Viewer& v = start_in_france(h, "#/article/FR-2");
    ASSERT_EQ(v.country(), "FR");
    v.key(ng::Key::Right);
    EXPECT_EQ(v.article(), "FR-3");
    EXPECT_EQ(h.host.hash, "#/article/FR-3");
    v.key(ng::Key::Left);
    v.key(ng::Key::Left);
    EXPECT_EQ(v.article(), "FR-1");
    EXPECT_FALSE(v.step_article(-1)) << "nothing before the first";
    EXPECT_EQ(v.article(), "FR-1");
}

TEST(ViewerReader, ArrowsFollowTheFilterAndSortTheReaderSees) {
    ViewerHarness h;
    ng::Viewer& v = start_in_france(h, "#/article/FR-3");
    v.set_sort_by_coverage(true);  // FR-3, FR-2, FR-1
    EXPECT_TRUE(v.step_article(+1));
    EXPECT_EQ(v.article(), "FR-2");
    v.set_outlet_filter("Outlet B");  // FR-3, FR-1: FR-2 is not listed any more
    EXPECT_FALSE(v.step_article(+1));
}

TEST(ViewerReader, ReadingTowardsTheEndLoadsTheNextPage) {
    ViewerHarness h;
    ng::Viewer& v = start_in_france(h, "#/article/FR-1");
    EXPECT_FALSE(h.was_requested(stories_path("FR", 2)));
    v.key(ng::Key::Right);  // FR-2: one before the end of what is loaded
    h.frame();
    EXPECT_TRUE(h.was_requested(stories_path("FR", 2)));
    EXPECT_EQ(v.visible_stories().size(), 6u);
    v.key(ng::Key::Right);
    v.key(ng::Key::Right);
    EXPECT_EQ(v.article(), "FR-4");
}

TEST(ViewerReader, NoAutomaticRetryOfAFailedNextPage) {
    ViewerHarness h;
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 2, {1, 2, 3}));
    h.serve(article_path("FR-1"), article_doc("FR-1", "FR"));
    h.serve(article_path("FR-2"), article_doc("FR-2", "FR"));
    ng::Viewer& v = h.start("#/article/FR-1");
    h.frame();
    v.key(ng::Key::Right);  // asks for page 2, which fails
    h.frame();
    ASSERT_NE(v.news().stories("FR"), nullptr);
    ASSERT_FALSE(v.news().stories("FR")->load.error.ok());
    size_t before = h.requested().size();
    v.key(ng::Key::Left);
    v.key(ng::Key::Right);  // near the end again: the failure waits for "Try again"
    h.frame();
    EXPECT_EQ(h.requested().size(), before);
    EXPECT_EQ(v.article(), "FR-2");
}

TEST(ViewerReader, ArrowsTurnTheGlobeWhenNoStoryIsOpen) {
    ViewerHarness h;
    ng::Viewer& v = start_in_france(h);
    double lon = v.globe().camera().centre().lon;
    v.key(ng::Key::Right);
    for (int i = 0; i < 30; ++i) h.frame_without_answers();
    EXPECT_NE(v.globe().camera().centre().lon, lon);
    EXPECT_TRUE(v.article().empty());
}
