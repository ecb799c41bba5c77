#include <gtest/gtest.h>

#include <random>
#include <set>
#include <utility>

#include "core/pixel_rects.hpp"

using namespace ng;

namespace {

// Every pixel of the rectangles, once; false when two results share one.
bool pixels_of(const std::vector<PixelRect>& rects, std::set<std::pair<int, int>>* out) {
    for (const PixelRect& r : rects)
        for (int y = r.y0; y < r.y1; ++y)
            for (int x = r.x0; x < r.x1; ++x)
                if (!out->insert({x, y}).second) return false;
    return true;
}

std::set<std::pair<int, int>> union_of(const std::vector<PixelRect>& rects) {
    std::set<std::pair<int, int>> s;
    for (const PixelRect& r : rects)
        for (int y = r.y0; y < r.y1; ++y)
            for (int x = r.x0; x < r.x1; ++x) s.insert({x, y});
    return s;
}

}  // namespace

TEST(PixelRects, ApartStayAsTheyAre) {
    // a top bar and a legend: nothing shared
    std::vector<PixelRect> in = {{11, 11, 1270, 70}, {11, 655, 267, 710}};
    EXPECT_EQ(disjoint_union(in), in);
}

TEST(PixelRects, AnOverlapIsCopiedOnce) {
    // a panel under the top bar's edge, a tooltip over the panel
    std::vector<PixelRect> in = {{0, 0, 100, 20}, {60, 10, 120, 80}, {50, 30, 70, 40}};
    std::set<std::pair<int, int>> got;
    ASSERT_TRUE(pixels_of(disjoint_union(in), &got));
    EXPECT_EQ(got, union_of(in));
}

TEST(PixelRects, EmptyAndInsideOnesAddNothing) {
    std::vector<PixelRect> in = {{5, 5, 5, 50}, {0, 0, 10, 10}, {2, 2, 4, 4}, {8, 9, 3, 12}};
    EXPECT_EQ(disjoint_union(in), (std::vector<PixelRect>{{0, 0, 10, 10}}));
    EXPECT_TRUE(disjoint_union({}).empty());
}

TEST(PixelRects, RandomRectanglesCoverTheirUnionExactlyOnce) {
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        std::vector<PixelRect> in;
        for (int i = 0, n = int(rng() % 6); i < n; ++i) {
            int x = int(rng() % 40), y = int(rng() % 40);
            in.push_back({x, y, x + int(rng() % 25), y + int(rng() % 25)});
        }
        std::set<std::pair<int, int>> got;
        ASSERT_TRUE(pixels_of(disjoint_union(in), &got)) << "round " << round;
        ASSERT_EQ(got, union_of(in)) << "round " << round;
    }
}
