#include <gtest/gtest.h>

#include "core/route.hpp"

using namespace ng;

TEST(Route, ParsesCountryAndArticle) {
    EXPECT_EQ(parse_route("#/country/FR"), (Route{Route::Country, "FR"}));
    EXPECT_EQ(parse_route("#/country/fr"), (Route{Route::Country, "FR"}));
    EXPECT_EQ(parse_route("#/article/fr-0007"), (Route{Route::Article, "fr-0007"}));
    EXPECT_EQ(parse_route("/article/de_12"), (Route{Route::Article, "de_12"}));
}

TEST(Route, ParsesStories) {
    EXPECT_EQ(parse_route("#/story/s-68b25f360a872b78"), (Route{Route::Story, "s-68b25f360a872b78"}));
    for (const char* h : {"#/story/", "#/story/a b", "#/story/../x", "#/story/s-1/FR"})
        EXPECT_EQ(parse_route(h).kind, Route::Globe) << h;
}

TEST(Route, BadHashesAreTheGlobe) {
    for (const char* h : {"", "#", "#/", "#/country/FRA", "#/country/1X", "#/article/", "#/article/a b",
                          "#/article/<script>", "#/article/../../x", "#/unknown/FR", "#%00%ff"})
        EXPECT_EQ(parse_route(h).kind, Route::Globe) << h;
    EXPECT_EQ(parse_route("#/article/" + std::string(65, 'a')).kind, Route::Globe);
}

TEST(Route, FormatRoundTrips) {
    for (Route r : {Route{}, Route{Route::Country, "JP"}, Route{Route::Article, "jp-0001"}, Route{Route::Story, "s-001"}})
        EXPECT_EQ(parse_route(format_route(r)), r);
    EXPECT_EQ(format_route({}), "");
}
