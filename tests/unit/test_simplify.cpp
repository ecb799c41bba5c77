#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/simplify.hpp"
#include "core/tessellate.hpp"
#include "world_fixture.hpp"

using namespace ng;

namespace {

// Degrees of arc on the globe, as the light map's tolerance is measured:
// longitude shrunk by cos(latitude).
double segment_distance(LatLon p, LatLon a, LatLon b) {
    double k = std::cos(p.lat * kDegToRad);
    double dx = (b.lon - a.lon) * k, dy = b.lat - a.lat, px = (p.lon - a.lon) * k, py = p.lat - a.lat;
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? std::fmax(0.0, std::fmin(1.0, (px * dx + py * dy) / len2)) : 0.0;
    return std::hypot(px - t * dx, py - t * dy);
}

// How far the original points stray from the simplified line: for each, the
// nearest of its segments (the light map's points sit on a coarser grid, so
// they are near the originals rather than equal to them). Returns the worst.
double worst_error(const std::vector<LatLon>& original, const std::vector<LatLon>& simple) {
    double worst = 0;
    for (const LatLon& p : original) {
        double best = simple.size() == 1 ? std::hypot(p.lat - simple[0].lat, p.lon - simple[0].lon) : 1e9;
        for (size_t j = 0; j + 1 < simple.size(); ++j) best = std::fmin(best, segment_distance(p, simple[j], simple[j + 1]));
        worst = std::fmax(worst, best);
    }
    return worst;
}

size_t points(const World& w) {
    size_t n = 0;
    for (const Country& c : w.countries)
        for (const Polygon& p : c.polygons)
            for (const Ring& r : p.rings) n += r.points.size();
    return n;
}

}  // namespace

TEST(Simplify, TheLightMapKeepsEveryCountryAndStaysWithinTheTolerance) {
    const World& world = test_world();
    const World& light = test_light_world();
    ASSERT_FALSE(world.countries.empty());
    ASSERT_EQ(light.countries.size(), world.countries.size());
    for (size_t c = 0; c < world.countries.size(); ++c) {
        const Country& a = world.countries[c];
        const Country& b = light.countries[c];
        EXPECT_EQ(a.iso, b.iso);  // the same countries in the same order: indices carry over
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.aliases, b.aliases);
        EXPECT_EQ(a.label.lat, b.label.lat);
        EXPECT_EQ(a.label.lon, b.label.lon);
        ASSERT_FALSE(b.polygons.empty()) << a.iso;
        for (const Polygon& p : b.polygons)
            for (const Ring& r : p.rings) EXPECT_GE(r.points.size(), 3u) << a.iso << ": no island disappears";
    }
    const double tol = kLightMapToleranceDeg, quantum = tol / 2;
    ASSERT_EQ(light.arcs.size(), world.arcs.size());
    double worst = 0;
    for (size_t i = 0; i < world.arcs.size(); ++i) {
        ASSERT_GE(light.arcs[i].points.size(), std::min<size_t>(2, world.arcs[i].points.size()));
        worst = std::fmax(worst, worst_error(world.arcs[i].points, light.arcs[i].points));
    }
    // the tolerance and half a grid step's diagonal (a speck kept as a triangle may stray further)
    EXPECT_LE(worst, 2 * tol);
    size_t within = 0, all = 0;
    for (size_t i = 0; i < world.arcs.size(); ++i, ++all)
        within += worst_error(world.arcs[i].points, light.arcs[i].points) <= tol + quantum * 0.71;
    EXPECT_GT(within * 100, all * 99) << "all but specks within the tolerance";
    EXPECT_LT(points(light) * 3, points(world)) << "most points are under a pixel of the whole globe";
}

TEST(Simplify, NeighboursKeepOneBorderAndASliverKeepsATriangle) {
    // Two countries share the arc 0 (a straight border with a 0.01° wiggle);
    // the second's other side, arc 1, wiggles the other way: alone,
    // Douglas–Peucker would leave that thin diamond two points.
    WorldAssetSource src;
    src.transform = {0.001, 0.001, 0, 0};  // a thousandth of a degree per unit
    src.arcs = {{{0, 0}, {500, 10}, {500, -10}}, {{1000, 0}, {-500, -10}, {-500, 10}}, {{0, 0}, {500, 2000}, {500, -2000}}};
    WorldAssetSource::Entry north, sliver;
    north.iso = "NN", north.polygons = {{{~2, 0}}};
    sliver.iso = "SS", sliver.polygons = {{{~0, ~1}}};
    src.countries = {north, sliver};
    WorldAssetSource light = simplify_asset(src, 0.05);
    std::string error;
    World w;
    ASSERT_TRUE(decode_world_asset(encode_world_asset(light), &w, &error)) << error;
    ASSERT_EQ(w.countries.size(), 2u);
    EXPECT_EQ(w.countries[1].polygons[0].rings[0].points.size(), 3u) << "the sliver is a triangle, not a line";
    // the border the two draw is the one arc both refer to
    EXPECT_EQ(light.arcs[2].size(), 3u) << "the tall arc keeps its peak";
    EXPECT_EQ(light.transform.scale_lon, 0.025) << "on a grid of half the tolerance";
}

TEST(Simplify, TheLightMeshCoversTheSameLandWithFewerVertices) {
    const World& world = test_world();
    ASSERT_FALSE(world.countries.empty());
    GlobeMesh full = tessellate_world(world), light = tessellate_world(test_light_world(), kLightMeshOptions);
    auto area = [](const GlobeMesh& m) {
        double a = 0;
        for (size_t t = 0; t < m.land_indices.size(); t += 3) {
            Vec3 v[3];
            for (int k = 0; k < 3; ++k) {
                const float* p = &m.land_xyz[m.land_indices[t + size_t(k)] * 3];
                v[k] = {p[0], p[1], p[2]};
            }
            a += length(cross(v[1] - v[0], v[2] - v[0])) / 2;
        }
        return a;
    };
    EXPECT_NEAR(area(light) / area(full), 1.0, 0.005);
    EXPECT_LT(light.land_indices.size() * 2, full.land_indices.size());
    EXPECT_LT(light.border_xyz.size() * 2, full.border_xyz.size());
    std::printf("land triangles %zu -> %zu, border segments %zu -> %zu\n", full.land_indices.size() / 3,
                light.land_indices.size() / 3, full.border_xyz.size() / 6, light.border_xyz.size() / 6);
}

TEST(Simplify, AnIslandNarrowerThanTheGridKeepsATriangleWoundAsItWas) {
    // A dot 0.004° across (the Vatican is 0.007°) and a strip 0.3° long but
    // 0.004° wide, each one closed arc, counter-clockwise and clockwise: on
    // the light map's 0.025° grid they would be one point and a line.
    WorldAssetSource src;
    src.transform = {0.001, 0.001, 0, 0};
    src.arcs = {{{10000, 10000}, {4, 0}, {0, 4}, {-4, -4}}, {{20000, 20000}, {0, 4}, {300, 0}, {-300, -4}}};
    WorldAssetSource::Entry dot, strip;
    dot.iso = "DD", dot.polygons = {{{0}}};
    strip.iso = "SS", strip.polygons = {{{1}}};
    src.countries = {dot, strip};
    std::string error;
    World w;
    ASSERT_TRUE(decode_world_asset(encode_world_asset(simplify_asset(src, 0.05)), &w, &error)) << error;
    ASSERT_EQ(w.countries.size(), 2u);
    for (size_t c = 0; c < 2; ++c) {
        ASSERT_EQ(w.countries[c].polygons.size(), 1u) << w.countries[c].iso;
        const std::vector<LatLon>& ring = w.countries[c].polygons[0].rings[0].points;
        ASSERT_EQ(ring.size(), 3u) << w.countries[c].iso << ": a triangle";
        double twice_area = 0;
        for (size_t j = 0; j < 3; ++j)
            twice_area += ring[j].lon * ring[(j + 1) % 3].lat - ring[(j + 1) % 3].lon * ring[j].lat;
        EXPECT_NE(twice_area, 0.0) << w.countries[c].iso << ": not a line";
        EXPECT_EQ(twice_area > 0, c == 0) << w.countries[c].iso << ": wound as the source ring";
        for (const LatLon& p : ring) EXPECT_NEAR(p.lat, c == 0 ? 10 : 20, 0.05) << w.countries[c].iso;
    }
    double lons[3];
    for (size_t j = 0; j < 3; ++j) lons[j] = w.countries[1].polygons[0].rings[0].points[j].lon;
    EXPECT_NEAR(*std::max_element(lons, lons + 3) - *std::min_element(lons, lons + 3), 0.3, 0.03)
        << "the strip keeps its length";
}
